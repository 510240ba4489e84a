import Foundation
import GRDB
import LedeCore

extension SQLiteStore {
    public func stories(activeSince date: Date, userID: Int64?) async throws -> [Story] {
        try await writer.read { db in
            var request = StoryRecord.filter(Column("last_published") >= date)
            if let userID {
                request = request.filter(
                    sql: "id IN (SELECT story_id FROM article WHERE story_id IS NOT NULL AND \(Self.followedBy))", arguments: [userID])
            }
            return try request.order(Column("last_published").desc, Column("id")).fetchAll(db).map(\.story)
        }
    }

    public func stories(lastPublishedFrom from: Date, before end: Date) async throws -> [Story] {
        try await writer.read { db in
            try StoryRecord.filter(Column("last_published") >= from && Column("last_published") < end)
                .order(Column("last_published").desc, Column("id")).fetchAll(db).map(\.story)
        }
    }

    public func story(id: Int64) async throws -> Story? {
        try await writer.read { db in try StoryRecord.fetchOne(db, key: id)?.story }
    }

    public func saveClustering(_ batch: ClusteringBatch) async throws -> ClusteringReceipt {
        try await writer.write { db in try Self.writeClustering(db, batch) }
    }

    public func clusteringGeneration() async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM corpus_stat WHERE name = 'clustering_generation'") ?? 0
        }
    }

    public func stories(savedAfterGeneration generation: Int64) async throws -> [Story] {
        try await writer.read { db in
            try StoryRecord.filter(sql: "saved_generation > ?", arguments: [generation]).order(Column("id")).fetchAll(db).map(\.story)
        }
    }

    /// Writes a clustering run's stories and placements inside the caller's transaction, and
    /// counts the save in the clustering generation.
    static func writeClustering(_ db: Database, _ batch: ClusteringBatch) throws -> ClusteringReceipt {
        let generation =
            try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO corpus_stat (name, value) VALUES ('clustering_generation', 1)
                    ON CONFLICT(name) DO UPDATE SET value = value + 1
                    RETURNING value
                    """) ?? 0
        var idsByKey: [Int: Int64] = [:]
        let markSaved = try db.cachedStatement(sql: "UPDATE story SET saved_generation = ? WHERE id = ?")
        for update in batch.stories {
            var record = StoryRecord(update)
            if update.id == nil {
                try record.insert(db)
                if let id = record.id { idsByKey[update.provisionalKey] = id }
            } else {
                try record.update(db)
            }
            if let id = record.id { try markSaved.execute(arguments: [generation, id]) }
        }
        for (articleID, placement) in batch.placements {
            let storyID: Int64?
            switch placement {
            case .existing(let id): storyID = id
            case .new(let key): storyID = idsByKey[key]
            }
            guard let storyID else { continue }
            try db.execute(
                sql: "UPDATE article SET story_id = ?, cluster_signature = NULL WHERE id = ? OR duplicate_of_id = ?",
                arguments: [storyID, articleID, articleID])
        }
        return ClusteringReceipt(storyIDs: idsByKey, generation: generation)
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
}
