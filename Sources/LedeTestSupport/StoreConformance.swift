import Foundation
import LedeCore

/// The behaviour every `LedeStore` must show. Each store's test target runs every check
/// against a fresh store, so SQLite and PostgreSQL are held to the same suite.
public enum StoreConformance {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A named check of the suite.
    public struct Check: Sendable, CustomStringConvertible {
        public var name: String
        public var run: @Sendable (any LedeStore) async throws -> Void
        public var description: String { name }
    }

    static func expect(_ condition: Bool, _ message: String) throws {
        if !condition { throw Failure(description: message) }
    }

    public static let checks: [Check] = [
        Check(name: "sources are added, listed, updated and removed") { store in
            let now = ArticleFactory.baseDate
            let source = try await store.addSource(feedURL: "https://a.example/feed", title: "A", now: now)
            try expect(try await store.sources().map(\.feedURL) == ["https://a.example/feed"], "listed")
            var changed = source
            changed.fetchState = changed.fetchState.recordingFailure(at: now, message: "boom")
            try await store.updateSource(changed)
            let reread = try await store.source(id: source.id)
            try expect(reread?.fetchState.lastError == "boom" && reread?.fetchState.consecutiveFailures == 1, "fetch state kept")
            try await store.removeSource(id: source.id)
            try expect(try await store.sources().isEmpty, "removed")
        },
        Check(name: "a feed cannot be followed twice") { store in
            _ = try await store.addSource(feedURL: "https://a.example/feed", title: nil, now: ArticleFactory.baseDate)
            var duplicateError: StoreError?
            do {
                _ = try await store.addSource(feedURL: "https://a.example/feed", title: nil, now: ArticleFactory.baseDate)
            } catch let error as StoreError {
                duplicateError = error
            }
            try expect(duplicateError == .duplicateSource(feedURL: "https://a.example/feed"), "duplicate error")
            try expect(try await store.sources().count == 1, "one source")
        },
        Check(name: "articles are stored, found by address, hash and near-duplicate band") { store in
            let source = try await store.addSource(feedURL: "https://a.example/feed", title: nil, now: ArticleFactory.baseDate)
            let text = "Regional grid operators approved three solar farms adding 900 megawatts of capacity in the valley next year."
            let stored = try await store.insertArticles([ArticleFactory.newArticle(sourceID: source.id, itemKey: "1", url: "https://a.example/one", text: text)])
            try expect(stored.count == 1 && stored[0].id > 0, "stored with an id")
            try expect(try await store.knownItemKeys(sourceID: source.id) == ["1"], "item key known")
            try expect(try await store.article(urlKey: URLCanonicalizer.key("http://www.a.example/one/"))?.id == stored[0].id, "found by url key")
            try expect(try await store.article(contentHash: ContentFingerprint.exactHash(of: text))?.id == stored[0].id, "found by hash")
            let candidates = try await store.nearDuplicateCandidates(bandKeys: ContentFingerprint.minHash(of: text).bandKeys)
            try expect(candidates.first?.article.id == stored[0].id, "found by band")
            try expect(candidates.first?.minHash == ContentFingerprint.minHash(of: text), "MinHash round-trips")
            try expect(try await store.articleCount() == 1, "counted")
        },
        Check(name: "the same item of a source is stored once") { store in
            let source = try await store.addSource(feedURL: "https://a.example/feed", title: nil, now: ArticleFactory.baseDate)
            _ = try await store.insertArticles([ArticleFactory.newArticle(sourceID: source.id, itemKey: "1")])
            var refused = false
            do {
                _ = try await store.insertArticles([ArticleFactory.newArticle(sourceID: source.id, itemKey: "1")])
            } catch {
                refused = true
            }
            try expect(refused, "a second copy of the same item is refused")
            try expect(try await store.articleCount() == 1, "still one article")
        },
        Check(name: "document frequencies count each article's terms once") { store in
            let source = try await store.addSource(feedURL: "https://a.example/feed", title: nil, now: ArticleFactory.baseDate)
            _ = try await store.insertArticles([
                ArticleFactory.newArticle(sourceID: source.id, itemKey: "1", title: "Solar farms", text: "Solar solar farms."),
                ArticleFactory.newArticle(sourceID: source.id, itemKey: "2", title: "Wind farms", text: "Wind farms."),
            ])
            let frequencies = try await store.documentFrequencies()
            try expect(frequencies.documentCount == 2, "two documents")
            try expect(frequencies.counts["farm"] == 2 && frequencies.counts["solar"] == 1, "term counts")
        },
        Check(name: "clustering results are stored with duplicates following their original") { store in
            let source = try await store.addSource(feedURL: "https://a.example/feed", title: nil, now: ArticleFactory.baseDate)
            let original = try await store.insertArticles([ArticleFactory.newArticle(sourceID: source.id, itemKey: "1")])[0]
            let copy = try await store.insertArticles([ArticleFactory.newArticle(sourceID: source.id, itemKey: "2", duplicateOfID: original.id)])[0]
            try expect(try await store.unclusteredArticles(limit: 10).map(\.id) == [original.id], "copies are not clustered")
            var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
            let placement = clusterer.place(
                ArticleSignature(title: original.title, paragraphs: original.paragraphs, published: original.published), outlet: original.outlet)
            try await store.saveClustering(ClusteringBatch(stories: clusterer.changedStories, placements: [(original.id, placement)]))
            let stories = try await store.stories(activeSince: ArticleFactory.baseDate.addingTimeInterval(-3600))
            try expect(stories.count == 1, "one story")
            let members = try await store.articles(storyIDs: [stories[0].id]).map(\.id)
            try expect(members == [original.id, copy.id], "original and copy in the story")
            try expect(try await store.unclusteredArticles(limit: 10).isEmpty, "nothing left to cluster")
            try expect(try await store.story(id: stories[0].id)?.signature.articleCount == 1, "signature stored")
        },
        Check(name: "profiles are saved, replaced and listed") { store in
            try await store.saveProfile(Profile(name: "me", role: "investor", industry: "venture", interests: ["AWS"]))
            try await store.saveProfile(Profile(name: "me", role: "strategist", industry: "cloud"))
            try await store.saveProfile(Profile(name: "you", role: "engineer", industry: "software"))
            try expect(try await store.profile(named: "me")?.role == "strategist", "replaced")
            try expect(try await store.profiles().map(\.name) == ["me", "you"], "listed by name")
        },
        Check(name: "a day's briefing is stored once per profile") { store in
            let briefing = Briefing(date: "2026-04-20", profile: "me", stories: [])
            try await store.saveBriefing(briefing)
            try await store.saveBriefing(briefing)
            try expect(try await store.briefing(date: "2026-04-20", profile: "me") == briefing, "read back")
            try expect(try await store.briefing(date: "2026-04-21", profile: "me") == nil, "other day absent")
        },
    ]
}
