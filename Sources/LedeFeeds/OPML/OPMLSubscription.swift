/// A feed subscription found in an OPML document, with the categories it is nested in.
public struct OPMLSubscription: Sendable, Hashable, Codable {
    public var title: String
    public var xmlURL: String
    public var htmlURL: String?
    /// The labels of the enclosing outlines, outermost first (`["Tech", "Swift"]`).
    public var categoryPath: [String]

    public init(title: String, xmlURL: String, htmlURL: String? = nil, categoryPath: [String] = []) {
        self.title = title
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.categoryPath = categoryPath
    }
}
