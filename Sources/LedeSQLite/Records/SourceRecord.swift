import Foundation
import GRDB
import LedeCore

/// A row of the `source` table.
struct SourceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "source"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var feedUrl: String
    var title: String?
    var siteUrl: String?
    var addedAt: Date
    var etag: String?
    var lastModified: String?
    var lastAttemptAt: Date?
    var lastSuccessAt: Date?
    var lastError: String?
    var consecutiveFailures: Int
    var isPaused: Bool
    var nextAttemptAt: Date?

    init(_ source: Source) {
        id = source.id == 0 ? nil : source.id
        feedUrl = source.feedURL
        title = source.title
        siteUrl = source.siteURL
        addedAt = source.addedAt
        etag = source.fetchState.etag
        lastModified = source.fetchState.lastModified
        lastAttemptAt = source.fetchState.lastAttemptAt
        lastSuccessAt = source.fetchState.lastSuccessAt
        lastError = source.fetchState.lastError
        consecutiveFailures = source.fetchState.consecutiveFailures
        isPaused = source.fetchState.isPaused
        nextAttemptAt = source.fetchState.nextAttemptAt
    }

    var source: Source {
        Source(
            id: id ?? 0, feedURL: feedUrl, title: title, siteURL: siteUrl, addedAt: addedAt,
            fetchState: FetchState(
                etag: etag, lastModified: lastModified, lastAttemptAt: lastAttemptAt, lastSuccessAt: lastSuccessAt,
                lastError: lastError, consecutiveFailures: consecutiveFailures, isPaused: isPaused,
                nextAttemptAt: nextAttemptAt))
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
