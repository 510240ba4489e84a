import Foundation
import LedeCore
import LedeEngine
import Logging
import PostgresNIO
import Testing

/// A fresh, empty database of either kind, removed afterwards. PostgreSQL databases are made on
/// the server `scripts/with-postgres` starts (`LEDE_TEST_POSTGRES_URL`).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["LEDE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Runs `body` with the `--database` value of a new database.
    func withFresh(_ body: (String) async throws -> Void) async throws {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-worker-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try await body(folder.appendingPathComponent("lede.sqlite").path)
        case .postgres:
            let server = try #require(
                Self.postgresURL, "LEDE_TEST_POSTGRES_URL is not set: run `scripts/with-postgres swift test` to test on PostgreSQL")
            // Made of hex digits only, so safe to splice into the statements below.
            let name = "lede_worker_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Self.admin(server, "CREATE DATABASE \(name)")
            var components = try #require(URLComponents(string: server))
            components.path = "/" + name
            let url = try #require(components.string)
            do {
                try await body(url)
            } catch {
                try? await Self.admin(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
            try await Self.admin(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    static func admin(_ url: String, _ statement: String) async throws {
        let components = try #require(URLComponents(string: url))
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: "postgres", tls: .disable)
        let logger = Logger(label: "lede.test.postgres")
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
