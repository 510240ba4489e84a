import Foundation
import LedeCore
import PostgresNIO

extension PostgresStore {
    public func saveProfile(_ profile: Profile, userID: Int64) async throws {
        let body = JSONRendering.string(profile, pretty: false)
        try await rows(
            """
            INSERT INTO profile (user_id, name, body) VALUES (\(userID), \(profile.name), \(body)::jsonb)
            ON CONFLICT (user_id, name) DO UPDATE SET body = excluded.body
            """)
    }

    public func profile(named name: String, userID: Int64) async throws -> Profile? {
        try await rows("SELECT body::text FROM profile WHERE user_id = \(userID) AND name = \(name)")
            .first.flatMap { Columns.decode(Profile.self, try $0.decode(String.self)) }
    }

    /// Ordered by name byte by byte (`COLLATE "C"`), as SQLite orders text.
    public func profiles(userID: Int64) async throws -> [Profile] {
        try await rows("SELECT body::text FROM profile WHERE user_id = \(userID) ORDER BY name COLLATE \"C\"")
            .compactMap { Columns.decode(Profile.self, try $0.decode(String.self)) }
    }

    public func deleteProfile(named name: String, userID: Int64) async throws {
        let deleted = try await rows("DELETE FROM profile WHERE user_id = \(userID) AND name = \(name) RETURNING name")
        guard !deleted.isEmpty else { throw StoreError.notFound("profile named \(name)") }
    }

    public func saveBriefing(_ briefing: Briefing, userID: Int64) async throws {
        let body = JSONRendering.string(briefing, pretty: false)
        try await rows(
            """
            INSERT INTO briefing (user_id, date, profile, body) VALUES (\(userID), \(briefing.date), \(briefing.profile), \(body)::jsonb)
            ON CONFLICT (user_id, date, profile) DO UPDATE SET body = excluded.body
            """)
    }

    public func briefing(date: String, profile: String, userID: Int64) async throws -> Briefing? {
        try await rows("SELECT body::text FROM briefing WHERE user_id = \(userID) AND date = \(date) AND profile = \(profile)")
            .first.flatMap { Columns.decode(Briefing.self, try $0.decode(String.self)) }
    }

    public func briefingDates(profile: String, userID: Int64, limit: Int) async throws -> [String] {
        try await rows(
            "SELECT date FROM briefing WHERE user_id = \(userID) AND profile = \(profile) ORDER BY date COLLATE \"C\" DESC LIMIT \(limit)"
        ).map { try $0.decode(String.self) }
    }

    public func saveFeedback(_ feedback: Feedback) async throws {
        try await rows(
            """
            INSERT INTO feedback (user_id, story_id, kind, at) VALUES (\(feedback.userID), \(feedback.storyID), \(feedback.kind.rawValue), \(feedback.at))
            ON CONFLICT (user_id, story_id) DO UPDATE SET kind = excluded.kind, at = excluded.at
            """)
    }

    public func feedback(userID: Int64) async throws -> [Feedback] {
        try await rows("SELECT user_id, story_id, kind, at FROM feedback WHERE user_id = \(userID) ORDER BY at, story_id").compactMap { row in
            var reader = RowReader(row)
            let userID: Int64 = try reader.next()
            let storyID: Int64 = try reader.next()
            guard let kind = Feedback.Kind(rawValue: try reader.next()) else { return nil }
            return Feedback(userID: userID, storyID: storyID, kind: kind, at: try reader.next())
        }
    }

    public func markRead(storyIDs: [Int64], userID: Int64, at: Date) async throws {
        guard !storyIDs.isEmpty else { return }
        try await rows(
            """
            INSERT INTO read_mark (user_id, story_id, at)
            SELECT \(userID), story_id, \(at) FROM unnest(\(Array(Set(storyIDs)))::int8[]) AS marked(story_id)
            ON CONFLICT (user_id, story_id) DO NOTHING
            """)
    }

    public func readStoryIDs(userID: Int64) async throws -> Set<Int64> {
        Set(try await rows("SELECT story_id FROM read_mark WHERE user_id = \(userID)").map { try $0.decode(Int64.self) })
    }

    public func saveFetchRun(_ run: FetchRun, userID: Int64, at date: Date, onlyIfIdleSince: Date?) async throws -> Bool {
        // One statement: of two servers starting the same reader's fetch, one saves it.
        let saved = try await rows(
            """
            INSERT INTO fetch_run (user_id, body, active, saved_at)
            VALUES (\(userID), \(JSONRendering.string(run, pretty: false))::jsonb, \(run.isActive), \(date))
            ON CONFLICT (user_id) DO UPDATE SET body = excluded.body, active = excluded.active, saved_at = excluded.saved_at
            WHERE \(onlyIfIdleSince)::timestamptz IS NULL OR NOT fetch_run.active OR fetch_run.saved_at < \(onlyIfIdleSince)
            RETURNING user_id
            """)
        return !saved.isEmpty
    }

    public func fetchRun(userID: Int64) async throws -> FetchRun? {
        try await rows("SELECT body::text FROM fetch_run WHERE user_id = \(userID)").first
            .map { try JSONRendering.decoder().decode(FetchRun.self, from: Data(try $0.decode(String.self).utf8)) }
    }
}
