import Foundation

/// An answer to a reader's question, drawn only from their sources. Its JSON form is a
/// contract: `{answer, answered, citations: [{outlet, url, sentence}], conversation}`.
public struct Answer: Sendable, Hashable, Codable {
    /// The answer as the reader sees it: the figure or name asked for first, then the source
    /// sentences, each followed by its outlet in parentheses. When `answered` is false, says
    /// the sources do not answer and shows the closest passages.
    public var answer: String
    public var answered: Bool
    public var citations: [AnswerCitation]
    /// The conversation this answer belongs to, for follow-up questions.
    public var conversation: String
    public var question: String
    /// The story the answer came from, which follow-ups are scoped to.
    public var storyID: Int64?

    public init(answer: String, answered: Bool, citations: [AnswerCitation], conversation: String, question: String, storyID: Int64?) {
        self.answer = answer
        self.answered = answered
        self.citations = citations
        self.conversation = conversation
        self.question = question
        self.storyID = storyID
    }
}

public struct AnswerCitation: Sendable, Hashable, Codable {
    public var outlet: String
    public var url: String
    /// The sentence quoted from the article.
    public var sentence: String

    public init(outlet: String, url: String, sentence: String) {
        self.outlet = outlet
        self.url = url
        self.sentence = sentence
    }
}

/// A series of questions and answers, so that follow-ups ("and what did it give back?") can
/// be read against what came before.
public struct Conversation: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var startedAt: Date
    public var turns: [Turn]

    public struct Turn: Sendable, Hashable, Codable {
        public var question: String
        public var answer: Answer
        /// The names the question was about, after resolving it against earlier turns.
        public var entities: [String]
        public var askedAt: Date

        public init(question: String, answer: Answer, entities: [String], askedAt: Date) {
            self.question = question
            self.answer = answer
            self.entities = entities
            self.askedAt = askedAt
        }
    }

    public init(id: String, startedAt: Date, turns: [Turn] = []) {
        self.id = id
        self.startedAt = startedAt
        self.turns = turns
    }

    /// The conversation's title: its first question.
    public var title: String { turns.first?.question ?? "(empty)" }
}
