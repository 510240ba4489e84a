import Foundation
import LedeCore
import Testing

@Suite struct StoryTimelineTests {
    static func article(id: Int64, outlet: String, text: String, hours: Double) -> Article {
        Article(
            id: id, sourceID: 1, itemKey: "\(id)", url: "https://\(outlet)/\(id)", urlKey: "\(outlet)/\(id)", outlet: outlet,
            title: "Title \(id)", byline: nil, published: Date(timeIntervalSince1970: 1_776_643_200 + hours * 3600), updated: nil,
            language: "en", summary: nil, text: text, contentHash: id, duplicateOfID: nil, storyID: 1, fetchedAt: Date())
    }

    @Test func eachArticleListsWhatItAdded() {
        let timeline = StoryTimeline(articles: [
            Self.article(id: 2, outlet: "b.example", text: "The merger will cut 1,500 jobs and save $350 million a year.", hours: 30),
            Self.article(id: 1, outlet: "a.example", text: "Halberd agreed to buy Luminal for $7.4 billion, cutting 1,200 jobs.", hours: 0),
        ])
        #expect(timeline.entries.map(\.articleID) == [1, 2])
        #expect(timeline.entries[0].newFigures.map(\.figure.display) == ["$7.4B", "1,200 jobs"])
        #expect(timeline.entries[1].newFigures.map(\.figure.display) == ["1,500 jobs", "$350M"])
        let changes = timeline.changes(since: Date(timeIntervalSince1970: 1_776_643_200 + 24 * 3600))
        #expect(changes.map(\.articleID) == [2])
    }

    @Test func outletsThatDisagreeOnAFigureAreRecorded() {
        let mentions = [
            ("a.example", "The combined company will cut about 1,200 jobs."),
            ("b.example", "Halberd said roughly 1,500 jobs will go."),
            ("b.example", "The deal is worth $7.4 billion."),
        ].flatMap { outlet, sentence in
            FigureExtractor.figures(in: sentence).map { FigureMention(figure: $0, sentence: sentence, outlet: outlet, url: "https://\(outlet)") }
        }
        let disagreements = FigureDisagreementFinder.disagreements(in: mentions)
        #expect(disagreements.count == 1)
        #expect(disagreements.first?.note == "Sources disagree on jobs: 1,200 jobs (a.example) vs 1,500 jobs (b.example).")
    }

    @Test func differentThingsAreNotADisagreement() {
        let mentions = [
            ("a.example", "Revenue rose to $2.3 billion in the quarter."),
            ("b.example", "The company raised its outlook to $9.8 billion."),
        ].flatMap { outlet, sentence in
            FigureExtractor.figures(in: sentence).map { FigureMention(figure: $0, sentence: sentence, outlet: outlet, url: "https://\(outlet)") }
        }
        #expect(FigureDisagreementFinder.disagreements(in: mentions).isEmpty)
    }
}
