import Foundation
import Testing

@testable import LedeFeeds

@Suite struct OPMLDocumentTests {
    @Test func readsNestedCategoriesAsPaths() throws {
        let document = try OPMLDocument(data: Fixture.data("subscriptions-opml1.opml"))
        #expect(document.title == "My Subscriptions")
        #expect(document.ownerName == "Café Reader")
        #expect(document.dateCreated == Date(timeIntervalSince1970: 1_749_470_400))
        #expect(
            document.subscriptions == [
                OPMLSubscription(
                    title: "City Paper", xmlURL: "https://city.example.com/rss", htmlURL: "https://city.example.com/",
                    categoryPath: ["News", "Local"]),
                OPMLSubscription(title: "World Wire", xmlURL: "https://wire.example.com/feed?a=1&b=2", categoryPath: ["News"]),
                OPMLSubscription(title: "Uncategorised blog", xmlURL: "https://blog.example.org/atom.xml"),
            ])
    }

    @Test func writesOPML2ThatReadsBackTheSame() throws {
        let original = OPMLDocument(
            title: "Reading <list> & more", dateCreated: Date(timeIntervalSince1970: 1_749_470_400), ownerName: "Kim",
            ownerEmail: "kim@example.org",
            outlines: [
                .category(
                    "Tech \"&\" Science",
                    [
                        .feed(title: "Swift.org", xmlURL: "https://www.swift.org/atom.xml", htmlURL: "https://www.swift.org/"),
                        .category("Deep", [.feed(title: "Q&A", xmlURL: "https://qa.example/feed?x=1&y=2")]),
                    ]),
                .feed(title: "Top level", xmlURL: "https://top.example/rss"),
            ])
        let data = original.opmlData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"<opml version="2.0">"#))
        #expect(text.contains("<dateCreated>Mon, 09 Jun 2025 12:00:00 GMT</dateCreated>"))
        let reread = try OPMLDocument(data: data)
        #expect(reread == original)
        #expect(reread.subscriptions.map(\.categoryPath) == [["Tech \"&\" Science"], ["Tech \"&\" Science", "Deep"], []])
    }

    @Test func refusesWhatIsNotOPML() {
        #expect(throws: OPMLError.empty) { try OPMLDocument(data: [UInt8]()) }
        #expect(throws: OPMLError.notOPML(rootElement: "rss")) {
            try OPMLDocument(data: Array(#"<rss version="2.0"></rss>"#.utf8))
        }
    }

    @Test func readsSloppyExports() throws {
        let sloppy =
            #"<opml><body><outline text="A & B" xmlUrl="https://a.example/?x=1&y=2"><outline text=inner xmlUrl=https://i.example/feed></body>"#
        let document = try OPMLDocument(data: Array(sloppy.utf8))
        #expect(document.subscriptions.map(\.xmlURL) == ["https://a.example/?x=1&y=2", "https://i.example/feed"])
        #expect(document.subscriptions.last?.categoryPath == ["A & B"])
    }
}
