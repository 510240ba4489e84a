import Foundation
import LedeCore

/// Writes, stores and reads back the daily editions.
public struct EditionService: Sendable {
    let store: any LedeStore
    var builder = EditionBuilder()
    /// Stories whose latest article is older than this are not news any more.
    var freshness: TimeInterval = 48 * 3600

    public init(store: any LedeStore) {
        self.store = store
    }

    /// Writes the edition for `profile` as of `now`, stores it (replacing that day's earlier
    /// edition) and returns it.
    public func brief(profile: Profile, userID: Int64, now: Date) async throws -> Briefing {
        let date = EditionDate.string(from: now)
        let stories = try await store.stories(activeSince: now.addingTimeInterval(-freshness), userID: userID).filter { $0.firstPublished <= now }
        let articles = try await store.articles(storyIDs: stories.map(\.id), userID: userID).filter { $0.published <= now }
        let byStory = Dictionary(grouping: articles, by: { $0.storyID ?? 0 })
        let materials = stories.compactMap { story in
            byStory[story.id].map { StoryMaterial(story: story, articles: $0) }
        }
        var alreadyBriefed = Set<Int64>()
        for daysBack in 1...3 {
            let earlier = EditionDate.string(from: now.addingTimeInterval(-Double(daysBack) * 24 * 3600))
            if let edition = try await store.briefing(date: earlier, profile: profile.name, userID: userID) {
                alreadyBriefed.formUnion(edition.stories.map(\.id))
            }
        }
        let signals = try await readerSignals(userID: userID)
        let briefing = builder.build(from: materials, profile: profile, date: date, now: now, alreadyBriefed: alreadyBriefed, signals: signals)
        try await store.saveBriefing(briefing, userID: userID)
        return briefing
    }

    /// The reader's feedback, with the signatures of the stories it was about.
    func readerSignals(userID: Int64) async throws -> ReaderSignals {
        let feedback = try await store.feedback(userID: userID)
        var signatures: [Int64: StorySignature] = [:]
        for item in feedback where signatures[item.storyID] == nil {
            if let story = try await store.story(id: item.storyID) { signatures[item.storyID] = story.signature }
        }
        return ReaderSignals(feedback: feedback, stories: signatures)
    }

    /// Records a reader's feedback on a story they can see.
    /// - Throws: `StoreError.notFound` when the story does not exist for this reader.
    public func recordFeedback(storyID: Int64, kind: Feedback.Kind, userID: Int64, now: Date) async throws {
        guard try await !store.articles(storyIDs: [storyID], userID: userID).isEmpty else {
            throw StoreError.notFound("story \(storyID); list them with `lede stories`")
        }
        try await store.saveFeedback(Feedback(userID: userID, storyID: storyID, kind: kind, at: now))
    }
}
