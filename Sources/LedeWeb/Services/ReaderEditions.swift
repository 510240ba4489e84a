import Foundation
import LedeCore
import LedeEngine

/// A reader's editions as pages and the API show them: today's is read from the store, or
/// written once when there is none yet; earlier days are only ever read.
struct ReaderEditions: Sendable {
    let store: any LedeStore
    let clock: WebClock
    let cache: EditionCache
    private let writing = EditionWriteGate()

    init(store: any LedeStore, clock: WebClock, cache: EditionCache) {
        self.store = store
        self.clock = clock
        self.cache = cache
    }

    /// The profile to brief: the one named, else the reader's only or `default` profile, else
    /// their first; a reader without profiles gets a general one.
    func profile(named name: String?, userID: Int64) async throws -> Profile {
        try Self.profile(named: name, among: try await store.profiles(userID: userID))
    }

    /// The same choice among profiles already read.
    static func profile(named name: String?, among profiles: [Profile]) throws -> Profile {
        if let name, !name.isEmpty {
            guard let named = profiles.first(where: { $0.name == name }) else { throw WebError.notFound("profile named “\(name)”") }
            return named
        }
        return profiles.first(where: { $0.name == defaultProfileName }) ?? profiles.first ?? generalProfile
    }

    static let defaultProfileName = "default"
    static let generalProfile = Profile(name: defaultProfileName, role: "reader", industry: "general news")

    /// Today's edition for the profile, written now if the day has none yet.
    func today(for profile: Profile, userID: Int64) async throws -> Briefing {
        let now = clock.now()
        let date = EditionDate.string(from: now)
        let key = EditionCache.key(userID: userID, profile: profile.name, date: date)
        if let cached = cache.briefing(key, now: now) { return cached }
        let briefing = try await writing.once(key) {
            if let stored = try await store.briefing(date: date, profile: profile.name, userID: userID) { return stored }
            return try await EditionService(store: store).brief(profile: profile, userID: userID, now: now)
        }
        cache.store(briefing, key: key, now: now)
        return briefing
    }

    /// A stored edition, or `nil` when the reader has none for that day.
    func stored(date: String, profile: Profile, userID: Int64) async throws -> Briefing? {
        let now = clock.now()
        let key = EditionCache.key(userID: userID, profile: profile.name, date: date)
        if let cached = cache.briefing(key, now: now) { return cached }
        guard let briefing = try await store.briefing(date: date, profile: profile.name, userID: userID) else { return nil }
        cache.store(briefing, key: key, now: now)
        return briefing
    }

    /// Writes today's edition again (after a fetch or a profile change) and forgets cached pages.
    @discardableResult
    func rewriteToday(for profile: Profile, userID: Int64) async throws -> Briefing {
        cache.invalidate(userID: userID)
        let briefing = try await EditionService(store: store).brief(profile: profile, userID: userID, now: clock.now())
        cache.invalidate(userID: userID)
        return briefing
    }

    var today: String { EditionDate.string(from: clock.now()) }
}

/// Makes concurrent first views of the same edition write it once and share the result.
actor EditionWriteGate {
    private var inFlight: [String: Task<Briefing, any Error>] = [:]

    func once(_ key: String, _ work: @escaping @Sendable () async throws -> Briefing) async throws -> Briefing {
        if let running = inFlight[key] { return try await running.value }
        let task = Task { try await work() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        return try await task.value
    }
}
