import Foundation
import Logging
import PostgresNIO

/// One named step of the schema. Once shipped a migration is never edited: a change to the
/// schema is a new migration at the end of the list.
struct PostgresMigration: Sendable {
    var name: String
    /// Run in order, each on its own (the extended protocol takes one statement at a time).
    var statements: [PostgresQuery]
}

/// Brings a database up to `PostgresSchema.migrations`, recording each applied migration by
/// name in `lede_migration`.
///
/// Each migration runs in its own transaction that first takes a transaction-level advisory
/// lock, so processes that start at once take turns: the second sees what the first recorded
/// and skips it. A failed migration rolls back whole and leaves the earlier ones in place.
enum PostgresMigrator {
    /// The advisory lock every Lede process takes to migrate ("LedeMigr" in ASCII).
    static let lockKey: Int64 = 0x4C65_6465_4D69_6772

    static let recordTable: PostgresQuery = """
        CREATE TABLE IF NOT EXISTS lede_migration (
            name TEXT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    /// Applies every migration not yet recorded.
    /// - Returns: the names of the migrations this call applied.
    @discardableResult
    static func migrate(
        _ connection: PostgresConnection, migrations: [PostgresMigration] = PostgresSchema.migrations, logger: Logger
    ) async throws -> [String] {
        var applied: [String] = []
        for migration in migrations {
            let ran = try await connection.inTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger).drain()
                try await connection.query(recordTable, logger: logger).drain()
                let recorded = try await connection.query(
                    "SELECT 1 FROM lede_migration WHERE name = \(migration.name)", logger: logger
                ).collect()
                guard recorded.isEmpty else { return false }
                for statement in migration.statements {
                    try await connection.query(statement, logger: logger).drain()
                }
                try await connection.query("INSERT INTO lede_migration (name) VALUES (\(migration.name))", logger: logger).drain()
                return true
            }
            if ran {
                applied.append(migration.name)
                logger.info("Applied a database migration", metadata: ["migration.name": "\(migration.name)"])
            }
        }
        return applied
    }
}

extension PostgresConnection {
    /// Runs `body` between `BEGIN` and `COMMIT`, rolling back when it throws, and rethrows
    /// `body`'s own error (postgres-nio's `withTransaction` wraps it).
    func inTransaction<Result: Sendable>(
        logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await query("BEGIN", logger: logger).drain()
        do {
            let result = try await body(self)
            try await query("COMMIT", logger: logger).drain()
            return result
        } catch {
            _ = try? await query("ROLLBACK", logger: logger).drain()
            throw error
        }
    }
}

extension PostgresRowSequence {
    /// Reads and drops every row, so the statement has run to completion before the next one.
    func drain() async throws {
        for try await _ in self {}
    }
}
