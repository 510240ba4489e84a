import Foundation
import LedeHTML

/// Finds the feeds a web page advertises, so a reader can subscribe from a site's address.
public enum FeedDiscovery {
    /// A feed advertised by a page with `<link rel="alternate" type="…" href="…">`.
    public struct AdvertisedFeed: Sendable, Hashable, Codable {
        /// Absolute.
        public var url: String
        public var title: String?
        /// `application/rss+xml`, `application/atom+xml`, `application/feed+json`…
        public var type: String

        public init(url: String, title: String?, type: String) {
            self.url = url
            self.title = title
            self.type = type
        }
    }

    /// Media types that mean "a feed" in an alternate link.
    public static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
        "application/rdf+xml", "application/x.atom+xml", "application/x-atom+xml", "text/xml",
        "application/xml",
    ]

    /// Paths where sites commonly serve their feed, for a fetcher to probe (in this order) when
    /// a page advertises none.
    public static let commonPaths = ["/feed", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/feed.json"]

    /// The feeds a page advertises, in document order, without duplicates, made absolute
    /// against the page's `<base href>` or its own address.
    /// - Parameters:
    ///   - html: the page as fetched.
    ///   - url: the page's address.
    public static func advertisedFeeds(inPage html: some Collection<UInt8>, url: URL) -> [AdvertisedFeed] {
        let tags = HTMLStartTagScanner.startTags(named: ["link", "base"], in: html)
        var base = url.absoluteString
        if let href = tags.first(where: { $0.name == "base" })?.attribute("href")?.trimmingWhitespace(), !href.isEmpty {
            base = URLReferenceResolver.resolve(href, against: base)
        }
        var feeds: [AdvertisedFeed] = []
        var seen: Set<String> = []
        for link in tags where link.name == "link" {
            let relations = (link.attribute("rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            guard relations.contains("alternate"), !relations.contains("stylesheet") else { continue }
            let type =
                (link.attribute("type") ?? "").lowercased().split(separator: ";").first
                .map { $0.trimmingCharacters(in: " \t") } ?? ""
            guard feedTypes.contains(type), let href = link.attribute("href")?.trimmingWhitespace(), !href.isEmpty else {
                continue
            }
            let absolute = URLReferenceResolver.resolve(href, against: base)
            guard let scheme = URLReferenceResolver.scheme(of: absolute), scheme == "http" || scheme == "https",
                seen.insert(absolute).inserted
            else { continue }
            let title = link.attribute("title")?.trimmingWhitespace()
            feeds.append(AdvertisedFeed(url: absolute, title: title?.nilIfEmpty, type: type))
        }
        return feeds
    }

    /// The common feed addresses on the page's site, to probe when it advertises none.
    public static func candidateURLs(forSite url: URL) -> [URL] {
        guard let scheme = url.scheme, let host = url.host else { return [] }
        let port = url.port.map { ":\($0)" } ?? ""
        return commonPaths.compactMap { URL(string: "\(scheme)://\(host)\(port)\($0)") }
    }
}
