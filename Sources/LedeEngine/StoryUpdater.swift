import Foundation
import LedeCore
import Logging
import Synchronization

/// Places every article not yet in a story, oldest first, and stores the outcome in one
/// transaction per batch.
public struct StoryUpdater: Sendable {
    let store: any LedeStore
    let progress: any ProgressReporter
    var settings = StoryClusterer.Settings()
    var batchSize = 2000
    /// The clustering job's lease when a worker runs this: each batch is then saved only while
    /// the lease is held, so a worker that lost it cannot overwrite its successor's stories.
    var lease: JobLease?
    /// The clusterer kept from the previous batch, shared by the runs of one updater (and of
    /// one worker), so that a batch need not read every story in the window back.
    public let memory: ClusteringMemory

    public init(
        store: any LedeStore, progress: any ProgressReporter = SilentProgress(), lease: JobLease? = nil,
        memory: ClusteringMemory = ClusteringMemory()
    ) {
        self.store = store
        self.progress = progress
        self.lease = lease
        self.memory = memory
    }

    /// - Returns: how many articles were placed.
    @discardableResult
    public func run() async throws -> Int {
        // Two clusterings at once would both place the same unplaced articles.
        try await memory.exclusively { try await placeAll() }
    }

    private func placeAll() async throws -> Int {
        var placed = 0
        while true {
            let articles = try await store.unclusteredArticles(limit: batchSize)
            guard let earliest = articles.first?.published else { break }
            let windowStart = earliest.addingTimeInterval(-settings.window)
            let generation = try await store.clusteringGeneration()
            var (clusterer, placedSinceFrequencies, recentWindowStarts) = try await clusterer(from: windowStart, generation: generation)
            var placements: [(articleID: Int64, placement: StoryClusterer.Placement)] = []
            for article in articles {
                placements.append((article.id, clusterer.place(article.signature, outlet: article.outlet)))
            }
            let batch = ClusteringBatch(stories: clusterer.changedStories, placements: placements)
            let receipt: ClusteringReceipt
            if let lease {
                receipt = try await store.saveClustering(batch, lease: lease)
            } else {
                receipt = try await store.saveClustering(batch)
            }
            // When others saved stories between our read and our save, the kept clusterer
            // counts as of our read, so that the next batch takes in what they saved.
            if clusterer.committed(storyIDs: receipt.storyIDs) {
                let keptGeneration = receipt.generation == generation + 1 ? receipt.generation : generation
                memory.keep(
                    ClusteringMemory.Kept(
                        clusterer: clusterer, generation: keptGeneration, placedSinceFrequencies: placedSinceFrequencies + articles.count,
                        recentWindowStarts: Array((recentWindowStarts + [windowStart]).suffix(Self.rememberedBatches))))
            }
            placed += articles.count
            if articles.count < batchSize { break }
        }
        if placed > 0 { progress.report("Placed \(placed) article\(placed == 1 ? "" : "s") in stories") }
        return placed
    }

    /// How many batches' window starts the kept clusterer remembers: it lets go only of stories
    /// that none of them reached. A fetch stores a feed newest first while clustering runs
    /// beside it, so consecutive batches step back through the feed's days; letting go of
    /// what the latest batch alone did not need meant reading the same stories back a batch
    /// later, again and again (most of a clustering job's time in a first import).
    public static let rememberedBatches = 32

    /// The clusterer kept from the previous batch, brought up to date with what others saved
    /// since and reaching back as far as the batch needs; else (nothing kept, or the store's
    /// generation went back) one built from the stories stored in the window.
    private func clusterer(from windowStart: Date, generation: Int64) async throws -> (
        StoryClusterer, placedSinceFrequencies: Int, recentWindowStarts: [Date]
    ) {
        if let kept = memory.take(), kept.generation <= generation {
            var clusterer = kept.clusterer
            if kept.generation < generation {
                // Others saved stories since (another worker's clustering job): take theirs in
                // rather than reading every story of the window again.
                clusterer.absorb(try await store.stories(savedAfterGeneration: kept.generation))
            }
            if clusterer.heldSince > windowStart {
                // The batch holds articles older than the kept stories reach: read only the
                // stories in between (feeds fetched late bring articles days old).
                clusterer.reachBack(
                    to: windowStart, adding: try await store.stories(lastPublishedFrom: windowStart, before: clusterer.heldSince))
            }
            // Term weights drift as articles arrive: they are read again once half as many
            // articles as they were counted over have been placed (inverse document
            // frequencies barely move while all counts grow together, and reading every term's
            // count is the clustering job's dearest read). Stories that left the window of every
            // recent batch are let go once they are a quarter of those held.
            let staleWeights = kept.placedSinceFrequencies * 2 > clusterer.frequencyDocumentCount
            let reach = kept.recentWindowStarts.reduce(windowStart, min)
            let inactive = clusterer.storiesInactive(since: reach)
            if staleWeights || inactive * 4 > clusterer.storyCount {
                clusterer.refresh(
                    frequencies: staleWeights ? try await store.documentFrequencies() : nil, keepingStoriesActiveSince: reach)
            }
            return (clusterer, staleWeights ? 0 : kept.placedSinceFrequencies, kept.recentWindowStarts)
        }
        let stories = try await store.stories(activeSince: windowStart, userID: nil)
        let clusterer = StoryClusterer(
            stories: stories, frequencies: try await store.documentFrequencies(), settings: settings, heldSince: windowStart)
        return (clusterer, 0, [])
    }
}

/// A clusterer kept between clustering batches, and the turn of the updaters that share it:
/// in one process (`lede serve` with its job runner) they run one at a time. When the store's
/// clustering generation shows that others have saved stories since it was kept, the kept
/// clusterer takes in the stories they saved before it is used again.
public final class ClusteringMemory: Sendable {
    struct Kept: Sendable {
        var clusterer: StoryClusterer
        var generation: Int64
        var placedSinceFrequencies: Int
        /// The window starts of the latest batches, oldest first (see `rememberedBatches`).
        var recentWindowStarts: [Date]
    }

    private struct Turns {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let kept = Mutex<Kept?>(nil)
    private let turns = Mutex<Turns>(Turns())

    public init() {}

    /// Runs `body` when no other updater sharing this memory is running, in the order asked.
    public func exclusively<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        await waitForTurn()
        defer { endTurn() }
        return try await body()
    }

    private func waitForTurn() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let mayGo = turns.withLock { turns in
                if turns.busy {
                    turns.waiting.append(continuation)
                    return false
                }
                turns.busy = true
                return true
            }
            if mayGo { continuation.resume() }
        }
    }

    /// Hands the turn to the next waiting updater, if any.
    private func endTurn() {
        let next = turns.withLock { turns -> CheckedContinuation<Void, Never>? in
            guard !turns.waiting.isEmpty else {
                turns.busy = false
                return nil
            }
            return turns.waiting.removeFirst()
        }
        next?.resume()
    }

    /// Whether the next clustering is best run here: the kept clusterer is as the store last
    /// saved it (no one else has saved stories since), or no one has clustered yet. Elsewhere
    /// the next run would first read back the stories saved since.
    public func isCurrent(storeGeneration: Int64) -> Bool {
        kept.withLock { kept in
            guard let kept else { return storeGeneration == 0 }
            return kept.generation == storeGeneration
        }
    }

    /// Takes the kept clusterer out: a run that fails before keeping one leaves nothing behind.
    func take() -> Kept? {
        kept.withLock { kept in
            defer { kept = nil }
            return kept
        }
    }

    /// How many stories the kept clusterer holds, if one is kept.
    public var heldStoryCount: Int? {
        kept.withLock { $0?.clusterer.storyCount }
    }

    func keep(_ clusterer: Kept) {
        kept.withLock { $0 = clusterer }
    }
}
