import Foundation
import LedeCore
import LedeEngine
import LedeFetch

/// Runs Lede's whole pipeline on a corpus served over loopback: subscribe to every outlet's
/// feed, fetch feeds and pages over HTTP, extract, deduplicate, cluster and brief.
public struct DemoRunner: Sendable {
    public var site: CorpusSite
    public var store: any LedeStore
    public var progress: any ProgressReporter

    public init(site: CorpusSite, store: any LedeStore, progress: any ProgressReporter = SilentProgress()) {
        self.site = site
        self.store = store
        self.progress = progress
    }

    /// What a run produced.
    public struct Outcome: Sendable {
        public var briefing: Briefing
        /// The moment the edition was written for: the corpus's last publication.
        public var now: Date
        public var sources: [FeedIngestor.SourceReport]
        /// The reader the demo ran as (the store's local reader).
        public var user: User
    }

    /// - Parameter profileName: a profile of the corpus (default: its first).
    /// - Throws: `CorpusError`, `StoreError` or `FetchError`, each with an actionable sentence.
    public func run(profileName: String?) async throws -> Outcome {
        let server = try await CorpusServer.start(site: site)
        progress.report("Serving the corpus at http://127.0.0.1:\(server.port) (\(site.outlets.count) outlets)")
        let fetcher = HTTPFetcher(configuration: server.fetchConfiguration())
        do {
            let outcome = try await run(fetcher: fetcher, profileName: profileName)
            try await fetcher.shutdown()
            await server.stop()
            return outcome
        } catch {
            try? await fetcher.shutdown()
            await server.stop()
            throw error
        }
    }

    private func run(fetcher: HTTPFetcher, profileName: String?) async throws -> Outcome {
        let now = (site.latestPublication ?? Date()).addingTimeInterval(60)
        let user = try await store.localUser()
        let subscriber = SourceSubscriber(store: store, fetcher: fetcher)
        let followed = Set(try await store.subscriptions(userID: user.id).map(\.source.feedURL))
        for outlet in site.outlets where !followed.contains(outlet.feed) {
            _ = try await subscriber.subscribe(to: outlet.feed, userID: user.id, now: now)
        }
        for profile in site.profiles where try await store.profile(named: profile.name, userID: user.id) == nil {
            try await store.saveProfile(profile, userID: user.id)
        }
        let reports = try await FeedIngestor(store: store, fetcher: fetcher, progress: progress).ingestAll(now: now)
        try await StoryUpdater(store: store, progress: progress).run()
        let profile: Profile
        if let name = profileName ?? site.profiles.first?.name {
            guard let stored = try await store.profile(named: name, userID: user.id) else {
                throw StoreError.notFound("profile named \(name); the corpus has: \(site.profiles.map(\.name).joined(separator: ", "))")
            }
            profile = stored
        } else {
            profile = Profile(name: "default", role: "reader", industry: "general news")
        }
        let briefing = try await EditionService(store: store).brief(profile: profile, userID: user.id, now: now)
        progress.report("Briefed \(briefing.stories.count) stories for \(profile.name)")
        return Outcome(briefing: briefing, now: now, sources: reports, user: user)
    }
}
