import ArgumentParser
import Foundation
import LedeCore

struct ArticlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles", abstract: "Export stored articles, one JSON object per line.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl }

    @OptionGroup var common: CommonOptions
    @Option(help: "Output format (jsonl).") var format: Format = .jsonl
    @Option(help: "Only articles published on or after this day (YYYY-MM-DD).") var since: String?

    func validate() throws {
        if let since, EditionDate.endOfDay(since) == nil { throw ValidationError("--since must be a day as YYYY-MM-DD.") }
    }

    func run() async throws {
        try await reportingErrors {
            let start = since.flatMap(EditionDate.endOfDay).map { $0.addingTimeInterval(-24 * 3600 + 1) } ?? .distantPast
            let store = try common.openStore()
            let reader = try await common.reader(in: store)
            for article in try await store.articles(publishedFrom: start, to: nil, userID: reader.id) {
                printOut(JSONRendering.string(ArticleExport(article), pretty: false) + "\n")
            }
        }
    }
}
