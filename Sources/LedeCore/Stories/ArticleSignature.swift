import Foundation

/// What the clusterer compares about an article: its terms (all of them, and without the
/// words of names), its title and lead, the kind of event it reports, the names it mentions,
/// the figures it states and when it was published.
///
/// Fetch jobs compute it once and store it with the article (see `UnplacedArticle`), so the
/// clustering job, which runs one at a time, has only the placing to do.
public struct ArticleSignature: Sendable, Hashable, Codable {
    /// Raw term weights, title and lead counting more; inverse document frequencies are
    /// applied when comparing.
    public var terms: [String: Double]
    /// `terms` without the words of names: what happened rather than to whom.
    public var contentTerms: [String: Double]
    public var titleTerms: [String: Double]
    /// Terms of the title and the first two paragraphs.
    public var leadTerms: [String: Double]
    /// The title's terms without the words of names: the event the headline announces.
    public var titleContent: [String: Double]
    /// `leadTerms` without the words of names.
    public var leadContent: [String: Double]
    /// Kinds of event the title alone signals.
    public var titleEvents: [String: Double]
    /// The names in the title, with the distinctive words of each as `~word`.
    public var titleEntities: [String: Double]
    /// Kinds of event the title and lead signal (see `EventVocabulary`).
    public var events: [String: Double]
    /// Entity keys with their weights (mentions, more for the title), and `~word` for each
    /// distinctive word of a name.
    public var entities: [String: Double]
    /// Keys of the money, percentage, capacity and count figures the article states.
    public var figures: Set<String>
    public var published: Date
    public var title: String

    /// Builds the signature of an article from its title, text and the source's tags.
    public init(title: String, paragraphs: [String], tags: [String] = [], published: Date) {
        // Each text's terms are found once: the title's count in three maps, the lead's in two.
        var stems: [String: String] = [:]
        let titleTermList = Terms.terms(in: title, stems: &stems)
        let paragraphTermLists = paragraphs.map { Terms.terms(in: $0, stems: &stems) }
        var terms: [String: Double] = [:]
        for term in titleTermList { terms[term, default: 0] += 3 }
        for (index, paragraphTerms) in paragraphTermLists.enumerated() {
            let weight = index < 2 ? 2.0 : 1.0
            for term in paragraphTerms where !term.allSatisfy(\.isNumber) { terms[term, default: 0] += weight }
        }
        var titleTerms: [String: Double] = [:]
        for term in titleTermList { titleTerms[term, default: 0] += 1 }
        var leadTerms = titleTerms
        for paragraphTerms in paragraphTermLists.prefix(2) {
            for term in paragraphTerms { leadTerms[term, default: 0] += 1 }
        }

        let sentences = [title] + paragraphs.flatMap(SentenceSplitter.sentences(in:))
        var entities: [String: Double] = [:]
        for entity in EntityExtractor.entities(inSentences: sentences, tags: tags) {
            entities[entity.key] = Double(entity.mentions)
        }
        var titleEntities: [String: Double] = [:]
        for entity in EntityExtractor.entities(inSentences: [title]) {
            entities[entity.key, default: 0] += 2
            titleEntities[entity.key, default: 0] += 1
        }
        // A title often opens with its subject ("Oxcart closes 60 stores"), which the extractor
        // cannot tell from an ordinary capitalised word; count it when the text names it too.
        if let first = title.split(separator: " ").first.map({ EntityExtractor.normalise(String($0)).key }), entities[first] != nil || entities.keys.contains(where: { $0.hasPrefix(first + " ") }) {
            titleEntities["~" + first, default: 0] += 1
        }
        for key in Array(titleEntities.keys) where !key.hasPrefix("~") {
            for word in key.split(separator: " ").map(String.init)
            where word.count > 2 && !Stopwords.english.contains(word) && !EntityExtractor.organisationWords.contains(word) {
                titleEntities["~" + word, default: 0] += 0.5
            }
        }
        var nameStems = Set<String>()
        // The distinctive words of names count a little on their own, so "Corvane" in one article
        // and "Corvane Systems" in another still meet ("Systems" alone says nothing).
        for (key, weight) in entities {
            for word in key.split(separator: " ").map(String.init) {
                nameStems.insert(Terms.stem(word))
                guard word.count > 2, !Stopwords.english.contains(word), !EntityExtractor.organisationWords.contains(word) else { continue }
                entities["~" + word, default: 0] += weight / 2
            }
        }
        var figures = Set<String>()
        for sentence in sentences {
            for figure in FigureExtractor.figures(in: sentence) where Self.identifyingKinds.contains(figure.kind) {
                figures.insert(figure.key)
            }
        }
        self.terms = terms
        contentTerms = terms.filter { !nameStems.contains($0.key) }
        self.titleTerms = titleTerms
        self.leadTerms = leadTerms
        titleContent = titleTerms.filter { !nameStems.contains($0.key) }
        leadContent = leadTerms.filter { !nameStems.contains($0.key) }
        events = EventVocabulary.profile(title: title, lead: Array(paragraphs.prefix(2)))
        titleEvents = EventVocabulary.profile(title: title, lead: [])
        self.titleEntities = titleEntities
        self.entities = entities
        self.figures = figures
        self.published = published
        self.title = title
    }

    /// A signature from its parts, as read back from a store.
    init(
        terms: [String: Double], contentTerms: [String: Double], titleTerms: [String: Double], leadTerms: [String: Double],
        titleContent: [String: Double], leadContent: [String: Double], titleEvents: [String: Double], titleEntities: [String: Double],
        events: [String: Double], entities: [String: Double], figures: Set<String>, published: Date, title: String
    ) {
        self.terms = terms
        self.contentTerms = contentTerms
        self.titleTerms = titleTerms
        self.leadTerms = leadTerms
        self.titleContent = titleContent
        self.leadContent = leadContent
        self.titleEvents = titleEvents
        self.titleEntities = titleEntities
        self.events = events
        self.entities = entities
        self.figures = figures
        self.published = published
        self.title = title
    }

    /// Figure kinds specific enough to tie two articles to one event (dates and durations are not).
    static let identifyingKinds: Set<Figure.Kind> = [.money, .percentage, .capacity, .energy, .count]

    /// The terms counted into document frequencies: content terms, and entities as `e:key`.
    public var distinctTerms: Set<String> {
        Set(terms.keys).union(entities.keys.map { "e:" + $0 })
    }
}
