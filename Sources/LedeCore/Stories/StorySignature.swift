import Foundation

/// The running summary of a story's articles that new articles are compared with: for each
/// of the article's vectors, the sum of the members' normalised vectors (each article counts
/// equally whatever its length), trimmed to the strongest entries. Stored with the story, so
/// clustering can resume in a later run.
public struct StorySignature: Sendable, Hashable, Codable {
    public var terms: [String: Double]
    public var contentTerms: [String: Double]
    public var titleTerms: [String: Double]
    public var leadTerms: [String: Double]
    public var titleContent: [String: Double]
    public var leadContent: [String: Double]
    public var titleEvents: [String: Double]
    public var titleEntities: [String: Double]
    public var events: [String: Double]
    public var entities: [String: Double]
    /// Figure keys with how many articles stated them.
    public var figures: [String: Int]
    public var articleCount: Int
    public var outlets: [String]

    public init() {
        terms = [:]
        contentTerms = [:]
        titleTerms = [:]
        leadTerms = [:]
        titleContent = [:]
        leadContent = [:]
        titleEvents = [:]
        titleEntities = [:]
        events = [:]
        entities = [:]
        figures = [:]
        articleCount = 0
        outlets = []
    }

    /// Adds an article.
    public mutating func add(_ article: ArticleSignature, outlet: String) {
        Self.accumulate(&terms, article.terms, keep: 120)
        Self.accumulate(&contentTerms, article.contentTerms, keep: 120)
        Self.accumulate(&titleTerms, article.titleTerms, keep: 40)
        Self.accumulate(&leadTerms, article.leadTerms, keep: 80)
        Self.accumulate(&titleContent, article.titleContent, keep: 40)
        Self.accumulate(&leadContent, article.leadContent, keep: 80)
        Self.accumulate(&titleEvents, article.titleEvents, keep: 20)
        Self.accumulate(&titleEntities, article.titleEntities, keep: 40)
        Self.accumulate(&events, article.events, keep: 20)
        Self.accumulate(&entities, article.entities, keep: 50)
        for figure in article.figures { figures[figure, default: 0] += 1 }
        articleCount += 1
        if !outlets.contains(outlet) { outlets.append(outlet) }
    }

    static func accumulate(_ sum: inout [String: Double], _ vector: [String: Double], keep: Int) {
        let total = vector.values.reduce(0, +)
        guard total > 0 else { return }
        for (key, weight) in vector { sum[key, default: 0] += weight / total }
        if sum.count > keep {
            let kept = sum.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(keep)
            sum = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
        }
    }
}
