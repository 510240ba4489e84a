import Foundation
import LedeCore
import Logging
import PostgresNIO

extension PostgresStore {
    public func stories(activeSince date: Date, userID: Int64?) async throws -> [Story] {
        try await rows(
            """
            SELECT \(unescaped: Columns.story) FROM story
            WHERE story.last_published >= \(date)
              AND (\(userID)::int8 IS NULL OR EXISTS (
                    SELECT 1 FROM article JOIN subscription ON subscription.source_id = article.source_id
                    WHERE article.story_id = story.id AND subscription.user_id = \(userID)))
            ORDER BY story.last_published DESC, story.id
            """
        ).map(Columns.story)
    }

    public func stories(lastPublishedFrom from: Date, before end: Date) async throws -> [Story] {
        try await rows(
            """
            SELECT \(unescaped: Columns.story) FROM story WHERE last_published >= \(from) AND last_published < \(end)
            ORDER BY last_published DESC, id
            """
        ).map(Columns.story)
    }

    public func story(id: Int64) async throws -> Story? {
        try await rows("SELECT \(unescaped: Columns.story) FROM story WHERE id = \(id)").first.map(Columns.story)
    }

    public func saveClustering(_ batch: ClusteringBatch) async throws -> ClusteringReceipt {
        try await transaction { connection in
            try await Self.writeClustering(batch, on: connection, logger: logger)
        }
    }

    public func clusteringGeneration() async throws -> Int64 {
        try await rows("SELECT value FROM corpus_stat WHERE name = 'clustering_generation'").first?.decode(Int64.self) ?? 0
    }

    public func stories(savedAfterGeneration generation: Int64) async throws -> [Story] {
        try await rows("SELECT \(unescaped: Columns.story) FROM story WHERE saved_generation > \(generation) ORDER BY id").map(Columns.story)
    }

    /// Writes a clustering run's stories and placements inside the caller's transaction, and
    /// counts the save in the clustering generation.
    static func writeClustering(_ batch: ClusteringBatch, on connection: PostgresConnection, logger: Logger) async throws -> ClusteringReceipt {
        // The row lock taken here, held until commit, also orders concurrent saves: a reader
        // that sees generation G sees every story saved up to G.
        let generation = try await connection.rows(
            """
            INSERT INTO corpus_stat (name, value) VALUES ('clustering_generation', 1)
            ON CONFLICT (name) DO UPDATE SET value = corpus_stat.value + 1
            RETURNING value
            """, logger: logger
        ).first?.decode(Int64.self) ?? 0
        let idsByKey = try await Self.insertStories(batch.stories.filter { $0.id == nil }, on: connection, logger: logger)
        try await Self.updateStories(batch.stories.filter { $0.id != nil }, on: connection, logger: logger)
        let saved = Array(idsByKey.values) + batch.stories.compactMap(\.id)
        if !saved.isEmpty {
            try await connection.rows(
                "UPDATE story SET saved_generation = \(generation) WHERE id = ANY(\(saved)::int8[])", logger: logger)
        }
        try await Self.placeArticles(batch, idsByKey: idsByKey, on: connection, logger: logger)
        return ClusteringReceipt(storyIDs: idsByKey, generation: generation)
    }

    /// Sets each placed article's story, and its copies'.
    static func placeArticles(_ batch: ClusteringBatch, idsByKey: [Int: Int64], on connection: PostgresConnection, logger: Logger) async throws {

        // The last placement of an article wins, as when they are applied one by one.
        var storyByArticle: [Int64: Int64] = [:]
        var order: [Int64] = []
        for (articleID, placement) in batch.placements {
            let storyID: Int64? =
                switch placement {
                case .existing(let id): id
                case .new(let key): idsByKey[key]
                }
            guard let storyID else { continue }
            if storyByArticle.updateValue(storyID, forKey: articleID) == nil { order.append(articleID) }
        }
        guard !order.isEmpty else { return }
        let articleIDs = order
        let storyIDs = order.map { storyByArticle[$0] ?? 0 }
        // Copies follow their original into its story. A placed article's clustering signature
        // is not read again.
        try await connection.rows(
            """
            UPDATE article SET story_id = placed.story_id, cluster_signature = NULL
            FROM unnest(\(articleIDs)::int8[], \(storyIDs)::int8[]) AS placed(article_id, story_id)
            WHERE article.id = placed.article_id OR article.duplicate_of_id = placed.article_id
            """, logger: logger)
    }

    /// Inserts new stories in one statement, with ids taken up front.
    /// - Returns: each new story's id by its provisional key.
    static func insertStories(_ stories: [StoryUpdate], on connection: PostgresConnection, logger: Logger) async throws -> [Int: Int64] {
        guard !stories.isEmpty else { return [:] }
        let ids = try await connection.rows(
            "SELECT nextval(pg_get_serial_sequence('story', 'id')) FROM generate_series(1, \(stories.count))", logger: logger
        ).map { try $0.decode(Int64.self) }.sorted()
        try await connection.rows(
            """
            INSERT INTO story (id, headline, first_published, last_published, signature)
            SELECT id, headline, first_published, last_published, signature
            FROM unnest(\(ids)::int8[], \(stories.map(\.headline))::text[], \(stories.map(\.firstPublished))::timestamptz[],
                        \(stories.map(\.lastPublished))::timestamptz[], \(stories.map(\.signature.storedForm))::text[])
                 AS new(id, headline, first_published, last_published, signature)
            """, logger: logger)
        var idsByKey: [Int: Int64] = [:]
        for (id, story) in zip(ids, stories) { idsByKey[story.provisionalKey] = id }
        return idsByKey
    }

    /// Updates existing stories in one statement.
    /// - Throws: `StoreError.notFound` when one of them is not stored.
    static func updateStories(_ stories: [StoryUpdate], on connection: PostgresConnection, logger: Logger) async throws {
        var latest: [Int64: StoryUpdate] = [:]
        for story in stories { if let id = story.id { latest[id] = story } }
        guard !latest.isEmpty else { return }
        let changed = Array(latest.values)
        let ids = changed.compactMap(\.id)
        let updated = try await connection.rows(
            """
            UPDATE story SET headline = changed.headline, first_published = changed.first_published,
                last_published = changed.last_published, signature = changed.signature
            FROM unnest(\(ids)::int8[], \(changed.map(\.headline))::text[], \(changed.map(\.firstPublished))::timestamptz[],
                        \(changed.map(\.lastPublished))::timestamptz[], \(changed.map(\.signature.storedForm))::text[])
                 AS changed(id, headline, first_published, last_published, signature)
            WHERE story.id = changed.id
            RETURNING story.id
            """, logger: logger)
        let found = Set(try updated.map { try $0.decode(Int64.self) })
        if let missing = ids.first(where: { !found.contains($0) }) { throw StoreError.notFound("story with id \(missing)") }
    }

    public func documentFrequencies() async throws -> DocumentFrequencies {
        let count = try await rows("SELECT value FROM corpus_stat WHERE name = 'documents'").first?.decode(Int.self) ?? 0
        var counts: [String: Int] = [:]
        try await eachRow("SELECT term, documents FROM term_frequency") { row in
            let (term, documents) = try row.decode((String, Int).self)
            counts[term] = documents
        }
        return DocumentFrequencies(documentCount: count, counts: counts)
    }
}
