import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import LedeSQLite
import Testing
@testable import LedeWeb

@Suite struct SecurityTests {
    @Test func signInSetsAnHttpOnlyLaxCookieAndStoresOnlyItsHash() async throws {
        let app = try await WebTestApp.make()
        let cookie = try await app.test { client in
            let browser = Browser(client)
            let page = try await browser.signIn("local", SeededDatabase.localPassword)
            let header = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("lede_session=") })
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
            #expect(!header.contains("Secure"), "plain http without --secure-cookies")
            return try #require(browser.cookies["lede_session"])
        }
        #expect(cookie.utf8.count == 43, "32 random bytes")
        #expect(try await app.store.session(secretHash: cookie) == nil, "the secret itself is not stored")
        #expect(try await app.store.session(secretHash: SecretToken.hash(cookie, kind: .session)) != nil)
    }

    @Test func secureCookiesOptionMarksTheCookieSecure() async throws {
        let app = try await WebTestApp.make { $0.secureCookies = true }
        try await app.test { client in
            let page = try await Browser(client).signIn("local", SeededDatabase.localPassword)
            #expect(page.headers[values: .setCookie].contains { $0.hasPrefix("lede_session=") && $0.contains("Secure") })
        }
    }

    @Test func wrongPasswordIsRefused() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            let page = try await browser.signIn("local", "not-the-password")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("Wrong name or password"))
            #expect(browser.cookies["lede_session"] == nil)
            #expect(try await browser.signIn("nobody", "whatever-password").status == .unauthorized)
        }
    }

    @Test func signInIsRateLimitedPerUserName() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            for _ in 0..<5 { #expect(try await browser.signIn("local", "wrong-password-x").status == .unauthorized) }
            let limited = try await browser.signIn("local", SeededDatabase.localPassword)
            #expect(limited.status == .tooManyRequests, "even the right password waits")
            #expect(limited.headers[.retryAfter] != nil)
            #expect(limited.body.contains("Too many failed sign-ins"))
            // Router tests have no client address, so all attempts share one: it is limited too.
            #expect(try await browser.signIn("bob", SeededDatabase.bobPassword).status == .tooManyRequests, "the same address is limited")
        }
    }

    @Test func rateLimitWindowPassesWithTime() async throws {
        let store = try SQLiteStore.inMemory()
        let limiter = LoginRateLimiter(store: store, limit: 5, window: 900)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for second in 0..<5 { try await limiter.recordFailure(address: "10.0.0.1", userName: "ann", now: start.addingTimeInterval(Double(second))) }
        #expect(try await limiter.retryAfter(address: "10.0.0.2", userName: "ann", now: start.addingTimeInterval(10)) != nil, "per name")
        #expect(try await limiter.retryAfter(address: "10.0.0.1", userName: "zed", now: start.addingTimeInterval(10)) != nil, "per address")
        // A second server on the same database sees the same failures.
        let otherServer = LoginRateLimiter(store: store, limit: 5, window: 900)
        #expect(try await otherServer.retryAfter(address: "10.0.0.9", userName: "ann", now: start.addingTimeInterval(10)) != nil, "shared")
        #expect(try await limiter.retryAfter(address: "10.0.0.1", userName: "ann", now: start.addingTimeInterval(905)) == nil)
        try await limiter.recordSuccess(userName: "ann")
        #expect(try await store.signInFailures(key: "user:ann", since: start).isEmpty, "a success clears the name")
        #expect(try await store.signInFailures(key: "ip:10.0.0.1", since: start).count == 5, "but not the address")
    }

    @Test func expiredSessionSendsTheReaderBackToSignIn() async throws {
        let app = try await WebTestApp.make { $0.sessionLifetime = 3600 }
        let clock = app.clock
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            #expect(try await browser.get("/sources").status == .ok)
            clock.advance(by: 3601)
            let page = try await browser.get("/sources")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/login") == true)
        }
    }

    @Test func signOutEndsTheSession() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            let secret = try #require(browser.cookies["lede_session"])
            try await browser.get("/")
            #expect(try await browser.post("/logout").location == "/login")
            browser.setCookie("lede_session", secret)
            #expect(try await browser.get("/").status == .seeOther, "the old cookie no longer works")
        }
    }

    @Test func formsWithoutTheSessionsCSRFTokenAreRejected() async throws {
        let app = try await WebTestApp.make()
        let storyID = app.seed.storyID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/")
            // Every POST route of the pages (the sign-in form has its own check, below).
            let formPaths = [
                "/stories/\(storyID)/feedback", "/stories/\(storyID)/share", "/sources", "/sources/import", "/sources/1/remove", "/sources/1/retry",
                "/fetch", "/ask", "/profile", "/welcome", "/account/tokens", "/account/feeds", "/account/tokens/1/revoke", "/account/password", "/logout",
            ]
            for path in formPaths {
                #expect(try await browser.post(path, ["kind": "more", "question": "x"], csrf: "").status == .forbidden, "\(path) without token")
                #expect(try await browser.post(path, ["kind": "more", "question": "x"], csrf: SecretToken.generate()).status == .forbidden, "\(path) with another token")
            }
            let crossSite = try await browser.post("/stories/\(storyID)/feedback", ["kind": "mute"], headers: [.origin: "https://evil.example"])
            #expect(crossSite.status == .forbidden, "a cross-site origin is refused even with the token")
            #expect(try await browser.post("/stories/\(storyID)/feedback", ["kind": "mute"]).status == .seeOther, "the real form works")
            // Browsers send `Origin: null` for same-site forms under `Referrer-Policy: no-referrer`.
            let nullOrigin = try await browser.post("/stories/\(storyID)/feedback", ["kind": "more"], headers: [.origin: "null"])
            #expect(nullOrigin.status == .seeOther)
        }
    }

    @Test func signInFormNeedsItsOwnCSRFCookie() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            let page = try await browser.post("/login", ["name": "local", "password": SeededDatabase.localPassword], csrf: "forged")
            #expect(page.status == .forbidden)
        }
    }

    @Test func signInOnlyRedirectsWithinTheSite() {
        #expect(SessionController.safeNext("/sources") == "/sources")
        #expect(SessionController.safeNext("//evil.example/") == "/")
        #expect(SessionController.safeNext("https://evil.example/") == "/")
        #expect(SessionController.safeNext("/\\evil.example") == "/")
    }

    static let headerPaths = [
        "/", "/login", "/static/lede.css", "/static/lede.js", "/api/openapi.json", "/api/v1/sources", "/nowhere", "/shared/nope",
        "/feeds/nope/edition.atom", "/healthz",
    ]

    @Test(arguments: headerPaths) func everyResponseCarriesTheSecurityHeaders(path: String) async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let response = try await client.execute(uri: path, method: .get)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'self'"))
            #expect(policy.contains("script-src 'self'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[HeaderNames.referrerPolicy] == "no-referrer")
            #expect(response.headers[HeaderNames.frameOptions] == "DENY")
        }
    }

    @Test func pagesHaveNoInlineScriptsOrStyles() async throws {
        let app = try await WebTestApp.make()
        let storyID = app.seed.storyID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            for path in ["/", "/stories/\(storyID)", "/sources", "/profile", "/account", "/login"] {
                let body = try await browser.get(path).body
                #expect(!body.contains("style=\""), "\(path)")
                #expect(!body.contains("<style"), "\(path)")
                #expect(!body.contains("<script>"), "\(path)")
                #expect(!body.contains(" onclick="), "\(path)")
            }
        }
    }

    @Test func secretsAreRandomAndHashedPerKind() {
        let first = SecretToken.generate()
        #expect(first != SecretToken.generate())
        #expect(SecretToken.looksValid(first))
        #expect(SecretToken.hash(first, kind: .api) != SecretToken.hash(first, kind: .share))
        #expect(SecretToken.hash(first, kind: .api).count == 64)
    }
}
