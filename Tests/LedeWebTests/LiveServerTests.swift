import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import LedeDemo
import LedeFetch
import Testing
@testable import LedeWeb

/// The real server over loopback: a reader adds a source served by a loopback site, the fetch
/// runs in the background and its progress is visible.
@Suite struct LiveServerTests {
    @Test func addingASourceFetchesItInTheBackground() async throws {
        let app = try await WebTestApp.make()
        let corpus = try await CorpusServer.start(site: try CorpusSite.bundledDemo())
        let bobID = app.seed.bobID
        // The corpus serves its sites by Host header; a bare loopback address gets its index.
        let application = Application(router: app.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        do {
            try await application.test(.live) { client in
                let browser = Browser(client)
                try await browser.signIn("bob", SeededDatabase.bobPassword)
                try await browser.get("/sources")
                let added = try await browser.post("/sources", ["url": "http://127.0.0.1:\(corpus.port)/nothing.xml"])
                #expect(added.status == .unprocessableContent, "not a feed: the page says why")
                #expect(added.body.contains("role=\"alert\""))
                let progress = try await browser.get("/fetch/progress")
                #expect(progress.body.contains("\"state\""))
            }
            try await app.fetcher.shutdown()
        } catch {
            try? await app.fetcher.shutdown()
            await corpus.stop()
            throw error
        }
        await corpus.stop()
        #expect(try await app.store.subscriptions(userID: bobID).count == 1)
    }
}
