import Foundation
import LedeCore
import PostgresNIO

extension PostgresStore {
    public func subscribe(userID: Int64, feedURL: String, title: String?, folder: String?, now: Date) async throws -> Subscription {
        try await transaction { connection in
            let sourceID = try await Self.feedToFollow(feedURL: feedURL, title: title, now: now, on: connection, logger: logger)
            // As on SQLite, `title` names a feed that is new to Lede; the reader's own name for
            // it starts empty.
            let inserted = try await connection.rows(
                """
                INSERT INTO subscription (user_id, source_id, title, folder, added_at)
                VALUES (\(userID), \(sourceID), NULL, \(folder), \(now))
                ON CONFLICT (user_id, source_id) DO NOTHING RETURNING id
                """, logger: logger)
            guard let id = try inserted.first?.decode(Int64.self) else { throw StoreError.duplicateSource(feedURL: feedURL) }
            let row = try await connection.rows("\(unescaped: Columns.subscriptionSelect) WHERE subscription.id = \(id)", logger: logger)
            guard let subscription = try row.first.map(Columns.subscription) else { throw StoreError.notFound("subscription \(id)") }
            return subscription
        }
    }

    /// The id of the feed at `feedURL`, added if nobody follows it yet, and locked against an
    /// `unsubscribe` removing it before this transaction's subscription is in place.
    static func feedToFollow(feedURL: String, title: String?, now: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        // A concurrent unsubscribe may delete the row between the insert and the lock; then
        // the next round inserts it anew.
        for _ in 0..<3 {
            try await connection.rows(
                "INSERT INTO source (feed_url, title, added_at) VALUES (\(feedURL), \(title), \(now)) ON CONFLICT (feed_url) DO NOTHING",
                logger: logger)
            let locked = try await connection.rows("SELECT id FROM source WHERE feed_url = \(feedURL) FOR KEY SHARE", logger: logger)
            if let id = try locked.first?.decode(Int64.self) { return id }
        }
        throw StoreError.notFound("feed \(feedURL)")
    }

    public func subscriptions(userID: Int64) async throws -> [Subscription] {
        try await rows("\(unescaped: Columns.subscriptionSelect) WHERE subscription.user_id = \(userID) ORDER BY subscription.id")
            .map(Columns.subscription)
    }

    public func subscription(id: Int64, userID: Int64) async throws -> Subscription? {
        try await rows("\(unescaped: Columns.subscriptionSelect) WHERE subscription.id = \(id) AND subscription.user_id = \(userID)")
            .first.map(Columns.subscription)
    }

    public func unsubscribe(subscriptionID: Int64, userID: Int64) async throws {
        try await transaction { connection in
            let found = try await connection.rows(
                "SELECT source_id FROM subscription WHERE id = \(subscriptionID) AND user_id = \(userID)", logger: logger)
            guard let sourceID = try found.first?.decode(Int64.self) else {
                throw StoreError.notFound("source with id \(subscriptionID)")
            }
            // Locking the feed first makes a concurrent subscribe to it wait (or be waited for),
            // so the count below cannot miss a subscription about to be added.
            try await connection.rows("SELECT 1 FROM source WHERE id = \(sourceID) FOR UPDATE", logger: logger)
            try await connection.rows("DELETE FROM subscription WHERE id = \(subscriptionID)", logger: logger)
            // A feed nobody follows is no longer fetched; its articles, bands and passages go
            // with it (foreign keys cascade).
            try await connection.rows(
                "DELETE FROM source WHERE id = \(sourceID) AND NOT EXISTS (SELECT 1 FROM subscription WHERE source_id = \(sourceID))",
                logger: logger)
        }
    }

    public func sources() async throws -> [Source] {
        try await rows("SELECT \(unescaped: Columns.source) FROM source ORDER BY id").map(Columns.source)
    }

    public func source(id: Int64) async throws -> Source? {
        try await rows("SELECT \(unescaped: Columns.source) FROM source WHERE id = \(id)").first.map(Columns.source)
    }

    public func source(feedURL: String) async throws -> Source? {
        try await rows("SELECT \(unescaped: Columns.source) FROM source WHERE feed_url = \(feedURL)").first.map(Columns.source)
    }

    public func updateSource(_ source: Source) async throws {
        let state = source.fetchState
        let updated = try await rows(
            """
            UPDATE source SET feed_url = \(source.feedURL), title = \(source.title), site_url = \(source.siteURL),
                added_at = \(source.addedAt), etag = \(state.etag), last_modified = \(state.lastModified),
                last_attempt_at = \(state.lastAttemptAt), last_success_at = \(state.lastSuccessAt), last_error = \(state.lastError),
                consecutive_failures = \(state.consecutiveFailures), is_paused = \(state.isPaused), next_attempt_at = \(state.nextAttemptAt)
            WHERE id = \(source.id) RETURNING id
            """)
        guard !updated.isEmpty else { throw StoreError.notFound("source with id \(source.id)") }
    }
}
