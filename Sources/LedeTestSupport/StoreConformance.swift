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

    static let now = ArticleFactory.baseDate

    /// A reader with a subscription to `https://a.example/feed`.
    static func reader(_ store: any LedeStore, _ name: String = "ann") async throws -> (user: User, subscription: Subscription) {
        let user = try await store.createUser(name: name, passwordHash: nil, isAdmin: false, now: now)
        let subscription = try await store.subscribe(userID: user.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: now)
        return (user, subscription)
    }

    public static let checks: [Check] = [
        Check(name: "users are created once per name, with tokens and sessions") { store in
            let ann = try await store.createUser(name: "ann", passwordHash: "hash", isAdmin: true, now: now)
            var refused = false
            do { _ = try await store.createUser(name: "ann", passwordHash: nil, isAdmin: false, now: now) } catch StoreError.duplicateUser { refused = true }
            try expect(refused, "a second ann is refused")
            try expect(try await store.user(named: "ann") == ann, "found by name")
            try expect(try await store.passwordHash(userID: ann.id) == "hash", "password hash kept")
            _ = try await store.addToken(userID: ann.id, name: "cli", tokenHash: "t0k", now: now)
            try expect(try await store.user(tokenHash: "t0k")?.id == ann.id, "found by token hash")
            try expect(try await store.user(tokenHash: "other") == nil, "unknown token")
            try await store.saveSession(Session(secretHash: "s", userID: ann.id, csrfToken: "c", expiresAt: now.addingTimeInterval(60)))
            try expect(try await store.session(secretHash: "s")?.csrfToken == "c", "session kept")
            try await store.deleteSession(secretHash: "s")
            try expect(try await store.session(secretHash: "s") == nil, "session deleted")
        },
        Check(name: "subscriptions share one feed and belong to their reader") { store in
            let (ann, annSubscription) = try await reader(store, "ann")
            let (bob, bobSubscription) = try await reader(store, "bob")
            try expect(annSubscription.source.id == bobSubscription.source.id, "one feed for both")
            try expect(try await store.sources().count == 1, "fetched once")
            try expect(try await store.subscription(id: annSubscription.id, userID: bob.id) == nil, "bob cannot see ann's subscription")
            var refused = false
            do { try await store.unsubscribe(subscriptionID: annSubscription.id, userID: bob.id) } catch StoreError.notFound { refused = true }
            try expect(refused, "bob cannot remove ann's subscription")
            try await store.unsubscribe(subscriptionID: annSubscription.id, userID: ann.id)
            try expect(try await store.sources().count == 1, "the feed stays while bob follows it")
            try await store.unsubscribe(subscriptionID: bobSubscription.id, userID: bob.id)
            try expect(try await store.sources().isEmpty, "a feed nobody follows is removed")
        },
        Check(name: "a reader cannot follow the same feed twice") { store in
            let (ann, _) = try await reader(store)
            var error: StoreError?
            do {
                _ = try await store.subscribe(userID: ann.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: now)
            } catch let caught as StoreError {
                error = caught
            }
            try expect(error == .duplicateSource(feedURL: "https://a.example/feed"), "duplicate error")
            try expect(try await store.subscriptions(userID: ann.id).count == 1, "one subscription")
        },
        Check(name: "fetch state is saved on the feed") { store in
            let (_, subscription) = try await reader(store)
            var source = subscription.source
            source.fetchState = source.fetchState.recordingFailure(at: now, message: "boom")
            try await store.updateSource(source)
            let reread = try await store.source(id: source.id)
            try expect(reread?.fetchState.lastError == "boom" && reread?.fetchState.consecutiveFailures == 1, "fetch state kept")
        },
        Check(name: "articles are stored, found by address, hash and near-duplicate band") { store in
            let (_, subscription) = try await reader(store)
            let text = "Regional grid operators approved three solar farms adding 900 megawatts of capacity in the valley next year."
            let stored = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1", url: "https://a.example/one", text: text)])
            try expect(stored.count == 1 && stored[0].id > 0, "stored with an id")
            try expect(try await store.knownItemKeys(sourceID: subscription.source.id) == ["1"], "item key known")
            try expect(try await store.article(sourceID: subscription.source.id, itemKey: "1")?.id == stored[0].id, "found by item key")
            try expect(try await store.article(urlKey: URLCanonicalizer.key("http://www.a.example/one/"))?.id == stored[0].id, "found by url key")
            try expect(try await store.article(contentHash: ContentFingerprint.exactHash(of: text))?.id == stored[0].id, "found by hash")
            let candidates = try await store.nearDuplicateCandidates(bandKeys: ContentFingerprint.minHash(of: text).bandKeys)
            try expect(candidates.first?.article.id == stored[0].id, "found by band")
            try expect(candidates.first?.minHash == ContentFingerprint.minHash(of: text), "MinHash round-trips")
            try expect(try await store.articleCount() == 1, "counted")
        },
        Check(name: "an edited article is updated in place and searched by its new text") { store in
            let (ann, subscription) = try await reader(store)
            var article = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1", text: "The old wording about turbines.")])[0]
            article.text = "The new wording about transformers."
            try await store.updateArticle(article)
            try expect(try await store.articles(ids: [article.id]).first?.text == article.text, "text replaced")
            let hits = try await store.searchPassages(PassageQuery(terms: ["transformers"], userID: ann.id))
            try expect(hits.map(\.articleID) == [article.id], "new text searchable")
            try expect(try await store.searchPassages(PassageQuery(terms: ["turbines"], userID: ann.id)).isEmpty, "old text gone")
        },
        Check(name: "the same item of a feed is stored once") { store in
            let (_, subscription) = try await reader(store)
            _ = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1")])
            var refused = false
            do {
                _ = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1")])
            } catch {
                refused = true
            }
            try expect(refused, "a second copy of the same item is refused")
            try expect(try await store.articleCount() == 1, "still one article")
        },
        Check(name: "document frequencies count each article's terms once") { store in
            let (_, subscription) = try await reader(store)
            _ = try await store.insertArticles([
                ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1", title: "Solar farms", text: "Solar solar farms."),
                ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "2", title: "Wind farms", text: "Wind farms."),
            ])
            let frequencies = try await store.documentFrequencies()
            try expect(frequencies.documentCount == 2, "two documents")
            try expect(frequencies.counts["farm"] == 2 && frequencies.counts["solar"] == 1, "term counts")
        },
        Check(name: "clustering results are stored with duplicates following their original") { store in
            let (ann, subscription) = try await reader(store)
            let sourceID = subscription.source.id
            let original = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "1")])[0]
            let copy = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "2", duplicateOfID: original.id)])[0]
            try expect(try await store.unclusteredArticles(limit: 10).map(\.id) == [original.id], "copies are not clustered")
            var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
            let placement = clusterer.place(
                ArticleSignature(title: original.title, paragraphs: original.paragraphs, published: original.published), outlet: original.outlet)
            try await store.saveClustering(ClusteringBatch(stories: clusterer.changedStories, placements: [(original.id, placement)]))
            let stories = try await store.stories(activeSince: now.addingTimeInterval(-3600), userID: ann.id)
            try expect(stories.count == 1, "one story")
            let members = try await store.articles(storyIDs: [stories[0].id], userID: ann.id).map(\.id)
            try expect(members == [original.id, copy.id], "original and copy in the story")
            try expect(try await store.unclusteredArticles(limit: 10).isEmpty, "nothing left to cluster")
            try expect(try await store.story(id: stories[0].id)?.signature.articleCount == 1, "signature stored")
        },
        Check(name: "a reader sees only stories, articles and passages of feeds they follow") { store in
            let (ann, subscription) = try await reader(store, "ann")
            let bob = try await store.createUser(name: "bob", passwordHash: nil, isAdmin: false, now: now)
            let article = try await store.insertArticles([
                ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1", text: "Turbines arrive at the harbour on Monday.")
            ])[0]
            var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
            let placement = clusterer.place(ArticleSignature(title: article.title, paragraphs: article.paragraphs, published: article.published), outlet: "a")
            try await store.saveClustering(ClusteringBatch(stories: clusterer.changedStories, placements: [(article.id, placement)]))
            let since = now.addingTimeInterval(-3600)
            try expect(try await store.stories(activeSince: since, userID: ann.id).count == 1, "ann sees the story")
            try expect(try await store.stories(activeSince: since, userID: bob.id).isEmpty, "bob does not")
            try expect(try await store.stories(activeSince: since, userID: nil).count == 1, "the clusterer sees all")
            let storyID = try await store.stories(activeSince: since, userID: nil)[0].id
            try expect(try await store.articles(storyIDs: [storyID], userID: bob.id).isEmpty, "bob gets no articles")
            try expect(try await store.articles(publishedFrom: since, to: nil, userID: bob.id).isEmpty, "nor by date")
            try expect(try await store.searchPassages(PassageQuery(terms: ["turbines"], userID: bob.id)).isEmpty, "nor by search")
            try expect(try await store.searchPassages(PassageQuery(terms: ["turbines"], userID: ann.id)).count == 1, "ann finds it")
        },
        Check(name: "profiles, editions, feedback, read marks and conversations belong to their reader") { store in
            let ann = try await store.createUser(name: "ann", passwordHash: nil, isAdmin: false, now: now)
            let bob = try await store.createUser(name: "bob", passwordHash: nil, isAdmin: false, now: now)
            try await store.saveProfile(Profile(name: "me", role: "investor", industry: "venture", interests: ["AWS"]), userID: ann.id)
            try await store.saveProfile(Profile(name: "me", role: "strategist", industry: "cloud"), userID: ann.id)
            try await store.saveProfile(Profile(name: "me", role: "engineer", industry: "software"), userID: bob.id)
            try expect(try await store.profile(named: "me", userID: ann.id)?.role == "strategist", "replaced, per reader")
            try expect(try await store.profile(named: "me", userID: bob.id)?.role == "engineer", "bob's own")
            try await store.deleteProfile(named: "me", userID: bob.id)
            let bobProfiles = try await store.profiles(userID: bob.id)
            let annProfiles = try await store.profiles(userID: ann.id)
            try expect(bobProfiles.isEmpty && annProfiles.count == 1, "deleted for bob only")

            let briefing = Briefing(date: "2026-04-20", profile: "me", stories: [])
            try await store.saveBriefing(briefing, userID: ann.id)
            try await store.saveBriefing(briefing, userID: ann.id)
            try expect(try await store.briefing(date: "2026-04-20", profile: "me", userID: ann.id) == briefing, "read back")
            try expect(try await store.briefingDates(profile: "me", userID: ann.id, limit: 10) == ["2026-04-20"], "stored once")
            try expect(try await store.briefing(date: "2026-04-20", profile: "me", userID: bob.id) == nil, "not bob's")

            let conversation = Conversation(id: "c1", startedAt: now)
            try await store.saveConversation(conversation, userID: ann.id)
            try expect(try await store.conversation(id: "c1", userID: ann.id) == conversation, "ann's conversation")
            try expect(try await store.conversation(id: "c1", userID: bob.id) == nil, "hidden from bob")
            var refused = false
            do { try await store.saveConversation(conversation, userID: bob.id) } catch StoreError.notFound { refused = true }
            try expect(refused, "bob cannot overwrite ann's conversation")
            try expect(try await store.conversations(userID: bob.id, limit: 10).isEmpty, "bob lists none")

            let (_, subscription) = try await reader(store, "cat")
            let article = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1")])[0]
            var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
            let placement = clusterer.place(ArticleSignature(title: article.title, paragraphs: article.paragraphs, published: article.published), outlet: "a")
            try await store.saveClustering(ClusteringBatch(stories: clusterer.changedStories, placements: [(article.id, placement)]))
            let storyID = try await store.stories(activeSince: .distantPast, userID: nil)[0].id
            try await store.saveFeedback(Feedback(userID: ann.id, storyID: storyID, kind: .more, at: now))
            try await store.saveFeedback(Feedback(userID: ann.id, storyID: storyID, kind: .mute, at: now))
            try expect(try await store.feedback(userID: ann.id).map(\.kind) == [.mute], "latest feedback wins")
            try expect(try await store.feedback(userID: bob.id).isEmpty, "bob has none")
            try await store.markRead(storyIDs: [storyID], userID: ann.id, at: now)
            let annRead = try await store.readStoryIDs(userID: ann.id)
            let bobRead = try await store.readStoryIDs(userID: bob.id)
            try expect(annRead == [storyID] && bobRead.isEmpty, "read marks per reader")
        },
    ] + detailChecks + jobChecks
}
