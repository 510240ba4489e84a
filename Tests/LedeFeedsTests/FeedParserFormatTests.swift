import Foundation
import Testing

@testable import LedeFeeds

@Suite struct FeedParserFormatTests {
    let parser = FeedParser()

    @Test func readsRSS2WithItsCommonNamespaces() throws {
        let feed = try parser.parse(Fixture.data("rss2-namespaces.xml"), url: URL(string: "https://news.example.com/feed.xml"))
        #expect(feed.format == .rss2)
        #expect(feed.isWellFormed)
        #expect(feed.title == "Example News & Views")
        #expect(feed.link == "https://news.example.com/")
        #expect(feed.subtitle == "Daily news from Example")
        #expect(feed.subtitleDetail?.type == .html)
        #expect(feed.language == "en-us")
        #expect(feed.image == "https://news.example.com/logo.png")
        #expect(feed.updated == Date(timeIntervalSince1970: 1_749_528_000))
        #expect(feed.links.contains { $0.rel == "self" && $0.href == "https://news.example.com/feed.xml" })
        #expect(feed.items.count == 2)

        let bridge = feed.items[0]
        #expect(bridge.id == "bridge-2025-06")
        #expect(bridge.title == "Council approves the new bridge")
        #expect(bridge.link == "https://news.example.com/2025/06/bridge")
        #expect(bridge.published == Date(timeIntervalSince1970: 1_749_518_100))
        #expect(bridge.authors == [ParsedAuthor(name: "Ana Ruiz")])
        #expect(bridge.categories == ["City", "Transport"])
        #expect(bridge.categoryDetails[1].scheme == "https://news.example.com/tags")
        #expect(bridge.summary == "The council voted 7 to 2.")
        #expect(bridge.content == #"<p>The council voted <em>7 to 2</em> on Monday.</p><img src="/img/bridge.jpg">"#)
        #expect(bridge.imageURL == "https://cdn.example.com/bridge-thumb.jpg")
        #expect(bridge.media == [ParsedEnclosure(url: "https://cdn.example.com/bridge.jpg", type: "image/jpeg", length: 52000)])
        #expect(bridge.enclosures == [ParsedEnclosure(url: "https://cdn.example.com/bridge.mp3", type: "audio/mpeg", length: 123_456)])

        let weather = feed.items[1]
        #expect(weather.authors == [ParsedAuthor(name: "Weather Desk", email: "desk@news.example.com")])
        #expect(weather.imageURL == "https://cdn.example.com/sun.png")
        #expect(weather.summary == "Sunny & dry.", "RSS descriptions are HTML, given as the feed wrote them")
    }

    @Test func readsAtom10() throws {
        let feed = try parser.parse(Fixture.data("atom10.xml"), url: URL(string: "https://blog.example.org/atom.xml"))
        #expect(feed.format == .atom10)
        #expect(feed.title == "Example Blog")
        #expect(feed.subtitle == "Notes on things")
        #expect(feed.subtitleDetail?.value == "Notes on <em>things</em>")
        #expect(feed.link == "https://blog.example.org/")
        #expect(feed.id == "tag:blog.example.org,2025:feed")
        #expect(feed.language == "en")
        #expect(feed.icon == "https://blog.example.org/favicon.ico")
        #expect(feed.logo == "https://blog.example.org/logo.png")
        #expect(feed.rights?.value == "© 2025 Example")
        #expect(feed.generator == ParsedGenerator(name: "ExampleGen", uri: "https://example.org/gen", version: "1.2"))
        #expect(feed.authors == [ParsedAuthor(name: "Kim Lee", email: "kim@example.org", uri: "https://blog.example.org/about")])

        let entry = try #require(feed.items.first)
        #expect(entry.title == "Rust & Swift compared")
        #expect(entry.titleDetail?.type == .html)
        #expect(entry.link == "https://blog.example.org/posts/rust-swift")
        #expect(entry.id == "tag:blog.example.org,2025:rust-swift")
        #expect(entry.published == Date(timeIntervalSince1970: 1_749_450_600))
        #expect(entry.updated == Date(timeIntervalSince1970: 1_749_546_000.5))
        #expect(entry.categoryDetails == [ParsedCategory(term: "languages", scheme: "https://blog.example.org/tags", label: "Languages")])
        #expect(entry.summary == "A short comparison.")
        #expect(entry.contentDetail?.type == .xhtml)
        #expect(entry.content == #"<p>See <a href="rust-swift#details">details</a>.</p>"#, "the wrapping div is not content")
        #expect(entry.contentDetail?.base == "https://blog.example.org/posts/")
        #expect(entry.enclosures == [ParsedEnclosure(url: "https://blog.example.org/media/talk.ogg", type: "audio/ogg", length: 4096)])
        #expect(entry.contributors == [ParsedAuthor(name: "Sam")])
    }

    @Test func readsAtom03() throws {
        let feed = try parser.parse(Fixture.data("atom03.xml"), url: nil)
        #expect(feed.format == .atom03)
        #expect(feed.title == "Old Atom")
        #expect(feed.subtitle == "Atom before 1.0")
        #expect(feed.updated == Date(timeIntervalSince1970: 1_072_986_501))
        let entry = try #require(feed.items.first)
        #expect(entry.published == Date(timeIntervalSince1970: 1_072_865_695))
        #expect(entry.link == "http://old.example.com/1")
        #expect(entry.content == #"<div>Hello <b>world</b></div>"#)
    }

    @Test func readsRSS1() throws {
        let feed = try parser.parse(Fixture.data("rss1-rdf.xml"), url: nil)
        #expect(feed.format == .rss1)
        #expect(feed.title == "RDF Example")
        #expect(feed.subtitle == "An RSS 1.0 channel")
        #expect(feed.updated == Date(timeIntervalSince1970: 1_748_772_000))
        let item = try #require(feed.items.first)
        #expect(item.id == "https://rdf.example.net/1", "rdf:about identifies the item")
        #expect(item.title == "First")
        #expect(item.updated == Date(timeIntervalSince1970: 1_748_768_400))
        #expect(item.categories == ["Testing"])
    }

    @Test func readsJSONFeed11() throws {
        let feed = try parser.parse(Fixture.data("jsonfeed11.json"), url: nil)
        #expect(feed.format == .jsonFeed11)
        #expect(feed.title == "JSON Example")
        #expect(feed.link == "https://json.example.com/")
        #expect(feed.subtitle == "A JSON Feed")
        #expect(feed.language == "en")
        #expect(feed.image == "https://json.example.com/icon.png")
        #expect(feed.authors == [ParsedAuthor(name: "Jo")])
        #expect(feed.items.count == 2)
        let answer = feed.items[0]
        #expect(answer.id == "42", "numeric ids become text")
        #expect(answer.link == "https://json.example.com/posts/42")
        #expect(answer.content == "<p>Forty-two</p>")
        #expect(answer.summary == "The answer")
        #expect(answer.published == Date(timeIntervalSince1970: 1_749_574_800))
        #expect(answer.updated == Date(timeIntervalSince1970: 1_749_578_400))
        #expect(answer.categories == ["math", "life"])
        #expect(answer.imageURL == "https://json.example.com/42.png")
        #expect(answer.enclosures == [ParsedEnclosure(url: "https://json.example.com/42.mp3", type: "audio/mpeg", length: 1000)])
        #expect(feed.items[1].content == "Just &lt;text&gt; &amp; more", "content_text is escaped in the HTML form")
    }

    @Test func readsJSONFeed10() throws {
        let json =
            #"{"version":"https://jsonfeed.org/version/1","title":"T","author":{"name":"A"},"items":[{"id":"1","content_text":"x"}]}"#
        let feed = try parser.parse(Array(json.utf8), url: nil)
        #expect(feed.format == .jsonFeed10)
        #expect(feed.authors == [ParsedAuthor(name: "A")])
        #expect(feed.items.map(\.id) == ["1"])
    }

    @Test func readsCDF() throws {
        let feed = try parser.parse(Fixture.data("cdf.xml"), url: URL(string: "http://cdf.example.com/channel.cdf"))
        #expect(feed.format == .cdf)
        #expect(feed.title == "CDF channel")
        #expect(feed.link == "http://cdf.example.com/")
        #expect(feed.subtitle == "Channel Definition Format")
        let item = try #require(feed.items.first)
        #expect(item.title == "CDF item")
        #expect(item.link == "http://cdf.example.com/item/1")
        #expect(item.summary == "Item abstract")
        #expect(item.updated == Date(timeIntervalSince1970: 1_081_310_743))
    }

    @Test(arguments: [
        (#"<rss version="0.91"><channel><title>t</title></channel></rss>"#, FeedFormat.rss091),
        (#"<rss version="0.92"><channel><title>t</title></channel></rss>"#, .rss092),
        (#"<rss version="2.0"><channel><title>t</title></channel></rss>"#, .rss2),
        (#"<rss><channel><title>t</title></channel></rss>"#, .rss),
        (
            #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>t</title></channel></rdf:RDF>"#,
            .rss090
        ),
        (#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>"#, .atom10),
    ])
    func recognisesVersions(_ document: String, _ format: FeedFormat) throws {
        #expect(try parser.parse(Array(document.utf8), url: nil).format == format)
    }

    @Test func takesPlainTextTitlesFromHTMLTitles() throws {
        let rss = #"<rss version="2.0"><channel><item><title>AT&amp;amp;T &lt;b&gt;wins&lt;/b&gt;</title></item></channel></rss>"#
        let item = try #require(try parser.parse(Array(rss.utf8), url: nil).items.first)
        #expect(item.title == "AT&T wins")
        #expect(item.titleDetail?.type == .html)
    }

    @Test func keepsPlainTextTitlesThatAreNotHTML() throws {
        let rss = #"<rss version="2.0"><channel><item><title>Use a &lt;div&gt;? 5 &lt; 6</title></item></channel></rss>"#
        let item = try #require(try parser.parse(Array(rss.utf8), url: nil).items.first)
        #expect(item.title == "Use a <div>? 5 < 6")
        #expect(item.titleDetail?.type == .text)
    }

    @Test func resolvesRelativeLinksAgainstXMLBaseAndTheFeedURL() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry xml:base="/2025/"><link href="post.html"/></entry>
              <entry><link href="../other.html"/></entry>
            </feed>
            """
        let feed = try parser.parse(Array(atom.utf8), url: URL(string: "https://site.example/feeds/all.xml"))
        #expect(feed.items.map(\.link) == ["https://site.example/2025/post.html", "https://site.example/other.html"])
    }

    @Test func usesAPermalinkGuidAsTheLinkOnlyWhenThereIsNone() throws {
        let rss = """
            <rss version="2.0"><channel>
              <item><guid>https://a.example/1</guid></item>
              <item><guid isPermaLink="false">https://a.example/2</guid></item>
              <item><guid>https://a.example/3</guid><link>https://a.example/real</link></item>
            </channel></rss>
            """
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(feed.items.map(\.link) == ["https://a.example/1", nil, "https://a.example/real"])
        #expect(feed.items.map(\.id) == ["https://a.example/1", "https://a.example/2", "https://a.example/3"])
    }

    @Test func keepsDuplicateGuidsAsSeparateItems() throws {
        let rss = """
            <rss version="2.0"><channel>
              <item><guid>same</guid><title>one</title></item>
              <item><guid>same</guid><title>two</title></item>
            </channel></rss>
            """
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(feed.items.map(\.title) == ["one", "two"])
        #expect(feed.items.map(\.id) == ["same", "same"])
    }

    @Test func prefersTheItemsOwnTitleOverMediaTitles() throws {
        let rss = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
              <item><media:title>media</media:title><title>own</title></item>
              <item><media:group><media:title>only media</media:title></media:group></item>
            </channel></rss>
            """
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(feed.items.map(\.title) == ["own", "only media"])
    }

    @Test func readsUndeclaredButConventionalPrefixes() throws {
        let rss = #"<rss version="2.0"><channel><item><dc:creator>Pat</dc:creator></item></channel></rss>"#
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(feed.items.first?.authors == [ParsedAuthor(name: "Pat")])
        #expect(!feed.isWellFormed, "an undeclared prefix is a namespace error")
    }
}
