import Foundation
import LedeCore
import Synchronization

/// Editions and their rendered pages, kept in memory per reader for a short while: a stored
/// edition does not change once written, so a page view reads it from the store and renders
/// it once, not on every request. Anything that rewrites a reader's edition drops their entries.
final class EditionCache: Sendable {
    struct Entry: Sendable {
        var briefing: Briefing
        var storedAt: Date
        /// Rendered bodies by variant (`today`, `past`, `json`), split where the session's CSRF
        /// token goes.
        var rendered: [String: [String]] = [:]
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    static func key(userID: Int64, profile: String, date: String) -> String {
        "\(userID)|\(profile)|\(date)"
    }

    func briefing(_ key: String, now: Date) -> Briefing? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now.timeIntervalSince(entry.storedAt) < lifetime, entry.storedAt <= now else {
                entries[key] = nil
                return nil
            }
            return entry.briefing
        }
    }

    func store(_ briefing: Briefing, key: String, now: Date) {
        entries.withLock { entries in
            if entries.count > 5_000 { entries.removeAll() }
            entries[key] = Entry(briefing: briefing, storedAt: now)
        }
    }

    func rendered(_ key: String, variant: String) -> [String]? {
        entries.withLock { $0[key]?.rendered[variant] }
    }

    func storeRendered(_ parts: [String], key: String, variant: String, for briefing: Briefing) {
        entries.withLock { entries in
            // Only attach to the same edition: it may have been replaced while rendering.
            guard entries[key]?.briefing == briefing else { return }
            entries[key]?.rendered[variant] = parts
        }
    }

    /// Forgets every cached edition of a reader.
    func invalidate(userID: Int64) {
        let prefix = "\(userID)|"
        entries.withLock { entries in
            for key in entries.keys where key.hasPrefix(prefix) { entries[key] = nil }
        }
    }
}
