import Foundation
import LedeCore
import Logging

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

    public init(store: any LedeStore, progress: any ProgressReporter = SilentProgress(), lease: JobLease? = nil) {
        self.store = store
        self.progress = progress
        self.lease = lease
    }

    /// - Returns: how many articles were placed.
    @discardableResult
    public func run() async throws -> Int {
        var placed = 0
        while true {
            let articles = try await store.unclusteredArticles(limit: batchSize)
            guard let earliest = articles.first?.published else { break }
            let stories = try await store.stories(activeSince: earliest.addingTimeInterval(-settings.window), userID: nil)
            var clusterer = StoryClusterer(stories: stories, frequencies: try await store.documentFrequencies(), settings: settings)
            var placements: [(articleID: Int64, placement: StoryClusterer.Placement)] = []
            for article in articles {
                let signature = ArticleSignature(title: article.title, paragraphs: article.paragraphs, published: article.published)
                placements.append((article.id, clusterer.place(signature, outlet: article.outlet)))
            }
            let batch = ClusteringBatch(stories: clusterer.changedStories, placements: placements)
            if let lease {
                try await store.saveClustering(batch, lease: lease)
            } else {
                try await store.saveClustering(batch)
            }
            placed += articles.count
            if articles.count < batchSize { break }
        }
        if placed > 0 { progress.report("Placed \(placed) article\(placed == 1 ? "" : "s") in stories") }
        return placed
    }
}
