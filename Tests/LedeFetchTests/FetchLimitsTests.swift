import Foundation
import LedeFetch
import Testing

/// Servers that send too much, too slowly, or redirect too often: each must end in its own
/// typed error, on time.
@Suite(.timeLimit(.minutes(1)))
struct FetchLimitsTests {
    @Test func smallGzipBodyThatExpandsPastTheCapIsRefused() async throws {
        let bomb = try FetchTesting.fixture("gzip-bomb-10MiB.gz")
        #expect(bomb.count < 12 * 1024)
        try await FetchTesting.withServer({ _ in
            .respond(status: 200, headers: [("Content-Encoding", "gzip"), ("Content-Type", "text/html")], body: bomb)
        }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/article"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .page)) }
            #expect(error as? FetchError == .tooLarge(url: url, limit: 5 * 1024 * 1024))
        }
    }

    @Test func feedCapIsConfigurableAndCountedAfterDecompression() async throws {
        let compressed = try FetchTesting.fixture("compressed-feed.xml.gz")
        try await FetchTesting.withServer(
            { _ in .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: compressed) },
            configure: {
                configuration, _ in
                // Larger than the compressed body, smaller than the feed it expands to.
                configuration.maximumFeedBytes = 4096
            }
        ) { fetcher, server in
            #expect(compressed.count < 4096)
            let url = "http://127.0.0.1:\(server.port)/feed"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
            #expect(error as? FetchError == .tooLarge(url: url, limit: 4096))
        }
    }

    @Test func bodyWithoutLengthThatNeverEndsIsCutOffAtTheCap() async throws {
        try await FetchTesting.withServer(
            { _ in .endless() },
            configure: { configuration, _ in
                configuration.maximumFeedBytes = 1024 * 1024
            }
        ) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/feed"
            let elapsed = await FetchTesting.measure {
                let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
                #expect(error as? FetchError == .tooLarge(url: url, limit: 1024 * 1024))
            }
            #expect(elapsed < .seconds(10))
        }
    }

    @Test func declaredLengthOverTheCapIsRefusedBeforeReading() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 200, headers: [("Content-Length", "\(64 * 1024 * 1024)")]) }) {
            fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/huge"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .page)) }
            #expect(error as? FetchError == .tooLarge(url: url, limit: 5 * 1024 * 1024))
        }
    }

    @Test func serverTricklingOneByteAtATimeIsCutOffAtTheDeadline() async throws {
        try await FetchTesting.withServer(
            { _ in .trickle(interval: .milliseconds(250)) },
            configure: { configuration, _ in
                configuration.timeout = .seconds(1)
            }
        ) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/slow-feed"
            let elapsed = await FetchTesting.measure {
                let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
                #expect(error as? FetchError == .timedOut(url: url, seconds: 1))
                #expect((error as? FetchError)?.isTransient == true)
            }
            // Generous upper bound: the machine may be busy; hanging is what must not happen.
            #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(5))
        }
    }

    @Test func serverThatNeverAnswersIsCutOffAtTheDeadline() async throws {
        try await FetchTesting.withServer(
            { _ in .silence },
            configure: { configuration, _ in
                configuration.timeout = .milliseconds(800)
            }
        ) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/feed"
            let elapsed = await FetchTesting.measure {
                let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
                #expect(error as? FetchError == .timedOut(url: url, seconds: 1))
            }
            #expect(elapsed < .seconds(5))
        }
    }

    @Test func oneDeadlineCoversAllRedirects() async throws {
        // Each hop alone is well within the deadline; together they are not.
        try await FetchTesting.withServer(
            { request in
                let step = Int(request.uri.split(separator: "/").last ?? "") ?? 0
                return .after(.milliseconds(300), .respond(status: 302, headers: [("Location", "/hop/\(step + 1)")]))
            },
            configure: { configuration, _ in
                configuration.timeout = .seconds(1)
            }
        ) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/hop/0"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .page)) }
            #expect(error as? FetchError == .timedOut(url: url, seconds: 1))
            #expect(server.requests.count <= 4)
        }
    }

    /// `/count/N` redirects to `/count/N-1`; `/count/0` is the page.
    static func countdown(_ request: MisbehavingServer.Request) -> MisbehavingServer.Reply {
        let step = Int(request.uri.split(separator: "/").last ?? "") ?? 0
        if step == 0 { return .respond(status: 200, body: Array("arrived".utf8)) }
        let status = [301, 302, 303, 307, 308][step % 5]
        return .respond(status: status, headers: [("Location", "/count/\(step - 1)")])
    }

    @Test func fiveRedirectsAreFollowed() async throws {
        try await FetchTesting.withServer(Self.countdown) { fetcher, server in
            let response = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)/count/5", kind: .page))
            #expect(response.body == Data("arrived".utf8))
            #expect(response.finalURL == "http://127.0.0.1:\(server.port)/count/0")
            #expect(server.requests.count == 6)
        }
    }

    @Test func sixRedirectsAreTooMany() async throws {
        try await FetchTesting.withServer(Self.countdown) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/count/6"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .page)) }
            #expect(error as? FetchError == .tooManyRedirects(url: url, limit: 5))
            // The request after the fifth redirect is never made.
            #expect(server.requests.count == 6)
            #expect(!server.requests.contains { $0.uri == "/count/0" })
        }
    }

    @Test func redirectLoopIsRefused() async throws {
        // `/b` points back at `/a` in another spelling (absolute, upper-case host); the loop
        // is recognised on the canonical URL.
        try await FetchTesting.withServer(
            { request in
                let back = "http://LOCALHOST.TEST./a"
                return .respond(status: 302, headers: [("Location", request.uri == "/a" ? "/b" : back)])
            },
            configure: { configuration, server in
                configuration.hostOverrides["localhost.test"] = .init(host: "127.0.0.1", port: server.port)
            }
        ) { fetcher, server in
            let url = "http://localhost.test/a"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
            #expect(error as? FetchError == .redirectLoop(url: url))
            #expect(server.requests.map(\.uri) == ["/a", "/b"])
        }
    }

    @Test func redirectWithoutLocationIsAnHTTPError() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 302) }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
            #expect(error as? FetchError == .httpStatus(url: url, status: 302, retryAfter: nil))
        }
    }

    @Test func tooManyRequestsCarriesRetryAfterInSeconds() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 429, headers: [("Retry-After", "120")]) }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/feed"
            let error = try #require(
                await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) } as? FetchError)
            #expect(error == .httpStatus(url: url, status: 429, retryAfter: 120))
            #expect(error.retryAfter == 120)
            #expect(error.isTransient)
        }
    }

    @Test func unavailableCarriesRetryAfterAsAnHTTPDate() async throws {
        // Measured from the response's own Date, so the server's clock does not matter.
        try await FetchTesting.withServer({ _ in
            .respond(status: 503, headers: [("Date", "Wed, 21 Oct 2015 07:28:00 GMT"), ("Retry-After", "Wed, 21 Oct 2015 07:29:30 GMT")])
        }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/feed"
            let error = try #require(
                await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) } as? FetchError)
            #expect(error == .httpStatus(url: url, status: 503, retryAfter: 90))
            #expect(error.retryAfter == 90)
            #expect(error.isTransient)
        }
    }

    @Test func retryAfterIsOnlyReadOn429And503() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 500, headers: [("Retry-After", "60")]) }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/feed"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
            #expect(error as? FetchError == .httpStatus(url: url, status: 500, retryAfter: nil))
        }
    }
}
