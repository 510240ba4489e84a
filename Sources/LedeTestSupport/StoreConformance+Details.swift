import Foundation
import LedeCore

/// Checks of details the protocol's comments promise (orders, filters, what is removed or
/// refused) that the first checks leave open, so that every store keeps them the same way.
extension StoreConformance {
    /// One story for `article`, opened by a fresh clusterer and stored; returns its id.
    static func storyOf(_ article: Article, in store: any LedeStore, key: Int = 0, lastPublished: Date? = nil) async throws -> Int64 {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        _ = clusterer.place(ArticleSignature(title: article.title, paragraphs: article.paragraphs, published: article.published), outlet: article.outlet)
        var story = try required(clusterer.changedStories.first, "the clusterer opens a story")
        story.provisionalKey = key
        if let lastPublished { story.lastPublished = lastPublished }
        try await store.saveClustering(ClusteringBatch(stories: [story], placements: [(article.id, .new(provisionalKey: key))]))
        return try required(try await store.articles(ids: [article.id]).first?.storyID, "the article is placed")
    }

    static func required<Value>(_ value: Value?, _ message: String) throws -> Value {
        guard let value else { throw Failure(description: message) }
        return value
    }

    static let detailChecks: [Check] = [
        Check(name: "each clustering save moves the generation on and returns the new stories' ids") { store in
            let (_, subscription) = try await reader(store)
            try expect(try await store.clusteringGeneration() == 0, "no save yet")
            let article = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "g1")])[0]
            var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
            let placement = clusterer.place(
                ArticleSignature(title: article.title, paragraphs: article.paragraphs, published: article.published), outlet: article.outlet)
            let receipt = try await store.saveClustering(ClusteringBatch(stories: clusterer.changedStories, placements: [(article.id, placement)]))
            try expect(receipt.generation == 1, "the first save is generation 1")
            try expect(Array(receipt.storyIDs.values) == [try required(try await store.articles(ids: [article.id]).first?.storyID, "placed")], "the new story's id")
            try expect(try await store.saveClustering(ClusteringBatch(stories: [], placements: [])).generation == 2, "every save counts")
            try expect(try await store.clusteringGeneration() == 2, "read back")
            try expect(try await store.stories(savedAfterGeneration: 0).map(\.id) == Array(receipt.storyIDs.values), "saved in generation 1")
            try expect(try await store.stories(savedAfterGeneration: 1).isEmpty, "nothing saved since")
        },
        Check(name: "lists come in the order the protocol promises") { store in
            let ann = try await store.createUser(name: "ann", passwordHash: nil, isAdmin: false, now: now)
            let b = try await store.subscribe(userID: ann.id, feedURL: "https://b.example/feed", title: nil, folder: nil, now: now)
            let a = try await store.subscribe(userID: ann.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: now)
            try expect(try await store.subscriptions(userID: ann.id).map(\.id) == [b.id, a.id], "subscriptions oldest first")
            try expect(try await store.users().map(\.name).last == "ann", "users by id")
            let late = ArticleFactory.newArticle(sourceID: a.source.id, itemKey: "late", published: now.addingTimeInterval(7200))
            let early = ArticleFactory.newArticle(sourceID: a.source.id, itemKey: "early", published: now)
            let middle = ArticleFactory.newArticle(sourceID: b.source.id, itemKey: "middle", published: now.addingTimeInterval(3600))
            let stored = try await store.insertArticles([late, early, middle])
            let byDate = try await store.articles(publishedFrom: now, to: nil, userID: nil).map(\.itemKey)
            try expect(byDate == ["early", "middle", "late"], "articles by date, oldest first")
            try expect(try await store.articles(publishedFrom: now, to: now.addingTimeInterval(7200), userID: nil).count == 2, "`to` is excluded")
            try expect(try await store.articles(ids: stored.map(\.id)).map(\.itemKey) == ["early", "middle", "late"], "by ids, oldest first")
            try expect(try await store.unclusteredArticles(limit: 2).map(\.id) == [stored[1].id, stored[2].id], "unclustered, oldest first, limited")
            let older = try await storyOf(stored[1], in: store, key: 1, lastPublished: now)
            let newer = try await storyOf(stored[0], in: store, key: 2, lastPublished: now.addingTimeInterval(7200))
            try expect(try await store.stories(activeSince: .distantPast, userID: ann.id).map(\.id) == [newer, older], "stories latest first")
            try expect(try await store.stories(activeSince: now.addingTimeInterval(60), userID: nil).map(\.id) == [newer], "active since")
            try expect(try await store.stories(lastPublishedFrom: now, before: now.addingTimeInterval(7200)).map(\.id) == [older], "from, before: excluded")
            try expect(try await store.stories(lastPublishedFrom: now, before: now.addingTimeInterval(7201)).map(\.id) == [newer, older], "latest first")

            for date in ["2026-04-18", "2026-04-20", "2026-04-19"] {
                try await store.saveBriefing(Briefing(date: date, profile: "me", stories: []), userID: ann.id)
            }
            try expect(try await store.briefingDates(profile: "me", userID: ann.id, limit: 2) == ["2026-04-20", "2026-04-19"], "editions latest first")
            for name in ["b", "B", "a"] { try await store.saveProfile(Profile(name: name, role: "r", industry: "i"), userID: ann.id) }
            try expect(try await store.profiles(userID: ann.id).map(\.name) == ["B", "a", "b"], "profiles by name, byte order")
            for (id, minutes) in [("c1", 0.0), ("c2", 30.0), ("c3", 10.0)] {
                try await store.saveConversation(Conversation(id: id, startedAt: now.addingTimeInterval(minutes * 60)), userID: ann.id)
            }
            try expect(try await store.conversations(userID: ann.id, limit: 2).map(\.id) == ["c2", "c3"], "conversations latest first")
        },
        Check(name: "a feed nobody follows is removed with its articles and passages") { store in
            let (ann, subscription) = try await reader(store)
            _ = try await store.insertArticles([
                ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1", text: "Turbines arrive at the harbour.")
            ])
            try await store.unsubscribe(subscriptionID: subscription.id, userID: ann.id)
            try expect(try await store.articleCount() == 0, "articles removed")
            try expect(try await store.searchPassages(PassageQuery(terms: ["turbines"])).isEmpty, "passages removed")
            try expect(try await store.source(feedURL: "https://a.example/feed") == nil, "feed removed")
            let again = try await store.subscribe(userID: ann.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: now)
            try expect(try await store.knownItemKeys(sourceID: again.source.id).isEmpty, "following it again starts afresh")
        },
        Check(name: "changing what is not stored throws notFound") { store in
            let ann = try await store.createUser(name: "ann", passwordHash: nil, isAdmin: false, now: now)
            func refused(_ what: String, _ change: () async throws -> Void) async throws {
                var caught = false
                do { try await change() } catch StoreError.notFound { caught = true }
                try expect(caught, "\(what) throws notFound")
            }
            try await refused("updateSource") { try await store.updateSource(Source(id: 999, feedURL: "https://x.example/feed", addedAt: now)) }
            try await refused("setPasswordHash") { try await store.setPasswordHash("h", userID: 999) }
            try await refused("deleteProfile") { try await store.deleteProfile(named: "none", userID: ann.id) }
            try await refused("unsubscribe") { try await store.unsubscribe(subscriptionID: 999, userID: ann.id) }
            let ghost = ArticleFactory.newArticle(sourceID: 1, itemKey: "ghost").stored(id: 999)
            try await refused("updateArticle") { try await store.updateArticle(ghost) }
        },
        Check(name: "search honours story, date and limit, ranks, and leaves copies out") { store in
            let (ann, subscription) = try await reader(store)
            let sourceID = subscription.source.id
            // Unrelated articles, so that both stores' word weights see a real collection.
            _ = try await store.insertArticles((0..<4).map { index in
                ArticleFactory.newArticle(sourceID: sourceID, itemKey: "other-\(index)", text: "Wind farms grow in the north, year \(index).")
            })
            let first = try await store.insertArticles([
                ArticleFactory.newArticle(
                    sourceID: sourceID, itemKey: "1", title: "Harbour turbines",
                    text: "Turbines arrive at the harbour.\n\nThe turbines are the largest the harbour has seen; turbines again.", published: now)
            ])[0]
            let second = try await store.insertArticles([
                ArticleFactory.newArticle(
                    sourceID: sourceID, itemKey: "2", title: "Valley solar", text: "Solar farms fill the valley, and one turbine.",
                    published: now.addingTimeInterval(86400))
            ])[0]
            _ = try await store.insertArticles([
                ArticleFactory.newArticle(sourceID: sourceID, itemKey: "3", text: "Turbines arrive at the harbour.", duplicateOfID: first.id)
            ])
            let firstStory = try await storyOf(first, in: store, key: 1)
            _ = try await storyOf(second, in: store, key: 2)
            let all = try await store.searchPassages(PassageQuery(terms: ["turbines", "harbour"], userID: ann.id))
            try expect(all.count == 3 && Set(all.map(\.articleID)) == [first.id, second.id], "copies are not searched")
            try expect(all.map(\.relevance) == all.map(\.relevance).sorted(by: >) && all.allSatisfy { $0.relevance > 0 }, "most relevant first")
            try expect(all.last?.articleID == second.id, "one mention of one word ranks last")
            let inStory = try await store.searchPassages(PassageQuery(terms: ["turbines"], storyID: firstStory))
            try expect(Set(inStory.map(\.articleID)) == [first.id] && inStory.allSatisfy { $0.storyID == firstStory }, "story filter")
            let before = try await store.searchPassages(PassageQuery(terms: ["turbines"], publishedBefore: now))
            try expect(Set(before.map(\.articleID)) == [first.id], "published at or before")
            try expect(try await store.searchPassages(PassageQuery(terms: ["turbines"], limit: 1)).count == 1, "limit")
            let passage = try required(inStory.first { $0.position == 1 }, "second paragraph found")
            try expect(passage.outlet == first.outlet && passage.url == first.url && passage.title == first.title, "passage carries its article")
            try expect(try await store.searchPassages(PassageQuery(terms: ["\"", "*", "-"])).isEmpty, "punctuation is no query syntax")
            try expect(try await store.nearDuplicateCandidates(bandKeys: []).isEmpty, "no bands, no candidates")
        },
        Check(name: "clustering updates stories and counts add up across batches") { store in
            let (_, subscription) = try await reader(store)
            let sourceID = subscription.source.id
            let first = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "1", title: "Solar farms")])[0]
            let second = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "2", title: "Solar farms")])[0]
            try expect(try await store.documentFrequencies().documentCount == 2, "documents counted across batches")
            try expect(try await store.documentFrequencies().counts["farm"] == 2, "terms counted across batches")
            let storyID = try await storyOf(first, in: store)
            var story = try required(try await store.story(id: storyID), "story stored")
            let update = StoryUpdate(
                id: storyID, provisionalKey: 0, headline: "Solar farms, again", firstPublished: story.firstPublished,
                lastPublished: now.addingTimeInterval(600), signature: story.signature)
            try await store.saveClustering(ClusteringBatch(stories: [update], placements: [(second.id, .existing(storyID: storyID))]))
            story = try required(try await store.story(id: storyID), "story still stored")
            try expect(story.headline == "Solar farms, again" && story.lastPublished == now.addingTimeInterval(600), "story updated")
            try expect(try await store.articles(storyIDs: [storyID], userID: nil).map(\.id) == [first.id, second.id], "placed in the story")
        },
        Check(name: "an article's clustering signature is kept until it is placed, and dropped when its text changes") { store in
            let (_, subscription) = try await reader(store)
            var withSignature = ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "s1", title: "Harbor Wind signs a turbine deal")
            let signature = ArticleSignature(title: withSignature.title, paragraphs: [withSignature.text], tags: ["Energy"], published: now)
            withSignature.signature = signature
            let bare = ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "s2", published: now.addingTimeInterval(60))
            let stored = try await store.insertArticles([withSignature, bare])
            var unplaced = try await store.unclusteredArticles(limit: 10)
            try expect(unplaced.map(\.id) == stored.map(\.id), "both waiting")
            try expect(unplaced[0].storedSignature?.entities == signature.entities && unplaced[0].text == nil, "the stored signature, not the text")
            try expect(unplaced[0].signature.published == stored[0].published, "dated by the stored article")
            try expect(unplaced[1].storedSignature == nil && unplaced[1].text == bare.text, "no signature: the text")
            var changed = stored[0]
            changed.text = "Another text entirely."
            try await store.updateArticle(changed)
            unplaced = try await store.unclusteredArticles(limit: 10)
            try expect(unplaced[0].storedSignature == nil && unplaced[0].text == changed.text, "a changed text drops the signature")
            _ = try await storyOf(stored[1], in: store)
            try expect(try await store.unclusteredArticles(limit: 10).map(\.id) == [stored[0].id], "placed articles leave")
        },
        Check(name: "sign-in failures are counted per key, forgotten after their window and cleared") { store in
            try await store.recordSignInFailure(keys: ["ip:a", "user:ann"], at: now, forgetBefore: now.addingTimeInterval(-900))
            try await store.recordSignInFailure(keys: ["ip:a"], at: now.addingTimeInterval(60), forgetBefore: now.addingTimeInterval(-840))
            try expect(try await store.signInFailures(key: "ip:a", since: now) == [now, now.addingTimeInterval(60)], "oldest first")
            try expect(try await store.signInFailures(key: "ip:a", since: now.addingTimeInterval(1)).count == 1, "since")
            try await store.recordSignInFailure(keys: ["ip:b"], at: now.addingTimeInterval(1000), forgetBefore: now.addingTimeInterval(30))
            try expect(try await store.signInFailures(key: "user:ann", since: .distantPast).isEmpty, "older than the window: forgotten")
            try await store.clearSignInFailures(key: "ip:a")
            try expect(try await store.signInFailures(key: "ip:a", since: .distantPast).isEmpty, "cleared")
            try expect(try await store.signInFailures(key: "ip:b", since: .distantPast).count == 1, "other keys kept")
        },
        Check(name: "a reader's fetch run is saved once while active, unless it went quiet") { store in
            let (ann, _) = try await reader(store)
            try expect(try await store.fetchRun(userID: ann.id) == nil, "no fetch yet")
            var run = FetchRun()
            run.state = .running
            run.total = 3
            try expect(try await store.saveFetchRun(run, userID: ann.id, at: now, onlyIfIdleSince: now.addingTimeInterval(-900)), "first start")
            try expect(try await store.fetchRun(userID: ann.id) == run, "read back")
            var second = FetchRun()
            second.state = .queued
            try expect(!(try await store.saveFetchRun(second, userID: ann.id, at: now.addingTimeInterval(60), onlyIfIdleSince: now.addingTimeInterval(-840))), "refused while active")
            run.done = 1
            try expect(try await store.saveFetchRun(run, userID: ann.id, at: now.addingTimeInterval(120), onlyIfIdleSince: nil), "progress saved")
            try expect(try await store.fetchRun(userID: ann.id)?.done == 1, "progress read back")
            try expect(try await store.saveFetchRun(second, userID: ann.id, at: now.addingTimeInterval(1100), onlyIfIdleSince: now.addingTimeInterval(200)), "a quiet fetch is taken over")
            run.state = .finished
            try await store.saveFetchRun(run, userID: ann.id, at: now.addingTimeInterval(1200), onlyIfIdleSince: nil)
            try expect(try await store.saveFetchRun(second, userID: ann.id, at: now.addingTimeInterval(1210), onlyIfIdleSince: now.addingTimeInterval(1000)), "a finished fetch does not block")
        },
        Check(name: "sessions are replaced and read marks kept once") { store in
            let ann = try await store.createUser(name: "ann", passwordHash: nil, isAdmin: false, now: now)
            try await store.saveSession(Session(secretHash: "s", userID: ann.id, csrfToken: "one", expiresAt: now))
            try await store.saveSession(Session(secretHash: "s", userID: ann.id, csrfToken: "two", expiresAt: now))
            try expect(try await store.session(secretHash: "s")?.csrfToken == "two", "session replaced")
            let (_, subscription) = try await reader(store, "bob")
            let article = try await store.insertArticles([ArticleFactory.newArticle(sourceID: subscription.source.id, itemKey: "1")])[0]
            let storyID = try await storyOf(article, in: store)
            try await store.markRead(storyIDs: [storyID, storyID], userID: ann.id, at: now)
            try await store.markRead(storyIDs: [storyID], userID: ann.id, at: now)
            try expect(try await store.readStoryIDs(userID: ann.id) == [storyID], "read once")
            try await store.setPasswordHash("new", userID: ann.id)
            try expect(try await store.passwordHash(userID: ann.id) == "new", "password hash replaced")
        },
    ]
}
