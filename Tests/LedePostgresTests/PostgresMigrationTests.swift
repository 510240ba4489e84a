import Foundation
import LedeCore
import PostgresNIO
import Testing

@testable import LedePostgres

@Suite(.enabled(if: TestServer.url != nil, Comment(rawValue: TestServer.skipMessage)))
struct PostgresMigrationTests {
    static func recorded(_ url: String) async throws -> [String] {
        try await TestServer.admin(url) { connection in
            var names: [String] = []
            for try await name in try await connection.query("SELECT name FROM lede_migration ORDER BY applied_at, name", logger: TestServer.logger)
                .decode(String.self)
            {
                names.append(name)
            }
            return names
        }
    }

    @Test func migrationsAreRecordedByNameAndRunOnlyOnce() async throws {
        try await TestServer.withFreshDatabase { url in
            let first = try PostgresStore(url: url)
            try await first.migrate()
            try await first.migrate()
            await first.shutdown()
            let second = try PostgresStore(url: url)
            try await second.migrate()
            #expect(try await second.users().count == 1, "the local reader is created once")
            await second.shutdown()
            #expect(try await Self.recorded(url) == PostgresSchema.migrations.map(\.name))
        }
    }

    @Test func processesStartingAtOnceApplyEachMigrationExactlyOnce() async throws {
        try await TestServer.withFreshDatabase { url in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await TestServer.admin(url) { connection in
                            try await PostgresMigrator.migrate(connection, logger: TestServer.logger)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(applied.sorted() == PostgresSchema.migrations.map(\.name).sorted())
            #expect(try await Self.recorded(url) == PostgresSchema.migrations.map(\.name))
            let store = try PostgresStore(url: url)
            #expect(try await store.users().map(\.id) == [1])
            await store.shutdown()
        }
    }

    @Test func storesOpenedAtOnceShareOneMigration() async throws {
        try await TestServer.withFreshDatabase { url in
            let stores = try (0..<4).map { _ in try PostgresStore(url: url) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask { _ = try await store.createUser(name: "reader\(index)", passwordHash: nil, isAdmin: false, now: Date()) }
                }
                try await group.waitForAll()
            }
            #expect(try await stores[0].users().count == 5)
            for store in stores { await store.shutdown() }
        }
    }

    @Test func aFailingMigrationLeavesNoTraceAndKeepsEarlierOnes() async throws {
        try await TestServer.withFreshDatabase { url in
            let good = PostgresMigration(name: "t1: a table", statements: ["CREATE TABLE kept (id INTEGER)"])
            let bad = PostgresMigration(
                name: "t2: half done", statements: ["CREATE TABLE dropped_with_it (id INTEGER)", "SELECT * FROM no_such_table"])
            await #expect(throws: (any Error).self) {
                try await TestServer.admin(url) { connection in
                    try await PostgresMigrator.migrate(connection, migrations: [good, bad], logger: TestServer.logger)
                }
            }
            #expect(try await Self.recorded(url) == ["t1: a table"])
            let tables = try await TestServer.admin(url) { connection in
                var names: [String] = []
                let rows = try await connection.query(
                    "SELECT tablename FROM pg_tables WHERE tablename IN ('kept', 'dropped_with_it')", logger: TestServer.logger)
                for try await name in rows.decode(String.self) { names.append(name) }
                return names
            }
            #expect(tables == ["kept"])
        }
    }
}
