import Foundation
import GRDB
import LedeCore

extension SQLiteStore {
    public func saveProfile(_ profile: Profile, userID: Int64) async throws {
        let body = JSONRendering.string(profile, pretty: false)
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO profile (user_id, name, body) VALUES (?, ?, ?) ON CONFLICT(user_id, name) DO UPDATE SET body = excluded.body",
                arguments: [userID, profile.name, body])
        }
    }

    public func profile(named name: String, userID: Int64) async throws -> Profile? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM profile WHERE user_id = ? AND name = ?", arguments: [userID, name])
                .flatMap { Self.decode(Profile.self, $0) }
        }
    }

    public func profiles(userID: Int64) async throws -> [Profile] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM profile WHERE user_id = ? ORDER BY name", arguments: [userID])
                .compactMap { Self.decode(Profile.self, $0) }
        }
    }

    public func deleteProfile(named name: String, userID: Int64) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM profile WHERE user_id = ? AND name = ?", arguments: [userID, name])
            guard db.changesCount > 0 else { throw StoreError.notFound("profile named \(name)") }
        }
    }

    public func saveBriefing(_ briefing: Briefing, userID: Int64) async throws {
        let body = JSONRendering.string(briefing, pretty: false)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO briefing (user_id, date, profile, body) VALUES (?, ?, ?, ?)
                    ON CONFLICT(user_id, date, profile) DO UPDATE SET body = excluded.body
                    """,
                arguments: [userID, briefing.date, briefing.profile, body])
        }
    }

    public func briefing(date: String, profile: String, userID: Int64) async throws -> Briefing? {
        try await writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT body FROM briefing WHERE user_id = ? AND date = ? AND profile = ?", arguments: [userID, date, profile]
            ).flatMap { Self.decode(Briefing.self, $0) }
        }
    }

    public func briefingDates(profile: String, userID: Int64, limit: Int) async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT date FROM briefing WHERE user_id = ? AND profile = ? ORDER BY date DESC LIMIT ?",
                arguments: [userID, profile, limit])
        }
    }

    public func saveFeedback(_ feedback: Feedback) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO feedback (user_id, story_id, kind, at) VALUES (?, ?, ?, ?)",
                arguments: [feedback.userID, feedback.storyID, feedback.kind.rawValue, feedback.at])
        }
    }

    public func feedback(userID: Int64) async throws -> [Feedback] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE user_id = ? ORDER BY at", arguments: [userID]).compactMap { row in
                Feedback.Kind(rawValue: row["kind"]).map {
                    Feedback(userID: row["user_id"], storyID: row["story_id"], kind: $0, at: row["at"])
                }
            }
        }
    }

    public func markRead(storyIDs: [Int64], userID: Int64, at: Date) async throws {
        try await writer.write { db in
            for storyID in storyIDs {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO read_mark (user_id, story_id, at) VALUES (?, ?, ?)", arguments: [userID, storyID, at])
            }
        }
    }

    public func readStoryIDs(userID: Int64) async throws -> Set<Int64> {
        try await writer.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT story_id FROM read_mark WHERE user_id = ?", arguments: [userID]))
        }
    }

    public func saveFetchRun(_ run: FetchRun, userID: Int64, at date: Date, onlyIfIdleSince: Date?) async throws -> Bool {
        try await writer.write { db in
            if let onlyIfIdleSince,
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM fetch_run WHERE user_id = ? AND active AND saved_at >= ?", arguments: [userID, onlyIfIdleSince])
                    != nil
            {
                return false
            }
            try db.execute(
                sql: """
                    INSERT INTO fetch_run (user_id, body, active, saved_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(user_id) DO UPDATE SET body = excluded.body, active = excluded.active, saved_at = excluded.saved_at
                    """, arguments: [userID, JSONRendering.string(run, pretty: false), run.isActive, date])
            return true
        }
    }

    public func fetchRun(userID: Int64) async throws -> FetchRun? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM fetch_run WHERE user_id = ?", arguments: [userID])
                .flatMap { Self.decode(FetchRun.self, $0) }
        }
    }
}
