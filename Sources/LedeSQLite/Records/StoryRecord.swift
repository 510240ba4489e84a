import Foundation
import GRDB
import LedeCore

/// A row of the `story` table; the clusterer's signature is kept as JSON.
struct StoryRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "story"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var headline: String
    var firstPublished: Date
    var lastPublished: Date
    var signature: StorySignature

    init(_ update: StoryUpdate) {
        id = update.id
        headline = update.headline
        firstPublished = update.firstPublished
        lastPublished = update.lastPublished
        signature = update.signature
    }

    var story: Story {
        Story(id: id ?? 0, headline: headline, firstPublished: firstPublished, lastPublished: lastPublished, signature: signature)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
