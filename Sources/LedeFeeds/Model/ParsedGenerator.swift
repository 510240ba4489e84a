/// The software that wrote the feed.
public struct ParsedGenerator: Sendable, Hashable, Codable {
    public var name: String?
    public var uri: String?
    public var version: String?

    public init(name: String? = nil, uri: String? = nil, version: String? = nil) {
        self.name = name
        self.uri = uri
        self.version = version
    }
}
