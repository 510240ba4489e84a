import Foundation
import LedeCore
import Logging
import PostgresNIO

/// `LedeStore` on PostgreSQL, through postgres-nio's pooled `PostgresClient`.
///
/// The store runs its client for its whole life and migrates the schema before its first
/// statement, over one dedicated connection (so that a wrong address fails at once with the
/// server's own reason instead of after the pool's retries). Call `shutdown()` when done.
public final class PostgresStore: LedeStore {
    let url: PostgresURL
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>
    private let readiness = SchemaReadiness()

    /// The connections one store opens at most.
    public static let defaultMaximumConnections = 8

    /// Creates a store for the database at `url` (`postgres://user:password@host:port/database`
    /// or `postgresql://…`). Nothing is sent to the server until the first call, which migrates
    /// the schema; use `open(url:)` to connect and migrate at once.
    /// - Parameters:
    ///   - url: The database's address; `sslmode` and `connect_timeout` are read from its query.
    ///   - maximumConnections: The pool's bound.
    ///   - logger: Where the store and the driver log; never given statement arguments or passwords.
    /// - Throws: `StoreError.unavailable` when the address cannot be read.
    public init(url: String, maximumConnections: Int = PostgresStore.defaultMaximumConnections, logger: Logger = PostgresStore.silentLogger) throws {
        self.url = try PostgresURL(url)
        // At trace level the driver logs the server's messages, rows and errors included,
        // which may quote stored text; the store never goes below debug.
        var logger = logger
        if logger.logLevel < .debug { logger.logLevel = .debug }
        self.logger = logger
        let client = PostgresClient(
            configuration: self.url.clientConfiguration(maximumConnections: max(1, maximumConnections)), backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    /// Connects to the database at `url` and brings its schema up to date.
    /// - Throws: `StoreError.unavailable` with one sentence saying what to check.
    public static func open(
        url: String, maximumConnections: Int = PostgresStore.defaultMaximumConnections, logger: Logger = PostgresStore.silentLogger
    ) async throws -> PostgresStore {
        let store = try PostgresStore(url: url, maximumConnections: maximumConnections, logger: logger)
        do {
            try await store.migrate()
        } catch {
            await store.shutdown()
            throw error
        }
        return store
    }

    deinit {
        running.cancel()
    }

    /// A logger that drops everything, for callers that do not log.
    public static let silentLogger = Logger(label: "lede.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Applies the migrations the database does not have yet; running it again does nothing.
    /// Safe when several processes start at once (they take turns on an advisory lock).
    /// - Throws: `StoreError.unavailable` when the server cannot be reached or used.
    public func migrate() async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            do {
                try await PostgresMigrator.migrate(connection, logger: logger)
                try? await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw url.storeError(error)
        }
        readiness.markReady()
    }

    /// Closes the pool's connections; the store cannot be used afterwards.
    public func shutdown() async {
        running.cancel()
        await running.value
    }

    // MARK: Running statements

    private func ready() async throws {
        try await readiness.ensure { [self] in try await migrate() }
    }

    /// Runs one statement on a pooled connection and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await ready()
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw url.storeError(error)
        }
    }

    /// Runs one statement on a pooled connection, handing its rows to `body` as they arrive.
    func eachRow(_ query: PostgresQuery, _ body: (PostgresRow) throws -> Void) async throws {
        try await ready()
        do {
            for try await row in try await client.query(query, logger: logger) { try body(row) }
        } catch {
            throw url.storeError(error)
        }
    }

    /// Runs `body` in one transaction on one pooled connection, rolled back if it throws.
    func transaction<Result: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        try await ready()
        do {
            return try await client.withConnection { connection in
                try await connection.inTransaction(logger: logger, body)
            }
        } catch {
            throw url.storeError(error)
        }
    }
}

extension PostgresConnection {
    /// Runs one statement inside a transaction and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
