import ArgumentParser
import Foundation
import LedeFeeds
import LedeFetch

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Parse a feed (file or URL) and print it as JSON.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "A feed file, or an http(s) URL.") var feed: String

    func run() async throws {
        try await reportingErrors {
            let data: Data
            var url: URL?
            var contentType: String?
            if feed.hasPrefix("http://") || feed.hasPrefix("https://") {
                let fetcher = HTTPFetcher(configuration: common.fetchConfiguration())
                do {
                    let response = try await fetcher.fetch(FetchRequest(url: feed, kind: .feed))
                    try await fetcher.shutdown()
                    data = response.body
                    url = URL(string: response.finalURL)
                    contentType = response.contentType
                } catch {
                    try? await fetcher.shutdown()
                    throw error
                }
            } else {
                guard let contents = FileManager.default.contents(atPath: feed) else {
                    throw ValidationError("Cannot read \(feed); give a readable feed file or an http(s) URL.")
                }
                data = contents
                url = URL(fileURLWithPath: feed)
            }
            let parsed = try FeedParser().parse(data, url: url, contentType: contentType)
            printOut(String(decoding: parsed.parseCommandJSON(), as: UTF8.self) + "\n")
        }
    }
}
