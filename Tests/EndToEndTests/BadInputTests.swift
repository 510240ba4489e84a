import Foundation
import Testing

/// Bad input at the command line: one actionable line on stderr, a non-zero exit, and the
/// database as it was.
@Suite struct BadInputTests {
    static func temporaryDatabase() -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bad-\(UUID().uuidString)")
        return (folder, folder.appendingPathComponent("lede.sqlite").path)
    }

    @Test(arguments: [
        ("not a url", "not a valid web address"),
        ("ftp://example.com/feed.xml", "not an http or https address"),
        ("http://127.0.0.1:9/feed.xml", "private or internal address"),
    ])
    func addingABadSourceFailsWithOneLineAndChangesNothing(url: String, message: String) throws {
        let (folder, path) = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lede = try LedeBinary.locate()
        let result = try lede.run(["sources", "add", url, "--database", path])
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.standardError)")
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
        let list = try lede.run(["sources", "list", "--database", path])
        #expect(list.standardOutput.contains("No sources yet"))
    }

    @Test func unreachableSourceFailsWithOneLine() throws {
        let (folder, path) = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Port 9 (discard) on loopback is closed on a test machine: connection refused.
        let result = try LedeBinary.locate().run(["sources", "add", "http://127.0.0.1:9/feed.xml", "--database", path, "--allow-private-networks"])
        #expect(result.status != 0)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("Could not connect"), "stderr: \(result.standardError)")
    }

    @Test func unwritableDatabaseFailsWithOneLine() throws {
        let result = try LedeBinary.locate().run(["sources", "list", "--database", "/proc/lede-no/lede.sqlite"])
        #expect(result.status != 0)
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardError.contains("Cannot open the database"), "stderr: \(result.standardError)")
    }
}
