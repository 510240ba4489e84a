import Foundation
import LedeCore
import Synchronization

/// Signed-in sessions remembered for a few seconds, so that a reader's burst of requests reads
/// the session and user from the store once. Sign-out forgets the session at once; expiry is
/// still checked on every request.
final class SessionCache: Sendable {
    private struct Entry {
        var session: Session
        var user: User
        var cachedAt: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 5) {
        self.lifetime = lifetime
    }

    func lookup(_ secretHash: String, now: Date) -> (Session, User)? {
        entries.withLock { entries in
            guard let entry = entries[secretHash] else { return nil }
            guard entry.session.expiresAt > now, now.timeIntervalSince(entry.cachedAt) < lifetime, entry.cachedAt <= now else {
                entries[secretHash] = nil
                return nil
            }
            return (entry.session, entry.user)
        }
    }

    func remember(_ session: Session, user: User, now: Date) {
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[session.secretHash] = Entry(session: session, user: user, cachedAt: now)
        }
    }

    func forget(_ secretHash: String) {
        _ = entries.withLock { $0.removeValue(forKey: secretHash) }
    }
}
