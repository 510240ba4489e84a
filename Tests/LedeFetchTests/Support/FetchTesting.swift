import Foundation
import Testing

@testable import LedeFetch

/// Starting and stopping a scripted server and a fetcher around a test, whatever happens.
enum FetchTesting {
    /// A configuration for talking to the loopback test server: private networks allowed and
    /// a deadline that still ends a hung test in seconds. It is not tight: with the whole suite
    /// running in parallel, six redirect hops on loopback once took more than 5 s. Tests of
    /// the deadline itself set their own.
    static func loopbackConfiguration() -> FetchConfiguration {
        var configuration = FetchConfiguration()
        configuration.allowPrivateNetworks = true
        configuration.timeout = .seconds(15)
        return configuration
    }

    static func withServer(
        _ route: @escaping @Sendable (MisbehavingServer.Request) -> MisbehavingServer.Reply,
        configure: (inout FetchConfiguration, MisbehavingServer) -> Void = { _, _ in },
        resolver: any HostResolver = SystemHostResolver(),
        _ body: (HTTPFetcher, MisbehavingServer) async throws -> Void
    ) async throws {
        let server = try await MisbehavingServer.start(route)
        var configuration = loopbackConfiguration()
        configure(&configuration, server)
        let fetcher = HTTPFetcher(configuration: configuration, resolver: resolver)
        do {
            try await body(fetcher, server)
        } catch {
            try? await fetcher.shutdown()
            await server.stop()
            throw error
        }
        try await fetcher.shutdown()
        await server.stop()
    }

    /// A fetcher with no server, for requests that must be refused before any connection.
    static func withFetcher(
        _ configuration: FetchConfiguration = FetchConfiguration(), resolver: any HostResolver = SystemHostResolver(),
        _ body: (HTTPFetcher) async throws -> Void
    ) async throws {
        let fetcher = HTTPFetcher(configuration: configuration, resolver: resolver)
        do {
            try await body(fetcher)
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
        try await fetcher.shutdown()
    }

    /// The error a fetch threw, `nil` if it succeeded.
    static func error(of fetch: () async throws -> FetchResponse) async -> (any Error)? {
        do {
            _ = try await fetch()
            return nil
        } catch {
            return error
        }
    }

    /// A file under the test target's Resources folder.
    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func measure(_ body: () async throws -> Void) async rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return clock.now - start
    }
}
