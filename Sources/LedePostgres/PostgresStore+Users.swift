import Foundation
import LedeCore
import PostgresNIO

extension PostgresStore {
    public func createUser(name: String, passwordHash: String?, isAdmin: Bool, now: Date) async throws -> User {
        // ON CONFLICT instead of a look-up first: two sign-ups for one name cannot both pass.
        let inserted = try await rows(
            """
            INSERT INTO "user" (name, password_hash, is_admin, created_at) VALUES (\(name), \(passwordHash), \(isAdmin), \(now))
            ON CONFLICT (name) DO NOTHING RETURNING id
            """)
        guard let row = inserted.first else { throw StoreError.duplicateUser(name: name) }
        return User(id: try row.decode(Int64.self), name: name, isAdmin: isAdmin, createdAt: now)
    }

    public func user(id: Int64) async throws -> User? {
        try await rows("SELECT \(unescaped: Columns.user) FROM \"user\" WHERE id = \(id)").first.map(Columns.user)
    }

    public func user(named name: String) async throws -> User? {
        try await rows("SELECT \(unescaped: Columns.user) FROM \"user\" WHERE name = \(name)").first.map(Columns.user)
    }

    public func users() async throws -> [User] {
        try await rows("SELECT \(unescaped: Columns.user) FROM \"user\" ORDER BY id").map(Columns.user)
    }

    public func passwordHash(userID: Int64) async throws -> String? {
        try await rows("SELECT password_hash FROM \"user\" WHERE id = \(userID)").first?.decode(String?.self) ?? nil
    }

    public func setPasswordHash(_ hash: String, userID: Int64) async throws {
        let updated = try await rows("UPDATE \"user\" SET password_hash = \(hash) WHERE id = \(userID) RETURNING id")
        guard !updated.isEmpty else { throw StoreError.notFound("user with id \(userID)") }
    }

    public func addToken(userID: Int64, name: String, tokenHash: String, now: Date) async throws -> APIToken {
        let inserted = try await rows(
            "INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (\(userID), \(name), \(tokenHash), \(now)) RETURNING id")
        guard let row = inserted.first else { throw StoreError.notFound("user with id \(userID)") }
        return APIToken(id: try row.decode(Int64.self), userID: userID, name: name, tokenHash: tokenHash, createdAt: now)
    }

    public func user(tokenHash: String) async throws -> User? {
        try await rows(
            "SELECT \(unescaped: Columns.user) FROM api_token JOIN \"user\" ON \"user\".id = api_token.user_id WHERE token_hash = \(tokenHash)"
        ).first.map(Columns.user)
    }

    public func tokens(userID: Int64) async throws -> [APIToken] {
        try await rows("SELECT id, user_id, name, token_hash, created_at FROM api_token WHERE user_id = \(userID) ORDER BY id").map { row in
            var reader = RowReader(row)
            return APIToken(id: try reader.next(), userID: try reader.next(), name: try reader.next(), tokenHash: try reader.next(), createdAt: try reader.next())
        }
    }

    public func deleteToken(id: Int64, userID: Int64) async throws {
        let deleted = try await rows("DELETE FROM api_token WHERE id = \(id) AND user_id = \(userID) RETURNING id")
        guard !deleted.isEmpty else { throw StoreError.notFound("token with id \(id)") }
    }

    public func saveSession(_ session: Session) async throws {
        try await rows(
            """
            INSERT INTO session (secret_hash, user_id, csrf_token, expires_at)
            VALUES (\(session.secretHash), \(session.userID), \(session.csrfToken), \(session.expiresAt))
            ON CONFLICT (secret_hash) DO UPDATE
            SET user_id = excluded.user_id, csrf_token = excluded.csrf_token, expires_at = excluded.expires_at
            """)
    }

    public func session(secretHash: String) async throws -> Session? {
        try await rows("SELECT secret_hash, user_id, csrf_token, expires_at FROM session WHERE secret_hash = \(secretHash)").first.map { row in
            var reader = RowReader(row)
            return Session(secretHash: try reader.next(), userID: try reader.next(), csrfToken: try reader.next(), expiresAt: try reader.next())
        }
    }

    public func deleteSession(secretHash: String) async throws {
        try await rows("DELETE FROM session WHERE secret_hash = \(secretHash)")
    }

    public func recordSignInFailure(keys: [String], at date: Date, forgetBefore: Date) async throws {
        try await transaction { connection in
            try await connection.rows("DELETE FROM sign_in_failure WHERE at < \(forgetBefore)", logger: logger)
            try await connection.rows(
                "INSERT INTO sign_in_failure (key, at) SELECT key, \(date) FROM unnest(\(keys)::text[]) AS key", logger: logger)
        }
    }

    public func signInFailures(key: String, since: Date) async throws -> [Date] {
        try await rows("SELECT at FROM sign_in_failure WHERE key = \(key) AND at >= \(since) ORDER BY at").map { try $0.decode(Date.self) }
    }

    public func clearSignInFailures(key: String) async throws {
        try await rows("DELETE FROM sign_in_failure WHERE key = \(key)")
    }
}
