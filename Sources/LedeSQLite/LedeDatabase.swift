import Foundation
import GRDB
import LedeCore

/// The SQLite database: one `DatabaseWriter` (a WAL pool on disk, a queue in memory) and the
/// schema's migrations. Migrations are named and never edited once shipped; add new ones.
public struct LedeDatabase: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path`, and migrates it.
    /// - Throws: `StoreError.unavailable` with a sentence saying what to do.
    public static func open(path: String) throws -> LedeDatabase {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let pool = try DatabasePool(path: path, configuration: configuration())
            return try LedeDatabase(writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unavailable(
                reason: "Cannot open the database at \(path) (\(Self.describe(error))). Choose a writable location with --database or LEDE_DATABASE.")
        }
    }

    /// A private in-memory database, for tests.
    public static func inMemory() throws -> LedeDatabase {
        try LedeDatabase(writer: DatabaseQueue(configuration: configuration()))
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL makes a crash lose at most the last transaction; NORMAL is safe in WAL mode.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        if let error = error as? CocoaError, let path = error.filePath { return "cannot create \(path)" }
        return (error as NSError).localizedDescription
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, articles, stories, profiles, briefings") { db in
            try db.create(table: "source") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("feed_url", .text).notNull().unique()
                table.column("title", .text)
                table.column("site_url", .text)
                table.column("added_at", .datetime).notNull()
                table.column("etag", .text)
                table.column("last_modified", .text)
                table.column("last_attempt_at", .datetime)
                table.column("last_success_at", .datetime)
                table.column("last_error", .text)
                table.column("consecutive_failures", .integer).notNull().defaults(to: 0)
                table.column("is_paused", .boolean).notNull().defaults(to: false)
                table.column("next_attempt_at", .datetime)
            }
            try db.create(table: "story") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("headline", .text).notNull()
                table.column("first_published", .datetime).notNull()
                table.column("last_published", .datetime).notNull().indexed()
                table.column("signature", .jsonText).notNull()
            }
            try db.create(table: "article") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("source_id", .integer).notNull().references("source", onDelete: .cascade).indexed()
                table.column("item_key", .text).notNull()
                table.column("url", .text).notNull()
                table.column("url_key", .text).notNull().indexed()
                table.column("outlet", .text).notNull()
                table.column("title", .text).notNull()
                table.column("byline", .text)
                table.column("published", .datetime).notNull().indexed()
                table.column("updated", .datetime)
                table.column("language", .text)
                table.column("summary", .text)
                table.column("text", .text).notNull()
                table.column("content_hash", .integer).notNull().indexed()
                table.column("duplicate_of_id", .integer).references("article", onDelete: .setNull).indexed()
                table.column("story_id", .integer).references("story", onDelete: .setNull).indexed()
                table.column("fetched_at", .datetime).notNull()
                table.column("min_hash", .blob)
                table.uniqueKey(["source_id", "item_key"])
            }
            try db.execute(
                sql: "CREATE INDEX article_unclustered ON article(published) WHERE story_id IS NULL AND duplicate_of_id IS NULL")
            try db.create(table: "article_band", options: .withoutRowID) { table in
                table.column("band_key", .integer).notNull()
                table.column("article_id", .integer).notNull().references("article", onDelete: .cascade).indexed()
                table.primaryKey(["band_key", "article_id"])
            }
            try db.create(table: "term_frequency", options: .withoutRowID) { table in
                table.primaryKey("term", .text)
                table.column("documents", .integer).notNull()
            }
            try db.create(table: "corpus_stat", options: .withoutRowID) { table in
                table.primaryKey("name", .text)
                table.column("value", .integer).notNull()
            }
            try db.create(table: "profile", options: .withoutRowID) { table in
                table.primaryKey("name", .text)
                table.column("body", .jsonText).notNull()
            }
            try db.create(table: "briefing", options: .withoutRowID) { table in
                table.column("date", .text).notNull()
                table.column("profile", .text).notNull()
                table.column("body", .jsonText).notNull()
                table.primaryKey(["date", "profile"])
            }
        }
        migrator.registerMigration("v2: passage search and conversations") { db in
            // Paragraphs of original articles, for answering questions. Copies are left out:
            // they would only repeat their original.
            try db.execute(sql: "CREATE VIRTUAL TABLE passage USING fts5(text, article_id UNINDEXED, position UNINDEXED, tokenize = 'porter unicode61')")
            let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM article WHERE duplicate_of_id IS NULL")
            while let row = try rows.next() {
                try SQLiteStore.indexPassages(db, articleID: row["id"], text: row["text"])
            }
            try db.create(table: "conversation", options: .withoutRowID) { table in
                table.primaryKey("id", .text)
                table.column("started_at", .datetime).notNull().indexed()
                table.column("body", .jsonText).notNull()
            }
        }
        migrator.registerMigration("v3: readers own subscriptions, profiles, editions and conversations") { db in
            try db.create(table: "user") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique()
                table.column("password_hash", .text)
                table.column("is_admin", .boolean).notNull().defaults(to: false)
                table.column("created_at", .datetime).notNull()
            }
            // The reader the command line acts as; everything stored so far was theirs.
            try db.execute(sql: "INSERT INTO user (id, name, is_admin, created_at) VALUES (1, ?, 1, CURRENT_TIMESTAMP)", arguments: [User.localName])
            try db.create(table: "subscription") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                table.column("source_id", .integer).notNull().references("source", onDelete: .cascade).indexed()
                table.column("title", .text)
                table.column("folder", .text)
                table.column("added_at", .datetime).notNull()
                table.uniqueKey(["user_id", "source_id"])
            }
            try db.execute(sql: "INSERT INTO subscription (user_id, source_id, added_at) SELECT 1, id, added_at FROM source")
            for (table, key) in [("profile", "name"), ("briefing", "date, profile")] {
                try db.execute(sql: "ALTER TABLE \(table) RENAME TO \(table)_v2")
                let columns = table == "profile" ? "name TEXT NOT NULL, body TEXT NOT NULL" : "date TEXT NOT NULL, profile TEXT NOT NULL, body TEXT NOT NULL"
                try db.execute(sql: """
                    CREATE TABLE \(table) (user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE, \(columns),
                    PRIMARY KEY (user_id, \(key))) WITHOUT ROWID
                    """)
                try db.execute(sql: "INSERT INTO \(table) SELECT 1, * FROM \(table)_v2")
                try db.execute(sql: "DROP TABLE \(table)_v2")
            }
            try db.execute(sql: "ALTER TABLE conversation RENAME TO conversation_v2")
            try db.create(table: "conversation", options: .withoutRowID) { table in
                table.primaryKey("id", .text)
                table.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                table.column("started_at", .datetime).notNull()
                table.column("body", .jsonText).notNull()
            }
            try db.execute(sql: "INSERT INTO conversation (id, user_id, started_at, body) SELECT id, 1, started_at, body FROM conversation_v2")
            try db.execute(sql: "DROP TABLE conversation_v2")
            try db.create(index: "conversation_by_user", on: "conversation", columns: ["user_id", "started_at"])
            try db.create(table: "feedback", options: .withoutRowID) { table in
                table.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                table.column("story_id", .integer).notNull().references("story", onDelete: .cascade)
                table.column("kind", .text).notNull()
                table.column("at", .datetime).notNull()
                table.primaryKey(["user_id", "story_id"])
            }
            try db.create(table: "read_mark", options: .withoutRowID) { table in
                table.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                table.column("story_id", .integer).notNull().references("story", onDelete: .cascade)
                table.column("at", .datetime).notNull()
                table.primaryKey(["user_id", "story_id"])
            }
            try db.create(table: "api_token") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("user_id", .integer).notNull().references("user", onDelete: .cascade).indexed()
                table.column("name", .text).notNull()
                table.column("token_hash", .text).notNull().unique()
                table.column("created_at", .datetime).notNull()
            }
            try db.create(table: "session", options: .withoutRowID) { table in
                table.primaryKey("secret_hash", .text)
                table.column("user_id", .integer).notNull().references("user", onDelete: .cascade)
                table.column("csrf_token", .text).notNull()
                table.column("expires_at", .datetime).notNull()
            }
        }
        registerJobQueueMigration(&migrator)
        migrator.registerMigration("v5: passage vocabulary") { db in
            // How many passages hold each search term, so a question's commonest words can be
            // left out of the search (see `searchPassages`).
            try db.execute(sql: "CREATE VIRTUAL TABLE passage_vocabulary USING fts5vocab(passage, 'row')")
        }
        migrator.registerMigration("v6: story saved generation") { db in
            // The clustering save that last wrote each story (see `stories(savedAfterGeneration:)`).
            try db.execute(sql: "ALTER TABLE story ADD COLUMN saved_generation INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "CREATE INDEX story_saved_generation ON story (saved_generation)")
        }
        migrator.registerMigration("v7: article clustering signature") { db in
            // Computed by the fetch that stored the article (see `UnplacedArticle`); cleared
            // once the article is placed, as nothing reads it after.
            try db.execute(sql: "ALTER TABLE article ADD COLUMN cluster_signature TEXT")
        }
        migrator.registerMigration("v8: sign-in failures and fetch runs") { db in
            // What `lede serve` kept in memory, so that every server sharing the database sees
            // it: failed sign-ins by client address and by user name (the rate limit), and each
            // reader's "fetch now" progress.
            try db.execute(sql: "CREATE TABLE sign_in_failure (key TEXT NOT NULL, at DATETIME NOT NULL)")
            try db.execute(sql: "CREATE INDEX sign_in_failure_key ON sign_in_failure (key, at)")
            try db.execute(sql: "CREATE INDEX sign_in_failure_at ON sign_in_failure (at)")
            try db.execute(
                sql: """
                    CREATE TABLE fetch_run (
                        user_id INTEGER PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,
                        body TEXT NOT NULL, active BOOLEAN NOT NULL, saved_at DATETIME NOT NULL)
                    """)
        }
        return migrator
    }
}
