import Foundation
import GRDB
import LedeCore

extension SQLiteStore {
    static func user(_ row: Row) -> User {
        User(id: row["id"], name: row["name"], isAdmin: row["is_admin"], createdAt: row["created_at"])
    }

    public func createUser(name: String, passwordHash: String?, isAdmin: Bool, now: Date) async throws -> User {
        try await writer.write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.duplicateUser(name: name)
            }
            try db.execute(
                sql: "INSERT INTO user (name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, passwordHash, isAdmin, now])
            return User(id: db.lastInsertedRowID, name: name, isAdmin: isAdmin, createdAt: now)
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map(Self.user) }
    }

    public func user(named name: String) async throws -> User? {
        try await writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM user WHERE name = ?", arguments: [name]).map(Self.user) }
    }

    public func users() async throws -> [User] {
        try await writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY id").map(Self.user) }
    }

    public func passwordHash(userID: Int64) async throws -> String? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM user WHERE id = ?", arguments: [userID])
        }
    }

    public func setPasswordHash(_ hash: String, userID: Int64) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            guard db.changesCount > 0 else { throw StoreError.notFound("user with id \(userID)") }
        }
    }

    public func addToken(userID: Int64, name: String, tokenHash: String, now: Date) async throws -> APIToken {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [userID, name, tokenHash, now])
            return APIToken(id: db.lastInsertedRowID, userID: userID, name: name, tokenHash: tokenHash, createdAt: now)
        }
    }

    public func user(tokenHash: String) async throws -> User? {
        try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT user.* FROM api_token JOIN user ON user.id = api_token.user_id WHERE token_hash = ?",
                arguments: [tokenHash]
            ).map(Self.user)
        }
    }

    public func tokens(userID: Int64) async throws -> [APIToken] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token WHERE user_id = ? ORDER BY id", arguments: [userID]).map { row in
                APIToken(id: row["id"], userID: row["user_id"], name: row["name"], tokenHash: row["token_hash"], createdAt: row["created_at"])
            }
        }
    }

    public func deleteToken(id: Int64, userID: Int64) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM api_token WHERE id = ? AND user_id = ?", arguments: [id, userID])
            guard db.changesCount > 0 else { throw StoreError.notFound("token with id \(id)") }
        }
    }

    public func saveSession(_ session: Session) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO session (secret_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [session.secretHash, session.userID, session.csrfToken, session.expiresAt])
        }
    }

    public func session(secretHash: String) async throws -> Session? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE secret_hash = ?", arguments: [secretHash]).map { row in
                Session(secretHash: row["secret_hash"], userID: row["user_id"], csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
            }
        }
    }

    public func deleteSession(secretHash: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM session WHERE secret_hash = ?", arguments: [secretHash])
        }
    }

    public func recordSignInFailure(keys: [String], at date: Date, forgetBefore: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE at < ?", arguments: [forgetBefore])
            for key in keys {
                try db.execute(sql: "INSERT INTO sign_in_failure (key, at) VALUES (?, ?)", arguments: [key, date])
            }
        }
    }

    public func signInFailures(key: String, since: Date) async throws -> [Date] {
        try await writer.read { db in
            try Date.fetchAll(db, sql: "SELECT at FROM sign_in_failure WHERE key = ? AND at >= ? ORDER BY at", arguments: [key, since])
        }
    }

    public func clearSignInFailures(key: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE key = ?", arguments: [key])
        }
    }
}
