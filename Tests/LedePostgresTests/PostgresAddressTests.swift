import Foundation
import LedeCore
import PostgresNIO
import Testing

@testable import LedePostgres

/// Addresses and unreachable servers: these need no server.
@Suite struct PostgresAddressTests {
    /// A loopback port nobody listens on.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    @Test func anUnreachableServerIsUnavailableWithHostAndPortButNoPassword() async throws {
        let port = try await Self.closedPort()
        let store = try PostgresStore(url: "postgres://ann:s3cret-pw@127.0.0.1:\(port)/lede")
        for attempt in 0..<2 {
            let error = await #expect(throws: StoreError.self) { try await store.subscriptions(userID: 1) }
            guard case .unavailable(let reason)? = error else {
                Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("127.0.0.1:\(port)"), "attempt \(attempt): \(reason)")
            #expect(reason.contains("connection refused") && reason.contains("check"))
            #expect(!reason.contains("s3cret-pw"))
        }
        await #expect(throws: StoreError.self) { try await PostgresStore.open(url: "postgresql://ann@127.0.0.1:\(port)/lede") }
        await store.shutdown()
    }

    @Test func addressesAreReadLikeLibpq() throws {
        let full = try PostgresURL("postgresql://ann:p%40ss@db.example:6543/news?sslmode=require&connect_timeout=3")
        #expect(full.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(full.user == "ann" && full.password == "p@ss" && full.database == "news")
        #expect(full.tlsMode == .require && full.connectTimeout == .seconds(3))
        #expect(full.description == "postgres://ann@db.example:6543/news")

        let short = try PostgresURL("postgres://ann@localhost")
        #expect(short.endpoint == .tcp(host: "localhost", port: 5432) && short.database == "ann" && short.tlsMode == .prefer)

        let socket = try PostgresURL("postgres://ann@%2Fvar%2Frun%2Fpostgresql/news")
        #expect(socket.endpoint == .socket(folder: "/var/run/postgresql", port: 5432))
        #expect(PostgresURL.socketPath(folder: "/var/run/postgresql", port: 5432) == "/var/run/postgresql/.s.PGSQL.5432")
    }

    @Test(arguments: [
        "postgres://db.example/news", "mysql://ann@db.example/news", "postgres://ann:pw@db.example/news?sslmode=sometimes",
        "postgres://ann:pw@db.example/news?schema=x",
    ])
    func unreadableAddressesAreUnavailableWithoutThePassword(address: String) {
        let error = #expect(throws: StoreError.self) { _ = try PostgresStore(url: address) }
        guard case .unavailable(let reason)? = error else {
            Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("postgres://") && !reason.contains(":pw@"))
    }
}
