import ArgumentParser
import Foundation
import LedeCore

struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story", abstract: "Show one story: its articles in time order, what each added, its figures.")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The story's id, as `lede stories` shows it.") var id: Int64
    @Option(help: "Output format: text or json.") var format: StoriesCommand.Format = .text

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let reader = try await common.reader(in: store)
            let articles = try await store.articles(storyIDs: [id], userID: reader.id)
            guard let story = try await store.story(id: id), !articles.isEmpty else {
                throw ValidationError("No story \(id); list them with `lede stories`.")
            }
            let detail = StoryDetail(story: story, articles: articles)
            switch format {
            case .json: printOut(JSONRendering.string(detail) + "\n")
            case .text: printOut(detail.text)
            }
        }
    }
}

/// A story with its timeline, figures and disagreements.
struct StoryDetail: Encodable {
    var id: Int64
    var headline: String
    var firstPublished: Date
    var lastPublished: Date
    var timeline: [StoryTimeline.Entry]
    var figures: [FigureMention]
    var disagreements: [FigureDisagreement]

    init(story: Story, articles: [Article]) {
        id = story.id
        headline = story.headline
        firstPublished = story.firstPublished
        lastPublished = story.lastPublished
        timeline = StoryTimeline(articles: articles).entries
        figures = timeline.flatMap(\.newFigures)
        disagreements = FigureDisagreementFinder.disagreements(
            in: articles.filter { $0.duplicateOfID == nil }.flatMap { article in
                article.paragraphs.flatMap(SentenceSplitter.sentences(in:)).flatMap { sentence in
                    FigureExtractor.figures(in: sentence).map { FigureMention(figure: $0, sentence: sentence, outlet: article.outlet, url: article.url) }
                }
            })
    }

    var text: String {
        let formatter = ISO8601DateFormatter()
        var lines = ["Story \(id): \(headline)", ""]
        for entry in timeline {
            lines.append("\(formatter.string(from: entry.published))  \(entry.outlet)\(entry.isCopy ? " (copy)" : ""): \(entry.title)")
            if !entry.newFigures.isEmpty { lines.append("    new figures: " + entry.newFigures.map(\.figure.display).joined(separator: ", ")) }
        }
        for disagreement in disagreements { lines.append(""); lines.append("⚠ " + disagreement.note) }
        return lines.joined(separator: "\n") + "\n"
    }
}
