import ArgumentParser
import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeFetch
import LedeWeb

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Lede end to end on the bundled demo corpus and print the briefing.",
        discussion: """
            Serves the demo corpus (fictional outlets, their feeds and article pages) on a loopback \
            port, subscribes a fresh database to its feeds, fetches and processes everything through \
            the real pipeline and prints the briefing for the corpus's last day. Uses no network \
            beyond loopback.
            """)

    @Option(help: "Output format: text, markdown, html, json, atom or jsonfeed.") var format: BriefingFormat = .text
    @Option(help: "The demo profile to brief: cloud-strategist or venture-investor.") var profile: String?
    @Option(help: "Also write briefing.md, briefing.html, briefing.json and articles.jsonl to this folder.") var output: String?
    @Option(help: "Keep the demo database at this path (default: a temporary file, removed afterwards).") var database: String?
    @Option(help: "Run on another corpus folder (with sites/, outlets.json, labels.json), such as corpora/eval/site.") var corpus: String?
    @Flag(help: "Then serve the web app on loopback, signed in as the demo reader, until interrupted.") var serve = false
    @Option(help: "The port for --serve (0 picks a free one).") var port = 8080

    func run() async throws {
        try await reportingErrors {
            let site = try corpus.map { try CorpusSite(root: URL(fileURLWithPath: $0, isDirectory: true)) } ?? CorpusSite.bundledDemo()
            let temporaryFolder = database == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("lede-demo-\(UUID().uuidString)") : nil
            defer { if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) } }
            let path = database ?? temporaryFolder!.appendingPathComponent("lede.sqlite").path
            let store = try DatabaseLocation.parse(path).open()
            let outcome = try await DemoRunner(site: site, store: store, progress: StandardErrorProgress()).run(profileName: profile)
            if let output { try await write(outcome.briefing, store: store, to: output) }
            if serve {
                try await serveDemo(site: site, store: store, outcome: outcome)
                return
            }
            printOut(format.render(outcome.briefing, terminal: Terminal.current))
        }
    }

    /// Serves the web app on the demo's database, with the corpus still served for fetches and
    /// visitors from this machine signed in as the demo reader.
    private func serveDemo(site: CorpusSite, store: any LedeStore, outcome: DemoRunner.Outcome) async throws {
        let corpusServer = try await CorpusServer.start(site: site)
        let fetchConfiguration = corpusServer.fetchConfiguration()
        var configuration = WebConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = port
        configuration.autoSignInUser = outcome.user.name
        // The demo's day is the corpus's last one, whatever the calendar says.
        let now = outcome.now
        do {
            try await ServeCommand.serve(configuration: configuration, store: store, fetchConfiguration: fetchConfiguration, clock: WebClock { now }) { port in
                printOut("Lede demo is serving at http://127.0.0.1:\(port)/ (signed in as \(outcome.user.name) from this machine; Ctrl-C to stop)\n")
            }
        } catch {
            await corpusServer.stop()
            throw error
        }
        await corpusServer.stop()
    }

    private func write(_ briefing: Briefing, store: any LedeStore, to folder: String) async throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(BriefingFormat.markdown.render(briefing).utf8).write(to: url.appendingPathComponent("briefing.md"))
            try Data(BriefingFormat.html.render(briefing).utf8).write(to: url.appendingPathComponent("briefing.html"))
            try Data(BriefingFormat.json.render(briefing).utf8).write(to: url.appendingPathComponent("briefing.json"))
            let articles = try await store.articles(publishedFrom: .distantPast, to: nil, userID: nil)
            let lines = articles.map { JSONRendering.string(ArticleExport($0), pretty: false) }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url.appendingPathComponent("articles.jsonl"))
        } catch let error as CocoaError {
            throw ValidationError("Cannot write to \(folder) (\(error.localizedDescription)); choose a writable folder with --output.")
        }
        StandardErrorProgress().report("Wrote briefing.md, briefing.html, briefing.json and articles.jsonl to \(folder)")
    }
}

/// An article as `articles.jsonl` lists it.
struct ArticleExport: Encodable {
    var url: String
    var outlet: String
    var title: String
    var published: Date
    var text: String

    init(_ article: Article) {
        url = article.url
        outlet = article.outlet
        title = article.title
        published = article.published
        text = article.text
    }
}
