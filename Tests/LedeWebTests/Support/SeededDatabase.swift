import Foundation
import LedeCore
import LedeDemo
import LedeSQLite
import LedeWeb

/// The demo corpus run once through the real pipeline into a database file, with two readers
/// who can sign in: `local` (the demo reader, with every demo source, editions and stories) and
/// `bob` (one source of his own and nothing else). Each test gets its own copy of the file.
actor SeededDatabase {
    static let shared = SeededDatabase()

    struct Seed: Sendable {
        var folder: URL
        var now: Date
        var localID: Int64
        var bobID: Int64
        var storyID: Int64
        var editionDate: String
    }

    static let localPassword = "local-password-1"
    static let bobPassword = "bob-password-12"
    static let bobFeed = "https://bob.example/feed.xml"

    private var seeding: Task<Seed, any Error>?

    func seed() async throws -> Seed {
        if let seeding { return try await seeding.value }
        let task = Task { try await Self.build() }
        seeding = task
        return try await task.value
    }

    private static func build() async throws -> Seed {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-web-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("lede.sqlite").path)
        let outcome = try await DemoRunner(site: try CorpusSite.bundledDemo(), store: store).run(profileName: nil)
        let hasher = PasswordHasher(cost: WebConfiguration.minimumBcryptCost)
        try await store.setPasswordHash(try await hasher.hash(localPassword), userID: outcome.user.id)
        let bob = try await store.createUser(name: "bob", passwordHash: try await hasher.hash(bobPassword), isAdmin: false, now: outcome.now)
        _ = try await store.subscribe(userID: bob.id, feedURL: bobFeed, title: "Bob's feed", folder: nil, now: outcome.now)
        guard let story = outcome.briefing.stories.first else { throw SeedError.noStories }
        return Seed(folder: folder, now: outcome.now, localID: outcome.user.id, bobID: bob.id, storyID: story.id, editionDate: outcome.briefing.date)
    }

    enum SeedError: Error { case noStories }

    /// A fresh copy of the seeded database (the file with its WAL), for one test.
    static func copy() async throws -> (store: any LedeStore, seed: Seed) {
        let seed = try await shared.seed()
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("lede-web-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] {
            let source = seed.folder.appendingPathComponent("lede.sqlite" + suffix)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: target.appendingPathComponent("lede.sqlite" + suffix))
            }
        }
        return (try SQLiteStore.open(path: target.appendingPathComponent("lede.sqlite").path), seed)
    }
}
