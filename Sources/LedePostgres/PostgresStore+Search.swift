import Foundation
import LedeCore
import PostgresNIO

extension PostgresStore {
    /// Full-text search over `passage.search` (english `tsvector`, GIN index): a paragraph
    /// matches when it has any of the words. Its relevance sums, over the words it has,
    /// `ts_rank` (normalised by the paragraph's length) weighted by the word's inverse document
    /// frequency, so that a rare name counts for more than a common word, as BM25 does on SQLite.
    public func searchPassages(_ query: PassageQuery) async throws -> [Passage] {
        // Letters and digits only: a word can never be read as tsquery syntax.
        var seen = Set<String>()
        let words = query.terms.map { String($0.filter { $0.isLetter || $0.isNumber }).lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !words.isEmpty else { return [] }
        let weights = try await wordWeights(words)
        let onlyArticles = query.articleIDs != nil
        let articleIDs = query.articleIDs ?? []
        let found = try await rows(
            """
            WITH wanted AS (
                SELECT to_tsquery('english', word) AS query, weight
                FROM unnest(\(words)::text[], \(weights)::float8[]) AS wanted(word, weight)
            )
            SELECT passage.text, passage.position,
                   (SELECT sum(wanted.weight * ts_rank(passage.search, wanted.query, 1)) FROM wanted)::float8 AS rank,
                   article.id, article.story_id, article.outlet, article.url, article.title, article.published
            FROM passage JOIN article ON article.id = passage.article_id
            WHERE passage.search @@ to_tsquery('english', array_to_string(\(words)::text[], ' | '))
              AND (\(query.userID)::int8 IS NULL
                   OR article.source_id IN (SELECT source_id FROM subscription WHERE user_id = \(query.userID)))
              AND (\(query.storyID)::int8 IS NULL OR article.story_id = \(query.storyID))
              AND (\(query.publishedBefore)::timestamptz IS NULL OR article.published <= \(query.publishedBefore))
              AND (NOT \(onlyArticles) OR article.id = ANY(\(articleIDs)::int8[]))
            ORDER BY rank DESC, article.id, passage.position
            LIMIT \(query.limit)
            """)
        return try found.map { row in
            var reader = RowReader(row)
            let text: String = try reader.next()
            let position: Int = try reader.next()
            let relevance: Double = try reader.next()
            return Passage(
                articleID: try reader.next(), storyID: try reader.next(), outlet: try reader.next(), url: try reader.next(),
                title: try reader.next(), published: try reader.next(), position: position, text: text, relevance: relevance)
        }
    }

    /// Each word's inverse document frequency, from the counts kept for clustering; words
    /// Lede does not count (stopwords) weigh 1.
    func wordWeights(_ words: [String]) async throws -> [Double] {
        let keys = words.map { Terms.terms(in: $0).first ?? "" }
        let counted = try await rows(
            """
            SELECT term, documents FROM term_frequency WHERE term = ANY(\(keys.filter { !$0.isEmpty })::text[])
            UNION ALL SELECT '', value FROM corpus_stat WHERE name = 'documents'
            """)
        var frequencies = DocumentFrequencies()
        for row in counted {
            let (term, documents) = try row.decode((String, Int).self)
            if term.isEmpty { frequencies.documentCount = documents } else { frequencies.counts[term] = documents }
        }
        return keys.map { $0.isEmpty ? 1 : frequencies.idf($0) }
    }

    public func saveConversation(_ conversation: Conversation, userID: Int64) async throws {
        let body = JSONRendering.string(conversation, pretty: false)
        // One statement: the update only applies to the reader's own conversation, so an id
        // taken by another reader yields no row.
        let saved = try await rows(
            """
            INSERT INTO conversation (id, user_id, started_at, body) VALUES (\(conversation.id), \(userID), \(conversation.startedAt), \(body)::jsonb)
            ON CONFLICT (id) DO UPDATE SET body = excluded.body WHERE conversation.user_id = excluded.user_id
            RETURNING id
            """)
        guard !saved.isEmpty else { throw StoreError.notFound("conversation \(conversation.id)") }
    }

    public func conversation(id: String, userID: Int64) async throws -> Conversation? {
        try await rows("SELECT body::text FROM conversation WHERE id = \(id) AND user_id = \(userID)")
            .first.flatMap { Columns.decode(Conversation.self, try $0.decode(String.self)) }
    }

    public func conversations(userID: Int64, limit: Int) async throws -> [Conversation] {
        try await rows(
            "SELECT body::text FROM conversation WHERE user_id = \(userID) ORDER BY started_at DESC, id COLLATE \"C\" LIMIT \(limit)"
        ).compactMap { Columns.decode(Conversation.self, try $0.decode(String.self)) }
    }
}
