import Foundation
import Hummingbird
import HummingbirdTesting
import LedeCore
import LedeFetch
import LedeSQLite
@testable import LedeWeb

/// A web app on a fresh copy of the seeded database, with a clock the test moves.
/// Unchecked: the router is built once and only read afterwards.
struct WebTestApp: @unchecked Sendable {
    let store: any LedeStore
    let seed: SeededDatabase.Seed
    let clock: ManualClock
    let router: Router<LedeRequestContext>
    let fetcher: HTTPFetcher

    static func make(configure: (inout WebConfiguration) -> Void = { _ in }) async throws -> WebTestApp {
        let (store, seed) = try await SeededDatabase.copy()
        let clock = ManualClock(seed.now)
        var configuration = WebConfiguration()
        configuration.bcryptCost = WebConfiguration.minimumBcryptCost
        configure(&configuration)
        var fetchConfiguration = FetchConfiguration()
        fetchConfiguration.allowPrivateNetworks = true
        fetchConfiguration.timeout = .seconds(5)
        let fetcher = HTTPFetcher(configuration: fetchConfiguration)
        let router = try await buildRouter(configuration: configuration, store: store, fetcher: fetcher, clock: clock.clock)
        return WebTestApp(store: store, seed: seed, clock: clock, router: router, fetcher: fetcher)
    }

    /// Runs a test against the router, then shuts the fetcher down.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: router)
        do {
            let value = try await application.test(.router, body)
            try await fetcher.shutdown()
            return value
        } catch {
            try? await fetcher.shutdown()
            throw error
        }
    }

    /// A new API token for a reader.
    func token(for userID: Int64, name: String = "test") async throws -> String {
        let token = SecretToken.generate()
        _ = try await store.addToken(userID: userID, name: name, tokenHash: SecretToken.hash(token, kind: .api), now: seed.now)
        return token
    }
}
