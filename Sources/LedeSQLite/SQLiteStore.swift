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

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    static func decode<T: Decodable>(_ type: T.Type, _ body: String) -> T? {
        try? JSONRendering.decoder().decode(type, from: Data(body.utf8))
    }
}
