import ArgumentParser
import Foundation
import LedeCore
import LedeEngine

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Ask a question; the answer comes only from your sources, cited.",
        discussion: "Continue a conversation with --conversation ID (printed after each answer) to ask follow-ups.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var common: CommonOptions
    @Argument(help: "The question, e.g. \"How much will Amazon invest in Anthropic?\"") var question: String
    @Option(help: "Only use this story's articles.") var story: Int64?
    @Option(help: "Continue this conversation.") var conversation: String?
    @Option(help: "Only use articles published up to the end of this day (YYYY-MM-DD).") var date: String?
    @Option(help: "Output format: text or json.") var format: Format = .text

    func validate() throws {
        if question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("Ask a question, e.g. lede ask \"Who is buying Luminal?\"") }
        if let date, EditionDate.endOfDay(date) == nil { throw ValidationError("--date must be a day as YYYY-MM-DD.") }
    }

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let reader = try await common.reader(in: store)
            let answer = try await AskService(store: store)
                .ask(question, userID: reader.id, storyID: story, conversationID: conversation, before: date.flatMap(EditionDate.endOfDay))
            switch format {
            case .json:
                printOut(JSONRendering.string(answer) + "\n")
            case .text:
                printOut(TextRenderer().wrap(answer.answer, indent: "").joined(separator: "\n") + "\n")
                if !answer.citations.isEmpty {
                    printOut("\n" + answer.citations.map { "  \($0.outlet): \($0.url)" }.joined(separator: "\n") + "\n")
                }
                printOut("\nFollow up with: lede ask --conversation \(answer.conversation) \"...\"\n")
            }
        }
    }
}

struct ConversationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "conversations", abstract: "List your conversations.")

    @OptionGroup var common: CommonOptions
    @Option(help: "How many to list, most recent first.") var limit = 20

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let conversations = try await store.conversations(userID: try await common.reader(in: store).id, limit: limit)
            if conversations.isEmpty { printOut("No conversations yet. Ask something with `lede ask \"...\"`.\n") }
            let formatter = ISO8601DateFormatter()
            for conversation in conversations {
                printOut("\(conversation.id)\t\(formatter.string(from: conversation.startedAt))\t\(conversation.turns.count) question\(conversation.turns.count == 1 ? "" : "s")\t\(conversation.title)\n")
            }
        }
    }
}
