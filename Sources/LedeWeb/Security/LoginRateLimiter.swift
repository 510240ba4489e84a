import Foundation

/// Counts failed sign-ins per client address and per user name in a sliding window, so that
/// guessing passwords costs an attacker hours instead of seconds.
public actor LoginRateLimiter {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// How long until another attempt is allowed for this address or name (`nil`: allowed now).
    public func retryAfter(address: String, userName: String, now: Date) -> TimeInterval? {
        let waits = [Self.key(address: address), Self.key(userName: userName)].compactMap { key -> TimeInterval? in
            let recent = prune(key, now: now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window).timeIntervalSince(now)
        }
        return waits.max()
    }

    public func recordFailure(address: String, userName: String, now: Date) {
        for key in [Self.key(address: address), Self.key(userName: userName)] {
            failures[key, default: []].append(now)
        }
        if failures.count > 10_000 { failures = failures.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < window } }
    }

    /// A successful sign-in clears the name's failures (not the address's: one address may be
    /// trying many names).
    public func recordSuccess(userName: String) {
        failures[Self.key(userName: userName)] = nil
    }

    private func prune(_ key: String, now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }

    static func key(address: String) -> String { "ip:" + address }
    static func key(userName: String) -> String { "user:" + userName.lowercased() }
}
