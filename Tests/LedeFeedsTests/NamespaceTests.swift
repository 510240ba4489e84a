import Foundation
import Testing

@testable import LedeFeeds

@Suite struct NamespaceTests {
    @Test func readsITunesMediaRSSAndXHTMLBodies() throws {
        let feed = try FeedParser().parse(Fixture.data("podcast-itunes-media.xml"), url: nil)
        #expect(feed.subtitle == "Weekly talk")
        #expect(feed.authors == [ParsedAuthor(name: "Rae Host")])
        #expect(feed.publisher == ParsedAuthor(name: "Example Media", email: "owner@show.example"))
        #expect(feed.image == "https://show.example/cover.jpg")
        #expect(
            feed.categoryDetails == [
                ParsedCategory(term: "Technology", scheme: "http://www.itunes.com/"),
                ParsedCategory(term: "Software How-To", scheme: "http://www.itunes.com/"),
                ParsedCategory(term: "swift", scheme: "http://www.itunes.com/"),
                ParsedCategory(term: "feeds", scheme: "http://www.itunes.com/"),
                ParsedCategory(term: "news", scheme: "http://www.itunes.com/"),
            ])

        let episode = try #require(feed.items.first)
        #expect(episode.title == "Episode 12", "the item's own title wins over media:title")
        #expect(episode.link == "https://show.example/12", "a permalink guid stands in for a missing link")
        #expect(episode.summary == "All about feeds.")
        #expect(episode.content == "<p>Show <b>notes</b></p>")
        #expect(episode.contentDetail?.type == .xhtml)
        #expect(episode.enclosures == [ParsedEnclosure(url: "https://cdn.show.example/12.mp3", type: "audio/mpeg", length: 12_345_678)])
        #expect(episode.media.map(\.url) == ["https://cdn.show.example/12.mp4", "https://cdn.show.example/12.jpg"])
        #expect(episode.imageURL == "https://cdn.show.example/12.jpg", "an image among the media files pictures the item")
        #expect(episode.categoryDetails == [ParsedCategory(term: "talk", scheme: "urn:example")])
    }

    @Test func readsDublinCoreDatesAndCreators() throws {
        let rss = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
            <channel><item>
              <dc:creator>First Author</dc:creator><dc:creator>Second Author</dc:creator>
              <dc:date>2025-06-10T04:00:00Z</dc:date>
              <dcterms:issued>2025-06-09T04:00:00Z</dcterms:issued>
              <dc:subject>Politics</dc:subject>
            </item></channel></rss>
            """
        let item = try #require(try FeedParser().parse(Array(rss.utf8), url: nil).items.first)
        #expect(item.authors.map(\.name) == ["First Author", "Second Author"])
        #expect(item.updated == Date(timeIntervalSince1970: 1_749_528_000))
        #expect(item.published == Date(timeIntervalSince1970: 1_749_441_600))
        #expect(item.categories == ["Politics"])
    }

    @Test func readsAnAtomSourceAndAnRSSSource() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Copied</title>
              <source><id>urn:origin</id><title>Origin Feed</title><link href="https://origin.example/"/>
              <author><name>Origin Author</name></author></source>
            </entry></feed>
            """
        let source = try #require(try FeedParser().parse(Array(atom.utf8), url: nil).items.first?.source)
        #expect(source.title == "Origin Feed")
        #expect(source.link == "https://origin.example/")
        #expect(source.authors == [ParsedAuthor(name: "Origin Author")])

        let rss =
            #"<rss version="2.0"><channel><item><title>x</title><source url="https://wire.example/rss">The Wire</source></item></channel></rss>"#
        let wire = try #require(try FeedParser().parse(Array(rss.utf8), url: nil).items.first?.source)
        #expect(wire.title == "The Wire")
        #expect(wire.feedURL == "https://wire.example/rss")
    }
}
