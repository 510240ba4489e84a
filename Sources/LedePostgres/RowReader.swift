import Foundation
import LedeCore
import PostgresNIO

/// Reads a row's columns left to right, each as the type its use asks for, so that mapping a
/// row to an entity reads like the entity's initialiser.
struct RowReader {
    private let row: PostgresRandomAccessRow
    private var index: Int

    init(_ row: PostgresRow, from index: Int = 0) {
        self.row = row.makeRandomAccess()
        self.index = index
    }

    mutating func next<Value: PostgresDecodable>(_: Value.Type = Value.self) throws -> Value {
        defer { index += 1 }
        return try row[index].decode(Value.self)
    }
}

/// The column lists and row mappings of the shared entities.
enum Columns {
    /// Every article column but the MinHash.
    static let article = """
        article.id, article.source_id, article.item_key, article.url, article.url_key, article.outlet, article.title,
        article.byline, article.published, article.updated, article.language, article.summary, article.text,
        article.content_hash, article.duplicate_of_id, article.story_id, article.fetched_at
        """

    static func article(_ row: PostgresRow) throws -> Article {
        var reader = RowReader(row)
        return try article(&reader)
    }

    static func article(_ reader: inout RowReader) throws -> Article {
        Article(
            id: try reader.next(), sourceID: try reader.next(), itemKey: try reader.next(), url: try reader.next(),
            urlKey: try reader.next(), outlet: try reader.next(), title: try reader.next(), byline: try reader.next(),
            published: try reader.next(), updated: try reader.next(), language: try reader.next(), summary: try reader.next(),
            text: try reader.next(), contentHash: try reader.next(), duplicateOfID: try reader.next(), storyID: try reader.next(),
            fetchedAt: try reader.next())
    }

    static let source = """
        source.id, source.feed_url, source.title, source.site_url, source.added_at, source.etag, source.last_modified,
        source.last_attempt_at, source.last_success_at, source.last_error, source.consecutive_failures, source.is_paused,
        source.next_attempt_at
        """

    static func source(_ row: PostgresRow) throws -> Source {
        var reader = RowReader(row)
        return try source(&reader)
    }

    static func source(_ reader: inout RowReader) throws -> Source {
        Source(
            id: try reader.next(), feedURL: try reader.next(), title: try reader.next(), siteURL: try reader.next(),
            addedAt: try reader.next(),
            fetchState: FetchState(
                etag: try reader.next(), lastModified: try reader.next(), lastAttemptAt: try reader.next(),
                lastSuccessAt: try reader.next(), lastError: try reader.next(), consecutiveFailures: try reader.next(),
                isPaused: try reader.next(), nextAttemptAt: try reader.next()))
    }

    static let subscriptionSelect = """
        SELECT subscription.id, subscription.user_id, subscription.title, subscription.folder, subscription.added_at, \(source)
        FROM subscription JOIN source ON source.id = subscription.source_id
        """

    static func subscription(_ row: PostgresRow) throws -> Subscription {
        var reader = RowReader(row)
        let id: Int64 = try reader.next()
        let userID: Int64 = try reader.next()
        let title: String? = try reader.next()
        let folder: String? = try reader.next()
        let addedAt: Date = try reader.next()
        return Subscription(id: id, userID: userID, source: try source(&reader), title: title, folder: folder, addedAt: addedAt)
    }

    static let user = "\"user\".id, \"user\".name, \"user\".is_admin, \"user\".created_at"

    static func user(_ row: PostgresRow) throws -> User {
        var reader = RowReader(row)
        return User(id: try reader.next(), name: try reader.next(), isAdmin: try reader.next(), createdAt: try reader.next())
    }

    static let story = "story.id, story.headline, story.first_published, story.last_published, story.signature"

    static func story(_ row: PostgresRow) throws -> Story {
        var reader = RowReader(row)
        let id: Int64 = try reader.next()
        let headline: String = try reader.next()
        let firstPublished: Date = try reader.next()
        let lastPublished: Date = try reader.next()
        let signature = try StorySignature(storedForm: try reader.next(String.self))
        return Story(id: id, headline: headline, firstPublished: firstPublished, lastPublished: lastPublished, signature: signature)
    }

    /// A JSON body written by `JSONRendering`; `nil` when it no longer decodes, as on SQLite.
    static func decode<Value: Decodable>(_ type: Value.Type, _ body: String) -> Value? {
        try? JSONRendering.decoder().decode(type, from: Data(body.utf8))
    }
}
