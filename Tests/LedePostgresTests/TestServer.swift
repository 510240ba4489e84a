import Foundation
import Logging
import PostgresNIO
import Testing

@testable import LedePostgres

/// The PostgreSQL server the tests use, from `LEDE_TEST_POSTGRES_URL` (set by
/// `scripts/with-postgres`). Each test gets a database of its own, created and dropped here.
enum TestServer {
    static let url: String? = ProcessInfo.processInfo.environment["LEDE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static let skipMessage = "LEDE_TEST_POSTGRES_URL is not set: run `scripts/with-postgres swift test` to test the PostgreSQL store"

    static let logger = PostgresStore.silentLogger

    /// Runs `body` with the address of a new, empty database, dropped afterwards.
    static func withFreshDatabase(_ body: (String) async throws -> Void) async throws {
        let serverURL = try #require(url, Comment(rawValue: skipMessage))
        let name = "lede_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin(serverURL) { connection in
            // A name cannot be a bound parameter; this one is made of hex digits only.
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).drain()
        }
        var components = try #require(URLComponents(string: serverURL))
        components.path = "/" + name
        let databaseURL = try #require(components.string)
        do {
            try await body(databaseURL)
        } catch {
            try? await drop(name, serverURL: serverURL)
            throw error
        }
        try await drop(name, serverURL: serverURL)
    }

    /// Runs `body` on a store for a new database, shutting it down afterwards.
    static func withFreshStore(_ body: (PostgresStore) async throws -> Void) async throws {
        try await withFreshDatabase { url in
            let store = try PostgresStore(url: url)
            do {
                try await body(store)
            } catch {
                await store.shutdown()
                throw error
            }
            await store.shutdown()
        }
    }

    /// A direct connection to the database at `url`.
    static func admin<Result: Sendable>(_ url: String, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresURL(url).connectionConfiguration(), id: Int.random(in: 1...Int.max), logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func drop(_ name: String, serverURL: String) async throws {
        try await admin(serverURL) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger).drain()
        }
    }
}
