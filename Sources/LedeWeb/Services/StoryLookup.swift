import Foundation
import LedeCore
import Synchronization

/// One story as a reader may see it: only the articles of feeds they follow, so a story none
/// of their feeds told does not exist for them.
struct StoryLookup: Sendable {
    let store: any LedeStore
    let clock: WebClock
    private let explainers = ExplainerCache()

    init(store: any LedeStore, clock: WebClock) {
        self.store = store
        self.clock = clock
    }

    /// Everything the story page shows.
    struct Detail: Sendable {
        var story: Story
        var articles: [Article]
        var timeline: StoryTimeline
        var explainer: StoryBriefing?
        var disagreements: [FigureDisagreement]

        var originals: [Article] { articles.filter { $0.duplicateOfID == nil } }
        var outlets: [String] {
            var seen: [String] = []
            for article in articles where !seen.contains(article.outlet) { seen.append(article.outlet) }
            return seen
        }
    }

    /// - Throws: `WebError.notFound` when the story does not exist or has no article from the
    ///   reader's feeds.
    func detail(storyID: Int64, userID: Int64, profile: Profile?) async throws -> Detail {
        let articles = try await store.articles(storyIDs: [storyID], userID: userID)
        guard !articles.isEmpty, let story = try await store.story(id: storyID) else { throw WebError.notFound("story \(storyID)") }
        let material = StoryMaterial(story: story, articles: articles)
        let cacheKey = "\(userID)|\(storyID)|\(articles.count)|\(articles.map(\.id).max() ?? 0)|\(profile?.name ?? "")"
        let explainer: StoryBriefing?
        if let cached = explainers.entries.withLock({ $0[cacheKey] }) {
            explainer = cached
        } else {
            explainer = BriefingComposer().compose(material, reason: "", now: max(clock.now(), story.lastPublished), profile: profile)
            if let explainer {
                explainers.entries.withLock { entries in
                    if entries.count > 2_000 { entries.removeAll() }
                    entries[cacheKey] = explainer
                }
            }
        }
        return Detail(
            story: story, articles: material.articles, timeline: StoryTimeline(articles: articles), explainer: explainer,
            disagreements: explainer?.disagreements ?? Self.disagreements(material.originals))
    }

    static func disagreements(_ originals: [Article]) -> [FigureDisagreement] {
        let mentions = originals.flatMap { article in
            article.paragraphs.flatMap(SentenceSplitter.sentences(in:)).flatMap { sentence in
                FigureExtractor.figures(in: sentence).map { FigureMention(figure: $0, sentence: sentence, outlet: article.outlet, url: article.url) }
            }
        }
        return FigureDisagreementFinder.disagreements(in: mentions)
    }

    /// Stories of the reader's feeds active since `date`, latest first.
    func stories(userID: Int64, since date: Date) async throws -> [Story] {
        try await store.stories(activeSince: date, userID: userID)
    }
}

/// Explainers composed for story pages, by reader, story and the articles they were written from.
final class ExplainerCache: Sendable {
    let entries = Mutex<[String: StoryBriefing]>([:])
}
