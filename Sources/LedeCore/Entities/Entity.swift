/// A named organisation, person or place mentioned by an article.
public struct Entity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case organization, person, place, other
    }

    /// The normalised identity: `amazon` for "Amazon", "Amazon.com Inc." and "Amazon's".
    public var key: String
    /// The name as most often written.
    public var name: String
    public var kind: Kind
    /// How many times the text mentions it.
    public var mentions: Int

    public init(key: String, name: String, kind: Kind, mentions: Int) {
        self.key = key
        self.name = name
        self.kind = kind
        self.mentions = mentions
    }
}
