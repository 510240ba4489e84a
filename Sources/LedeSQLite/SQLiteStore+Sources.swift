import Foundation
import GRDB
import LedeCore

extension SQLiteStore {
    static let subscriptionSelect = """
        SELECT subscription.id AS subscription_id, subscription.user_id, subscription.title AS subscription_title,
               subscription.folder, subscription.added_at AS subscribed_at, source.*
        FROM subscription JOIN source ON source.id = subscription.source_id
        """

    static func subscription(_ row: Row) throws -> Subscription {
        Subscription(
            id: row["subscription_id"], userID: row["user_id"], source: try SourceRecord(row: row).source,
            title: row["subscription_title"], folder: row["folder"], addedAt: row["subscribed_at"])
    }

    public func subscribe(userID: Int64, feedURL: String, title: String?, folder: String?, now: Date) async throws -> Subscription {
        try await writer.write { db in
            var record = try SourceRecord.filter(Column("feed_url") == feedURL).fetchOne(db)
            if record == nil {
                var new = SourceRecord(Source(id: 0, feedURL: feedURL, title: title, addedAt: now))
                try new.insert(db)
                record = new
            }
            guard let sourceID = record?.id else { throw StoreError.notFound("feed \(feedURL)") }
            if try Row.fetchOne(db, sql: "SELECT 1 FROM subscription WHERE user_id = ? AND source_id = ?", arguments: [userID, sourceID]) != nil {
                throw StoreError.duplicateSource(feedURL: feedURL)
            }
            try db.execute(
                sql: "INSERT INTO subscription (user_id, source_id, title, folder, added_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [userID, sourceID, nil as String?, folder, now])
            let id = db.lastInsertedRowID
            guard let row = try Row.fetchOne(db, sql: Self.subscriptionSelect + " WHERE subscription.id = ?", arguments: [id]) else {
                throw StoreError.notFound("subscription \(id)")
            }
            return try Self.subscription(row)
        }
    }

    public func subscriptions(userID: Int64) async throws -> [Subscription] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: Self.subscriptionSelect + " WHERE subscription.user_id = ? ORDER BY subscription.id", arguments: [userID])
                .map(Self.subscription)
        }
    }

    public func subscription(id: Int64, userID: Int64) async throws -> Subscription? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: Self.subscriptionSelect + " WHERE subscription.id = ? AND subscription.user_id = ?", arguments: [id, userID])
                .map(Self.subscription)
        }
    }

    public func unsubscribe(subscriptionID: Int64, userID: Int64) async throws {
        try await writer.write { db in
            guard let sourceID = try Int64.fetchOne(
                db, sql: "SELECT source_id FROM subscription WHERE id = ? AND user_id = ?", arguments: [subscriptionID, userID])
            else { throw StoreError.notFound("source with id \(subscriptionID)") }
            try db.execute(sql: "DELETE FROM subscription WHERE id = ?", arguments: [subscriptionID])
            // A feed nobody follows is no longer fetched; its articles go with it.
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM subscription WHERE source_id = ?", arguments: [sourceID]) == 0 {
                try db.execute(sql: "DELETE FROM passage WHERE article_id IN (SELECT id FROM article WHERE source_id = ?)", arguments: [sourceID])
                try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [sourceID])
            }
        }
    }

    public func sources() async throws -> [Source] {
        try await writer.read { db in try SourceRecord.order(Column("id")).fetchAll(db).map(\.source) }
    }

    public func source(id: Int64) async throws -> Source? {
        try await writer.read { db in try SourceRecord.fetchOne(db, key: id)?.source }
    }

    public func source(feedURL: String) async throws -> Source? {
        try await writer.read { db in try SourceRecord.filter(Column("feed_url") == feedURL).fetchOne(db)?.source }
    }

    public func updateSource(_ source: Source) async throws {
        try await writer.write { db in
            let record = SourceRecord(source)
            guard try record.exists(db) else { throw StoreError.notFound("source with id \(source.id)") }
            try record.update(db)
        }
    }
}
