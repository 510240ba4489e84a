import ArgumentParser
import Foundation
import LedeCore
import LedeEngine

struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Tell Lede you want more or less of a story, or never to see it again.",
        discussion: "The next `lede brief` ranks stories like it higher (more), lower (less), or leaves it out (mute).")

    @OptionGroup var common: CommonOptions
    @Argument(help: "The story's id, as `lede brief --format json` or `lede stories` shows it.") var story: Int64
    @Argument(help: "more, less or mute.") var kind: Feedback.Kind

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let reader = try await common.reader(in: store)
            try await EditionService(store: store).recordFeedback(storyID: story, kind: kind, userID: reader.id, now: Date())
            let effect = switch kind {
            case .more: "Stories like \(story) will rank higher in your next editions."
            case .less: "Stories like \(story) will rank lower in your next editions."
            case .mute: "Story \(story) will not appear in your editions again."
            }
            printOut(effect + "\n")
        }
    }
}

extension Feedback.Kind: ExpressibleByArgument {}
