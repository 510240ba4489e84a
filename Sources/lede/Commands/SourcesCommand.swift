import ArgumentParser
import Foundation
import LedeCore
import LedeEngine
import LedeFetch

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Add, list, remove, import and export the feeds you follow.",
        subcommands: [Add.self, List.self, Remove.self, Retry.self, Import.self, Export.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Follow a feed, given its address or a page that links to it.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The feed's URL, or a web page that advertises a feed.") var url: String

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let reader = try await common.reader(in: store)
                let fetcher = HTTPFetcher(configuration: common.fetchConfiguration())
                do {
                    let subscription = try await SourceSubscriber(store: store, fetcher: fetcher).subscribe(to: url, userID: reader.id, now: Date())
                    try await fetcher.shutdown()
                    printOut("Following \(subscription.displayTitle) (\(subscription.source.feedURL)) as source \(subscription.id).\n")
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
                let store = try common.openStore()
                let subscriptions = try await store.subscriptions(userID: try await common.reader(in: store).id)
                if subscriptions.isEmpty {
                    printOut("No sources yet. Add one with `lede sources add URL`.\n")
                    return
                }
                for subscription in subscriptions {
                    let state = subscription.source.fetchState
                    var status = state.lastSuccessAt.map { "fetched \(Self.format($0))" } ?? "never fetched"
                    if state.isPaused { status = "PAUSED after \(state.consecutiveFailures) failures (retry with `lede sources retry \(subscription.id)`)" }
                    var line = "\(subscription.id)\t\(subscription.displayTitle)\t\(subscription.source.feedURL)\t\(status)"
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
                let store = try common.openStore()
                try await store.unsubscribe(subscriptionID: id, userID: try await common.reader(in: store).id)
                printOut("Removed source \(id).\n")
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Un-pause a source that kept failing, so the next fetch tries it again.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The source's id, as `lede sources list` shows it.") var id: Int64

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                guard var source = try await store.subscription(id: id, userID: try await common.reader(in: store).id)?.source else {
                    throw StoreError.notFound("source with id \(id); list them with `lede sources list`")
                }
                source.fetchState.isPaused = false
                source.fetchState.consecutiveFailures = 0
                source.fetchState.nextAttemptAt = nil
                try await store.updateSource(source)
                printOut("Source \(id) will be fetched again by the next `lede fetch`.\n")
            }
        }
    }

    /// A file that could not be read or written, said as one sentence on standard error.
    struct FileError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow every feed of an OPML subscription list (its folders kept); the next `lede fetch` reads them.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The OPML file, as exported by a feed reader (`-` reads standard input).") var file: String

        func run() async throws {
            try await reportingErrors {
                let data = try Self.read(file)
                let store = try common.openStore()
                let report = try await SourceImporter(store: store).importOPML(data, userID: try await common.reader(in: store).id, now: Date())
                var line = "Imported \(report.added) source\(report.added == 1 ? "" : "s")"
                if report.alreadyFollowed > 0 { line += ", \(report.alreadyFollowed) already followed" }
                if report.skipped > 0 { line += ", \(report.skipped) skipped (not an http or https feed address)" }
                printOut(line + ".\n")
            }
        }

        static func read(_ file: String) throws -> Data {
            if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            do {
                return try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw SourcesCommand.FileError("Could not read \(file); check that the OPML file exists and is readable.")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the feeds you follow as an OPML 2.0 subscription list, folders as categories.")
        @OptionGroup var common: CommonOptions
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let data = try await SourceExporter(store: store).exportOPML(user: try await common.reader(in: store), now: Date())
                guard let output else {
                    FileHandle.standardOutput.write(data)
                    return
                }
                do {
                    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw SourcesCommand.FileError("Could not write \(output); check that its folder exists and is writable.")
                }
                FileHandle.standardError.write(Data("Wrote the sources to \(output).\n".utf8))
            }
        }
    }
}
