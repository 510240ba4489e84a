/// One `<outline>` of an OPML document: a feed subscription, a category holding others, or both.
public struct OPMLOutline: Sendable, Hashable, Codable {
    /// The label shown to people (`text`, falling back to `title`).
    public var text: String
    public var title: String?
    /// `rss` for subscriptions; `link`, `include`… in other uses of OPML.
    public var type: String?
    /// The feed's address (`xmlUrl`).
    public var xmlURL: String?
    /// The site's address (`htmlUrl`).
    public var htmlURL: String?
    /// OPML 2.0 `category` attribute, as written (`/Tech/Swift,/News`).
    public var category: String?
    public var children: [OPMLOutline]

    public init(
        text: String, title: String? = nil, type: String? = nil, xmlURL: String? = nil, htmlURL: String? = nil,
        category: String? = nil, children: [OPMLOutline] = []
    ) {
        self.text = text
        self.title = title
        self.type = type
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.category = category
        self.children = children
    }

    /// A feed subscription outline.
    public static func feed(title: String, xmlURL: String, htmlURL: String? = nil) -> OPMLOutline {
        OPMLOutline(text: title, title: title, type: "rss", xmlURL: xmlURL, htmlURL: htmlURL)
    }

    /// A category outline holding others.
    public static func category(_ name: String, _ children: [OPMLOutline]) -> OPMLOutline {
        OPMLOutline(text: name, title: name, children: children)
    }
}
