import Foundation
import LedeCore

/// Answers readers' questions from their stored articles, keeping conversations so that
/// follow-ups are read against earlier turns.
public struct AskService: Sendable {
    let store: any LedeStore
    var finder = AnswerFinder()
    var passageLimit = 60
    /// How many of the first search's articles the second look reads.
    var articleLimit = 8

    public init(store: any LedeStore) {
        self.store = store
    }

    /// - Parameters:
    ///   - storyID: only search this story's articles.
    ///   - conversationID: continue this conversation (a new one starts when `nil`).
    ///   - before: only use articles published up to this moment.
    /// - Throws: `StoreError.notFound` for an unknown conversation.
    public func ask(
        _ question: String, userID: Int64, storyID: Int64? = nil, conversationID: String? = nil, before: Date? = nil, now: Date = Date()
    ) async throws -> Answer {
        var conversation: Conversation
        if let conversationID {
            guard let stored = try await store.conversation(id: conversationID, userID: userID) else {
                throw StoreError.notFound("conversation \(conversationID); list them with `lede conversations`")
            }
            conversation = stored
        } else {
            conversation = Conversation(id: Self.newConversationID(), startedAt: now)
        }
        let previous = conversation.turns.last
        let analysis = QuestionAnalysis(question: question, context: previous?.entities ?? [])
        let preferredStory = storyID ?? (analysis.isFollowUp ? previous?.answer.storyID : nil)

        var finding = try await find(
            analysis, userID: userID, scope: storyID ?? (analysis.isFollowUp ? preferredStory : nil), before: before, preferredStory: preferredStory)
        if !finding.answered && storyID == nil && preferredStory != nil {
            // A follow-up may reach beyond the story it followed; look everywhere before giving up.
            let wider = try await find(analysis, userID: userID, scope: nil, before: before, preferredStory: preferredStory)
            if wider.answered { finding = wider }
        }
        let answer = AnswerWriter.answer(for: finding, question: question, conversation: conversation.id)
        conversation.turns.append(Conversation.Turn(question: question, answer: answer, entities: analysis.entities, askedAt: now))
        try await store.saveConversation(conversation, userID: userID)
        return answer
    }

    private func find(
        _ analysis: QuestionAnalysis, userID: Int64, scope: Int64?, before: Date?, preferredStory: Int64?
    ) async throws -> AnswerFinder.Finding {
        var passages = try await store.searchPassages(
            PassageQuery(terms: analysis.searchTerms, userID: userID, storyID: scope, publishedBefore: before, limit: passageLimit))
        passages += try await closerPassages(analysis, among: passages, userID: userID, before: before)
        return finder.find(analysis, in: passages, preferredStory: preferredStory)
    }

    /// A second look inside the articles the first search found, for the paragraphs with the
    /// words the question asks about: the first search ranks paragraphs by the names they
    /// share with the question, so a short paragraph that answers ("Commissioner Dale Amundsen
    /// voted no.") can rank below many that only name the same project.
    private func closerPassages(_ analysis: QuestionAnalysis, among found: [Passage], userID: Int64, before: Date?) async throws -> [Passage] {
        let focusTerms = Array(Set(analysis.focus.flatMap { $0 })).sorted()
        var articleIDs: [Int64] = []
        for passage in found where !articleIDs.contains(passage.articleID) && articleIDs.count < articleLimit {
            articleIDs.append(passage.articleID)
        }
        guard !focusTerms.isEmpty, !articleIDs.isEmpty, analysis.focus.count < analysis.searchTerms.count else { return [] }
        let seen = Set(found.map(\.location))
        let closer = try await store.searchPassages(
            PassageQuery(terms: focusTerms, userID: userID, publishedBefore: before, articleIDs: articleIDs, limit: passageLimit))
        // Ranked on other words, their relevance is put on the first search's scale, below its best.
        let firstBest = found.map(\.relevance).max() ?? 1
        let closerBest = closer.map(\.relevance).max() ?? 1
        return closer.filter { !seen.contains($0.location) }.map { passage in
            var rescaled = passage
            rescaled.relevance = closerBest > 0 ? 0.5 * firstBest * passage.relevance / closerBest : 0
            return rescaled
        }
    }

    static func newConversationID() -> String {
        "c" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(11).lowercased()
    }
}
