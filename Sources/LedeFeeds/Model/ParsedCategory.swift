/// A category or tag: RSS `<category domain>`, Atom `<category term scheme label>`, `dc:subject`,
/// iTunes and Media RSS categories and keywords, JSON Feed tags.
public struct ParsedCategory: Sendable, Hashable, Codable {
    public var term: String?
    public var scheme: String?
    public var label: String?

    public init(term: String?, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}
