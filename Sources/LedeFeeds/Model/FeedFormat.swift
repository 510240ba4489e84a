/// The syndication format a feed was written in, as far as the document says.
public enum FeedFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case rss090
    case rss091
    case rss092
    case rss093
    case rss094
    case rss2
    /// An `<rss>` document without a recognisable version.
    case rss
    case rss1
    case atom03
    case atom10
    /// A `<feed>` document without a recognisable version.
    case atom
    case jsonFeed10
    case jsonFeed11
    case cdf

    public var isAtom: Bool { self == .atom03 || self == .atom10 || self == .atom }
    public var isJSON: Bool { self == .jsonFeed10 || self == .jsonFeed11 }
}
