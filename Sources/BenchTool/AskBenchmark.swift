import Foundation
import LedeCore
import LedeEngine
import LedeSQLite

/// Question-answering latency on a large store: p50 and p95 over questions about stories
/// of the store (asked the way a reader would).
struct AskBenchmark {
    let store: SQLiteStore
    let articles: Int
    let questions: Int

    func run() async throws {
        // The stream `clustering` stores, so a store it filled can be reused.
        var news = SyntheticNews(seed: ClusteringBenchmark.seed, start: ClusteringBenchmark.start, days: 30)
        let items = news.articles(count: articles)
        if try await store.articleCount() < articles {
            let loader = try await StreamLoader.prepare(store)
            say("loading \(articles) synthetic articles…")
            for start in stride(from: 0, to: items.count, by: 2000) {
                try await loader.insert(items[start..<min(items.count, start + 2000)], offset: start)
            }
            try await StoryUpdater(store: store).run()
        }
        let user = try await store.localUser()
        let ask = AskService(store: store)
        var latencies: [Double] = []
        let clock = ContinuousClock()
        var generator = SeededGenerator(seed: 99)
        // Twenty questions first, not counted, so the store's pages are in memory as on a
        // server that has been answering for a while.
        for index in -20..<questions {
            let item = items.randomElement(using: &generator)!
            let company = item.title.split(separator: " ").prefix(2).joined(separator: " ")
            let question = index % 2 == 0 ? "How much did \(company) say?" : "Who spoke for \(company) in \(item.title.split(separator: " ").last ?? "")?"
            let began = clock.now
            _ = try await ask.ask(question, userID: user.id)
            if index >= 0 { latencies.append((clock.now - began) / .milliseconds(1)) }
        }
        latencies.sort()
        let p50 = latencies[latencies.count / 2]
        let p95 = latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.95))]
        say(String(format: "%d questions on %d articles: p50 %.1f ms, p95 %.1f ms (target p95 under 100 ms)", questions, articles, p50, p95))
    }
}
