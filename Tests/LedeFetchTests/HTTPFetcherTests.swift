import Foundation
import LedeFetch
import Testing

@Suite(.timeLimit(.minutes(1)))
struct HTTPFetcherTests {
    static let feed = Array("<rss version=\"2.0\"><channel><title>Gazette</title></channel></rss>".utf8)

    @Test func conditionalGetRoundTripReturnsNotModifiedWithTheValidators() async throws {
        let lastModified = "Tue, 04 Nov 2025 10:00:00 GMT"
        try await FetchTesting.withServer({ request in
            if request.header("If-None-Match") == "\"v1\"" {
                return .respond(status: 304, headers: [("ETag", "\"v1\""), ("Last-Modified", lastModified)])
            }
            return .respond(
                status: 200, headers: [("ETag", "\"v1\""), ("Last-Modified", lastModified), ("Content-Type", "application/rss+xml")],
                body: Self.feed)
        }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/feed.xml"
            let first = try await fetcher.fetch(FetchRequest(url: url, kind: .feed))
            #expect(first.status == 200 && !first.notModified)
            #expect(first.body == Data(Self.feed))
            #expect(first.etag == "\"v1\"" && first.lastModified == lastModified)
            #expect(first.contentType == "application/rss+xml")

            let second = try await fetcher.fetch(FetchRequest(url: url, kind: .feed, etag: first.etag, lastModified: first.lastModified))
            #expect(second.status == 304 && second.notModified && second.body.isEmpty)
            #expect(second.etag == "\"v1\"" && second.lastModified == lastModified)
            // Found by its validator rather than as the last request: on a loaded machine a
            // first attempt given up on can reach the server after the second fetch.
            let conditional = try #require(server.requests.first { $0.header("If-None-Match") != nil })
            #expect(conditional.header("If-None-Match") == "\"v1\"")
            #expect(conditional.header("If-Modified-Since") == lastModified)
            #expect(server.requests.first?.header("If-None-Match") == nil)
        }
    }

    @Test func notModifiedWithoutValidatorsKeepsTheOnesSent() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 304) }) { fetcher, server in
            let response = try await fetcher.fetch(
                FetchRequest(
                    url: "http://127.0.0.1:\(server.port)/feed", kind: .feed, etag: "W/\"7\"", lastModified: "Mon, 03 Nov 2025 09:00:00 GMT"
                ))
            #expect(response.notModified)
            #expect(response.etag == "W/\"7\"" && response.lastModified == "Mon, 03 Nov 2025 09:00:00 GMT")
        }
    }

    @Test(arguments: [("gzip", "compressed-feed.xml.gz"), ("deflate", "compressed-feed.xml.zlib")])
    func decodesCompressedBodies(encoding: String, fixture: String) async throws {
        let compressed = try FetchTesting.fixture(fixture)
        let expected = try FetchTesting.fixture("compressed-feed.xml")
        try await FetchTesting.withServer({ _ in
            .respond(status: 200, headers: [("Content-Encoding", encoding), ("Content-Type", "application/rss+xml")], body: compressed)
        }) { fetcher, server in
            let response = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)/feed", kind: .feed))
            #expect(response.body == Data(expected))
            #expect(server.requests.first?.header("Accept-Encoding") == "gzip, deflate")
        }
    }

    @Test func corruptCompressedBodyIsAConnectionFailure() async throws {
        try await FetchTesting.withServer({ _ in
            .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: Array("this is not gzip at all".utf8))
        }) { fetcher, server in
            let error = await FetchTesting.error {
                try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)/", kind: .page))
            }
            guard case .connectionFailed = try #require(error as? FetchError) else {
                Issue.record("expected connectionFailed, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func bodyInAnEncodingNotAskedForIsRefused() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 200, headers: [("Content-Encoding", "br")], body: [1, 2, 3]) }) {
            fetcher, server in
            let error = await FetchTesting.error {
                try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)/", kind: .page))
            }
            #expect((error as? FetchError)?.description.contains("encoded as br") == true)
        }
    }

    @Test func sendsAUserAgentThatNamesLedeAndAcceptsFeeds() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 200, body: Self.feed) }) { fetcher, server in
            _ = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)/feed", kind: .feed))
            let request = try #require(server.requests.first)
            #expect(request.header("User-Agent")?.hasPrefix("Lede/") == true)
            #expect(request.header("Accept")?.contains("application/rss+xml") == true)
        }
    }

    @Test func namesTheSiteInTheHostHeaderWhileConnectingToItsCheckedAddress() async throws {
        try await FetchTesting.withServer(
            { _ in .respond(status: 200, body: Self.feed) },
            configure: { configuration, server in
                configuration.hostOverrides["news.test"] = .init(host: "127.0.0.1", port: server.port)
            }
        ) { fetcher, server in
            let response = try await fetcher.fetch(FetchRequest(url: "http://News.Test./feed?page=2", kind: .feed))
            #expect(response.connectedAddress == "127.0.0.1")
            #expect(response.finalURL == "http://News.Test./feed?page=2")
            let request = try #require(server.requests.first)
            #expect(request.header("Host") == "news.test")
            #expect(request.uri == "/feed?page=2")
        }
    }

    @Test func reusesOneConnectionForRepeatedPlainHTTPRequests() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 200, body: Self.feed) }) { fetcher, server in
            for path in ["/a", "/b", "/c", "/d"] {
                _ = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)\(path)", kind: .page))
            }
            #expect(server.requests.count == 4)
            #expect(server.connectionCount == 1)
        }
    }

    @Test func credentialsInTheURLGoToItsOwnOriginOnly() async throws {
        try await FetchTesting.withServer(
            { request in
                request.uri == "/private"
                    ? .respond(status: 302, headers: [("Location", "http://elsewhere.test/open")]) : .respond(status: 200)
            },
            configure: { configuration, server in
                configuration.hostOverrides["feeds.test"] = .init(host: "127.0.0.1", port: server.port)
                configuration.hostOverrides["elsewhere.test"] = .init(host: "127.0.0.1", port: server.port)
            }
        ) { fetcher, server in
            _ = try await fetcher.fetch(FetchRequest(url: "http://reader:s%40cret@feeds.test/private", kind: .feed))
            let requests = server.requests
            #expect(requests.count == 2)
            #expect(requests.first?.header("Authorization") == "Basic " + Data("reader:s@cret".utf8).base64EncodedString())
            #expect(requests.last?.header("Authorization") == nil)
        }
    }

    @Test func missingPageIsAnHTTPErrorThatIsNotRetried() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 404, body: Array("gone".utf8)) }) { fetcher, server in
            let url = "http://127.0.0.1:\(server.port)/no-such-page"
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .page)) }
            let fetchError = try #require(error as? FetchError)
            #expect(fetchError == .httpStatus(url: url, status: 404, retryAfter: nil))
            #expect(!fetchError.isTransient)
        }
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://example.com/feed", "data:text/plain,hello", "gopher://example.com/"])
    func refusesOtherSchemes(url: String) async throws {
        try await FetchTesting.withFetcher { fetcher in
            await #expect(throws: FetchError.unsupportedScheme(url)) {
                _ = try await fetcher.fetch(FetchRequest(url: url, kind: .feed))
            }
        }
    }

    @Test(arguments: ["not a url", "http://", "http:///path", "http://exa mple.com/", "http://1.2.3.4.5/", "http://256.0.0.1/"])
    func malformedAddressIsInvalid(url: String) async throws {
        try await FetchTesting.withFetcher { fetcher in
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
            guard case .invalidURL = try #require(error as? FetchError) else {
                Issue.record("expected invalidURL for \(url), got \(String(describing: error))")
                return
            }
        }
    }

    @Test func refusedConnectionFailsAtOnce() async throws {
        // Bind a port, then close it, so nothing listens there.
        let server = try await MisbehavingServer.start { _ in .respond(status: 200) }
        let port = server.port
        await server.stop()
        // A retried connection would wait for the connect timeout (10 s at this request
        // timeout); a refusal reported at once takes a small fraction of it even when the
        // rest of the suite loads the machine, so the bound is half the connect timeout
        // rather than a tight wall-clock figure.
        var configuration = FetchTesting.loopbackConfiguration()
        configuration.timeout = .seconds(30)
        let connectTimeout = Duration.seconds(10)
        try await FetchTesting.withFetcher(configuration) { fetcher in
            let url = "http://127.0.0.1:\(port)/feed"
            let elapsed = await FetchTesting.measure {
                let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
                let fetchError = try? #require(error as? FetchError)
                #expect(fetchError == .connectionFailed(url: url, reason: "connection refused"))
                #expect(fetchError?.isTransient == true)
                #expect(fetchError?.description.hasPrefix("Could not connect to \(url)") == true)
            }
            #expect(elapsed < connectTimeout / 2)
        }
    }

    @Test func fetchingAfterShutdownFailsCleanly() async throws {
        var configuration = FetchTesting.loopbackConfiguration()
        configuration.timeout = .seconds(2)
        let fetcher = HTTPFetcher(configuration: configuration)
        try await fetcher.shutdown()
        let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:9/", kind: .feed)) }
        #expect(error is FetchError)
    }

    @Test func overriddenHostsMatchWhateverTheirCase() async throws {
        try await FetchTesting.withServer(
            { _ in .respond(status: 200) },
            configure: { configuration, server in
                configuration.hostOverrides["Gazette.Test."] = .init(host: "127.0.0.1", port: server.port)
            }
        ) { fetcher, _ in
            let response = try await fetcher.fetch(FetchRequest(url: "http://gazette.test/", kind: .feed))
            #expect(response.status == 200)
        }
    }
}
