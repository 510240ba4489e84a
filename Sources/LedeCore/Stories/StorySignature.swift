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

    /// How many of the strongest entries each vector keeps.
    static let kept = (
        terms: 120, contentTerms: 120, titleTerms: 40, leadTerms: 80, titleContent: 40, leadContent: 80, titleEvents: 20,
        titleEntities: 40, events: 20, entities: 50
    )

    /// Adds an article (the clusterer does the same on its compact form, `CompactStorySignature`).
    public mutating func add(_ article: ArticleSignature, outlet: String) {
        let keep = Self.kept
        Self.accumulate(&terms, article.terms, keep: keep.terms)
        Self.accumulate(&contentTerms, article.contentTerms, keep: keep.contentTerms)
        Self.accumulate(&titleTerms, article.titleTerms, keep: keep.titleTerms)
        Self.accumulate(&leadTerms, article.leadTerms, keep: keep.leadTerms)
        Self.accumulate(&titleContent, article.titleContent, keep: keep.titleContent)
        Self.accumulate(&leadContent, article.leadContent, keep: keep.leadContent)
        Self.accumulate(&titleEvents, article.titleEvents, keep: keep.titleEvents)
        Self.accumulate(&titleEntities, article.titleEntities, keep: keep.titleEntities)
        Self.accumulate(&events, article.events, keep: keep.events)
        Self.accumulate(&entities, article.entities, keep: keep.entities)
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
