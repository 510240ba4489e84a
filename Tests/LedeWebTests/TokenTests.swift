import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import Testing
@testable import LedeWeb

@Suite struct TokenTests {
    @Test func apiNeedsAValidBearerToken() async throws {
        let app = try await WebTestApp.make()
        let token = try await app.token(for: app.seed.localID)
        try await app.test { client in
            let missing = try await client.api("/api/v1/sources", token: nil)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(missing.body.contains("\"code\":\"unauthorized\""))
            #expect(try await client.api("/api/v1/sources", token: SecretToken.generate()).status == .unauthorized)
            #expect(try await client.api("/api/v1/sources", token: "short").status == .unauthorized)
            #expect(try await client.api("/api/v1/sources", token: token).status == .ok)
        }
    }

    @Test func sessionCookiesDoNotOpenTheAPI() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            #expect(try await browser.get("/api/v1/sources").status == .unauthorized)
        }
    }

    @Test func tokensCreatedOnTheAccountPageWorkOnceShownAndStopWhenRevoked() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/account")
            let created = try await browser.post("/account/tokens", ["name": "laptop"])
            let token = try #require(Browser.firstMatch(#"id="new-token" type="text" readonly value="([^"]+)""#, in: created.body))
            #expect(try await client.api("/api/v1/profile", token: token).status == .ok)
            let account = try await browser.get("/account")
            #expect(!account.body.contains(token), "shown once")
            let id = try #require(Browser.firstMatch(#"/account/tokens/([0-9]+)/revoke"#, in: account.body))
            #expect(try await browser.post("/account/tokens/\(id)/revoke").location == "/account?notice=revoked")
            #expect(try await client.api("/api/v1/profile", token: token).status == .unauthorized)
        }
    }

    @Test func aShareLinkIsNoAPIToken() async throws {
        let app = try await WebTestApp.make()
        let storyID = app.seed.storyID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/stories/\(storyID)")
            let shared = try await browser.post("/stories/\(storyID)/share")
            let link = try #require(Browser.firstMatch(#"id="share-link" type="text" readonly value="([^"]+)""#, in: shared.body))
            let token = try #require(link.split(separator: "/").last.map(String.init))
            #expect(try await client.api("/api/v1/sources", token: token).status == .unauthorized)
            #expect(try await client.api("/api/v1/sources", token: "share:" + token).status == .unauthorized)
        }
    }
}
