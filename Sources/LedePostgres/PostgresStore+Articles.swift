import Foundation
import LedeCore
import Logging
import PostgresNIO

extension PostgresStore {
    public func knownItemKeys(sourceID: Int64) async throws -> Set<String> {
        Set(try await rows("SELECT item_key FROM article WHERE source_id = \(sourceID)").map { try $0.decode(String.self) })
    }

    // The oldest article with the key, found in the index on (url_key, id) (see migration v6).
    public func article(urlKey: String) async throws -> Article? {
        try await rows("SELECT \(unescaped: Columns.article) FROM article WHERE url_key = \(urlKey) ORDER BY id LIMIT 1")
            .first.map(Columns.article)
    }

    public func article(contentHash: Int64) async throws -> Article? {
        try await rows("SELECT \(unescaped: Columns.article) FROM article WHERE content_hash = \(contentHash) ORDER BY id LIMIT 1")
            .first.map(Columns.article)
    }

    public func article(sourceID: Int64, itemKey: String) async throws -> Article? {
        try await rows("SELECT \(unescaped: Columns.article) FROM article WHERE source_id = \(sourceID) AND item_key = \(itemKey)")
            .first.map(Columns.article)
    }

    public func nearDuplicateCandidates(bandKeys: [Int64]) async throws -> [(article: Article, minHash: MinHashSignature)] {
        guard !bandKeys.isEmpty else { return [] }
        // The 50 articles sharing the most bands: the likeliest near-copies come first.
        let found = try await rows(
            """
            SELECT \(unescaped: Columns.article), article.min_hash
            FROM (SELECT article_id, count(*) AS shared FROM article_band WHERE band_key = ANY(\(Array(Set(bandKeys))))
                  GROUP BY article_id ORDER BY shared DESC, article_id LIMIT 50) AS candidate
            JOIN article ON article.id = candidate.article_id
            WHERE article.min_hash IS NOT NULL
            ORDER BY candidate.shared DESC, article.id
            """)
        return try found.map { row in
            var reader = RowReader(row)
            let article = try Columns.article(&reader)
            return (article, MinHashBytes.decode(try reader.next(Data.self)))
        }
    }

    public func insertArticles(_ articles: [NewArticle]) async throws -> [Article] {
        guard !articles.isEmpty else { return [] }
        return try await transaction { connection in
            // Ids are taken up front, in order, so that every table below is filled by one
            // statement per batch rather than one per article.
            let ids = try await connection.rows(
                "SELECT nextval(pg_get_serial_sequence('article', 'id')) FROM generate_series(1, \(articles.count))", logger: logger
            ).map { try $0.decode(Int64.self) }.sorted()
            let stored = zip(ids, articles).map { id, article in article.stored(id: id) }
            for chunk in Array(zip(ids, articles)).chunked(into: Self.articlesPerStatement) {
                try await connection.rows(Self.insertArticleRows(chunk), logger: logger)
            }
            var bandArticles: [Int64] = []
            var bandKeys: [Int64] = []
            var passages = PassageRows()
            var termCounts: [String: Int64] = [:]
            for (id, article) in zip(ids, articles) {
                if !article.minHash.isEmpty {
                    for key in Set(article.minHash.bandKeys) {
                        bandArticles.append(id)
                        bandKeys.append(key)
                    }
                }
                if article.duplicateOfID == nil { passages.add(articleID: id, text: article.text) }
                for term in article.terms { termCounts[term, default: 0] += 1 }
            }
            if !bandKeys.isEmpty {
                try await connection.rows(
                    """
                    INSERT INTO article_band (band_key, article_id)
                    SELECT * FROM unnest(\(bandKeys)::int8[], \(bandArticles)::int8[]) ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            try await passages.insert(on: connection, logger: logger)
            // Sorted, so that concurrent batches lock shared terms in the same order and never deadlock.
            let terms = termCounts.keys.sorted()
            if !terms.isEmpty {
                try await connection.rows(
                    """
                    INSERT INTO term_frequency (term, documents)
                    SELECT * FROM unnest(\(terms)::text[], \(terms.map { termCounts[$0] ?? 0 })::int8[])
                    ON CONFLICT (term) DO UPDATE SET documents = term_frequency.documents + excluded.documents
                    """, logger: logger)
            }
            try await connection.rows(
                """
                INSERT INTO corpus_stat (name, value) VALUES ('documents', \(Int64(stored.count)))
                ON CONFLICT (name) DO UPDATE SET value = corpus_stat.value + excluded.value
                """, logger: logger)
            return stored
        }
    }

    /// Rows per multi-row `INSERT`: 18 parameters each, well under the protocol's 65,535.
    static let articlesPerStatement = 500

    static func insertArticleRows(_ rows: [(Int64, NewArticle)]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * 19)
        var values: [String] = []
        for (id, article) in rows {
            let first = bindings.count + 1
            values.append("(" + (first..<first + 19).map { "$\($0)" }.joined(separator: ", ") + ")")
            bindings.append(id)
            bindings.append(article.sourceID)
            bindings.append(article.itemKey)
            bindings.append(article.url)
            bindings.append(article.urlKey)
            bindings.append(article.outlet)
            bindings.append(article.title)
            bindings.append(article.byline)
            bindings.append(article.published)
            bindings.append(article.updated)
            bindings.append(article.language)
            bindings.append(article.summary)
            bindings.append(article.text)
            bindings.append(article.contentHash)
            bindings.append(article.duplicateOfID)
            bindings.append(article.storyID)
            bindings.append(article.fetchedAt)
            try bindings.append(MinHashBytes.encode(article.minHash))
            bindings.append(article.signature?.storedForm)
        }
        return PostgresQuery(
            unsafeSQL: """
                INSERT INTO article (id, source_id, item_key, url, url_key, outlet, title, byline, published, updated, language,
                    summary, text, content_hash, duplicate_of_id, story_id, fetched_at, min_hash, cluster_signature)
                VALUES \(values.joined(separator: ", "))
                """,
            binds: bindings)
    }

    public func updateArticle(_ article: Article) async throws {
        try await transaction { connection in
            let updated = try await connection.rows(
                """
                UPDATE article SET title = \(article.title), byline = \(article.byline), updated = \(article.updated),
                    summary = \(article.summary), text = \(article.text), content_hash = \(article.contentHash), url = \(article.url),
                    url_key = \(article.urlKey), cluster_signature = NULL
                WHERE id = \(article.id) RETURNING id
                """, logger: logger)
            guard !updated.isEmpty else { throw StoreError.notFound("article with id \(article.id)") }
            try await connection.rows("DELETE FROM passage WHERE article_id = \(article.id)", logger: logger)
            var passages = PassageRows()
            if article.duplicateOfID == nil { passages.add(articleID: article.id, text: article.text) }
            try await passages.insert(on: connection, logger: logger)
        }
    }

    public func articles(ids: [Int64]) async throws -> [Article] {
        guard !ids.isEmpty else { return [] }
        return try await rows("SELECT \(unescaped: Columns.article) FROM article WHERE id = ANY(\(ids)) ORDER BY published, id")
            .map(Columns.article)
    }

    public func articles(storyIDs: [Int64], userID: Int64?) async throws -> [Article] {
        guard !storyIDs.isEmpty else { return [] }
        // Optional filters are `$n IS NULL OR …`: the server plans each call with its values,
        // so an absent filter costs nothing.
        return try await rows(
            """
            SELECT \(unescaped: Columns.article) FROM article
            WHERE story_id = ANY(\(storyIDs))
              AND (\(userID)::int8 IS NULL OR source_id IN (SELECT source_id FROM subscription WHERE user_id = \(userID)))
            ORDER BY published, id
            """
        ).map(Columns.article)
    }

    public func unclusteredArticles(limit: Int) async throws -> [UnplacedArticle] {
        try await rows(
            """
            SELECT id, outlet, title, published, cluster_signature, CASE WHEN cluster_signature IS NULL THEN text END
            FROM article WHERE story_id IS NULL AND duplicate_of_id IS NULL
            ORDER BY published, id LIMIT \(limit)
            """
        ).map { row in
            let (id, outlet, title, published, signature, text) = try row.decode((Int64, String, String, Date, String?, String?).self)
            return UnplacedArticle(
                id: id, outlet: outlet, title: title, published: published,
                storedSignature: signature.flatMap(ArticleSignature.init(storedForm:)), text: text)
        }
    }

    public func articleCount() async throws -> Int {
        try await rows("SELECT count(*) FROM article").first?.decode(Int.self) ?? 0
    }

    public func articles(publishedFrom from: Date, to: Date?, userID: Int64?) async throws -> [Article] {
        try await rows(
            """
            SELECT \(unescaped: Columns.article) FROM article
            WHERE published >= \(from) AND (\(to)::timestamptz IS NULL OR published < \(to))
              AND (\(userID)::int8 IS NULL OR source_id IN (SELECT source_id FROM subscription WHERE user_id = \(userID)))
            ORDER BY published, id
            """
        ).map(Columns.article)
    }
}

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
