import Foundation

/// The evidence that an article belongs to a story, combined into a probability.
///
/// Each feature is a cosine between the article's vector and the story's (weighted by inverse
/// document frequency where words are compared): all terms, terms without the words of names
/// (what happened rather than to whom), the title, the lead, the kind of event and the names;
/// plus shared figures and the days since the story's latest article. The weights are a
/// logistic regression fitted on labelled corpora of pairs (article, story so far), with the
/// penalty for a headline reporting another kind of event doubled by hand; see
/// docs/stories.md. Names alone never suffice: one company's earnings and its factory fire
/// share names but not content or event words; two look-alike events share words but not names.
struct StorySimilarity {
    var terms: Double
    var content: Double
    var title: Double
    var lead: Double
    var titleContent: Double
    var leadContent: Double
    var titleEvents: Double
    var titleEntities: Double
    /// The title signals a kind of event and the story's titles signal others, none the same.
    var eventConflict: Double
    /// The title names someone and the story's titles name others, none the same.
    var nameConflict: Double
    var events: Double
    var entities: Double
    /// Shared identifying figures, capped at three, scaled to 0...1.
    var figures: Double
    var gapDays: Double
    /// Both sides name people or organisations, and none of the names are shared.
    var noSharedNames: Bool

    static let weights = (
        terms: 3.20, content: 2.29, title: 0.76, lead: 1.59, titleContent: 0.71, leadContent: 1.39, events: 1.15,
        titleEvents: -0.54, eventConflict: -2.0, entities: 2.06, nameConflict: -1.02, figures: 0.60, bias: -4.40
    )

    /// - Parameter norms: the story's `StoryNorms` under the same frequencies, if known.
    init(article: ArticleSignature, story: StorySignature, gapDays: Double, frequencies: DocumentFrequencies, norms: StoryNorms? = nil) {
        let weights = TermWeights(frequencies)
        var vocabulary = Vocabulary()
        let compact = CompactStorySignature(story, vocabulary: &vocabulary)
        self.init(
            article: WeightedArticle(article, weights: weights, vocabulary: vocabulary), story: compact, gapDays: gapDays,
            norms: norms ?? StoryNorms(compact, weights: weights, vocabulary: vocabulary))
    }

    /// Compares an article whose vectors are already weighted, as the clusterer does when it
    /// scores one article against many stories.
    /// - Parameter norms: the story's vector lengths, under the weights the article's were weighted by.
    init(article weighted: WeightedArticle, story: CompactStorySignature, gapDays: Double, norms: StoryNorms) {
        let article = weighted.article
        terms = Self.cosine(weighted.terms, story.terms, secondNorm: norms.terms)
        content = Self.cosine(weighted.contentTerms, story.contentTerms, secondNorm: norms.contentTerms)
        title = Self.cosine(weighted.titleTerms, story.titleTerms, secondNorm: norms.titleTerms)
        lead = Self.cosine(weighted.leadTerms, story.leadTerms, secondNorm: norms.leadTerms)
        titleContent = Self.cosine(weighted.titleContent, story.titleContent, secondNorm: norms.titleContent)
        leadContent = Self.cosine(weighted.leadContent, story.leadContent, secondNorm: norms.leadContent)
        titleEvents = Self.cosine(weighted.titleEvents, story.titleEvents, secondNorm: norms.titleEvents)
        titleEntities = Self.cosine(weighted.titleEntities, story.titleEntities, secondNorm: norms.titleEntities)
        eventConflict = !article.titleEvents.isEmpty && !story.titleEvents.isEmpty && titleEvents == 0 ? 1 : 0
        nameConflict = !article.titleEntities.isEmpty && !story.titleEntities.isEmpty && titleEntities == 0 ? 1 : 0
        events = Self.cosine(weighted.events, story.events, secondNorm: norms.events)
        entities = Self.cosine(weighted.entities, story.entities, secondNorm: norms.entities)
        figures = Double(min(3, story.sharedFigureCount(weighted.figureKeys))) / 3
        self.gapDays = gapDays
        noSharedNames = !article.entities.isEmpty && !story.entities.isEmpty && entities < 0.05
    }

    /// `StorySimilarity(article:story:…).probability`, without the other comparisons when the
    /// names alone rule the story out: most candidates share common words with the article but
    /// none of its names, and the probability is then 0 whatever the rest says.
    static func probability(article weighted: WeightedArticle, story: CompactStorySignature, gapDays: Double, norms: StoryNorms) -> Double {
        if !weighted.article.entities.isEmpty, !story.entities.isEmpty {
            if cosine(weighted.entities, story.entities, secondNorm: norms.entities) < 0.05 { return 0 }
        }
        return StorySimilarity(article: weighted, story: story, gapDays: gapDays, norms: norms).probability
    }

    var probability: Double {
        // Look-alike events (two companies' earnings on one day) share every word but the names.
        if noSharedNames { return 0 }
        let w = Self.weights
        let z = w.terms * terms + w.content * content + w.title * title + w.lead * lead + w.titleContent * titleContent
            + w.leadContent * leadContent + w.events * events + w.titleEvents * titleEvents + w.eventConflict * eventConflict
            + w.entities * entities + w.nameConflict * nameConflict + w.figures * figures + w.bias
        return 1 / (1 + exp(-z))
    }

    /// - Parameter secondNorm: the squared length of `second` under the weights `first` was weighted by.
    static func cosine(_ first: WeightedVector, _ second: SparseVector, secondNorm: Double) -> Double {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        // Both sides are in number order: one walk finds every shared key.
        let (known, entries) = (first.known, second.entries)
        var dot = 0.0
        var (i, j) = (0, 0)
        while i < known.count && j < entries.count {
            if known[i].key < entries[j].key {
                i += 1
            } else if entries[j].key < known[i].key {
                j += 1
            } else {
                dot += known[i].weighted * entries[j].value * known[i].keyWeight
                i += 1
                j += 1
            }
        }
        guard first.squaredNorm > 0, secondNorm > 0 else { return 0 }
        return dot / (first.squaredNorm.squareRoot() * secondNorm.squareRoot())
    }

    /// The squared length of a vector under the weights of its keys' spellings.
    static func squaredNorm(_ vector: SparseVector, _ weight: (String) -> Double, _ vocabulary: Vocabulary) -> Double {
        var norm = 0.0
        for entry in vector.entries {
            let weighted = entry.value * weight(vocabulary.spelling(entry.key))
            norm += weighted * weighted
        }
        return norm
    }
}

/// The squared lengths of a story's weighted vectors, which every comparison of an article
/// with the story needs: the clusterer computes them when the story or the term weights
/// change rather than for every article it compares (they were a third of the comparing).
struct StoryNorms: Sendable {
    var terms, contentTerms, titleTerms, leadTerms, titleContent, leadContent: Double
    var titleEvents, titleEntities, events, entities: Double

    init(_ story: StorySignature, frequencies: DocumentFrequencies) {
        var vocabulary = Vocabulary()
        self.init(CompactStorySignature(story, vocabulary: &vocabulary), weights: TermWeights(frequencies), vocabulary: vocabulary)
    }

    init(_ story: CompactStorySignature, weights: TermWeights, vocabulary: Vocabulary) {
        let idf: (String) -> Double = { weights.idf($0) }
        let entityIDF: (String) -> Double = { weights.entityIDF($0) }
        let one: (String) -> Double = { _ in 1 }
        func norm(_ vector: SparseVector, _ weight: (String) -> Double) -> Double {
            StorySimilarity.squaredNorm(vector, weight, vocabulary)
        }
        terms = norm(story.terms, idf)
        contentTerms = norm(story.contentTerms, idf)
        titleTerms = norm(story.titleTerms, idf)
        leadTerms = norm(story.leadTerms, idf)
        titleContent = norm(story.titleContent, idf)
        leadContent = norm(story.leadContent, idf)
        titleEvents = norm(story.titleEvents, one)
        titleEntities = norm(story.titleEntities, entityIDF)
        events = norm(story.events, one)
        entities = norm(story.entities, entityIDF)
    }
}

/// One of an article's vectors with each entry's weight looked up once: the clusterer scores
/// an article against up to 30 stories, and the weights (a dictionary lookup and a logarithm
/// each) were then looked up for every one of them. Entries whose spelling the clusterer's
/// vocabulary lacks can match no story: they count only in the length.
struct WeightedVector: Sendable {
    struct Entry: Sendable {
        var key: UInt32
        var weighted: Double
        var keyWeight: Double
    }

    /// The entries the vocabulary knows, in number order.
    var known: [Entry] = []
    var squaredNorm = 0.0
    var isEmpty: Bool

    init(_ vector: [String: Double], _ weight: (String) -> Double, vocabulary: Vocabulary) {
        isEmpty = vector.isEmpty
        known.reserveCapacity(vector.count)
        for (key, value) in vector {
            let keyWeight = weight(key)
            let weighted = value * keyWeight
            squaredNorm += weighted * weighted
            if let number = vocabulary.number(of: key) { known.append(Entry(key: number, weighted: weighted, keyWeight: keyWeight)) }
        }
        known.sort { $0.key < $1.key }
    }
}

/// An article's vectors weighted under one set of term weights (see `WeightedVector`).
struct WeightedArticle: Sendable {
    var article: ArticleSignature
    var terms, contentTerms, titleTerms, leadTerms, titleContent, leadContent: WeightedVector
    var titleEvents, titleEntities, events, entities: WeightedVector
    /// The numbers of the figures the vocabulary knows, in order.
    var figureKeys: [UInt32]

    init(_ article: ArticleSignature, weights: TermWeights, vocabulary: Vocabulary) {
        let idf: (String) -> Double = { weights.idf($0) }
        let entityIDF: (String) -> Double = { weights.entityIDF($0) }
        let one: (String) -> Double = { _ in 1 }
        self.article = article
        terms = WeightedVector(article.terms, idf, vocabulary: vocabulary)
        contentTerms = WeightedVector(article.contentTerms, idf, vocabulary: vocabulary)
        titleTerms = WeightedVector(article.titleTerms, idf, vocabulary: vocabulary)
        leadTerms = WeightedVector(article.leadTerms, idf, vocabulary: vocabulary)
        titleContent = WeightedVector(article.titleContent, idf, vocabulary: vocabulary)
        leadContent = WeightedVector(article.leadContent, idf, vocabulary: vocabulary)
        titleEvents = WeightedVector(article.titleEvents, one, vocabulary: vocabulary)
        titleEntities = WeightedVector(article.titleEntities, entityIDF, vocabulary: vocabulary)
        events = WeightedVector(article.events, one, vocabulary: vocabulary)
        entities = WeightedVector(article.entities, entityIDF, vocabulary: vocabulary)
        figureKeys = article.figures.compactMap(vocabulary.number(of:)).sorted()
    }
}
