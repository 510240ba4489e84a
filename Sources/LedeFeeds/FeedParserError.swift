/// Why bytes could not be read as a feed at all. Recoverable problems (a wrong encoding, broken
/// markup, undefined entities) are not errors: they give `ParsedFeed.isWellFormed == false`.
public enum FeedParserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is empty or only whitespace.
    case empty
    /// The input is something else: an HTML page, another XML vocabulary, JSON that is not a
    /// JSON Feed. `reason` says what was found.
    case notAFeed(reason: String)

    public var description: String {
        switch self {
        case .empty:
            "The document is empty; check that the URL returns the feed itself."
        case .notAFeed(let reason):
            "The document is not a feed: \(reason)."
        }
    }
}
