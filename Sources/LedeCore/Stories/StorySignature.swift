import Foundation

/// The running summary of a story's articles that new articles are compared with.
/// Stored with the story, so clustering can resume in a later run.
public struct StorySignature: Sendable, Hashable, Codable {
    /// Sum of the member articles' normalised term weights, trimmed to the strongest terms.
    public var terms: [String: Double]
    public var entities: [String: Double]
    /// Figure keys with how many articles stated them.
    public var figures: [String: Int]
    public var articleCount: Int
    public var outlets: [String]

    static let maximumTerms = 120
    static let maximumEntities = 40

    public init(terms: [String: Double] = [:], entities: [String: Double] = [:], figures: [String: Int] = [:], articleCount: Int = 0, outlets: [String] = []) {
        self.terms = terms
        self.entities = entities
        self.figures = figures
        self.articleCount = articleCount
        self.outlets = outlets
    }

    /// Adds an article, each article counting equally whatever its length.
    public mutating func add(_ article: ArticleSignature, outlet: String) {
        let termNorm = article.terms.values.reduce(0, +)
        if termNorm > 0 {
            for (term, weight) in article.terms { terms[term, default: 0] += weight / termNorm }
        }
        let entityNorm = article.entities.values.reduce(0, +)
        if entityNorm > 0 {
            for (entity, weight) in article.entities { entities[entity, default: 0] += weight / entityNorm }
        }
        for figure in article.figures { figures[figure, default: 0] += 1 }
        articleCount += 1
        if !outlets.contains(outlet) { outlets.append(outlet) }
        terms = Self.strongest(terms, count: Self.maximumTerms)
        entities = Self.strongest(entities, count: Self.maximumEntities)
    }

    static func strongest(_ weights: [String: Double], count: Int) -> [String: Double] {
        guard weights.count > count else { return weights }
        let kept = weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count)
        return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
}
