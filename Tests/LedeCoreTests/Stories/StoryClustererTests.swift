import Foundation
@testable import LedeCore
import Testing

@Suite struct StoryClustererTests {
    static let day: TimeInterval = 24 * 3600
    static let start = Date(timeIntervalSince1970: 1_776_643_200)

    static func article(_ title: String, _ text: String, hoursAfterStart: Double = 0) -> ArticleSignature {
        ArticleSignature(title: title, paragraphs: text.components(separatedBy: "\n\n"), published: start.addingTimeInterval(hoursAfterStart * 3600))
    }

    static let earnings = article(
        "Corvane beats forecasts and raises its outlook",
        "Corvane Systems reported first-quarter revenue of $2.3 billion, up 18%, beating analysts' forecasts as orders for data-centre switches grew.\n\nThe company raised its full-year revenue outlook to $9.8 billion. Chief executive Lena Ortiz said AI clusters were driving demand for 800G switches.")
    static let earningsFollowUp = article(
        "Corvane shares jump after strong quarter",
        "Shares of Corvane Systems rose 9% after the networking company beat first-quarter forecasts with revenue of $2.3 billion and lifted its outlook.\n\nAnalysts said the raised outlook of $9.8 billion showed demand for data-centre switches was holding up.",
        hoursAfterStart: 20)
    static let fire = article(
        "Fire halts production at Corvane plant in Penang",
        "A fire broke out overnight at a Corvane Systems factory in Penang, Malaysia, halting production of line cards. No one was injured, local fire officials said.\n\nThe building makes about 30% of the company's line cards, and firefighters needed six hours to bring the blaze under control.",
        hoursAfterStart: 30)
    static let otherCompanyEarnings = article(
        "Halden Micro beats forecasts and raises outlook",
        "Halden Micro reported first-quarter revenue of $640 million, up 11%, beating analysts' forecasts as orders for memory controllers grew.\n\nThe chipmaker raised its full-year outlook. Chief executive Rafael Mendes said storage demand had recovered.",
        hoursAfterStart: 2)

    @Test func keptStoryLengthsGiveTheSameSimilarityAsComputedOnes() {
        // The clusterer keeps each story's `StoryNorms`; they must weigh every vector exactly
        // as the comparison itself would.
        var story = StorySignature()
        story.add(Self.earnings, outlet: "a.example")
        story.add(Self.otherCompanyEarnings, outlet: "b.example")
        var frequencies = DocumentFrequencies()
        for article in [Self.earnings, Self.earningsFollowUp, Self.fire, Self.otherCompanyEarnings] { frequencies.add(article.distinctTerms) }
        func features(_ similarity: StorySimilarity) -> [Double] {
            [
                similarity.terms, similarity.content, similarity.title, similarity.lead, similarity.titleContent, similarity.leadContent,
                similarity.titleEvents, similarity.titleEntities, similarity.events, similarity.entities, similarity.probability,
            ]
        }
        for article in [Self.earningsFollowUp, Self.fire, Self.otherCompanyEarnings] {
            let computed = StorySimilarity(article: article, story: story, gapDays: 0, frequencies: frequencies)
            let kept = StorySimilarity(
                article: article, story: story, gapDays: 0, frequencies: frequencies, norms: StoryNorms(story, frequencies: frequencies))
            #expect(features(kept) == features(computed))
            #expect(computed.terms > 0)
            // The clusterer's shortcut (names alone can rule a story out) gives the same probability.
            #expect(Self.clustererProbability(article, story, frequencies) == computed.probability)
        }
        var oneCompany = StorySignature()
        oneCompany.add(Self.earnings, outlet: "a.example")
        let otherCompany = StorySimilarity(article: Self.otherCompanyEarnings, story: oneCompany, gapDays: 0, frequencies: frequencies)
        #expect(otherCompany.noSharedNames && otherCompany.probability == 0)
        #expect(Self.clustererProbability(Self.otherCompanyEarnings, oneCompany, frequencies) == 0)
    }

    /// The probability as the clusterer computes it, on the story's compact form.
    static func clustererProbability(_ article: ArticleSignature, _ story: StorySignature, _ frequencies: DocumentFrequencies) -> Double {
        let weights = TermWeights(frequencies)
        var vocabulary = Vocabulary()
        let compact = CompactStorySignature(story, vocabulary: &vocabulary)
        return StorySimilarity.probability(
            article: WeightedArticle(article, weights: weights, vocabulary: vocabulary), story: compact, gapDays: 0,
            norms: StoryNorms(compact, weights: weights, vocabulary: vocabulary))
    }

    /// The clusterer adds articles to a story's compact form: expanded, it must be the
    /// signature adding them to a `StorySignature` gives, to the last bit.
    @Test func compactStorySignaturesAddUpAsFullOnes() {
        var full = StorySignature()
        var compact = CompactStorySignature()
        var vocabulary = Vocabulary()
        // Many terms of few distinct weights, so that trimming to the kept number meets ties.
        var wordy = Self.fire
        wordy.terms = Dictionary(uniqueKeysWithValues: (0..<300).map { ("word\($0)", Double($0 % 3 + 1)) })
        let articles = [Self.earnings, Self.earningsFollowUp, wordy, Self.fire, Self.otherCompanyEarnings, Self.earnings]
        for (index, article) in articles.enumerated() {
            full.add(article, outlet: "outlet\(index % 3).example")
            compact.add(article, outlet: "outlet\(index % 3).example", vocabulary: &vocabulary)
            #expect(compact.expanded(vocabulary) == full)
        }
        #expect(full.terms.count == StorySignature.kept.terms, "the trimming was exercised")
        var again = Vocabulary()
        #expect(CompactStorySignature(full, vocabulary: &again).expanded(again) == full)
    }

    /// A refresh may give the held stories a vocabulary of their own spellings only; what the
    /// clusterer places and saves after must be what it would have without the renumbering.
    @Test func renumberingTheVocabularyChangesNoPlacement() {
        var before = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        for (index, article) in [Self.fire, Self.otherCompanyEarnings, Self.earnings].enumerated() {
            _ = before.place(article, outlet: "outlet\(index).example")
        }
        // Reversed, so that the new numbers differ from the old ones.
        var renumbered = before
        renumbered.rebuild(before.stories.reversed(), renumbering: true)
        var plain = before
        plain.rebuild(before.stories.reversed(), renumbering: false)
        #expect(renumbered.vocabulary.number(of: "fire") != before.vocabulary.number(of: "fire"))
        #expect(renumbered.vocabulary.count == before.vocabulary.count)
        for article in [Self.earningsFollowUp, Self.interimChiefOnTheQuarter, Self.quarterlyLoss] {
            // The same scores, but for the order the products are summed in.
            for slot in plain.stories.indices {
                let (a, b) = (renumbered.similarity(article, renumbered.stories[slot]), plain.similarity(article, plain.stories[slot]))
                #expect(abs(a - b) < 1e-12, "story \(slot): \(a) against \(b)")
            }
            #expect(renumbered.place(article, outlet: "c.example") == plain.place(article, outlet: "c.example"))
        }
        #expect(renumbered.changedStories == plain.changedStories)

        // Letting go of stories lets go of the spellings only they held.
        var fewer = before
        fewer.rebuild([before.stories[0]], renumbering: true)
        #expect(fewer.vocabulary.count < before.vocabulary.count)
        #expect(fewer.changedStories == [before.changedStories[0]])
    }

    /// The index keys are picked from a short sorted list; they must be those a full sort gives.
    @Test func strongestEntriesAreThoseAFullSortGives() {
        var random = SystemRandomNumberGenerator()
        for size in [0, 1, 5, 30, 31, 200] {
            // Few distinct values, so that ties (broken alphabetically) are common.
            let vector = Dictionary(uniqueKeysWithValues: (0..<size).map { ("w\($0)", Double(Int.random(in: 1...4, using: &random))) })
            for count in [1, 10, 30] {
                let sorted = vector.map { ($0.key, $0.value * 1.5) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(count)
                let picked = StoryClusterer.strongest(vector, count: count, weight: { $1 * 1.5 })
                #expect(picked.map(\.0) == sorted.map(\.0) && picked.map(\.1) == sorted.map(\.1))
            }
        }
    }

    @Test func termWeightsAreTheDocumentFrequenciesInverse() {
        let frequencies = DocumentFrequencies(documentCount: 40, counts: ["farm": 3, "e:corvane": 7, "solar": 40])
        let weights = TermWeights(frequencies)
        for term in ["farm", "solar", "unseen"] { #expect(weights.idf(term) == frequencies.idf(term)) }
        for key in ["corvane", "unseen"] { #expect(weights.entityIDF(key) == frequencies.idf("e:" + key)) }
    }

    @Test func followUpJoinsItsStory() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let first = clusterer.place(Self.earnings, outlet: "a.example")
        let second = clusterer.place(Self.earningsFollowUp, outlet: "b.example")
        #expect(first == second)
    }

    @Test func sameCompanyDifferentEventStaysApart() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let earnings = clusterer.place(Self.earnings, outlet: "a.example")
        let fire = clusterer.place(Self.fire, outlet: "b.example")
        #expect(earnings != fire)
    }

    @Test func lookAlikeEventAtAnotherCompanyStaysApart() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let corvane = clusterer.place(Self.earnings, outlet: "a.example")
        let halden = clusterer.place(Self.otherCompanyEarnings, outlet: "b.example")
        #expect(corvane != halden)
    }

    static let exit = article(
        "Corvane chief executive Lena Ortiz steps down",
        "Corvane Systems said chief executive Lena Ortiz would step down at once after four years, and named finance chief Marcus Hale interim chief executive while the board searches for a successor.\n\nOrtiz led the networking company through its move into data-centre switches. The board thanked her and said the search would take several months.")
    static let exitReaction = article(
        "Why Lena Ortiz left Corvane",
        "People close to the board of Corvane Systems said Lena Ortiz and directors had disagreed for months over the pace of spending on new factories before she stepped down as chief executive.\n\nInterim chief executive Marcus Hale, the former finance chief, is expected to review the plan.",
        hoursAfterStart: 8)
    static let quarterlyLoss = article(
        "Corvane swings to a first-quarter loss and cuts its outlook",
        "Corvane Systems reported a first-quarter net loss of $48 million as revenue fell 6% to $1.9 billion, and cut its full-year revenue outlook to $7.5 billion.\n\nThe networking company blamed weaker orders for campus switches and higher costs at its new factories.",
        hoursAfterStart: 50)
    static let interimChiefOnTheQuarter = article(
        "Corvane's interim chief pauses factory spending after a weak quarter",
        "On his first earnings call, interim chief executive Marcus Hale said Corvane Systems would pause spending on two new factories after a first-quarter net loss of $48 million and a lower full-year revenue outlook.\n\nRevenue fell 6% as orders for campus switches weakened. Hale took over this week when Lena Ortiz stepped down.",
        hoursAfterStart: 54)

    /// Places the exit story's articles and the results story's first, and returns both stories' placements.
    static func exitThenResults() -> (clusterer: StoryClusterer, exit: StoryClusterer.Placement, results: StoryClusterer.Placement) {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let exit = clusterer.place(Self.exit, outlet: "a.example")
        _ = clusterer.place(Self.exitReaction, outlet: "b.example")
        let results = clusterer.place(Self.quarterlyLoss, outlet: "a.example")
        return (clusterer, exit, results)
    }

    @Test func aCompanysNewStoryTakesWhatCouldBelongToItsOlderQuietStory() {
        var (clusterer, exit, results) = Self.exitThenResults()
        #expect(exit != results, "the exit and the results are two stories")
        let older = clusterer.similarity(Self.interimChiefOnTheQuarter, clusterer.stories[0])
        let newer = clusterer.similarity(Self.interimChiefOnTheQuarter, clusterer.stories[1])
        #expect(older >= clusterer.settings.threshold && newer >= clusterer.settings.threshold, "plausible in both: \(older), \(newer)")
        #expect(older > newer, "on similarity alone the older story would take it")
        #expect(clusterer.place(Self.interimChiefOnTheQuarter, outlet: "c.example") == results, "\(older) against \(newer)")
    }

    @Test func aClearFollowUpStillJoinsTheOlderStory() {
        var (clusterer, exit, _) = Self.exitThenResults()
        let successorSearch = Self.article(
            "Corvane board hires recruiter to find a successor to Lena Ortiz",
            "The board of Corvane Systems has hired a recruiting firm to search for a permanent chief executive to succeed Lena Ortiz, who stepped down on Monday after disagreeing with directors.\n\nInterim chief executive Marcus Hale, the former finance chief, will lead the company during the search, the board said.",
            hoursAfterStart: 56)
        #expect(clusterer.place(successorSearch, outlet: "c.example") == exit)
    }

    @Test func storiesOutsideTheWindowAreNotJoined() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let first = clusterer.place(Self.earnings, outlet: "a.example")
        var late = Self.earningsFollowUp
        late.published = Self.start.addingTimeInterval(20 * Self.day)
        #expect(clusterer.place(late, outlet: "b.example") != first)
    }

    @Test func resumesFromStoredStories() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        _ = clusterer.place(Self.earnings, outlet: "a.example")
        let opened = clusterer.changedStories[0]
        let stored = Story(id: 7, headline: opened.headline, firstPublished: opened.firstPublished, lastPublished: opened.lastPublished, signature: opened.signature)
        var resumed = StoryClusterer(stories: [stored], frequencies: DocumentFrequencies())
        #expect(resumed.place(Self.earningsFollowUp, outlet: "b.example") == .existing(storyID: 7))
        #expect(resumed.changedStories.map(\.id) == [7])
    }

    @Test func aCommittedClustererGoesOnWithTheStoredIDs() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        guard case .new(let key) = clusterer.place(Self.earnings, outlet: "a.example") else {
            Issue.record("the first article opens a story")
            return
        }
        let committed = clusterer.committed(storyIDs: [key: 7])
        #expect(committed)
        #expect(clusterer.changedStories.isEmpty)
        let placement = clusterer.place(Self.earningsFollowUp, outlet: "b.example")
        #expect(placement == .existing(storyID: 7))
        #expect(clusterer.changedStories.map(\.id) == [7])
    }

    @Test func aCommitWithoutTheNewStoriesIDsIsRefused() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        _ = clusterer.place(Self.earnings, outlet: "a.example")
        let committed = clusterer.committed(storyIDs: [:])
        #expect(!committed)
    }

    @Test func refreshingLetsGoOfStoriesOutsideTheWindow() {
        let stored = [
            Story(id: 1, headline: "old", firstPublished: Self.start, lastPublished: Self.start, signature: StorySignature()),
            Story(id: 2, headline: "recent", firstPublished: Self.start, lastPublished: Self.start.addingTimeInterval(5 * Self.day), signature: StorySignature()),
        ]
        var clusterer = StoryClusterer(stories: stored, frequencies: DocumentFrequencies(), heldSince: Self.start)
        let windowStart = Self.start.addingTimeInterval(Self.day)
        #expect(clusterer.storiesInactive(since: windowStart) == 1)
        clusterer.refresh(frequencies: nil, keepingStoriesActiveSince: windowStart)
        #expect(clusterer.storyCount == 1)
        #expect(clusterer.heldSince == windowStart)
    }
}
