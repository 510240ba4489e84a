/// A person credited by a feed or item. RSS's `email (Name)` strings are split into the parts.
public struct ParsedAuthor: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    /// The person's home page, absolute.
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    public var isEmpty: Bool { name == nil && email == nil && uri == nil }

    /// `Name (email)`, `Name` or `email`: one line for display.
    public var displayName: String? {
        switch (name, email) {
        case (let name?, let email?): "\(name) (\(email))"
        case (let name?, nil): name
        case (nil, let email?): email
        case (nil, nil): nil
        }
    }
}
