import Foundation
import GRDB
import LedeCore

/// A row of the `article` table.
struct ArticleRecord: Codable, Identifiable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "article"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var sourceId: Int64
    var itemKey: String
    var url: String
    var urlKey: String
    var outlet: String
    var title: String
    var byline: String?
    var published: Date
    var updated: Date?
    var language: String?
    var summary: String?
    var text: String
    var contentHash: Int64
    var duplicateOfId: Int64?
    var storyId: Int64?
    var fetchedAt: Date
    var minHash: Data?
    /// The clustering signature as JSON (see `ArticleSignature.storedForm`), until the article is placed.
    var clusterSignature: String?

    /// The columns every article query selects: all but the MinHash blob and the clustering signature.
    static var articleColumns: [any SQLSelectable] {
        [
        Column("id"), Column("source_id"), Column("item_key"), Column("url"), Column("url_key"), Column("outlet"),
        Column("title"), Column("byline"), Column("published"), Column("updated"), Column("language"),
        Column("summary"), Column("text"), Column("content_hash"), Column("duplicate_of_id"), Column("story_id"),
        Column("fetched_at"),
        ]
    }

    init(_ article: NewArticle) {
        sourceId = article.sourceID
        itemKey = article.itemKey
        url = article.url
        urlKey = article.urlKey
        outlet = article.outlet
        title = article.title
        byline = article.byline
        published = article.published
        updated = article.updated
        language = article.language
        summary = article.summary
        text = article.text
        contentHash = article.contentHash
        duplicateOfId = article.duplicateOfID
        storyId = article.storyID
        fetchedAt = article.fetchedAt
        minHash = MinHashCoding.encode(article.minHash)
        clusterSignature = article.signature?.storedForm
    }

    var article: Article {
        Article(
            id: id ?? 0, sourceID: sourceId, itemKey: itemKey, url: url, urlKey: urlKey, outlet: outlet, title: title,
            byline: byline, published: published, updated: updated, language: language, summary: summary, text: text,
            contentHash: contentHash, duplicateOfID: duplicateOfId, storyID: storyId, fetchedAt: fetchedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// MinHash signatures stored as little-endian 64-bit words.
enum MinHashCoding {
    static func encode(_ signature: MinHashSignature) -> Data {
        var data = Data(capacity: signature.values.count * 8)
        for value in signature.values {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data) -> MinHashSignature {
        var values: [UInt64] = []
        values.reserveCapacity(data.count / 8)
        var index = data.startIndex
        while index + 8 <= data.endIndex {
            var value: UInt64 = 0
            for offset in 0..<8 { value |= UInt64(data[index + offset]) << (8 * UInt64(offset)) }
            values.append(value)
            index += 8
        }
        return MinHashSignature(values: values)
    }
}
