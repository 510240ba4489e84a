import ArgumentParser
import Foundation
import LedeEngine
import LedeFetch

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Fetch every source, store new articles and update the stories.")

    @OptionGroup var common: CommonOptions
    @OptionGroup(title: "Time") var time: TimeOptions

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let fetcher = HTTPFetcher(configuration: common.fetchConfiguration())
            defer { Task { try? await fetcher.shutdown() } }
            let progress = StandardErrorProgress()
            let reports = try await FeedIngestor(store: store, fetcher: fetcher, progress: progress).ingestAll(now: time.moment)
            try await StoryUpdater(store: store, progress: progress).run()
            try await fetcher.shutdown()
            let failed = reports.filter { $0.error != nil }.count
            let added = reports.reduce(0) { $0 + $1.newArticles }
            printOut("Fetched \(reports.count) source\(reports.count == 1 ? "" : "s"): \(added) new article\(added == 1 ? "" : "s")\(failed > 0 ? ", \(failed) failed (see `lede sources list`)" : "").\n")
        }
    }
}
