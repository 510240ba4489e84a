import Foundation
import LedeCore
import LedeEngine
import LedeScale
import LedeSQLite

/// Clustering during a first import of many busy feeds: the scale corpus stored feed by feed
/// (each feed spans every day of the corpus, so each clustering batch reaches back to its
/// start), with a clustering run after every feed. Prints the clustering rate and the memory
/// held as the store grows.
struct BackfillBenchmark {
    let store: SQLiteStore
    let articles: Int
    let feeds: Int

    func run() async throws {
        let corpus = SyntheticCorpus(articles: articles, feeds: feeds, end: Date(timeIntervalSince1970: 1_775_000_000))
        let loader = try await StreamLoader.prepare(store)
        let updater = StoryUpdater(store: store)
        let clock = ContinuousClock()
        var stored = 0
        var clustering = Duration.zero
        var placedSinceReport = 0
        var clusteringSinceReport = Duration.zero
        say("clustering \(articles) articles of \(feeds) feeds, stored feed by feed")
        for feed in 0..<feeds {
            let items = corpus.items(ofFeed: feed).map { index -> SyntheticNews.Item in
                let article = corpus.article(index)
                return SyntheticNews.Item(
                    story: article.story, outlet: "feed\(feed).example", title: article.title,
                    paragraphs: article.paragraphs, published: article.published)
            }
            try await loader.insert(items[...], offset: stored)
            stored += items.count
            let began = clock.now
            let placed = try await updater.run()
            let took = clock.now - began
            clustering += took
            clusteringSinceReport += took
            placedSinceReport += placed
            if (feed + 1) % max(1, feeds / 10) == 0 {
                let seconds = clusteringSinceReport / .seconds(1)
                say(String(format: "%7d stored: %5.0f articles/s clustered since the last line, %5.0f MB resident",
                    stored, Double(placedSinceReport) / max(seconds, 1e-9), Double(BenchTool.residentKilobytes()) / 1024))
                placedSinceReport = 0
                clusteringSinceReport = .zero
            }
        }
        say(String(format: "clustering: %.1f s in all, %.0f articles/s", clustering / .seconds(1), Double(stored) / max(clustering / .seconds(1), 1e-9)))
        let stories = try await store.stories(activeSince: .distantPast, userID: nil).count
        say("stories: \(stories) (the corpus tells \((articles + 3) / 4))")
    }
}
