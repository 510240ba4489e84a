import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import LedeFeeds
import Testing
@testable import LedeWeb

@Suite struct FeedsOutTests {
    @Test func editionFeedsParseBackAndStopWhenRevoked() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/account")
            let created = try await browser.post("/account/feeds", ["profile": "cloud-strategist"])
            let atomURL = try #require(Browser.firstMatch(#"id="feed-atom" type="text" readonly value="([^"]+)""#, in: created.body))
            let jsonURL = try #require(Browser.firstMatch(#"id="feed-json" type="text" readonly value="([^"]+)""#, in: created.body))
            let atomPath = String(try #require(URLComponents(string: atomURL)?.path))
            let jsonPath = String(try #require(URLComponents(string: jsonURL)?.path))
            let reader = Browser(client)  // a feed reader: no cookies
            let atom = try await reader.get(atomPath)
            #expect(atom.status == .ok)
            #expect(atom.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            let parsedAtom = try FeedParser().parse(Array(atom.body.utf8), url: URL(string: atomURL), contentType: atom.headers[.contentType])
            #expect(parsedAtom.isWellFormed)
            #expect(!parsedAtom.items.isEmpty)
            #expect(parsedAtom.items.allSatisfy { $0.id != nil && $0.title != nil && $0.updated != nil })
            let json = try await reader.get(jsonPath)
            #expect(json.headers[.contentType]?.hasPrefix("application/feed+json") == true)
            let parsedJSON = try FeedParser().parse(Array(json.body.utf8), url: URL(string: jsonURL), contentType: json.headers[.contentType])
            #expect(parsedJSON.items.count == parsedAtom.items.count)
            #expect(parsedJSON.items.map(\.title) == parsedAtom.items.map(\.title))
            let account = try await browser.get("/account")
            let id = try #require(Browser.firstMatch(#"/account/tokens/([0-9]+)/revoke"#, in: account.body))
            try await browser.post("/account/tokens/\(id)/revoke")
            #expect(try await reader.get(atomPath).status == .notFound)
            #expect(try await reader.get(jsonPath).status == .notFound)
        }
    }

    @Test func sharedStoryIsPublicAndShowsOnlyThatStory() async throws {
        let app = try await WebTestApp.make()
        let storyID = app.seed.storyID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/stories/\(storyID)")
            let shared = try await browser.post("/stories/\(storyID)/share")
            let link = try #require(Browser.firstMatch(#"id="share-link" type="text" readonly value="([^"]+)""#, in: shared.body))
            let path = String(try #require(URLComponents(string: link)?.path))
            let stranger = Browser(client)
            let page = try await stranger.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("Shared from Lede"))
            #expect(!page.body.contains("<form"), "no forms, no navigation")
            #expect(!page.body.contains("Past editions"))
            #expect(page.body.contains("class=\"cite\""))
            #expect(page.headers[HeaderNames.robotsTag]?.contains("noindex") == true)
            #expect(try await stranger.get("/shared/" + SecretToken.generate()).status == .notFound)
            let account = try await browser.get("/account")
            let id = try #require(Browser.firstMatch(#"/account/tokens/([0-9]+)/revoke"#, in: account.body))
            try await browser.post("/account/tokens/\(id)/revoke")
            #expect(try await stranger.get(path).status == .notFound)
        }
    }
}
