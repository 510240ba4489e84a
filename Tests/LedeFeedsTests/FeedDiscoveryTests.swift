import Foundation
import Testing

@testable import LedeFeeds

@Suite struct FeedDiscoveryTests {
    @Test func findsAdvertisedFeedsInOrderAndMakesThemAbsolute() throws {
        let page = try Fixture.data("page-with-feeds.html")
        let feeds = FeedDiscovery.advertisedFeeds(inPage: page, url: URL(string: "https://www.example.com/blog/post")!)
        #expect(
            feeds == [
                .init(url: "https://www.example.com/blog/feed.xml", title: "RSS", type: "application/rss+xml"),
                .init(url: "https://www.example.com/atom.xml", title: "Atom", type: "application/atom+xml"),
                .init(url: "https://www.example.com/feed.json", title: nil, type: "application/feed+json"),
            ])
    }

    @Test func findsNothingOnAPageWithoutFeeds() {
        let page = Array("<html><head><title>x</title></head><body>no feeds</body></html>".utf8)
        #expect(FeedDiscovery.advertisedFeeds(inPage: page, url: URL(string: "https://x.example/")!).isEmpty)
    }

    @Test func offersTheCommonPathsOnTheSite() {
        let candidates = FeedDiscovery.candidateURLs(forSite: URL(string: "https://x.example:8443/some/page?q=1")!)
        #expect(
            candidates.map(\.absoluteString) == [
                "https://x.example:8443/feed", "https://x.example:8443/rss.xml", "https://x.example:8443/atom.xml",
                "https://x.example:8443/feed.xml", "https://x.example:8443/index.xml", "https://x.example:8443/feed.json",
            ])
    }

    @Test(arguments: [
        (#"<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>"#, true),
        ("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- generator --><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", true),
        (#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>"#, true),
        (#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#, true),
        ("<!DOCTYPE html><html><head></head></html>", false),
        (#"{"hello": 1}"#, false),
        ("", false),
        ("plain text", false),
    ])
    func sniffsFeedsFromTheirFirstBytes(_ document: String, _ isFeed: Bool) {
        #expect(FeedSniffer.looksLikeFeed(Array(document.utf8)) == isFeed)
    }
}
