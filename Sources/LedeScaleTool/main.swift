import ArgumentParser
import Dispatch
import Foundation
import LedeScale

/// Developer tool for the scale script: serves a synthetic corpus over loopback.
@main
struct LedeScaleTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede-scale", abstract: "Synthetic news corpora for scale tests.", subcommands: [Serve.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve a synthetic corpus (RSS feeds and article pages) on loopback until SIGINT or SIGTERM.",
            discussion: "Prints one line with the OPML address of every feed, for `lede sources import`.")

        @Option(help: "Articles in the corpus.") var articles = 1_000_000
        @Option(help: "Feeds the articles are spread over (default: one per 1,000 articles).") var feeds: Int?
        @Option(help: "Loopback hosts (127.0.0.1 to 127.0.0.N) the feeds are spread over.") var hosts = 16
        @Option(help: "Days the corpus spans.") var days = 30
        @Option(help: "The corpus's last moment (ISO 8601; default: now).") var end: String?
        @Option(help: "The port (0 picks a free one).") var port = 0
        @Option(help: "Milliseconds each article page takes to serve.") var pageDelayMs = 0

        func validate() throws {
            if articles < 1 { throw ValidationError("--articles must be at least 1.") }
            if let feeds, feeds < 1 { throw ValidationError("--feeds must be at least 1.") }
            if !(1...250).contains(hosts) { throw ValidationError("--hosts must be between 1 and 250.") }
            if let end, ISO8601DateFormatter().date(from: end) == nil { throw ValidationError("--end must be an ISO 8601 time such as 2026-04-20T18:00:00Z.") }
        }

        func run() async throws {
            let endDate = end.flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
            let corpus = SyntheticCorpus(
                articles: articles, feeds: feeds ?? max(1, articles / 1000), hosts: hosts, days: days, end: endDate)
            let server = try await ScaleServer.start(corpus: corpus, port: port, pageDelay: .milliseconds(pageDelayMs))
            let line = "lede-scale: serving \(corpus.articles) articles in \(corpus.feeds) feeds on \(corpus.hosts) hosts; OPML at http://127.0.0.1:\(server.port)/feeds.opml\n"
            FileHandle.standardOutput.write(Data(line.utf8))
            await Self.waitForSignal()
            await server.stop()
        }

        static func waitForSignal() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let once = SignalOnce(continuation)
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                    source.setEventHandler { once.fire() }
                    source.resume()
                    once.keep(source)
                }
            }
        }
    }
}

/// Resumes the waiting task on the first signal only.
final class SignalOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    func fire() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }
}
