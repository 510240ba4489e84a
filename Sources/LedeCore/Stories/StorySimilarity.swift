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
        let idf: (String) -> Double = { frequencies.idf($0) }
        let entityIDF: (String) -> Double = { frequencies.idf("e:" + $0) }
        let one: (String) -> Double = { _ in 1 }
        terms = Self.cosine(article.terms, story.terms, idf, secondNorm: norms?.terms)
        content = Self.cosine(article.contentTerms, story.contentTerms, idf, secondNorm: norms?.contentTerms)
        title = Self.cosine(article.titleTerms, story.titleTerms, idf, secondNorm: norms?.titleTerms)
        lead = Self.cosine(article.leadTerms, story.leadTerms, idf, secondNorm: norms?.leadTerms)
        titleContent = Self.cosine(article.titleContent, story.titleContent, idf, secondNorm: norms?.titleContent)
        leadContent = Self.cosine(article.leadContent, story.leadContent, idf, secondNorm: norms?.leadContent)
        titleEvents = Self.cosine(article.titleEvents, story.titleEvents, one, secondNorm: norms?.titleEvents)
        titleEntities = Self.cosine(article.titleEntities, story.titleEntities, entityIDF, secondNorm: norms?.titleEntities)
        eventConflict = !article.titleEvents.isEmpty && !story.titleEvents.isEmpty && titleEvents == 0 ? 1 : 0
        nameConflict = !article.titleEntities.isEmpty && !story.titleEntities.isEmpty && titleEntities == 0 ? 1 : 0
        events = Self.cosine(article.events, story.events, one, secondNorm: norms?.events)
        entities = Self.cosine(article.entities, story.entities, entityIDF, secondNorm: norms?.entities)
        figures = Double(min(3, article.figures.filter { story.figures[$0] != nil }.count)) / 3
        self.gapDays = gapDays
        noSharedNames = !article.entities.isEmpty && !story.entities.isEmpty && entities < 0.05
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

    /// - Parameter secondNorm: `squaredNorm(second, weight)`, when already known.
    static func cosine(_ first: [String: Double], _ second: [String: Double], _ weight: (String) -> Double, secondNorm known: Double? = nil)
        -> Double
    {
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        var dot = 0.0
        var firstNorm = 0.0
        for (key, value) in first {
            // Looked up once: the weight is a dictionary lookup and a logarithm, and comparing
            // is most of the clustering job's time.
            let keyWeight = weight(key)
            let weighted = value * keyWeight
            firstNorm += weighted * weighted
            if let other = second[key] { dot += weighted * other * keyWeight }
        }
        let secondNorm = known ?? squaredNorm(second, weight)
        guard firstNorm > 0, secondNorm > 0 else { return 0 }
        return dot / (firstNorm.squareRoot() * secondNorm.squareRoot())
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
        let idf: (String) -> Double = { frequencies.idf($0) }
        let entityIDF: (String) -> Double = { frequencies.idf("e:" + $0) }
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
