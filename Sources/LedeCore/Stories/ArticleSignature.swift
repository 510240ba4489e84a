import Foundation

/// What the clusterer compares about an article: its weighted terms (title and lead count
/// more), the names it mentions, the figures it states and when it was published.
public struct ArticleSignature: Sendable, Hashable {
    /// Raw term weights; inverse document frequencies are applied when comparing.
    public var terms: [String: Double]
    /// Entity keys with their weights (mentions, more for the title).
    public var entities: [String: Double]
    /// Keys of the money, percentage, capacity and count figures the article states.
    public var figures: Set<String>
    public var published: Date
    public var title: String

    public init(terms: [String: Double], entities: [String: Double], figures: Set<String>, published: Date, title: String) {
        self.terms = terms
        self.entities = entities
        self.figures = figures
        self.published = published
        self.title = title
    }

    /// Builds the signature of an article from its title, text and the source's tags.
    public init(title: String, paragraphs: [String], tags: [String] = [], published: Date) {
        var terms: [String: Double] = [:]
        for term in Terms.terms(in: title) { terms[term, default: 0] += 3 }
        for (index, paragraph) in paragraphs.enumerated() {
            let weight = index < 2 ? 2.0 : 1.0
            for term in Terms.terms(in: paragraph) where !term.allSatisfy(\.isNumber) { terms[term, default: 0] += weight }
        }
        let sentences = [title] + paragraphs.flatMap(SentenceSplitter.sentences(in:))
        var entities: [String: Double] = [:]
        for entity in EntityExtractor.entities(inSentences: sentences, tags: tags) {
            entities[entity.key] = Double(entity.mentions)
        }
        for entity in EntityExtractor.entities(inSentences: [title]) { entities[entity.key, default: 0] += 2 }
        var figures = Set<String>()
        for sentence in sentences {
            for figure in FigureExtractor.figures(in: sentence) where Self.identifyingKinds.contains(figure.kind) {
                figures.insert(figure.key)
            }
        }
        self.init(terms: terms, entities: entities, figures: figures, published: published, title: title)
    }

    /// Figure kinds specific enough to tie two articles to one event (dates and durations are not).
    static let identifyingKinds: Set<Figure.Kind> = [.money, .percentage, .capacity, .energy, .count]

    /// The terms counted into document frequencies: content terms, and entities as `e:key`.
    public var distinctTerms: Set<String> {
        Set(terms.keys).union(entities.keys.map { "e:" + $0 })
    }
}
