import Foundation
import LedeCore

/// A conversation: each question with its cited answer, and a box for a follow-up.
struct ConversationView: Sendable {
    struct Turn: Sendable {
        var number: Int
        var question: String
        var paragraphs: [String]
        /// For an answered question: the figure or name asked for, shown above the quotes.
        var lead: String?
        /// The answer's own text is shown when its quotes are not listed on their own.
        var showText: Bool
        var answered: Bool
        var citations: [Citation]
        var hasCitations: Bool
        var askedAt: String
        var isLatest: Bool
    }

    struct Citation: Sendable {
        var outlet: String
        var href: String?
        var sentence: String
    }

    var id: String
    var title: String
    var turns: [Turn]
    var csrf: String
    var storyID: Int64?

    /// The text before the first quoted sentence ("$25B."), which the quotes below then support.
    static func lead(of answer: Answer) -> String? {
        guard answer.answered, let first = answer.citations.first?.sentence, let range = answer.answer.range(of: first) else { return nil }
        let lead = answer.answer[..<range.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return lead.isEmpty ? nil : lead
    }

    init(_ conversation: Conversation, csrf: String) {
        id = conversation.id
        title = conversation.title
        self.csrf = csrf
        storyID = conversation.turns.last?.answer.storyID
        turns = conversation.turns.enumerated().map { index, turn in
            Turn(
                number: index + 1, question: turn.question,
                paragraphs: turn.answer.answer.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
                lead: Self.lead(of: turn.answer), showText: !turn.answer.answered || turn.answer.citations.isEmpty,
                answered: turn.answer.answered,
                citations: turn.answer.citations.map { Citation(outlet: $0.outlet, href: SafeLink.href($0.url), sentence: $0.sentence) },
                hasCitations: !turn.answer.citations.isEmpty,
                askedAt: DisplayDate.dateTime(turn.askedAt), isLatest: index == conversation.turns.count - 1)
        }
    }
}

struct ConversationListView: Sendable {
    struct Row: Sendable {
        var href: String
        var title: String
        var started: String
        var questions: String
    }

    var rows: [Row]
    var hasRows: Bool
    var csrf: String

    init(rows: [Row], csrf: String) {
        self.rows = rows
        hasRows = !rows.isEmpty
        self.csrf = csrf
    }
}
