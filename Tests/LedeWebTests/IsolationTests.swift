import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import Testing
@testable import LedeWeb

/// Two readers: `local` owns the demo's sources, stories, editions, conversations and tokens;
/// `bob` follows one feed of his own. Every route that takes an id answers bob with 404 for
/// local's ids, page by page and endpoint by endpoint, and changes nothing.
@Suite struct IsolationTests {
    struct LocalIDs: Sendable {
        var story: Int64
        var subscription: Int64
        var conversation: String
        var token: Int64
        var date: String
    }

    static func prepare(_ app: WebTestApp) async throws -> LocalIDs {
        let local = app.seed.localID
        let answer = try await AskServiceFixture.ask(app, userID: local)
        let subscription = try #require(try await app.store.subscriptions(userID: local).first)
        let token = try await app.store.addToken(userID: local, name: "local's", tokenHash: SecretToken.hash(SecretToken.generate(), kind: .api), now: app.seed.now)
        return LocalIDs(story: app.seed.storyID, subscription: subscription.id, conversation: answer, token: token.id, date: app.seed.editionDate)
    }

    @Test func pagesAnswerAnotherReadersIdsWithNotFound() async throws {
        let app = try await WebTestApp.make()
        let ids = try await Self.prepare(app)
        app.clock.advance(by: 24 * 3600)
        let local = app.seed.localID
        let before = try await app.store.subscriptions(userID: local).count
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("bob", SeededDatabase.bobPassword)
            try await browser.get("/sources")
            // Profiles are named per reader: local's profile name means nothing to bob.
            let gets = [
                "/stories/\(ids.story)", "/conversations/\(ids.conversation)", "/briefings/\(ids.date)", "/briefings/\(ids.date)?profile=cloud-strategist",
                "/?profile=cloud-strategist", "/profile?profile=cloud-strategist",
            ]
            for path in gets {
                #expect(try await browser.get(path).status == .notFound, "GET \(path)")
            }
            let posts: [(String, [String: String])] = [
                ("/stories/\(ids.story)/feedback", ["kind": "mute"]),
                ("/stories/\(ids.story)/share", [:]),
                ("/sources/\(ids.subscription)/remove", [:]),
                ("/sources/\(ids.subscription)/retry", [:]),
                ("/account/tokens/\(ids.token)/revoke", [:]),
                ("/ask", ["question": "What happened?", "conversation": ids.conversation]),
                ("/ask", ["question": "What happened?", "story": String(ids.story)]),
            ]
            for (path, form) in posts {
                #expect(try await browser.post(path, form).status == .notFound, "POST \(path)")
            }
        }
        #expect(try await app.store.subscriptions(userID: local).count == before, "local still follows everything")
        #expect(try await app.store.tokens(userID: local).contains { $0.id == ids.token }, "local's token survives")
        #expect(try await app.store.feedback(userID: app.seed.bobID).isEmpty)
    }

    @Test func apiAnswersAnotherReadersIdsWithNotFound() async throws {
        let app = try await WebTestApp.make()
        let ids = try await Self.prepare(app)
        app.clock.advance(by: 24 * 3600)
        let bobToken = try await app.token(for: app.seed.bobID)
        try await app.test { client in
            let calls: [(String, HTTPRequest.Method, String?)] = [
                ("/api/v1/sources/\(ids.subscription)", .get, nil),
                ("/api/v1/sources/\(ids.subscription)", .delete, nil),
                ("/api/v1/sources/\(ids.subscription)/retry", .post, nil),
                ("/api/v1/stories/\(ids.story)", .get, nil),
                ("/api/v1/stories/\(ids.story)/feedback", .post, #"{"kind":"mute"}"#),
                ("/api/v1/conversations/\(ids.conversation)", .get, nil),
                ("/api/v1/ask", .post, #"{"question":"What happened?","conversation":"\#(ids.conversation)"}"#),
                ("/api/v1/ask", .post, #"{"question":"What happened?","story":\#(ids.story)}"#),
                ("/api/v1/briefings/\(ids.date)", .get, nil),
                ("/api/v1/briefings/\(ids.date)?profile=cloud-strategist", .get, nil),
                ("/api/v1/briefings/today?profile=cloud-strategist", .get, nil),
                ("/api/v1/profile?profile=cloud-strategist", .get, nil),
            ]
            for (path, method, body) in calls {
                let response = try await client.api(path, method: method, token: bobToken, json: body)
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(response.body.contains("\"code\":\"not_found\""), "\(method) \(path)")
            }
            let stories = try await client.api("/api/v1/stories?days=365", token: bobToken)
            #expect(stories.body.contains("\"items\":[]"), "bob's feeds told no stories")
        }
    }
}

/// Puts a conversation in the store for a reader.
enum AskServiceFixture {
    static func ask(_ app: WebTestApp, userID: Int64) async throws -> String {
        try await LedeEngineAsk.ask(store: app.store, question: "How much will Amazon invest in Anthropic?", userID: userID, now: app.seed.now)
    }
}
