import ArgumentParser
import Foundation
import Hummingbird
import LedeCore
import LedeEngine
import LedeFetch
import LedeWeb
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the web app and the JSON API.",
        discussion: """
            Readers sign in with accounts made by `lede users add NAME`; scripts use tokens from \
            `lede tokens create USER`. Listens on 127.0.0.1:8080 unless told otherwise; put a TLS \
            proxy in front (and pass --secure-cookies) before opening it to a network.
            """)

    @OptionGroup var common: CommonOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080
    @Flag(help: "Mark the session cookie Secure (when a TLS proxy serves Lede).") var secureCookies = false
    @Option(help: "The address readers reach this server at, e.g. https://news.example.org (for feed and share links).")
    var publicURL: String?
    @Option(help: "Bcrypt cost for new passwords (10 to 16).") var bcryptCost: UInt8 = 12
    @Flag(help: "On SQLite, do not run the background jobs (fetching due feeds, clustering) in this process.") var noWorker = false
    @OptionGroup(title: "Time") var time: TimeOptions

    func validate() throws {
        if !(10...16).contains(bcryptCost) { throw ValidationError("--bcrypt-cost must be between 10 and 16.") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            var configuration = WebConfiguration()
            configuration.host = host
            configuration.port = port
            configuration.secureCookies = secureCookies
            configuration.publicURL = publicURL
            configuration.bcryptCost = bcryptCost
            let clock = time.isExplicit ? WebClock.starting(at: time.moment) : .system
            // On SQLite this process also runs the background jobs, and a reader's "fetch now"
            // takes turns with them; on PostgreSQL `lede worker` does, and groups stories for it.
            let clusteringMemory = ClusteringMemory()
            let worker =
                noWorker
                ? nil
                : InProcessWorker.start(
                    location: common.location, store: store, fetchConfiguration: common.fetchConfiguration(), time: time,
                    clusteringMemory: clusteringMemory)
            if case .sqlite = common.location {
                configuration.storyGrouping = .inProcess(clusteringMemory)
            } else {
                configuration.storyGrouping = .byWorkers
            }
            do {
                try await Self.serve(configuration: configuration, store: store, fetchConfiguration: common.fetchConfiguration(), clock: clock) { port in
                    StandardErrorProgress().report("Lede is serving at http://\(Self.displayHost(host)):\(port)/ (Ctrl-C to stop)")
                }
            } catch {
                await worker?.stop()
                throw error
            }
            await worker?.stop()
        }
    }

    /// Runs the web app until interrupted (SIGINT or SIGTERM), then shuts the fetcher down.
    static func serve(
        configuration: WebConfiguration, store: any LedeStore, fetchConfiguration: FetchConfiguration, clock: WebClock,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) async throws {
        var logger = Logger(label: "lede.web")
        logger.logLevel = .notice
        let fetcher = HTTPFetcher(configuration: fetchConfiguration)
        do {
            let app = try await buildApplication(
                configuration: configuration, store: store, fetcher: fetcher, clock: clock, logger: logger, onServerRunning: onRunning)
            try await app.runService()
            try await fetcher.shutdown()
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
    }

    static func displayHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
