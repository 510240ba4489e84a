import Foundation
import LedeCore
import LedeEngine
import LedeSQLite
import LedeTestSupport
import Testing

/// An updater keeps its clusterer between batches, and takes in the stories someone else
/// saved in between.
@Suite struct StoryUpdaterTests {
    static let hour: TimeInterval = 3600

    static func article(_ sourceID: Int64, _ key: String, _ title: String, _ text: String, hours: Double) -> NewArticle {
        ArticleFactory.newArticle(
            sourceID: sourceID, itemKey: key, outlet: "\(key).example", title: title, text: text,
            published: ArticleFactory.baseDate.addingTimeInterval(hours * hour))
    }

    static let earnings = (
        "Corvane beats forecasts and raises its outlook",
        "Corvane Systems reported first-quarter revenue of $2.3 billion, up 18%, beating analysts' forecasts as orders for data-centre switches grew.\n\nThe company raised its full-year revenue outlook to $9.8 billion."
    )
    static let followUp = (
        "Corvane shares jump after strong quarter",
        "Shares of Corvane Systems rose 9% after the networking company beat first-quarter forecasts with revenue of $2.3 billion and lifted its outlook to $9.8 billion."
    )
    static let analysis = (
        "Corvane's raised outlook rests on data-centre switches",
        "Corvane Systems' first-quarter revenue of $2.3 billion beat forecasts, and analysts said the raised outlook of $9.8 billion showed demand for data-centre switches."
    )

    static func store() async throws -> (SQLiteStore, Int64) {
        let store = try SQLiteStore.inMemory()
        let user = try await store.localUser()
        let subscription = try await store.subscribe(userID: user.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: ArticleFactory.baseDate)
        return (store, subscription.source.id)
    }

    @Test func storiesSavedByAnotherUpdaterAreReadAgain() async throws {
        let (store, sourceID) = try await Self.store()
        let kept = StoryUpdater(store: store)
        _ = try await store.insertArticles([Self.article(sourceID, "a", Self.earnings.0, Self.earnings.1, hours: 0)])
        #expect(try await kept.run() == 1)

        // Another process places the follow-up in the same story.
        _ = try await store.insertArticles([Self.article(sourceID, "b", Self.followUp.0, Self.followUp.1, hours: 5)])
        #expect(try await StoryUpdater(store: store).run() == 1)

        // The first updater's kept clusterer no longer knows the story's second article: it
        // must read the story again, or its save would drop what the other process added.
        _ = try await store.insertArticles([Self.article(sourceID, "c", Self.analysis.0, Self.analysis.1, hours: 10)])
        #expect(try await kept.run() == 1)
        let stories = try await store.stories(activeSince: .distantPast, userID: nil)
        #expect(stories.count == 1)
        #expect(stories.first?.signature.articleCount == 3)
        #expect(stories.first?.signature.outlets.sorted() == ["a.example", "b.example", "c.example"])
    }

    /// Workers use this to leave clustering to the one whose memory is up to date.
    @Test func aMemoryIsCurrentUntilSomeoneElseSavesStories() async throws {
        let (store, sourceID) = try await Self.store()
        let memory = ClusteringMemory()
        #expect(memory.isCurrent(storeGeneration: try await store.clusteringGeneration()), "no one has clustered yet")
        _ = try await store.insertArticles([Self.article(sourceID, "a", Self.earnings.0, Self.earnings.1, hours: 0)])
        try await StoryUpdater(store: store, memory: memory).run()
        #expect(memory.isCurrent(storeGeneration: try await store.clusteringGeneration()), "it saved last")
        #expect(!ClusteringMemory().isCurrent(storeGeneration: try await store.clusteringGeneration()), "an empty one is not")

        _ = try await store.insertArticles([Self.article(sourceID, "b", Self.followUp.0, Self.followUp.1, hours: 5)])
        try await StoryUpdater(store: store).run()
        #expect(!memory.isCurrent(storeGeneration: try await store.clusteringGeneration()), "another saved since")
    }

    @Test func aKeptClustererPlacesAsAStoredOneWould() async throws {
        let (store, sourceID) = try await Self.store()
        let updater = StoryUpdater(store: store)
        for (index, article) in [Self.earnings, Self.followUp, Self.analysis].enumerated() {
            _ = try await store.insertArticles([Self.article(sourceID, "k\(index)", article.0, article.1, hours: Double(index) * 5)])
            #expect(try await updater.run() == 1)
        }
        let generation = try await store.clusteringGeneration()
        #expect(generation == 3)
        let stories = try await store.stories(activeSince: .distantPast, userID: nil)
        #expect(stories.map(\.signature.articleCount) == [3])
    }

    /// A feed stored newest first while clustering runs beside it: each batch reaches further
    /// back, and the stories an earlier batch needed stay held rather than being let go and
    /// read back a batch later.
    @Test func storiesStayHeldWhileBatchesStepBackThroughAFeed() async throws {
        let (store, sourceID) = try await Self.store()
        let updater = StoryUpdater(store: store)
        _ = try await store.insertArticles([Self.article(sourceID, "a", Self.earnings.0, Self.earnings.1, hours: 0)])
        try await updater.run()
        _ = try await store.insertArticles([
            Self.article(sourceID, "f", "Fire halts production at Halden plant", "A fire halted production at a Halden Micro plant in Penang.", hours: 240)
        ])
        try await updater.run()
        #expect(updater.memory.heldStoryCount == 2)
        _ = try await store.insertArticles([Self.article(sourceID, "b", Self.followUp.0, Self.followUp.1, hours: 5)])
        #expect(try await updater.run() == 1)
        let stories = try await store.stories(activeSince: .distantPast, userID: nil)
        #expect(stories.first { $0.headline == Self.earnings.0 }?.signature.articleCount == 2)
    }

    @Test func anArticleFetchedLateFindsTheStoryTheKeptClustererLetGo() async throws {
        let (store, sourceID) = try await Self.store()
        let updater = StoryUpdater(store: store)
        _ = try await store.insertArticles([Self.article(sourceID, "a", Self.earnings.0, Self.earnings.1, hours: 0)])
        try await updater.run()
        // Ten days on, the earnings story has left the window of every recent batch, and the
        // kept clusterer lets it go.
        for batch in 0...StoryUpdater.rememberedBatches {
            _ = try await store.insertArticles([
                Self.article(
                    sourceID, "f\(batch)", "Fire halts production at Halden plant", "A fire halted production at a Halden Micro plant in Penang.",
                    hours: 240 + Double(batch))
            ])
            try await updater.run()
        }
        #expect(updater.memory.heldStoryCount == 1)
        // A feed fetched late brings the earnings follow-up, published five hours after the story began.
        _ = try await store.insertArticles([Self.article(sourceID, "b", Self.followUp.0, Self.followUp.1, hours: 5)])
        #expect(try await updater.run() == 1)
        let stories = try await store.stories(activeSince: .distantPast, userID: nil)
        #expect(stories.count == 2)
        #expect(stories.first { $0.headline == Self.earnings.0 }?.signature.articleCount == 2)
    }
}

/// Updaters sharing one memory (the web app's "fetch now" and the job runner in one process)
/// take turns.
@Suite struct ClusteringMemoryTests {
    actor Log {
        var events: [String] = []
        func add(_ event: String) { events.append(event) }
    }

    @Test func sharersRunOneAtATimeInTheOrderAsked() async throws {
        let memory = ClusteringMemory()
        let log = Log()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for name in ["a", "b", "c"] {
                group.addTask {
                    try await memory.exclusively {
                        await log.add("\(name) in")
                        try await Task.sleep(for: .milliseconds(30))
                        await log.add("\(name) out")
                    }
                }
                try await Task.sleep(for: .milliseconds(5))
            }
            try await group.waitForAll()
        }
        let events = await log.events
        #expect(events.count == 6)
        // Every "in" is followed by its own "out": no two ran at once.
        for index in stride(from: 0, to: events.count, by: 2) {
            #expect(events[index].hasSuffix(" in"))
            #expect(events[index + 1] == events[index].replacingOccurrences(of: " in", with: " out"))
        }
    }
}
