import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeFeeds
import LedeSQLite
import Testing

/// The daily edition on the demo corpus: ranking, feedback, the check, history, feeds out.
@Suite(.serialized) struct EditionTests {
    static func demo() async throws -> (store: SQLiteStore, outcome: DemoRunner.Outcome, site: CorpusSite) {
        let store = try SQLiteStore.inMemory()
        let site = try CorpusSite.bundledDemo()
        let outcome = try await DemoRunner(site: site, store: store).run(profileName: nil)
        return (store, outcome, site)
    }

    @Test func everyStatementPassesTheFigureAndNameCheck() async throws {
        let (_, outcome, _) = try await Self.demo()
        #expect(outcome.briefing.check.failures.isEmpty, "\(outcome.briefing.check.failures)")
        #expect(outcome.briefing.check.figures > 50)
        #expect(outcome.briefing.check.names > 50)
        #expect(!outcome.briefing.alsoInTheNews.isEmpty)
    }

    @Test func feedbackChangesTheNextRanking() async throws {
        let (store, outcome, _) = try await Self.demo()
        let service = EditionService(store: store)
        let profile = try #require(try await store.profile(named: outcome.briefing.profile, userID: outcome.user.id))
        let first = outcome.briefing.stories.map(\.id)
        let top = try #require(first.first)
        let last = try #require(first.last)
        try await service.recordFeedback(storyID: top, kind: .mute, userID: outcome.user.id, now: outcome.now)
        try await service.recordFeedback(storyID: last, kind: .more, userID: outcome.user.id, now: outcome.now)
        let next = try await service.brief(profile: profile, userID: outcome.user.id, now: outcome.now).stories.map(\.id)
        #expect(!next.contains(top), "a muted story leaves the edition")
        #expect(next.firstIndex(of: last) ?? .max < first.firstIndex(of: last) ?? .max, "asking for more moves a story up: \(first) → \(next)")
    }

    @Test func briefingTwiceOnOneDayKeepsOneEditionAndHistoryReadsIt() async throws {
        let (store, outcome, _) = try await Self.demo()
        let profile = try #require(try await store.profile(named: outcome.briefing.profile, userID: outcome.user.id))
        _ = try await EditionService(store: store).brief(profile: profile, userID: outcome.user.id, now: outcome.now)
        #expect(try await store.briefingDates(profile: profile.name, userID: outcome.user.id, limit: 10) == [outcome.briefing.date])
        let stored = try await store.briefing(date: outcome.briefing.date, profile: profile.name, userID: outcome.user.id)
        #expect(stored?.stories.map(\.id) == outcome.briefing.stories.map(\.id))
    }

    @Test func twoProfilesGetDifferentEditions() async throws {
        let (store, outcome, site) = try await Self.demo()
        var tops: [[Int64]] = []
        for profile in site.profiles {
            tops.append(try await EditionService(store: store).brief(profile: profile, userID: outcome.user.id, now: outcome.now).stories.prefix(5).map(\.id))
        }
        #expect(tops.count == 2)
        #expect(tops[0] != tops[1])
    }

    @Test func editionAsAtomAndJSONFeedParsesBack() async throws {
        let (_, outcome, _) = try await Self.demo()
        let renderer = EditionFeedRenderer(feedURL: "https://lede.example/feeds/t0k/edition.atom", siteURL: "https://lede.example/")
        for (text, format) in [(renderer.atom([outcome.briefing]), FeedFormat.atom10), (renderer.jsonFeed([outcome.briefing]), .jsonFeed11)] {
            let feed = try FeedParser().parse(Data(text.utf8), url: URL(string: "https://lede.example/feeds/t0k/edition"))
            #expect(feed.format == format)
            #expect(feed.isWellFormed)
            #expect(feed.items.count == outcome.briefing.stories.count)
            #expect(feed.items.first?.title == outcome.briefing.stories.first?.headline)
        }
    }

    @Test func aSharedStoryPageSaysWhereItComesFrom() async throws {
        let (_, outcome, _) = try await Self.demo()
        let story = try #require(outcome.briefing.stories.first)
        let page = HTMLRenderer().sharePage(story)
        #expect(page.contains("Shared from Lede"))
        #expect(page.contains(HTMLRenderer().escape(story.headline)))
        #expect(!page.contains("<script"))
    }
}
