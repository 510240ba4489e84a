/// The XML namespaces feeds use, recognised by URI (and, for documents that forget to declare
/// them, by their customary prefix).
enum FeedNamespace: Sendable, Hashable {
    /// No namespace: RSS 0.9x/2.0, CDF.
    case none
    case atom10
    /// Atom 0.3 and the pre-1.0 drafts ("echo", "pie").
    case atom03
    case rss10
    case rss090
    case dc
    case dcterms
    case content
    case media
    case itunes
    case xhtml
    case rdf
    case feedburner
    case admin
    case creativeCommons
    case xml
    case other

    /// Whether the element vocabulary is the core one (RSS, RDF site summary, Atom), which
    /// feed readers treat as one.
    var isCore: Bool {
        switch self {
        case .none, .atom10, .atom03, .rss10, .rss090: true
        default: false
        }
    }

    init(uri: String) {
        let lowered = uri.lowercased()
        if let known = Self.byURI[lowered] {
            self = known
        } else if lowered.contains("backend.userland.com/rss") {
            self = .none
        } else {
            self = .other
        }
    }

    /// For an undeclared prefix: feeds often use `dc:` or `media:` without declaring it, and
    /// readers are expected to understand them anyway.
    init(conventionalPrefix prefix: String) {
        self = Self.byPrefix[prefix.lowercased()] ?? .other
    }

    static let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"

    private static let byURI: [String: FeedNamespace] = [
        "http://www.w3.org/2005/atom": .atom10,
        "http://purl.org/atom/ns#": .atom03,
        "http://purl.org/echo/": .atom03,
        "http://purl.org/pie/": .atom03,
        "http://example.com/newformat#": .atom03,
        "http://example.com/necho": .atom03,
        "uri/of/echo/namespace#": .atom03,
        "http://purl.org/rss/1.0/": .rss10,
        "http://my.netscape.com/rdf/simple/0.9/": .rss090,
        "http://backend.userland.com/rss": .none,
        "http://backend.userland.com/rss2": .none,
        "http://blogs.law.harvard.edu/tech/rss": .none,
        "http://purl.org/rss/1.0/modules/rss091#": .none,
        "http://purl.org/dc/elements/1.1/": .dc,
        "http://purl.org/dc/terms/": .dcterms,
        "http://purl.org/rss/1.0/modules/content/": .content,
        "http://search.yahoo.com/mrss/": .media,
        "http://search.yahoo.com/mrss": .media,
        "http://www.itunes.com/dtds/podcast-1.0.dtd": .itunes,
        "http://example.com/dtds/podcast-1.0.dtd": .itunes,
        "http://www.w3.org/1999/xhtml": .xhtml,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": .rdf,
        "http://rssnamespace.org/feedburner/ext/1.0": .feedburner,
        "http://webns.net/mvcb/": .admin,
        "http://creativecommons.org/ns#license": .creativeCommons,
        "http://web.resource.org/cc/": .creativeCommons,
        "http://www.w3.org/xml/1998/namespace": .xml,
    ]

    private static let byPrefix: [String: FeedNamespace] = [
        "atom": .atom10, "dc": .dc, "dcterms": .dcterms, "content": .content, "media": .media, "itunes": .itunes,
        "xhtml": .xhtml, "rdf": .rdf, "feedburner": .feedburner, "admin": .admin, "xml": .xml,
    ]
}
