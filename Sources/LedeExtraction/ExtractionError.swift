/// Why a page gave no article.
public enum ExtractionError: Error, Sendable, Equatable {
    /// The page holds no article text: a home page of teasers, a login or cookie wall, an
    /// empty or non-HTML page. `reason` says which, in a sentence for logs.
    case noArticle(reason: String)
}
