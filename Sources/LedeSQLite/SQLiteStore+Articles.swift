import Foundation
import GRDB
import LedeCore

extension SQLiteStore {
    static var articleRequest: QueryInterfaceRequest<ArticleRecord> {
        ArticleRecord.select(ArticleRecord.articleColumns)
    }

    /// SQL restricting `article` rows to the feeds a reader follows.
    static let followedBy = "article.source_id IN (SELECT source_id FROM subscription WHERE user_id = ?)"

    public func knownItemKeys(sourceID: Int64) async throws -> Set<String> {
        try await writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT item_key FROM article WHERE source_id = ?", arguments: [sourceID]))
        }
    }

    public func article(urlKey: String) async throws -> Article? {
        try await writer.read { db in
            try Self.articleRequest.filter(Column("url_key") == urlKey).order(Column("id")).fetchOne(db)?.article
        }
    }

    public func article(contentHash: Int64) async throws -> Article? {
        try await writer.read { db in
            try Self.articleRequest.filter(Column("content_hash") == contentHash).order(Column("id")).fetchOne(db)?.article
        }
    }

    public func article(sourceID: Int64, itemKey: String) async throws -> Article? {
        try await writer.read { db in
            try Self.articleRequest.filter(Column("source_id") == sourceID && Column("item_key") == itemKey).fetchOne(db)?.article
        }
    }

    public func nearDuplicateCandidates(bandKeys: [Int64]) async throws -> [(article: Article, minHash: MinHashSignature)] {
        guard !bandKeys.isEmpty else { return [] }
        return try await writer.read { db in
            let ids = try Int64.fetchAll(
                db, sql: "SELECT DISTINCT article_id FROM article_band WHERE band_key IN (\(Self.placeholders(bandKeys.count))) LIMIT 50",
                arguments: StatementArguments(bandKeys))
            guard !ids.isEmpty else { return [] }
            return try ArticleRecord.filter(ids: ids).fetchAll(db).compactMap { record in
                record.minHash.map { (record.article, MinHashCoding.decode($0)) }
            }
        }
    }

    public func insertArticles(_ articles: [NewArticle]) async throws -> [Article] {
        try await writer.write { db in
            var stored: [Article] = []
            var termCounts: [String: Int] = [:]
            for article in articles {
                var record = ArticleRecord(article)
                try record.insert(db)
                guard let id = record.id else { continue }
                for key in Set(article.minHash.bandKeys) where !article.minHash.isEmpty {
                    try db.execute(sql: "INSERT OR IGNORE INTO article_band (band_key, article_id) VALUES (?, ?)", arguments: [key, id])
                }
                for term in article.terms { termCounts[term, default: 0] += 1 }
                if article.duplicateOfID == nil { try Self.indexPassages(db, articleID: id, text: article.text) }
                stored.append(article.stored(id: id))
            }
            let upsert = try db.cachedStatement(
                sql: "INSERT INTO term_frequency (term, documents) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET documents = documents + excluded.documents")
            for (term, count) in termCounts { try upsert.execute(arguments: [term, count]) }
            try db.execute(
                sql: "INSERT INTO corpus_stat (name, value) VALUES ('documents', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
                arguments: [stored.count])
            return stored
        }
    }

    public func updateArticle(_ article: Article) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE article SET title = ?, byline = ?, updated = ?, summary = ?, text = ?, content_hash = ?, url = ?, url_key = ?,
                        cluster_signature = NULL
                    WHERE id = ?
                    """,
                arguments: [
                    article.title, article.byline, article.updated, article.summary, article.text, article.contentHash, article.url,
                    article.urlKey, article.id,
                ])
            guard db.changesCount > 0 else { throw StoreError.notFound("article with id \(article.id)") }
            try db.execute(sql: "DELETE FROM passage WHERE article_id = ?", arguments: [article.id])
            if article.duplicateOfID == nil { try Self.indexPassages(db, articleID: article.id, text: article.text) }
        }
    }

    public func articles(ids: [Int64]) async throws -> [Article] {
        try await writer.read { db in
            try Self.articleRequest.filter(ids: ids).order(Column("published"), Column("id")).fetchAll(db).map(\.article)
        }
    }

    public func articles(storyIDs: [Int64], userID: Int64?) async throws -> [Article] {
        guard !storyIDs.isEmpty else { return [] }
        return try await writer.read { db in
            var request = Self.articleRequest.filter(storyIDs.contains(Column("story_id")))
            if let userID { request = request.filter(sql: Self.followedBy, arguments: [userID]) }
            return try request.order(Column("published"), Column("id")).fetchAll(db).map(\.article)
        }
    }

    public func unclusteredArticles(limit: Int) async throws -> [UnplacedArticle] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, outlet, title, published, cluster_signature,
                        CASE WHEN cluster_signature IS NULL THEN text END AS text
                    FROM article WHERE story_id IS NULL AND duplicate_of_id IS NULL
                    ORDER BY published, id LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                UnplacedArticle(
                    id: row["id"], outlet: row["outlet"], title: row["title"], published: row["published"],
                    storedSignature: (row["cluster_signature"] as String?).flatMap(ArticleSignature.init(storedForm:)),
                    text: row["text"])
            }
        }
    }

    public func articleCount() async throws -> Int {
        try await writer.read { db in try ArticleRecord.fetchCount(db) }
    }

    public func articles(publishedFrom from: Date, to: Date?, userID: Int64?) async throws -> [Article] {
        try await writer.read { db in
            var request = Self.articleRequest.filter(Column("published") >= from)
            if let to { request = request.filter(Column("published") < to) }
            if let userID { request = request.filter(sql: Self.followedBy, arguments: [userID]) }
            return try request.order(Column("published"), Column("id")).fetchAll(db).map(\.article)
        }
    }
}
