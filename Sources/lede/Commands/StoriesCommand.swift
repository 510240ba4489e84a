import ArgumentParser
import Foundation
import LedeCore

struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories", abstract: "List the stories Lede has put together, with their articles.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var common: CommonOptions
    @Option(help: "Only stories with an article on or after this day (YYYY-MM-DD).") var since: String?
    @Option(help: "Output format: text or json.") var format: Format = .text

    func validate() throws {
        if let since, EditionDate.endOfDay(since) == nil { throw ValidationError("--since must be a day as YYYY-MM-DD.") }
    }

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let start = since.flatMap(EditionDate.endOfDay).map { $0.addingTimeInterval(-24 * 3600 + 1) } ?? .distantPast
            let reader = try await common.reader(in: store)
            let stories = try await store.stories(activeSince: start, userID: reader.id)
            var articlesByStory: [Int64: [Article]] = [:]
            for chunk in stride(from: 0, to: stories.count, by: 500) {
                let ids = stories[chunk..<min(stories.count, chunk + 500)].map(\.id)
                for article in try await store.articles(storyIDs: ids, userID: reader.id) { articlesByStory[article.storyID ?? 0, default: []].append(article) }
            }
            let listed = stories.compactMap { story -> StoryListing? in
                guard let articles = articlesByStory[story.id], !articles.isEmpty else { return nil }
                return StoryListing(story: story, articles: articles)
            }
            switch format {
            case .json:
                printOut(JSONRendering.string(["stories": listed]) + "\n")
            case .text:
                if listed.isEmpty { printOut("No stories yet. Run `lede fetch` first.\n") }
                for story in listed {
                    printOut("\(story.id)  \(story.headline)  (\(story.articles.count) article\(story.articles.count == 1 ? "" : "s"), \(Set(story.articles.map(\.outlet)).count) outlet\(Set(story.articles.map(\.outlet)).count == 1 ? "" : "s"))\n")
                    for article in story.articles { printOut("      \(article.outlet): \(article.title)\n") }
                }
            }
        }
    }
}

/// A story as `lede stories --format json` lists it.
struct StoryListing: Encodable {
    struct Member: Encodable {
        var url: String
        var outlet: String
        var title: String
        var published: Date
    }

    var id: Int64
    var headline: String
    var articles: [Member]

    init(story: Story, articles: [Article]) {
        id = story.id
        headline = story.headline
        self.articles = articles.map { Member(url: $0.url, outlet: $0.outlet, title: $0.title, published: $0.published) }
    }
}
