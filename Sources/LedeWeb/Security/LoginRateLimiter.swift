import Foundation
import LedeCore

/// Counts failed sign-ins per client address and per user name in a sliding window, so that
/// guessing passwords costs an attacker hours instead of seconds. The failures are kept in the
/// store, so the limit holds across every `lede serve` that shares the database.
public struct LoginRateLimiter: Sendable {
    let store: any LedeStore
    let limit: Int
    let window: TimeInterval

    public init(store: any LedeStore, limit: Int, window: TimeInterval) {
        self.store = store
        self.limit = limit
        self.window = window
    }

    /// How long until another attempt is allowed for this address or name (`nil`: allowed now).
    public func retryAfter(address: String, userName: String, now: Date) async throws -> TimeInterval? {
        var waits: [TimeInterval] = []
        for key in [Self.key(address: address), Self.key(userName: userName)] {
            let recent = try await store.signInFailures(key: key, since: now.addingTimeInterval(-window))
            guard recent.count >= limit, let oldest = recent.first else { continue }
            waits.append(oldest.addingTimeInterval(window).timeIntervalSince(now))
        }
        return waits.max()
    }

    public func recordFailure(address: String, userName: String, now: Date) async throws {
        try await store.recordSignInFailure(
            keys: [Self.key(address: address), Self.key(userName: userName)], at: now, forgetBefore: now.addingTimeInterval(-window))
    }

    /// A successful sign-in clears the name's failures (not the address's: one address may be
    /// trying many names).
    public func recordSuccess(userName: String) async throws {
        try await store.clearSignInFailures(key: Self.key(userName: userName))
    }

    static func key(address: String) -> String { "ip:" + address }
    static func key(userName: String) -> String { "user:" + userName.lowercased() }
}
