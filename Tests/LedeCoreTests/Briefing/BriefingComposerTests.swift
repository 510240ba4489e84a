import Foundation
import LedeCore
import Testing

@Suite struct BriefingComposerTests {
    static let now = Date(timeIntervalSince1970: 1_776_643_200 + 20 * 3600)

    static func article(_ id: Int64, _ outlet: String, _ title: String, _ paragraphs: [String], hours: Double = 10) -> Article {
        Article(
            id: id, sourceID: id, itemKey: "\(id)", url: "https://\(outlet)/\(id)", urlKey: "\(outlet)/\(id)", outlet: outlet,
            title: title, byline: nil, published: Date(timeIntervalSince1970: 1_776_643_200 + hours * 3600), updated: nil,
            language: "en", summary: nil, text: paragraphs.joined(separator: "\n\n"), contentHash: id, duplicateOfID: nil,
            storyID: 1, fetchedAt: now)
    }

    static let material = StoryMaterial(
        story: Story(id: 1, headline: "Halberd to buy Luminal", firstPublished: now.addingTimeInterval(-36 * 3600), lastPublished: now, signature: StorySignature()),
        articles: [
            article(1, "wire.example", "Halberd to buy Luminal Optics for $7.4 billion", [
                "Halberd Networks has agreed to buy Luminal Optics for about $7.4 billion in cash and stock, the companies said on Sunday.",
                "Halberd will pay $48.50 per Luminal share, a premium of 38% to Luminal's closing price on Friday.",
                "The deal is expected to close in the first quarter of 2027, subject to approval by regulators in several countries.",
                "Analysts warned that regulators could scrutinise the deal because the two companies compete in optical transceivers.",
            ], hours: -10),
            article(2, "ledger.example", "Halberd bets on light", [
                "Halberd's $7.4 billion agreement to buy Luminal is a bet that data-centre networks will run on light rather than copper.",
                "The combined company will cut about 1,200 jobs as part of a plan to save $350 million a year by the third year.",
                "Halberd has secured a $4.5 billion bridge loan to fund the cash portion of the deal, which it plans to refinance with bonds.",
                "If regulators block the deal, Halberd will pay Luminal a $365 million termination fee.",
            ]),
            article(3, "chips.example", "Why Halberd wants Luminal", [
                "Luminal makes optical engines that carry data between switches as light, which Halberd's own chips cannot do.",
                "Halberd said roughly 1,500 jobs will go across the combined company after the deal closes.",
                "The acquisition means Halberd can sell complete optical switch systems to cloud providers for the first time.",
            ]),
        ])

    @Test func explainerHasTheBriefingShape() throws {
        let story = try #require(BriefingComposer().compose(Self.material, reason: "3 outlets", now: Self.now))
        #expect(story.keyPoints.count == 3)
        #expect(story.keyPointCitations.count == 3)
        #expect((3...6).contains(story.sections.count))
        #expect(story.sections.first?.question == "What happened?")
        #expect(!story.bottomLine.text.isEmpty)
        #expect(Set(story.sources.map(\.outlet)) == ["wire.example", "ledger.example", "chips.example"])
    }

    @Test func everyStatementIsASourceSentenceOfTheArticleItCites() throws {
        let story = try #require(BriefingComposer().compose(Self.material, reason: "", now: Self.now))
        let textByURL = Dictionary(uniqueKeysWithValues: Self.material.articles.map { ($0.url, $0.text) })
        var statements: [(String, [Citation])] = zip(story.keyPoints, story.keyPointCitations).map { ($0, $1) }
        statements += story.sections.flatMap { $0.paragraphs.map { ($0.text, $0.citations) } }
        statements.append((story.bottomLine.text, story.bottomLine.citations))
        statements.append((story.intro, story.introCitations))
        for (text, citations) in statements {
            for sentence in SentenceSplitter.sentences(in: text) {
                #expect(citations.contains { textByURL[$0.url]?.contains(sentence) == true }, "\(sentence)")
            }
        }
    }

    @Test func answersEndWithTheirOutlets() throws {
        let story = try #require(BriefingComposer().compose(Self.material, reason: "", now: Self.now))
        for section in story.sections {
            for paragraph in section.answer.components(separatedBy: "\n\n") {
                #expect(paragraph.hasSuffix(".example)"), "\(paragraph)")
            }
        }
    }

    @Test func keyPointsStateDistinctFacts() throws {
        let story = try #require(BriefingComposer().compose(Self.material, reason: "", now: Self.now))
        let terms = story.keyPoints.map { Set(Terms.terms(in: $0)) }
        for (i, a) in terms.enumerated() {
            for b in terms[(i + 1)...] {
                #expect(Double(a.intersection(b).count) / Double(a.union(b).count) <= 0.6)
            }
        }
    }

    @Test func keyFiguresAndDisagreementsAreListed() throws {
        let story = try #require(BriefingComposer().compose(Self.material, reason: "", now: Self.now))
        #expect(story.figures.map(\.text).contains("$7.4B"))
        #expect(story.disagreements.first?.subject == "jobs")
    }
}
