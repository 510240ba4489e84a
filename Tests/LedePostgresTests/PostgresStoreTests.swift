import Foundation
import LedeCore
import LedeTestSupport
import PostgresNIO
import Testing

@testable import LedePostgres

@Suite(.enabled(if: TestServer.url != nil, Comment(rawValue: TestServer.skipMessage)))
struct PostgresStoreTests {
    @Test(arguments: StoreConformance.checks)
    func conformsToTheStoreSuite(check: StoreConformance.Check) async throws {
        try await TestServer.withFreshStore { store in
            try await check.run(store)
        }
    }

    @Test func aNewDatabaseHasTheLocalReaderAsUserOne() async throws {
        try await TestServer.withFreshStore { store in
            let users = try await store.users()
            #expect(users.map(\.id) == [1] && users.first?.name == User.localName && users.first?.isAdmin == true)
            #expect(try await store.localUser().id == 1)
            let next = try await store.createUser(name: "ann", passwordHash: nil, isAdmin: false, now: Date())
            #expect(next.id == 2)
        }
    }

    @Test func opensThroughTheConvenienceThatMigratesAtOnce() async throws {
        try await TestServer.withFreshDatabase { url in
            let store = try await PostgresStore.open(url: url)
            let subscription = try await store.subscribe(userID: 1, feedURL: "https://a.example/feed", title: "A", folder: "News", now: Date())
            #expect(subscription.source.title == "A" && subscription.folder == "News" && subscription.title == nil)
            await store.shutdown()
        }
    }

    @Test func largeBatchesAreInsertedAcrossSeveralStatements() async throws {
        try await TestServer.withFreshStore { store in
            let user = try await store.localUser()
            let source = try await store.subscribe(userID: user.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: Date()).source
            let count = PostgresStore.articlesPerStatement * 2 + 7
            let articles = (0..<count).map { index in
                ArticleFactory.newArticle(
                    sourceID: source.id, itemKey: "\(index)", text: "Paragraph \(index) about turbines.\n\nSecond paragraph \(index).",
                    published: ArticleFactory.baseDate.addingTimeInterval(Double(index)))
            }
            let stored = try await store.insertArticles(articles)
            #expect(stored.count == count)
            #expect(stored.map(\.id) == stored.map(\.id).sorted(), "ids follow the order of the batch")
            #expect(try await store.articleCount() == count)
            #expect(try await store.documentFrequencies().documentCount == count)
            #expect(try await store.articles(ids: [stored[count - 1].id]).first?.itemKey == "\(count - 1)")
            let hits = try await store.searchPassages(PassageQuery(terms: ["turbines"], limit: 5))
            #expect(hits.count == 5 && hits.allSatisfy { $0.position == 0 })
        }
    }

    @Test func searchPutsParagraphsWithRareWordsFirst() async throws {
        try await TestServer.withFreshStore { store in
            let user = try await store.localUser()
            let source = try await store.subscribe(userID: user.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: Date()).source
            var articles = (0..<6).map { index in
                ArticleFactory.newArticle(sourceID: source.id, itemKey: "common-\(index)", text: "The grid added capacity again in week \(index).")
            }
            articles.append(ArticleFactory.newArticle(sourceID: source.id, itemKey: "rare", text: "Kilnworks raised money for its chips."))
            _ = try await store.insertArticles(articles)
            let hits = try await store.searchPassages(PassageQuery(terms: ["kilnworks", "capacity"]))
            #expect(hits.count == 7)
            #expect(hits.first?.text.hasPrefix("Kilnworks") == true)
            #expect(hits.allSatisfy { $0.relevance > 0 })
            #expect(try await store.searchPassages(PassageQuery(terms: ["the", "!!"])).isEmpty, "stopwords and punctuation match nothing")
        }
    }

    @Test func aMissingDatabaseIsReportedWithWhatToDo() async throws {
        let serverURL = try #require(TestServer.url)
        var components = try #require(URLComponents(string: serverURL))
        components.path = "/lede_no_such_database"
        let store = try PostgresStore(url: try #require(components.string))
        let error = await #expect(throws: StoreError.self) { try await store.users() }
        guard case .unavailable(let reason)? = error else {
            Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("lede_no_such_database") && reason.contains("createdb"))
        await store.shutdown()
    }
}
