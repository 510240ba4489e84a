import Foundation

/// Assigns articles to stories one at a time: each new article joins the most similar
/// recent story or opens a new one.
///
/// Candidates come from an inverted index over the stories' strongest terms and names, so
/// the cost of placing an article depends on how many stories share its words, not on how
/// many stories exist. Stories older than the window are not candidates.
public struct StoryClusterer: Sendable {
    public struct Settings: Sendable, Hashable {
        /// How long after a story's latest article a new article may still join it.
        public var window: TimeInterval = 7 * 24 * 3600
        /// The probability of belonging (see `StorySimilarity`) an article needs to join a story.
        public var threshold: Double = 0.35
        /// At most this many candidate stories are scored in full.
        public var candidateLimit: Int = 30
        /// An older story keeps an article a newer story about the same names could take only
        /// when its odds of belonging are more than this many times the newer story's.
        public var supersedingOdds: Double = 3

        public init() {}
    }

    /// Where an article went.
    public enum Placement: Sendable, Hashable {
        case existing(storyID: Int64)
        /// A story opened in this run, not yet stored; the key ties its articles together.
        case new(provisionalKey: Int)
    }

    public let settings: Settings
    private(set) var stories: [IndexedStory] = []
    /// The spellings of everything the held stories hold (see `Vocabulary`), and of what
    /// stories let go since the last renumbering held.
    private(set) var vocabulary = Vocabulary()
    /// How many spellings the vocabulary had when it was last renumbered.
    private var spellingsWhenRenumbered = 0
    private var postings: [IndexKey: [Int]] = [:]
    private var weights: TermWeights
    /// The number of documents the term weights were computed over.
    public private(set) var frequencyDocumentCount: Int
    private var nextProvisionalKey = 1
    /// The earliest latest-article date of the stories held; older stories are not held.
    public private(set) var heldSince: Date = .distantPast

    struct IndexedStory: Sendable {
        var storedID: Int64?
        var provisionalKey: Int
        var headline: String
        var firstPublished: Date
        var lastPublished: Date
        var signature: CompactStorySignature
        /// In order, as `indexKeys(of:)` gives them.
        var indexedKeys: [IndexKey]
        var changed: Bool
        /// Under the clusterer's current term weights; set by `update`, through which every
        /// change of a story or of the weights passes.
        var norms: StoryNorms? = nil
    }

    /// - Parameters:
    ///   - stories: the stored stories still inside the window.
    ///   - frequencies: document frequencies over the stored articles.
    ///   - heldSince: the date the stories were read from: those whose latest article is
    ///     at or after it.
    public init(stories: [Story], frequencies: DocumentFrequencies, settings: Settings = Settings(), heldSince: Date = .distantPast) {
        self.settings = settings
        weights = TermWeights(frequencies)
        frequencyDocumentCount = frequencies.documentCount
        self.heldSince = heldSince
        for story in stories {
            insert(
                IndexedStory(
                    storedID: story.id, provisionalKey: 0, headline: story.headline, firstPublished: story.firstPublished,
                    lastPublished: story.lastPublished, signature: CompactStorySignature(story.signature, vocabulary: &vocabulary),
                    indexedKeys: [], changed: false))
        }
    }

    /// Places one article and updates the story it joins or opens.
    public mutating func place(_ article: ArticleSignature, outlet: String) -> Placement {
        let weighted = WeightedArticle(article, weights: weights, vocabulary: vocabulary)
        let plausible = candidates(for: article)
            .map { (slot: $0, score: similarity(weighted, stories[$0])) }
            .filter { $0.score >= settings.threshold }
        if let slot = choice(among: plausible, for: article) {
            var story = stories[slot]
            story.signature.add(article, outlet: outlet, vocabulary: &vocabulary)
            story.firstPublished = min(story.firstPublished, article.published)
            story.lastPublished = max(story.lastPublished, article.published)
            story.changed = true
            update(slot, story)
            return story.storedID.map { .existing(storyID: $0) } ?? .new(provisionalKey: story.provisionalKey)
        }
        var signature = CompactStorySignature()
        signature.add(article, outlet: outlet, vocabulary: &vocabulary)
        let key = nextProvisionalKey
        nextProvisionalKey += 1
        insert(
            IndexedStory(
                storedID: nil, provisionalKey: key, headline: article.title, firstPublished: article.published,
                lastPublished: article.published, signature: signature, indexedKeys: [], changed: true))
        return .new(provisionalKey: key)
    }

    /// The story an article joins among those it plausibly belongs to: the likeliest, except
    /// that a story yields to a newer one about the same names that began after its last
    /// article, unless it is clearly likelier (see `Settings.supersedingOdds`) or the
    /// article's headline names something only the older story's headlines name.
    ///
    /// News about one company moves on: once its results story has begun, an article that
    /// reads like both the results and the chief executive's exit two days before is far more
    /// often about the results. A larger, older story also matches any article about the
    /// company better on common words alone, which the choice would otherwise always favour.
    private func choice(among plausible: [(slot: Int, score: Double)], for article: ArticleSignature) -> Int? {
        let ranked = plausible.sorted { ($0.score, $1.slot) > ($1.score, $0.slot) }
        guard var chosen = ranked.first else { return nil }
        for newer in ranked.dropFirst() where supersedes(newer, chosen, article: article) {
            chosen = newer
        }
        return chosen.slot
    }

    private func supersedes(_ newer: (slot: Int, score: Double), _ older: (slot: Int, score: Double), article: ArticleSignature) -> Bool {
        let (newStory, oldStory) = (stories[newer.slot], stories[older.slot])
        guard newStory.firstPublished > oldStory.lastPublished, article.published >= newStory.firstPublished else { return false }
        let (newNames, oldNames) = (newStory.signature.titleEntities, oldStory.signature.titleEntities)
        let sameNames = newNames.entries.contains { oldNames.contains($0.key) }
        // A headline naming what only the older story's headlines name ("Retivelle" beside
        // "Selvane") is a follow-up of that story, not of the company's latest news.
        let namesOnlyTheOlder = article.titleEntities.keys.contains { name in
            vocabulary.number(of: name).map { oldNames.contains($0) && !newNames.contains($0) } ?? false
        }
        return sameNames && !namesOnlyTheOlder && Self.odds(older.score) <= settings.supersedingOdds * Self.odds(newer.score)
    }

    private static func odds(_ probability: Double) -> Double {
        probability / max(1e-9, 1 - probability)
    }

    /// The stories this run opened or changed, to be stored.
    public var changedStories: [StoryUpdate] {
        stories.filter(\.changed).map {
            StoryUpdate(
                id: $0.storedID, provisionalKey: $0.provisionalKey, headline: $0.headline,
                firstPublished: $0.firstPublished, lastPublished: $0.lastPublished, signature: $0.signature.expanded(vocabulary))
        }
    }

    // MARK: - Keeping the clusterer between batches

    /// Records that the changed stories were saved, the new ones under the given ids, so the
    /// clusterer can go on with the next batch without reading the stories back.
    /// - Returns: `false` when a new story has no id, and the clusterer must not be reused.
    public mutating func committed(storyIDs: [Int: Int64]) -> Bool {
        for slot in stories.indices where stories[slot].changed {
            if stories[slot].storedID == nil {
                guard let id = storyIDs[stories[slot].provisionalKey] else { return false }
                stories[slot].storedID = id
            }
            stories[slot].changed = false
        }
        return true
    }

    /// Takes in stories as others saved them: a held story is replaced, a new one added.
    public mutating func absorb(_ saved: [Story]) {
        var slots: [Int64: Int] = [:]
        for (slot, story) in stories.enumerated() {
            if let id = story.storedID { slots[id] = slot }
        }
        for story in saved {
            var indexed = IndexedStory(
                storedID: story.id, provisionalKey: 0, headline: story.headline, firstPublished: story.firstPublished,
                lastPublished: story.lastPublished, signature: CompactStorySignature(story.signature, vocabulary: &vocabulary),
                indexedKeys: [], changed: false)
            if let slot = slots[story.id] {
                indexed.indexedKeys = stories[slot].indexedKeys
                update(slot, indexed)
            } else {
                insert(indexed)
                slots[story.id] = stories.count - 1
            }
        }
    }

    /// Takes in the stories whose latest article is from `date` up to the date the held ones
    /// reach back to (read from the store), so that articles published that early can be placed.
    public mutating func reachBack(to date: Date, adding stories: [Story]) {
        absorb(stories)
        heldSince = min(heldSince, date)
    }

    /// Takes new term weights and lets go of the stories whose latest article is before
    /// `date` (they can no longer be joined), rebuilding the index.
    public mutating func refresh(frequencies: DocumentFrequencies?, keepingStoriesActiveSince date: Date) {
        let kept = stories.filter { $0.changed || $0.lastPublished >= date }
        if let frequencies {
            weights = TermWeights(frequencies)
            frequencyDocumentCount = frequencies.documentCount
        }
        rebuild(kept, renumbering: vocabulary.count > max(Self.spellingsBeforeRenumbering, 2 * spellingsWhenRenumbered))
        heldSince = max(heldSince, date)
    }

    /// The vocabulary keeps the spellings of stories let go, and a worker's clusterer lives as
    /// long as the worker: once it has this many spellings and twice as many as when last
    /// renumbered, a refresh gives the held stories a new vocabulary of only their own (the
    /// index is rebuilt then anyway; doubling keeps the renumbering rare in a first import,
    /// where nearly every spelling stays held).
    static let spellingsBeforeRenumbering = 1 << 18

    /// Holds exactly `kept`, with the index (and, if asked, the vocabulary) built afresh.
    mutating func rebuild(_ kept: [IndexedStory], renumbering: Bool) {
        var kept = kept
        if renumbering {
            var fresh = Vocabulary()
            for slot in kept.indices { kept[slot].signature = kept[slot].signature.renumbered(from: vocabulary, into: &fresh) }
            vocabulary = fresh
            spellingsWhenRenumbered = fresh.count
        }
        stories = []
        postings = [:]
        for var story in kept {
            story.indexedKeys = []
            insert(story)
        }
    }

    /// How many stories the clusterer holds.
    public var storyCount: Int { stories.count }

    /// How many held stories have had no article since `date`.
    public func storiesInactive(since date: Date) -> Int {
        stories.count { !$0.changed && $0.lastPublished < date }
    }

    // MARK: - Scoring

    /// How likely an article belongs to a story, from 0 to 1; `0` outside the time window.
    func similarity(_ article: ArticleSignature, _ story: IndexedStory) -> Double {
        similarity(WeightedArticle(article, weights: weights, vocabulary: vocabulary), story)
    }

    private func similarity(_ weighted: WeightedArticle, _ story: IndexedStory) -> Double {
        let article = weighted.article
        let gap = article.published.timeIntervalSince(story.lastPublished)
        let inside = article.published >= story.firstPublished && article.published <= story.lastPublished
        guard abs(gap) <= settings.window || inside else { return 0 }
        return StorySimilarity.probability(
            article: weighted, story: story.signature, gapDays: inside ? 0 : abs(gap) / 86400,
            norms: story.norms ?? StoryNorms(story.signature, weights: weights, vocabulary: vocabulary))
    }

    // MARK: - Index

    /// The stories sharing the article's strongest terms or names, most shared first (then
    /// the earliest held).
    ///
    /// Counted in an array by slot and picked by count rather than sorted: with tens of
    /// thousands of stories in the window, a common term's postings list hundreds of them, and
    /// a dictionary of hits sorted whole was most of the clustering job's time.
    private func candidates(for article: ArticleSignature) -> [Int] {
        // A key the vocabulary lacks is in no held story.
        let keys = Self.strongestKeys(terms: article.terms, entities: article.entities, weights: weights, termCount: 15).compactMap {
            key in vocabulary.number(of: key.spelling).map { IndexKey(key.isName, $0) }
        }
        var hits = [UInt8](repeating: 0, count: stories.count)
        var touched: [Int] = []
        for key in keys {
            for slot in postings[key] ?? [] {
                if hits[slot] == 0 { touched.append(slot) }
                hits[slot] &+= 1  // at most 25 keys
            }
        }
        var byCount = [[Int]](repeating: [], count: keys.count + 1)
        for slot in touched { byCount[Int(hits[slot])].append(slot) }
        var chosen: [Int] = []
        for count in stride(from: keys.count, through: 1, by: -1) where chosen.count < settings.candidateLimit {
            chosen.append(contentsOf: byCount[count].sorted().prefix(settings.candidateLimit - chosen.count))
        }
        return chosen
    }

    /// The `termCount` strongest terms (weight times inverse document frequency) and the 10
    /// most mentioned names; ties go to the alphabetically first.
    static func strongestKeys(
        terms: [String: Double], entities: [String: Double], weights: TermWeights, termCount: Int
    ) -> [(isName: Bool, spelling: String)] {
        strongest(terms, count: termCount, weight: { $1 * weights.idf($0) }).map { (false, $0.0) }
            + strongest(entities, count: 10, weight: { $1 }).map { (true, $0.0) }
    }

    /// `strongestKeys` of a held story, in order.
    private func indexKeys(of story: CompactStorySignature) -> [IndexKey] {
        func strongest(_ vector: SparseVector, count: Int, weight: (UInt32, Double) -> Double) -> [UInt32] {
            Self.strongest(
                vector.entries.lazy.map { ($0.key, $0.value) }, count: count, weight: weight,
                before: { vocabulary.spelling($0) < vocabulary.spelling($1) }
            ).map(\.0)
        }
        let terms = strongest(story.terms, count: 30, weight: { $1 * weights.idf(vocabulary.spelling($0)) })
        let names = strongest(story.entities, count: 10, weight: { $1 })
        return (terms.map { IndexKey(false, $0) } + names.map { IndexKey(true, $0) }).sorted()
    }

    /// The `count` entries of largest weight, largest first, ties alphabetically: a short
    /// sorted list kept while reading, instead of sorting every entry (a story gathers
    /// thousands of terms, and its keys are found again whenever it changes).
    static func strongest(_ vector: [String: Double], count: Int, weight: (String, Double) -> Double) -> [(String, Double)] {
        strongest(vector.lazy.map { ($0.key, $0.value) }, count: count, weight: weight, before: <)
    }

    /// `strongest`, for keys of any kind that `before` puts in alphabetical order.
    static func strongest<Key>(
        _ entries: some Sequence<(Key, Double)>, count: Int, weight: (Key, Double) -> Double, before: (Key, Key) -> Bool
    ) -> [(Key, Double)] {
        guard count > 0 else { return [] }
        var best: [(Key, Double)] = []
        best.reserveCapacity(count + 1)
        func precedes(_ a: (Key, Double), _ b: (Key, Double)) -> Bool { a.1 != b.1 ? a.1 > b.1 : before(a.0, b.0) }
        for (key, value) in entries {
            let entry = (key, weight(key, value))
            if best.count == count, let last = best.last, !precedes(entry, last) { continue }
            var position = best.count
            while position > 0, precedes(entry, best[position - 1]) { position -= 1 }
            best.insert(entry, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    private mutating func insert(_ story: IndexedStory) {
        stories.append(story)
        update(stories.count - 1, story)
    }

    private mutating func update(_ slot: Int, _ story: IndexedStory) {
        var story = story
        let keys = indexKeys(of: story.signature)
        for removed in story.indexedKeys where !keys.contains(removed) { postings[removed]?.removeAll { $0 == slot } }
        for added in keys where !story.indexedKeys.contains(added) { postings[added, default: []].append(slot) }
        story.indexedKeys = keys
        story.norms = StoryNorms(story.signature, weights: weights, vocabulary: vocabulary)
        stories[slot] = story
    }
}

/// A key of the clusterer's index: a term or a name, by its vocabulary number.
struct IndexKey: Hashable, Comparable, Sendable {
    private let raw: UInt64

    init(_ isName: Bool, _ number: UInt32) {
        raw = (isName ? 1 << 32 : 0) | UInt64(number)
    }

    static func < (a: IndexKey, b: IndexKey) -> Bool { a.raw < b.raw }
}
