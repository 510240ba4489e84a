import Foundation
import GRDB
import LedeCore

/// `LedeStore` on SQLite, through GRDB.
public struct SQLiteStore: LedeStore {
    let database: LedeDatabase
    var writer: any DatabaseWriter { database.writer }

    public init(database: LedeDatabase) {
        self.database = database
    }

    /// Opens the database file at `path`.
    public static func open(path: String) throws -> SQLiteStore {
        SQLiteStore(database: try LedeDatabase.open(path: path))
    }

    /// A throwaway in-memory store, for tests.
    public static func inMemory() throws -> SQLiteStore {
        SQLiteStore(database: try LedeDatabase.inMemory())
    }

    // MARK: Sources

    public func addSource(feedURL: String, title: String?, now: Date) async throws -> Source {
        try await writer.write { db in
            if try SourceRecord.filter(Column("feed_url") == feedURL).fetchOne(db) != nil {
                throw StoreError.duplicateSource(feedURL: feedURL)
            }
            var record = SourceRecord(Source(id: 0, feedURL: feedURL, title: title, addedAt: now))
            try record.insert(db)
            return record.source
        }
    }

    public func sources() async throws -> [Source] {
        try await writer.read { db in try SourceRecord.order(Column("id")).fetchAll(db).map(\.source) }
    }

    public func source(id: Int64) async throws -> Source? {
        try await writer.read { db in try SourceRecord.fetchOne(db, key: id)?.source }
    }

    public func source(feedURL: String) async throws -> Source? {
        try await writer.read { db in try SourceRecord.filter(Column("feed_url") == feedURL).fetchOne(db)?.source }
    }

    public func updateSource(_ source: Source) async throws {
        try await writer.write { db in
            let record = SourceRecord(source)
            guard try record.exists(db) else { throw StoreError.notFound("source with id \(source.id)") }
            try record.update(db)
        }
    }

    public func removeSource(id: Int64) async throws {
        try await writer.write { db in
            guard try SourceRecord.deleteOne(db, key: id) else { throw StoreError.notFound("source with id \(id)") }
        }
    }

    // MARK: Articles

    static var articleRequest: QueryInterfaceRequest<ArticleRecord> {
        ArticleRecord.select(ArticleRecord.articleColumns)
    }

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

    public func articles(ids: [Int64]) async throws -> [Article] {
        try await writer.read { db in
            try Self.articleRequest.filter(ids: ids).order(Column("published"), Column("id")).fetchAll(db).map(\.article)
        }
    }

    public func articles(storyIDs: [Int64]) async throws -> [Article] {
        try await writer.read { db in
            try Self.articleRequest.filter(storyIDs.contains(Column("story_id"))).order(Column("published"), Column("id"))
                .fetchAll(db).map(\.article)
        }
    }

    public func unclusteredArticles(limit: Int) async throws -> [Article] {
        try await writer.read { db in
            try Self.articleRequest.filter(Column("story_id") == nil && Column("duplicate_of_id") == nil)
                .order(Column("published"), Column("id")).limit(limit).fetchAll(db).map(\.article)
        }
    }

    public func articleCount() async throws -> Int {
        try await writer.read { db in try ArticleRecord.fetchCount(db) }
    }

    public func articles(publishedFrom from: Date, to: Date?) async throws -> [Article] {
        try await writer.read { db in
            var request = Self.articleRequest.filter(Column("published") >= from)
            if let to { request = request.filter(Column("published") < to) }
            return try request.order(Column("published"), Column("id")).fetchAll(db).map(\.article)
        }
    }

    // MARK: Stories

    public func stories(activeSince date: Date) async throws -> [Story] {
        try await writer.read { db in
            try StoryRecord.filter(Column("last_published") >= date).order(Column("last_published").desc, Column("id"))
                .fetchAll(db).map(\.story)
        }
    }

    public func story(id: Int64) async throws -> Story? {
        try await writer.read { db in try StoryRecord.fetchOne(db, key: id)?.story }
    }

    public func saveClustering(_ batch: ClusteringBatch) async throws {
        try await writer.write { db in
            var idsByKey: [Int: Int64] = [:]
            for update in batch.stories {
                var record = StoryRecord(update)
                if update.id == nil {
                    try record.insert(db)
                    if let id = record.id { idsByKey[update.provisionalKey] = id }
                } else {
                    try record.update(db)
                }
            }
            for (articleID, placement) in batch.placements {
                let storyID: Int64?
                switch placement {
                case .existing(let id): storyID = id
                case .new(let key): storyID = idsByKey[key]
                }
                guard let storyID else { continue }
                try db.execute(
                    sql: "UPDATE article SET story_id = ? WHERE id = ? OR duplicate_of_id = ?",
                    arguments: [storyID, articleID, articleID])
            }
        }
    }

    public func documentFrequencies() async throws -> DocumentFrequencies {
        try await writer.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT value FROM corpus_stat WHERE name = 'documents'") ?? 0
            var counts: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT term, documents FROM term_frequency")
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return DocumentFrequencies(documentCount: count, counts: counts)
        }
    }

    // MARK: Search and conversations

    static func indexPassages(_ db: Database, articleID: Int64, text: String) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO passage (text, article_id, position) VALUES (?, ?, ?)")
        for (position, paragraph) in text.components(separatedBy: "\n\n").enumerated() where !paragraph.isEmpty {
            try statement.execute(arguments: [paragraph, articleID, position])
        }
    }

    public func searchPassages(_ query: PassageQuery) async throws -> [Passage] {
        // Quote every term so that FTS5 reads it as a word, never as query syntax.
        let terms = query.terms.map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return [] }
        let match = terms.map { "\"\($0)\"" }.joined(separator: " OR ")
        var sql = """
            SELECT passage.text, passage.position, bm25(passage) AS rank, article.id, article.story_id, article.outlet,
                   article.url, article.title, article.published
            FROM passage JOIN article ON article.id = passage.article_id
            WHERE passage MATCH ?
            """
        var arguments: StatementArguments = [match]
        if let storyID = query.storyID {
            sql += " AND article.story_id = ?"
            arguments += [storyID]
        }
        if let before = query.publishedBefore {
            sql += " AND article.published <= ?"
            arguments += [before]
        }
        sql += " ORDER BY rank LIMIT ?"
        arguments += [query.limit]
        return try await writer.read { [sql, arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Passage(
                    articleID: row[3], storyID: row[4], outlet: row[5], url: row[6], title: row[7], published: row[8],
                    position: row[1], text: row[0], relevance: -(row[2] as Double))
            }
        }
    }

    public func saveConversation(_ conversation: Conversation) async throws {
        let body = JSONRendering.string(conversation, pretty: false)
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO conversation (id, started_at, body) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body",
                arguments: [conversation.id, conversation.startedAt, body])
        }
    }

    public func conversation(id: String) async throws -> Conversation? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM conversation WHERE id = ?", arguments: [id])
                .flatMap { try? JSONRendering.decoder().decode(Conversation.self, from: Data($0.utf8)) }
        }
    }

    public func conversations(limit: Int) async throws -> [Conversation] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM conversation ORDER BY started_at DESC, id LIMIT ?", arguments: [limit])
                .compactMap { try? JSONRendering.decoder().decode(Conversation.self, from: Data($0.utf8)) }
        }
    }

    // MARK: Profiles

    public func saveProfile(_ profile: Profile) async throws {
        let body = JSONRendering.string(profile, pretty: false)
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO profile (name, body) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET body = excluded.body",
                arguments: [profile.name, body])
        }
    }

    public func profile(named name: String) async throws -> Profile? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM profile WHERE name = ?", arguments: [name]).flatMap(Self.decodeProfile)
        }
    }

    public func profiles() async throws -> [Profile] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM profile ORDER BY name").compactMap(Self.decodeProfile)
        }
    }

    static func decodeProfile(_ body: String) -> Profile? {
        try? JSONRendering.decoder().decode(Profile.self, from: Data(body.utf8))
    }

    // MARK: Briefings

    public func saveBriefing(_ briefing: Briefing) async throws {
        let body = JSONRendering.string(briefing, pretty: false)
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO briefing (date, profile, body) VALUES (?, ?, ?) ON CONFLICT(date, profile) DO UPDATE SET body = excluded.body",
                arguments: [briefing.date, briefing.profile, body])
        }
    }

    public func briefing(date: String, profile: String) async throws -> Briefing? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM briefing WHERE date = ? AND profile = ?", arguments: [date, profile])
                .flatMap { try? JSONRendering.decoder().decode(Briefing.self, from: Data($0.utf8)) }
        }
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
