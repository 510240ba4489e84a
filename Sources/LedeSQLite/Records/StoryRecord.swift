import Foundation
import GRDB
import LedeCore

/// A row of the `story` table; the clusterer's signature is kept as JSON in the form
/// `StorySignature.storedForm` writes, as on PostgreSQL (rows GRDB's JSON coder wrote still read).
struct StoryRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "story"

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

    init(row: Row) throws {
        id = row["id"]
        headline = row["headline"]
        firstPublished = row["first_published"]
        lastPublished = row["last_published"]
        signature = try StorySignature(storedForm: row["signature"])
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["headline"] = headline
        container["first_published"] = firstPublished
        container["last_published"] = lastPublished
        container["signature"] = signature.storedForm
    }

    var story: Story {
        Story(id: id ?? 0, headline: headline, firstPublished: firstPublished, lastPublished: lastPublished, signature: signature)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
