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
        self.init(article: WeightedArticle(article, weights: weights), story: story, gapDays: gapDays, weights: weights, norms: norms)
    }

    /// Compares an article whose vectors are already weighted, as the clusterer does when it
    /// scores one article against many stories.
    init(article weighted: WeightedArticle, story: StorySignature, gapDays: Double, weights: TermWeights, norms: StoryNorms? = nil) {
        // The story's vector lengths, under the same weights as the article's vectors.
        let norms = norms ?? StoryNorms(story, weights: weights)
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
        figures = Double(min(3, article.figures.count { story.figures[$0] != nil })) / 3
        self.gapDays = gapDays
        noSharedNames = !article.entities.isEmpty && !story.entities.isEmpty && entities < 0.05
    }

    /// `StorySimilarity(article:story:…).probability`, without the other comparisons when the
    /// names alone rule the story out: most candidates share common words with the article but
    /// none of its names, and the probability is then 0 whatever the rest says.
    static func probability(
        article weighted: WeightedArticle, story: StorySignature, gapDays: Double, weights: TermWeights, norms: StoryNorms?
    ) -> Double {
        if !weighted.article.entities.isEmpty, !story.entities.isEmpty {
            let entityNorm = norms?.entities ?? squaredNorm(story.entities, { weights.entityIDF($0) })
            if cosine(weighted.entities, story.entities, secondNorm: entityNorm) < 0.05 { return 0 }
        }
        return StorySimilarity(article: weighted, story: story, gapDays: gapDays, weights: weights, norms: norms).probability
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

    static func cosine(_ first: [String: Double], _ second: [String: Double], _ weight: (String) -> Double) -> Double {
        cosine(WeightedVector(first, weight), second, secondNorm: squaredNorm(second, weight))
    }

    /// - Parameter secondNorm: `squaredNorm(second, weight)` under the weights `first` was weighted by.
    static func cosine(_ first: WeightedVector, _ second: [String: Double], secondNorm: @autoclosure () -> Double) -> Double {
        guard !first.entries.isEmpty, !second.isEmpty else { return 0 }
        var dot = 0.0
        for entry in first.entries {
            if let other = second[entry.key] { dot += entry.weighted * other * entry.keyWeight }
        }
        let secondNorm = secondNorm()
        guard first.squaredNorm > 0, secondNorm > 0 else { return 0 }
        return dot / (first.squaredNorm.squareRoot() * secondNorm.squareRoot())
    }

    /// The squared length of a vector under the weights.
    static func squaredNorm(_ vector: [String: Double], _ weight: (String) -> Double) -> Double {
        var norm = 0.0
        for (key, value) in vector {
            let weighted = value * weight(key)
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
        self.init(story, weights: TermWeights(frequencies))
    }

    init(_ story: StorySignature, weights: TermWeights) {
        let idf: (String) -> Double = { weights.idf($0) }
        let entityIDF: (String) -> Double = { weights.entityIDF($0) }
        let one: (String) -> Double = { _ in 1 }
        terms = StorySimilarity.squaredNorm(story.terms, idf)
        contentTerms = StorySimilarity.squaredNorm(story.contentTerms, idf)
        titleTerms = StorySimilarity.squaredNorm(story.titleTerms, idf)
        leadTerms = StorySimilarity.squaredNorm(story.leadTerms, idf)
        titleContent = StorySimilarity.squaredNorm(story.titleContent, idf)
        leadContent = StorySimilarity.squaredNorm(story.leadContent, idf)
        titleEvents = StorySimilarity.squaredNorm(story.titleEvents, one)
        titleEntities = StorySimilarity.squaredNorm(story.titleEntities, entityIDF)
        events = StorySimilarity.squaredNorm(story.events, one)
        entities = StorySimilarity.squaredNorm(story.entities, entityIDF)
    }
}

/// One of an article's vectors with each entry's weight looked up once: the clusterer scores
/// an article against up to 30 stories, and the weights (a dictionary lookup and a logarithm
/// each) were then looked up for every one of them.
struct WeightedVector: Sendable {
    var entries: [(key: String, weighted: Double, keyWeight: Double)] = []
    var squaredNorm = 0.0

    init(_ vector: [String: Double], _ weight: (String) -> Double) {
        entries.reserveCapacity(vector.count)
        for (key, value) in vector {
            let keyWeight = weight(key)
            let weighted = value * keyWeight
            squaredNorm += weighted * weighted
            entries.append((key, weighted, keyWeight))
        }
    }
}

/// An article's vectors weighted under one set of term weights (see `WeightedVector`).
struct WeightedArticle: Sendable {
    var article: ArticleSignature
    var terms, contentTerms, titleTerms, leadTerms, titleContent, leadContent: WeightedVector
    var titleEvents, titleEntities, events, entities: WeightedVector

    init(_ article: ArticleSignature, weights: TermWeights) {
        let idf: (String) -> Double = { weights.idf($0) }
        let entityIDF: (String) -> Double = { weights.entityIDF($0) }
        let one: (String) -> Double = { _ in 1 }
        self.article = article
        terms = WeightedVector(article.terms, idf)
        contentTerms = WeightedVector(article.contentTerms, idf)
        titleTerms = WeightedVector(article.titleTerms, idf)
        leadTerms = WeightedVector(article.leadTerms, idf)
        titleContent = WeightedVector(article.titleContent, idf)
        leadContent = WeightedVector(article.leadContent, idf)
        titleEvents = WeightedVector(article.titleEvents, one)
        titleEntities = WeightedVector(article.titleEntities, entityIDF)
        events = WeightedVector(article.events, one)
        entities = WeightedVector(article.entities, entityIDF)
    }
}
