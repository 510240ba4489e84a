import Foundation
import LedeCore
import LedeEngine
import LedeSQLite

/// Articles clustered per second as the store grows: the cost of placing an article must not
/// grow with the number of articles already stored (candidates come from an index).
struct ClusteringBenchmark {
    let store: SQLiteStore
    let articles: Int
    let batch: Int

    static let seed: UInt64 = 42
    static let start = Date(timeIntervalSince1970: 1_775_000_000)

    func run() async throws {
        var news = SyntheticNews(seed: Self.seed, start: Self.start, days: 30)
        let items = news.articles(count: articles)
        let loader = try await StreamLoader.prepare(store)
        let updater = StoryUpdater(store: store)
        let clock = ContinuousClock()
        var rates: [(stored: Int, rate: Double)] = []
        say("clustering \(articles) synthetic articles in batches of \(batch)")
        for start in stride(from: 0, to: items.count, by: batch) {
            let slice = items[start..<min(items.count, start + batch)]
            try await loader.insert(slice, offset: start)
            let began = clock.now
            let placed = try await updater.run()
            let seconds = (clock.now - began) / .seconds(1)
            rates.append((start, Double(placed) / max(seconds, 1e-9)))
            if (start + batch) % 10_000 == 0 {
                say(String(format: "%6d stored: last batch %.0f articles/s", start + batch, rates.last!.rate))
            }
        }
        for checkpoint in [10_000, 50_000, 100_000] where checkpoint <= articles {
            // The mean rate over the batches around the checkpoint, to smooth out noise.
            let near = rates.filter { abs($0.stored - checkpoint) <= 5 * batch }
            let mean = near.map(\.rate).reduce(0, +) / Double(max(1, near.count))
            say(String(format: "at %6d stored: %7.0f articles/s", checkpoint, mean))
        }
        if let first = rates.first(where: { $0.stored >= 10_000 - batch }), articles >= 100_000 {
            let at10k = rates.filter { abs($0.stored - 10_000) <= 5 * batch }.map(\.rate)
            let at100k = rates.filter { abs($0.stored - 100_000) <= 5 * batch }.map(\.rate)
            let ratio = (at100k.reduce(0, +) / Double(max(1, at100k.count))) / (at10k.reduce(0, +) / Double(max(1, at10k.count)))
            _ = first
            say(String(format: "rate at 100k / rate at 10k: %.2f (target at least 0.80)", ratio))
        }
        let stories = try await store.stories(activeSince: .distantPast, userID: nil).count
        say("stories: \(stories)")
    }
}
