import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import Testing
@testable import LedeWeb

@Suite struct PageTests {
    @Test func signedInReaderSeesEveryPage() async throws {
        let app = try await WebTestApp.make()
        let seed = app.seed
        try await app.test { client in
            let browser = Browser(client)
            let signIn = try await browser.signIn("local", SeededDatabase.localPassword)
            #expect(signIn.status == .seeOther)
            let today = try await browser.get("/")
            #expect(today.status == .ok)
            #expect(today.body.contains("Your briefing for"))
            #expect(today.body.contains("class=\"cite\""), "citations are links")
            #expect(today.body.contains("/stories/\(seed.storyID)"))
            try await browser.post("/ask", ["question": "How much will Amazon invest in Anthropic?"])
            let conversations = try await browser.get("/conversations")
            let conversationPath = try #require(Browser.firstMatch(#"href="(/conversations/c[0-9a-z]+)""#, in: conversations.body))
            for path in [
                "/briefings", "/stories/\(seed.storyID)", "/sources", "/profile", "/account", "/conversations", conversationPath, "/welcome",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains("<main id=\"main\""), "\(path) has a main landmark")
                #expect(page.body.contains("<h1"), "\(path) has a heading")
            }
        }
    }

    @Test func storyPageShowsExplainerFiguresTimelineSourcesAndAskBox() async throws {
        let app = try await WebTestApp.make()
        let storyID = app.seed.storyID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            let page = try await browser.get("/stories/\(storyID)")
            #expect(page.status == .ok)
            for part in ["Key figures", "Timeline", "Sources", "Ask about this story", "name=\"story\" value=\"\(storyID)\"", "More like this"] {
                #expect(page.body.contains(part), "\(part)")
            }
        }
    }

    @Test func askingShowsACitedAnswer() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/conversations")
            let asked = try await browser.post("/ask", ["question": "How much will Amazon invest in Anthropic?"])
            #expect(asked.status == .seeOther)
            let location = try #require(asked.location)
            let page = try await browser.get(String(location.split(separator: "#")[0]))
            #expect(page.body.contains("answer-sources"), "the answer lists its sources")
            #expect(page.body.contains("class=\"cite\""))
            #expect(page.body.contains("Ask a follow-up"))
        }
    }

    @Test func pastEditionsAreListedAndShown() async throws {
        let app = try await WebTestApp.make()
        let date = app.seed.editionDate
        app.clock.advance(by: 24 * 3600)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            let history = try await browser.get("/briefings?profile=cloud-strategist")
            #expect(history.body.contains("/briefings/\(date)"))
            let edition = try await browser.get("/briefings/\(date)?profile=cloud-strategist")
            #expect(edition.status == .ok)
            #expect(edition.body.contains("Edition of"))
            #expect(try await browser.get("/briefings/1999-01-01").status == .notFound)
            #expect(try await browser.get("/briefings/not-a-date").status == .notFound)
        }
    }

    @Test func signedOutVisitorIsSentToSignIn() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            for path in ["/", "/sources", "/stories/1", "/account"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/login?next=") == true, "\(path)")
            }
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            #expect(login.body.contains("autocomplete=\"current-password\""))
        }
    }

    @Test func newReaderIsWelcomedWithPresetsAndThenSources() async throws {
        let app = try await WebTestApp.make()
        let hash = try await PasswordHasher(cost: 10).hash("carol-password-1")
        _ = try await app.store.createUser(name: "carol", passwordHash: hash, isAdmin: false, now: app.seed.now)
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("carol", "carol-password-1")
            let today = try await browser.get("/")
            #expect(today.location == "/welcome")
            let welcome = try await browser.get("/welcome")
            #expect(welcome.body.contains("Who is your briefing for?"))
            let chosen = try await browser.post("/welcome", ["preset": "venture-investor", "stories": "4"])
            #expect(chosen.location == "/sources?welcome=1")
            let profile = try await browser.get("/profile")
            #expect(profile.body.contains("venture investor"))
        }
    }

    @Test func profileChangesAreSaved() async throws {
        let app = try await WebTestApp.make()
        let userID = app.seed.localID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/profile?profile=cloud-strategist")
            let saved = try await browser.post(
                "/profile", ["name": "cloud-strategist", "role": "CTO", "industry": "cloud", "interests": "AWS\nGPUs", "mutes": "sports", "stories": "3"])
            #expect(saved.status == .seeOther)
            let bad = try await browser.post("/profile", ["name": "cloud-strategist", "stories": "99"])
            #expect(bad.status == .badRequest)
        }
        let profile = try #require(try await app.store.profile(named: "cloud-strategist", userID: userID))
        #expect(profile.role == "CTO")
        #expect(profile.interests == ["AWS", "GPUs"])
        #expect(profile.mutes == ["sports"])
        #expect(profile.storyCount == 3)
    }

    @Test func feedbackButtonsRecordAndShowTheChoice() async throws {
        let app = try await WebTestApp.make()
        let storyID = app.seed.storyID
        let userID = app.seed.localID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/")
            let done = try await browser.post("/stories/\(storyID)/feedback", ["kind": "more", "return": "/#story-\(storyID)"])
            #expect(done.location == "/#story-\(storyID)")
            let today = try await browser.get("/")
            #expect(today.body.contains("value=\"more\" class=\"chip\" aria-pressed=\"true\""))
        }
        #expect(try await app.store.feedback(userID: userID).contains { $0.storyID == storyID && $0.kind == .more })
    }

    @Test func sourcesExportAsOPMLAndImportFromAFile() async throws {
        let app = try await WebTestApp.make()
        let bobID = app.seed.bobID
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("bob", SeededDatabase.bobPassword)
            try await browser.get("/sources")
            let csrf = try #require(browser.csrf)
            let opml = """
                <?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
                <outline text="Tech"><outline text="One" type="rss" xmlUrl="https://one.example/feed.xml"/></outline>
                <outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/></body></opml>
                """
            let boundary = "lede-test-boundary"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"subs.opml\"\r\nContent-Type: text/x-opml\r\n\r\n\(opml)\r\n--\(boundary)--\r\n"
            let imported = try await browser.send(
                "/sources/import", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: body))
            #expect(imported.location == "/sources?imported=1")
            let export = try await browser.get("/sources/export.opml")
            #expect(export.headers[.contentType]?.hasPrefix("text/x-opml") == true)
            #expect(export.body.contains("xmlUrl=\"https://one.example/feed.xml\""))
            #expect(export.body.contains("text=\"Tech\""))
            #expect(!export.body.contains("javascript:"))
        }
        #expect(try await app.store.subscriptions(userID: bobID).map(\.folder).contains("Tech"))
    }

    @Test func unknownPagesGetAFriendly404() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            let page = try await browser.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.body.contains("Not found"))
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test func feedTextIsEscapedInPages() async throws {
        let app = try await WebTestApp.make()
        try await app.test { client in
            let browser = Browser(client)
            try await browser.signIn("local", SeededDatabase.localPassword)
            try await browser.get("/conversations")
            let asked = try await browser.post("/ask", ["question": "<script>alert('x')</script> Amazon?"])
            let page = try await browser.get(String(try #require(asked.location).split(separator: "#")[0]))
            #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>alert"))
        }
    }
}
