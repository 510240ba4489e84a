/// What an element means to the feed reader, whatever vocabulary spelled it: RSS `pubDate`,
/// Atom `published`, Atom 0.3 `issued` and `dcterms:issued` are all `.published`.
enum FeedElement: Sendable, Hashable {
    // Document and containers.
    case rss, rdf, channel, feed, item, source, image, textInput, author, contributor, publisher, itunesOwner
    // Text constructs.
    case title, subtitle, summary, description, abstract, content, contentEncoded, body, rights, info
    // Values.
    case link, id, published, updated, created, language, name, email, uri, generator, icon, logo, comments
    case category, keywords, enclosure, url, adminGeneratorAgent
    case mediaContent, mediaThumbnail, mediaTitle, mediaDescription, mediaCategory, mediaKeywords
    case itunesImage, itunesCategory, itunesKeywords
    /// Anything else: ignored (but its text never leaks into its parent's).
    case unknown

    /// The meaning of an element given its namespace and local name (compared case-insensitively,
    /// as CDF spells its elements in capitals).
    init(namespace: FeedNamespace, localName: String) {
        let name = localName.lowercased()
        switch namespace {
        case .none, .atom10, .atom03, .rss10, .rss090:
            self = Self.core[name] ?? .unknown
        case .dc:
            self = Self.dublinCore[name] ?? .unknown
        case .dcterms:
            self = Self.dublinCoreTerms[name] ?? .unknown
        case .content:
            self = name == "encoded" ? .contentEncoded : .unknown
        case .media:
            self = Self.mediaRSS[name] ?? .unknown
        case .itunes:
            self = Self.iTunes[name] ?? .unknown
        case .xhtml:
            self = name == "body" ? .body : .unknown
        case .rdf:
            self = name == "rdf" ? .rdf : .unknown
        case .feedburner:
            self = name == "browserfriendly" ? .info : .unknown
        case .admin:
            self = name == "generatoragent" ? .adminGeneratorAgent : .unknown
        case .creativeCommons, .xml, .other:
            self = .unknown
        }
    }

    /// The text constructs: elements holding human-readable text that may be markup.
    var isTextConstruct: Bool {
        switch self {
        case .title, .subtitle, .summary, .description, .abstract, .content, .contentEncoded, .body, .rights, .info,
            .mediaTitle, .mediaDescription:
            true
        default:
            false
        }
    }

    private static let core: [String: FeedElement] = [
        "rss": .rss, "channel": .channel, "feed": .feed, "item": .item, "entry": .item, "source": .source,
        "image": .image, "textinput": .textInput, "author": .author, "managingeditor": .author,
        "contributor": .contributor, "webmaster": .publisher,
        "title": .title, "subtitle": .subtitle, "tagline": .subtitle, "summary": .summary,
        "description": .description, "abstract": .abstract, "content": .content, "fullitem": .contentEncoded,
        "body": .body, "rights": .rights, "copyright": .rights, "info": .info,
        "link": .link, "guid": .id, "id": .id, "pubdate": .published, "published": .published, "issued": .published,
        "updated": .updated, "modified": .updated, "lastbuilddate": .updated, "created": .created,
        "language": .language, "name": .name, "email": .email, "uri": .uri, "url": .url, "homepage": .uri,
        "generator": .generator, "icon": .icon, "logo": .logo, "comments": .comments, "category": .category,
        "keywords": .keywords, "enclosure": .enclosure,
    ]

    private static let dublinCore: [String: FeedElement] = [
        "creator": .author, "author": .author, "date": .updated, "description": .description,
        "language": .language, "publisher": .publisher, "rights": .rights, "subject": .category, "title": .title,
        "contributor": .contributor,
    ]

    private static let dublinCoreTerms: [String: FeedElement] = [
        "created": .created, "issued": .published, "modified": .updated,
    ]

    private static let mediaRSS: [String: FeedElement] = [
        "content": .mediaContent, "thumbnail": .mediaThumbnail, "title": .mediaTitle,
        "description": .mediaDescription, "category": .mediaCategory, "keywords": .mediaKeywords,
    ]

    private static let iTunes: [String: FeedElement] = [
        "author": .author, "name": .name, "email": .email, "subtitle": .subtitle, "summary": .summary,
        "owner": .itunesOwner, "image": .itunesImage, "link": .itunesImage, "category": .itunesCategory, "keywords": .itunesKeywords,
    ]
}
