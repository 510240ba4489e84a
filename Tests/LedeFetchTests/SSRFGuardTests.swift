import Foundation
import Testing

@testable import LedeFetch

/// The SSRF guard, judged on the address actually connected to. A loopback test server plays
/// a public site through the configuration's internal test hook, which treats exactly its
/// address and port as public; every other internal address stays refused.
@Suite(.timeLimit(.minutes(1)))
struct SSRFGuardTests {
    /// A guarded configuration in which only `server` counts as public.
    static func guarded(_ configuration: inout FetchConfiguration, _ server: MisbehavingServer) {
        configuration.allowPrivateNetworks = false
        configuration.endpointsTreatedAsPublic = [.init(host: "127.0.0.1", port: server.port)]
    }

    @Test(arguments: [
        ("http://2130706433/", "127.0.0.1"),
        ("http://0177.0.0.1/", "127.0.0.1"),
        ("http://0x7f.1/", "127.0.0.1"),
        ("http://0x7F000001/", "127.0.0.1"),
        ("http://127.1/", "127.0.0.1"),
        ("http://127.0.0.1./", "127.0.0.1"),
        ("http://%31%32%37.0.0.1/", "127.0.0.1"),
        ("http://0/", "0.0.0.0"),
        ("http://0.0.0.0:8080/", "0.0.0.0"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://0251.0376.0251.0376/", "169.254.169.254"),
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://172.16.5.4/", "172.16.5.4"),
        ("http://192.168.1.1/", "192.168.1.1"),
        ("http://100.64.0.1/", "100.64.0.1"),
        ("http://224.0.0.1/", "224.0.0.1"),
        ("http://[::1]/", "::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"),
        ("http://[::ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe"),
        ("http://[64:ff9b::7f00:1]/", "64:ff9b::7f00:1"),
        ("http://[2002:a9fe:a9fe::1]/", "2002:a9fe:a9fe::1"),
        ("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "2001:0:4136:e378:8000:63bf:80ff:fffe"),
        ("http://[fd00::1]/", "fd00::1"),
        ("http://[fe80::1]/", "fe80::1"),
        ("https://[ff02::1]/", "ff02::1"),
    ])
    func refusesInternalAddressLiteralsWithoutAskingTheResolver(url: String, address: String) async throws {
        let resolver = ScriptedResolver([:])
        try await FetchTesting.withFetcher(resolver: resolver) { fetcher in
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: url, kind: .feed)) }
            guard case .blockedAddress(_, let blocked) = try #require(error as? FetchError, "\(url)") else {
                Issue.record("expected blockedAddress for \(url), got \(String(describing: error))")
                return
            }
            #expect(blocked == address)
            #expect(resolver.questions.isEmpty)
        }
    }

    @Test func refusesLoopbackByDefault() async throws {
        try await FetchTesting.withFetcher { fetcher in
            await #expect(throws: FetchError.blockedAddress(host: "127.0.0.1", address: "127.0.0.1")) {
                _ = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:9/feed", kind: .feed))
            }
        }
    }

    @Test(arguments: ["localhost", "localhost."])
    func refusesNamesTheSystemResolvesToLoopback(host: String) async throws {
        try await FetchTesting.withFetcher { fetcher in
            let error = await FetchTesting.error { try await fetcher.fetch(FetchRequest(url: "http://\(host):9/", kind: .feed)) }
            guard case .blockedAddress(let blockedHost, _) = try #require(error as? FetchError) else {
                Issue.record("expected blockedAddress, got \(String(describing: error))")
                return
            }
            #expect(blockedHost == host)
        }
    }

    @Test func refusesANameWithOneInternalAnswerAmongPublicOnes() async throws {
        let resolver = ScriptedResolver(["mixed.test": [["93.184.216.34", "2606:2800:220:1::1", "10.1.2.3"]]])
        try await FetchTesting.withFetcher(resolver: resolver) { fetcher in
            await #expect(throws: FetchError.blockedAddress(host: "mixed.test", address: "10.1.2.3")) {
                _ = try await fetcher.fetch(FetchRequest(url: "https://mixed.test/feed", kind: .feed))
            }
        }
    }

    @Test func refusesAnswersThatAreNotNumericAddresses() async throws {
        let resolver = ScriptedResolver(["odd.test": [["localhost", "0x7f.1"]]])
        try await FetchTesting.withFetcher(resolver: resolver) { fetcher in
            await #expect(throws: FetchError.unresolvableHost("odd.test")) {
                _ = try await fetcher.fetch(FetchRequest(url: "http://odd.test/", kind: .feed))
            }
        }
    }

    @Test func publicLookingFirstHopIsServedFromItsCheckedAddress() async throws {
        let resolver = ScriptedResolver(["public.test": [["127.0.0.1"]]])
        try await FetchTesting.withServer(
            { _ in .respond(status: 200, body: Array("ok".utf8)) }, configure: Self.guarded, resolver: resolver
        ) {
            fetcher, server in
            let response = try await fetcher.fetch(FetchRequest(url: "http://public.test:\(server.port)/feed", kind: .feed))
            #expect(response.connectedAddress == "127.0.0.1")
            #expect(server.requests.first?.header("Host") == "public.test:\(server.port)")
        }
    }

    @Test(arguments: [
        ("http://private.test:{port}/admin", "private.test", "10.0.0.7"),
        ("http://127.0.0.1:1/admin", "127.0.0.1", "127.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "169.254.169.254"),
        ("http://[::ffff:10.0.0.7]:{port}/", "::ffff:10.0.0.7", "::ffff:a00:7"),
        ("http://0x0a000007:{port}/", "0x0a000007", "10.0.0.7"),
    ])
    func refusesARedirectFromAnAllowedHostToAnInternalAddress(location: String, host: String, address: String) async throws {
        let resolver = ScriptedResolver(["public.test": [["127.0.0.1"]], "private.test": [["10.0.0.7"]]])
        try await FetchTesting.withServer(
            { request in
                let port = request.header("Host")?.split(separator: ":").last ?? ""
                return .respond(status: 302, headers: [("Location", location.replacingOccurrences(of: "{port}", with: String(port)))])
            }, configure: Self.guarded, resolver: resolver
        ) { fetcher, server in
            let error = await FetchTesting.error {
                try await fetcher.fetch(FetchRequest(url: "http://public.test:\(server.port)/start", kind: .feed))
            }
            #expect(error as? FetchError == .blockedAddress(host: host, address: address))
            // The allowed first hop was served; nothing else reached the server.
            #expect(server.requests.map(\.uri) == ["/start"])
            #expect(server.connectionCount == 1)
        }
    }

    @Test func refusesARedirectToAnotherScheme() async throws {
        let resolver = ScriptedResolver(["public.test": [["127.0.0.1"]]])
        try await FetchTesting.withServer(
            { _ in .respond(status: 301, headers: [("Location", "file:///etc/passwd")]) }, configure: Self.guarded, resolver: resolver
        ) {
            fetcher, server in
            await #expect(throws: FetchError.unsupportedScheme("file:///etc/passwd")) {
                _ = try await fetcher.fetch(FetchRequest(url: "http://public.test:\(server.port)/", kind: .feed))
            }
        }
    }

    @Test func dnsRebindingAcrossRedirectsNeverReachesThePrivateAddress() async throws {
        // The name answers the public address once, then a private one.
        let resolver = ScriptedResolver(["rebind.test": [["127.0.0.1"], ["127.0.0.2"]]])
        try await FetchTesting.withServer(
            { request in
                request.uri == "/first" ? .respond(status: 302, headers: [("Location", "/second")]) : .respond(status: 200)
            }, configure: Self.guarded, resolver: resolver
        ) { fetcher, server in
            let error = await FetchTesting.error {
                try await fetcher.fetch(FetchRequest(url: "http://rebind.test:\(server.port)/first", kind: .feed))
            }
            #expect(error as? FetchError == .blockedAddress(host: "rebind.test", address: "127.0.0.2"))
            #expect(server.requests.map(\.uri) == ["/first"])
            #expect(resolver.questions == ["rebind.test", "rebind.test"])
        }
    }

    @Test func dnsRebindingBetweenFetchesNeverReachesThePrivateAddress() async throws {
        let resolver = ScriptedResolver(["rebind.test": [["127.0.0.1"], ["10.0.0.1", "127.0.0.1"]]])
        try await FetchTesting.withServer({ _ in .respond(status: 200) }, configure: Self.guarded, resolver: resolver) { fetcher, server in
            let url = "http://rebind.test:\(server.port)/feed"
            let first = try await fetcher.fetch(FetchRequest(url: url, kind: .feed))
            #expect(first.connectedAddress == "127.0.0.1")
            await #expect(throws: FetchError.blockedAddress(host: "rebind.test", address: "10.0.0.1")) {
                _ = try await fetcher.fetch(FetchRequest(url: url, kind: .feed))
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func httpsConnectsToTheCheckedAddressWhileNamingTheSiteForTLS() async throws {
        // The resolver would answer a private address on any second question: the https
        // client must connect to the first, checked answer without resolving again.
        let server = try await MisbehavingServer.startRecordingBytes()
        let resolver = ScriptedResolver(["pinned.test": [["127.0.0.1"], ["10.9.9.9"]]])
        var configuration = FetchConfiguration()
        configuration.timeout = .seconds(2)
        configuration.endpointsTreatedAsPublic = [.init(host: "127.0.0.1", port: server.port)]
        let fetcher = HTTPFetcher(configuration: configuration, resolver: resolver)
        let error = await FetchTesting.error {
            try await fetcher.fetch(FetchRequest(url: "https://pinned.test:\(server.port)/feed", kind: .feed))
        }
        let pinnedClients = await fetcher.pinnedClients.count
        try await fetcher.shutdown()
        await server.stop()

        // The test server speaks no TLS, so the fetch fails; what matters is where it went.
        #expect(error is FetchError)
        #expect(resolver.questions == ["pinned.test"])
        #expect(pinnedClients == 1)
        let hello = try #require(server.rawBytes.first { !$0.isEmpty })
        #expect(hello.first == 0x16, "a TLS handshake record")
        #expect(Self.contains(hello, Array("pinned.test".utf8)), "the ClientHello names the site (SNI)")
    }

    @Test func hostOverridesAreStillGuarded() async throws {
        var configuration = FetchConfiguration()
        configuration.hostOverrides["news.test"] = .init(host: "127.0.0.1", port: 9)
        try await FetchTesting.withFetcher(configuration) { fetcher in
            await #expect(throws: FetchError.blockedAddress(host: "news.test", address: "127.0.0.1")) {
                _ = try await fetcher.fetch(FetchRequest(url: "http://news.test/feed", kind: .feed))
            }
        }
    }

    @Test func allowingPrivateNetworksTurnsTheGuardOff() async throws {
        try await FetchTesting.withServer({ _ in .respond(status: 200) }) { fetcher, server in
            #expect(fetcher.configuration.allowPrivateNetworks)
            let response = try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(server.port)/", kind: .feed))
            #expect(response.status == 200)
        }
    }

    @Test func refusalSaysWhatWasRefusedAndHowToAllowIt() {
        let named = FetchError.blockedAddress(host: "intranet.example", address: "10.0.0.5").description
        #expect(named.hasPrefix("intranet.example resolves to 10.0.0.5, a private or internal address"))
        #expect(named.contains("LEDE_ALLOW_PRIVATE_NETWORKS=1"))
        let literal = FetchError.blockedAddress(host: "127.0.0.1", address: "127.0.0.1").description
        #expect(literal.hasPrefix("127.0.0.1 is a private or internal address"))
        #expect(!FetchError.blockedAddress(host: "127.0.0.1", address: "127.0.0.1").isTransient)
    }

    @Test func theGuardIsOnByDefaultAndTheEnvironmentTurnsItOff() {
        #expect(!FetchConfiguration().allowPrivateNetworks)
        #expect(FetchConfiguration().endpointsTreatedAsPublic.isEmpty)
        #expect(FetchConfiguration.allowsPrivateNetworks(environment: ["LEDE_ALLOW_PRIVATE_NETWORKS": "1"]))
        #expect(!FetchConfiguration.allowsPrivateNetworks(environment: ["LEDE_ALLOW_PRIVATE_NETWORKS": "0"]))
        #expect(!FetchConfiguration.allowsPrivateNetworks(environment: [:]))
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
