import Foundation
import LedeCore
import LedePostgres
import LedeSQLite

/// Where the database is: from `--database`, else `LEDE_DATABASE`, else the platform's data
/// folder (`$XDG_DATA_HOME/lede/lede.sqlite`, by default `~/.local/share/lede/lede.sqlite`).
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static func resolve(option: String?, environment: [String: String]) -> DatabaseLocation {
        if let option, !option.isEmpty { return parse(option) }
        if let variable = environment["LEDE_DATABASE"], !variable.isEmpty { return parse(variable) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return .sqlite(path: dataHome + "/lede/lede.sqlite")
    }

    /// A path, a `sqlite:` or `file:` URL, or a `postgres://` URL.
    public static func parse(_ text: String) -> DatabaseLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(url: text) }
        for prefix in ["sqlite://", "sqlite:", "file://", "file:"] where text.hasPrefix(prefix) {
            return .sqlite(path: String(text.dropFirst(prefix.count)))
        }
        return .sqlite(path: (text as NSString).expandingTildeInPath)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// Opens the store. A PostgreSQL store connects and migrates on its first call, so an
    /// unreachable server is reported there, as `StoreError.unavailable`.
    /// - Throws: `StoreError.unavailable` with a sentence saying what to do.
    public func open() throws -> any LedeStore {
        switch self {
        case .sqlite(let path):
            return try SQLiteStore.open(path: path)
        case .postgres(let url):
            return try PostgresStore(url: url)
        }
    }

    /// The URL without its password, safe for messages and logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
