import Foundation
import Testing

@testable import LedeCore

@Suite struct SignatureJSONTests {
    static let article = ArticleSignature(
        title: "Quillon Cloud's \"Aurora\" region opens in Zürich 🇨🇭",
        paragraphs: [
            "Quillon Cloud opened its Aurora region in Zürich on Tuesday, said Maëlle Dufour, adding 300 MW of capacity.",
            "The $4.2 billion build\twas financed by Brouwer's Markets and a 12% bond.",
        ],
        tags: ["cloud\\infrastructure"], published: Date(timeIntervalSinceReferenceDate: 785_000_123.456))

    @Test func anArticleSignatureComesBackAsItWasWritten() throws {
        let read = try #require(ArticleSignature(storedForm: Self.article.storedForm))
        #expect(read == Self.article)
    }

    @Test func signaturesStoredByFoundationsEncoderStillRead() throws {
        // Rows written before the hand-written form, and anything else JSON of the same shape.
        let foundation = String(decoding: try JSONEncoder().encode(Self.article), as: UTF8.self)
        #expect(ArticleSignature(storedForm: foundation) == Self.article)
        var story = StorySignature()
        story.add(Self.article, outlet: "harbor-ledger.example")
        let storyJSON = String(decoding: try JSONEncoder().encode(story), as: UTF8.self)
        #expect(try StorySignature(storedForm: storyJSON) == story)
    }

    @Test func aStorySignatureComesBackAsItWasWritten() throws {
        var story = StorySignature()
        story.add(Self.article, outlet: "harbor-ledger.example")
        story.add(Self.article, outlet: "the \"quoted\" outlet")
        #expect(try StorySignature(storedForm: story.storedForm) == story)
    }

    @Test func jsonAsPostgreSQLPrintsItBackReads() throws {
        // jsonb puts spaces after separators, reorders keys, escapes differently and may spell
        // numbers in other ways.
        let text = """
            {"terms": {"a\\u00e9\\"b": 1.5E-3, "c\\ud83d\\ude00": 2}, "title": "Line\\nbreak \\/ slash", "events": {}, \
            "figures": ["money:4200000000"], "leadTerms": {}, "published": 785000123.5, "entities": {"e": 0.25}, \
            "titleTerms": {}, "leadContent": {}, "titleEvents": {}, "contentTerms": {}, "titleContent": {}, "titleEntities": {}}
            """
        let read = try #require(ArticleSignature(storedForm: text))
        #expect(read.terms == ["aé\"b": 0.0015, "c😀": 2])
        #expect(read.title == "Line\nbreak / slash")
        #expect(read.figures == ["money:4200000000"])
        #expect(read.entities == ["e": 0.25])
    }

    @Test func textThatIsNoSignatureIsRefused() {
        #expect(ArticleSignature(storedForm: "") == nil)
        #expect(ArticleSignature(storedForm: "{\"terms\": {}}") == nil)
        #expect(ArticleSignature(storedForm: String(Self.article.storedForm.dropLast())) == nil)
        #expect(throws: (any Error).self) { try StorySignature(storedForm: "[1, 2]") }
    }
}
