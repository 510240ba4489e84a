import Foundation
import LedeCore
import LedeSQLite
import LedeTestSupport
import Testing

@Suite struct SQLiteStoreTests {
    @Test(arguments: StoreConformance.checks)
    func conformsToTheStoreSuite(check: StoreConformance.Check) async throws {
        try await check.run(try SQLiteStore.inMemory())
    }

    @Test func opensAFileDatabaseCreatingItsFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/lede.sqlite").path
        let store = try SQLiteStore.open(path: path)
        let user = try await store.localUser()
        _ = try await store.subscribe(userID: user.id, feedURL: "https://a.example/feed", title: nil, folder: nil, now: Date())
        let reopened = try SQLiteStore.open(path: path)
        #expect(try await reopened.subscriptions(userID: user.id).count == 1)
    }

    @Test func unwritableLocationGivesAnActionableError() throws {
        let error = #expect(throws: StoreError.self) {
            _ = try SQLiteStore.open(path: "/proc/lede-cannot-write-here/lede.sqlite")
        }
        guard case .unavailable(let reason) = error else {
            Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("/proc/lede-cannot-write-here") && reason.contains("--database"))
    }
}
