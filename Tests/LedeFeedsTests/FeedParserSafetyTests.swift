import Foundation
import Testing

@testable import LedeFeeds

@Suite struct FeedParserSafetyTests {
    let parser = FeedParser()

    @Test func neverReadsExternalEntities() throws {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
            <rss version="2.0"><channel><title>a&xxe;b&remote;c</title></channel></rss>
            """
        let feed = try parser.parse(Array(document.utf8), url: nil)
        let title = try #require(feed.title)
        #expect(!title.contains("root:"), "the file must not be read")
        #expect(title.hasPrefix("a") && title.hasSuffix("c"))
    }

    @Test(.timeLimit(.minutes(1)))
    func defusesBillionLaughs() throws {
        var declarations = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let document =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [\(declarations)]>"
            + "<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol;</title></item></channel></rss>"
        let start = ContinuousClock.now
        let feed = try parser.parse(Array(document.utf8), url: nil)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect((feed.title ?? "").utf8.count < 10_000_000)
        #expect(feed.items.first?.title == "lol", "a plain-text entity is still expanded")
    }

    @Test func boundsQuadraticEntityExpansion() throws {
        let big = String(repeating: "x", count: 4000)
        let references = String(repeating: "&big;", count: 20_000)
        let document = "<!DOCTYPE rss [<!ENTITY big \"\(big)\">]><rss version=\"2.0\"><channel><title>\(references)</title></channel></rss>"
        let feed = try parser.parse(Array(document.utf8), url: nil)
        #expect((feed.title ?? "").utf8.count <= 2_000_000, "expansion stops at max(1 MB, input size)")
    }

    @Test func readsHTMLEntitiesButFlagsThem() throws {
        let rss = #"<rss version="2.0"><channel><title>caf&eacute;&nbsp;&hellip; &unknownentity;</title></channel></rss>"#
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(feed.title == "café\u{A0}… &unknownentity;")
        #expect(!feed.isWellFormed)
        #expect(feed.parseIssue?.contains("eacute") == true)
    }

    @Test func recoversFromBrokenMarkup() throws {
        let rss = """
            <rss version="2.0"><channel><title>Broken & proud</title>
            <item><title>One</title><description><p>Unclosed <br> paragraph</description><link>https://x.example/1?a=1&b=2</link></item>
            <item><title>Two</b></title></item>
            </channel>
            """
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(!feed.isWellFormed)
        #expect(feed.title == "Broken & proud")
        #expect(feed.items.map(\.title) == ["One", "Two"])
        #expect(feed.items.first?.link == "https://x.example/1?a=1&b=2")
        #expect(feed.items.first?.summary?.contains("Unclosed") == true)
    }

    @Test func keepsTheFeedWhenJunkFollowsIt() throws {
        let rss =
            #"<rss version="2.0"><channel><item><title>a &amp; b</title></item></channel></rss>"#
            + "\n<b>Warning</b>: something in /var/www/feed.php on line 3 & more"
        let feed = try parser.parse(Array(rss.utf8), url: nil)
        #expect(!feed.isWellFormed)
        #expect(feed.items.map(\.title) == ["a & b"])
    }

    @Test func refusesAnHTMLPage() {
        let html = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"
        #expect {
            try parser.parse(Array(html.utf8), url: nil)
        } throws: { error in
            guard case .notAFeed(let reason) = error as? FeedParserError else { return false }
            return reason.contains("HTML")
        }
    }

    @Test func refusesEmptyInput() {
        #expect(throws: FeedParserError.empty) { try parser.parse([UInt8](), url: nil) }
        #expect(throws: FeedParserError.empty) { try parser.parse(Array(" \n\t ".utf8), url: nil) }
    }

    @Test func refusesJSONThatIsNotAJSONFeed() {
        #expect(throws: FeedParserError.self) { try parser.parse(Array(#"{"hello": "world"}"#.utf8), url: nil) }
        #expect(throws: FeedParserError.self) { try parser.parse(Array("{not json".utf8), url: nil) }
    }

    @Test func refusesOtherXMLVocabularies() {
        let sitemap = #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc></url></urlset>"#
        #expect(throws: FeedParserError.self) { try parser.parse(Array(sitemap.utf8), url: nil) }
    }

    @Test func survivesGarbage() throws {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 3, 17, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? parser.parse(bytes, url: nil)
            _ = try? parser.parse([UInt8(ascii: "<")] + bytes, url: nil)
        }
        for fragment in ["<", "<rss", "<rss><channel><item><title>", "<![CDATA[", "<!--", "<?xml", "&", "<rss>&#xFFFFFFFF;</rss>"] {
            _ = try? parser.parse(Array(fragment.utf8), url: nil)
        }
    }

    @Test func flagsWhitespaceBeforeTheXMLDeclarationButReadsTheFeed() throws {
        let feed = try parser.parse(
            Array("\n\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8), url: nil)
        #expect(feed.title == "t")
        #expect(!feed.isWellFormed)
    }

    @Test func ignoresJavaScriptBaseAddresses() throws {
        let atom = #"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:alert(1)//"><entry><link href="post"/></entry></feed>"#
        let feed = try parser.parse(Array(atom.utf8), url: URL(string: "https://safe.example/feed"))
        #expect(feed.items.first?.link == "https://safe.example/post")
    }

    /// Feeds built to make a careless reader quadratic or recursive.
    enum PathologicalFeed: String, CaseIterable, Sendable {
        case unclosedElements, thousandsOfCategories, deepNesting, unterminatedAttributes, namespaceDeclarations
        case entityRuns

        var document: String {
            switch self {
            case .unclosedElements:
                "<rss><channel><item><title>x</title>" + String(repeating: "<foo>", count: 20_000)
                    + String(repeating: "</bar>", count: 20_000) + "</item></channel></rss>"
            case .thousandsOfCategories:
                "<rss><channel><item>" + (0..<20_000).map { "<category>c\($0)</category>" }.joined()
                    + "</item></channel></rss>"
            case .deepNesting:
                "<rss><channel><item><description>" + String(repeating: "<div>", count: 20_000) + "x"
                    + String(repeating: "</div>", count: 20_000) + "</description></item></channel></rss>"
            case .unterminatedAttributes:
                "<rss><channel>" + String(repeating: "<item><title a='", count: 20_000)
            case .namespaceDeclarations:
                "<rss><channel>" + String(repeating: "<x:y xmlns:x='u'>", count: 5_000) + "</channel></rss>"
            case .entityRuns:
                "<rss><channel><title>" + String(repeating: "&amp;&nbsp;&#38;", count: 30_000) + "</title></channel></rss>"
            }
        }
    }

    @Test(arguments: PathologicalFeed.allCases)
    func parsesPathologicalFeedsQuickly(_ feed: PathologicalFeed) {
        let document = feed.document
        let start = ContinuousClock.now
        _ = try? parser.parse(Array(document.utf8), url: nil)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func capsTheCategoriesOfAnItem() throws {
        let rss = "<rss><channel><item>" + (0..<3000).map { "<category>c\($0)</category>" }.joined() + "</item></channel></rss>"
        let item = try #require(try parser.parse(Array(rss.utf8), url: nil).items.first)
        #expect(item.categories.count == FeedBuilder.maximumCategories)
    }
}
