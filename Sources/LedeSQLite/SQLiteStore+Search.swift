import Foundation
import GRDB
import LedeCore

extension SQLiteStore {
    static func indexPassages(_ db: Database, articleID: Int64, text: String) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO passage (text, article_id, position) VALUES (?, ?, ?)")
        for (position, paragraph) in Article.blankLineParts(of: text).enumerated() where !paragraph.isEmpty {
            try statement.execute(arguments: [String(paragraph), articleID, position])
        }
    }

    /// Terms held by more passages than this are left out of a search when rarer ones remain:
    /// they barely change the ranking, and reading their postings would make every question's
    /// cost grow with the size of the store.
    static let commonTermPassages = 3000

    public func searchPassages(_ query: PassageQuery) async throws -> [Passage] {
        let terms = query.terms.map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return [] }
        var sql = """
            SELECT passage.text, passage.position, bm25(passage) AS rank, article.id, article.story_id, article.outlet,
                   article.url, article.title, article.published
            FROM passage JOIN article ON article.id = passage.article_id
            WHERE passage MATCH ?
            """
        var filterArguments: StatementArguments = []
        if let userID = query.userID {
            sql += " AND " + Self.followedBy
            filterArguments += [userID]
        }
        if let storyID = query.storyID {
            sql += " AND article.story_id = ?"
            filterArguments += [storyID]
        }
        if let before = query.publishedBefore {
            sql += " AND article.published <= ?"
            filterArguments += [before]
        }
        if let articleIDs = query.articleIDs {
            sql += " AND article.id IN (SELECT value FROM json_each(?))"
            filterArguments += [JSONRendering.string(articleIDs, pretty: false)]
        }
        sql += " ORDER BY rank LIMIT ?"
        filterArguments += [query.limit]
        // One read: the terms' passage counts and the search see the same snapshot.
        return try await writer.read { [sql, filterArguments] db in
            // Quote every term so that FTS5 reads it as a word, never as query syntax.
            let match = try Self.leavingOutCommonTerms(terms, db).map { "\"\($0)\"" }.joined(separator: " OR ")
            let arguments: StatementArguments = [match] + filterArguments
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Passage(
                    articleID: row[3], storyID: row[4], outlet: row[5], url: row[6], title: row[7], published: row[8],
                    position: row[1], text: row[0], relevance: -(row[2] as Double))
            }
        }
    }

    /// The terms without those held by more than `commonTermPassages` passages, unless every
    /// term is that common (then the rarest is kept).
    private static func leavingOutCommonTerms(_ terms: [String], _ db: Database) throws -> [String] {
        // The vocabulary holds terms as the porter tokenizer stems them.
        var counts: [String: Int] = [:]
        for term in terms {
            let tokens = try Row.fetchAll(
                db, sql: "SELECT term, doc FROM passage_vocabulary WHERE term = ? OR term = ?",
                arguments: [term.lowercased(), PorterStemmer.stem(term.lowercased())])
            counts[term] = tokens.map { $0["doc"] as Int }.max() ?? 0
        }
        let rare = terms.filter { (counts[$0] ?? 0) <= commonTermPassages }
        if !rare.isEmpty { return rare }
        return terms.min { (counts[$0] ?? 0) < (counts[$1] ?? 0) }.map { [$0] } ?? terms
    }

    public func saveConversation(_ conversation: Conversation, userID: Int64) async throws {
        let body = JSONRendering.string(conversation, pretty: false)
        try await writer.write { db in
            if let owner = try Int64.fetchOne(db, sql: "SELECT user_id FROM conversation WHERE id = ?", arguments: [conversation.id]), owner != userID {
                throw StoreError.notFound("conversation \(conversation.id)")
            }
            try db.execute(
                sql: """
                    INSERT INTO conversation (id, user_id, started_at, body) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET body = excluded.body
                    """,
                arguments: [conversation.id, userID, conversation.startedAt, body])
        }
    }

    public func conversation(id: String, userID: Int64) async throws -> Conversation? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM conversation WHERE id = ? AND user_id = ?", arguments: [id, userID])
                .flatMap { Self.decode(Conversation.self, $0) }
        }
    }

    public func conversations(userID: Int64, limit: Int) async throws -> [Conversation] {
        try await writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT body FROM conversation WHERE user_id = ? ORDER BY started_at DESC, id LIMIT ?", arguments: [userID, limit]
            ).compactMap { Self.decode(Conversation.self, $0) }
        }
    }
}
