import ArgumentParser
import Foundation
import LedeCore
import LedeEngine
import LedeFetch

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Add, list and remove the feeds you follow.",
        subcommands: [Add.self, List.self, Remove.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Follow a feed, given its address or a page that links to it.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The feed's URL, or a web page that advertises a feed.") var url: String

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let fetcher = HTTPFetcher(configuration: common.fetchConfiguration())
                do {
                    let source = try await SourceSubscriber(store: store, fetcher: fetcher).subscribe(to: url, now: Date())
                    try await fetcher.shutdown()
                    printOut("Following \(source.title ?? source.feedURL) (\(source.feedURL)) as source \(source.id).\n")
                } catch {
                    try? await fetcher.shutdown()
                    throw error
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the sources with their fetch health.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await reportingErrors {
                let sources = try await common.openStore().sources()
                if sources.isEmpty {
                    printOut("No sources yet. Add one with `lede sources add URL`.\n")
                    return
                }
                for source in sources {
                    let state = source.fetchState
                    var status = state.lastSuccessAt.map { "fetched \(Self.format($0))" } ?? "never fetched"
                    if state.isPaused { status = "PAUSED after \(state.consecutiveFailures) failures" }
                    var line = "\(source.id)\t\(source.title ?? "(untitled)")\t\(source.feedURL)\t\(status)"
                    if let error = state.lastError { line += "\n\tlast error: \(error)" }
                    printOut(line + "\n")
                }
            }
        }

        static func format(_ date: Date) -> String {
            let formatter = ISO8601DateFormatter()
            return formatter.string(from: date)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop following a source and remove its articles.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The source's id, as `lede sources list` shows it.") var id: Int64

        func run() async throws {
            try await reportingErrors {
                try await common.openStore().removeSource(id: id)
                printOut("Removed source \(id).\n")
            }
        }
    }
}
