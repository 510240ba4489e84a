import Foundation
import Testing

/// `lede sources import FILE` and `lede sources export [--output FILE]`, driven through the
/// real binary on a throwaway database.
@Suite struct SourcesOPMLCommandTests {
    static let opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0"><head><title>Exported from another reader</title></head><body>
          <outline text="News">
            <outline text="World">
              <outline text="Harbor Ledger" type="rss" xmlUrl="https://harbor-ledger.example/feed.xml" htmlUrl="https://harbor-ledger.example/"/>
            </outline>
            <outline text="Stackline" type="rss" xmlUrl="https://stackline.example/all.atom"/>
          </outline>
          <outline text="Solo &amp; Sons" type="rss" xmlUrl="https://solo.example/feed.json"/>
          <outline text="Not a web feed" type="rss" xmlUrl="ftp://files.example/feed.xml"/>
        </body></opml>
        """

    /// A temporary folder with a database path in it, removed afterwards.
    static func withFolder(_ body: (URL, [String]) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-opml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder, ["--database", folder.appendingPathComponent("lede.sqlite").path])
    }

    @Test func importThenExportKeepsEveryFeedAndFolder() throws {
        let lede = try LedeBinary.locate()
        try Self.withFolder { folder, database in
            let file = folder.appendingPathComponent("subscriptions.opml")
            try Data(Self.opml.utf8).write(to: file)

            let imported = try lede.run(["sources", "import", file.path] + database)
            #expect(imported.status == 0, "\(imported.standardError)")
            #expect(imported.standardOutput == "Imported 3 sources, 1 skipped (not an http or https feed address).\n")

            let listed = try lede.run(["sources", "list"] + database)
            for url in ["https://harbor-ledger.example/feed.xml", "https://stackline.example/all.atom", "https://solo.example/feed.json"] {
                #expect(listed.standardOutput.contains(url))
            }
            #expect(!listed.standardOutput.contains("ftp://"))

            let again = try lede.run(["sources", "import", file.path] + database)
            #expect(again.standardOutput == "Imported 0 sources, 3 already followed, 1 skipped (not an http or https feed address).\n")

            let exportFile = folder.appendingPathComponent("out.opml")
            let exported = try lede.run(["sources", "export", "--output", exportFile.path] + database)
            #expect(exported.status == 0, "\(exported.standardError)")
            #expect(exported.standardOutput.isEmpty)
            let written = try String(contentsOf: exportFile, encoding: .utf8)
            #expect(written.hasPrefix("<?xml"))
            #expect(written.contains("<opml version=\"2.0\">"))
            #expect(written.contains("Solo &amp; Sons"))
            // Folders come back as nested category outlines: News holds World holds Harbor Ledger.
            let news = try #require(written.range(of: "text=\"News\""))
            let world = try #require(written.range(of: "text=\"World\""))
            let harbor = try #require(written.range(of: "https://harbor-ledger.example/feed.xml"))
            #expect(news.lowerBound < world.lowerBound && world.lowerBound < harbor.lowerBound)

            // Standard output is the same document, and importing it elsewhere gives the same sources.
            let printed = try lede.run(["sources", "export"] + database)
            #expect(printed.standardOutput.contains("https://stackline.example/all.atom"))
            let second = ["--database", folder.appendingPathComponent("second.sqlite").path]
            let reimported = try lede.run(["sources", "import", exportFile.path] + second)
            #expect(reimported.standardOutput == "Imported 3 sources.\n")
            let roundTrip = try lede.run(["sources", "export"] + second)
            #expect(Self.withoutDate(roundTrip.standardOutput) == Self.withoutDate(printed.standardOutput))
        }
    }

    @Test func importRefusesAFileThatIsNotOPML() throws {
        let lede = try LedeBinary.locate()
        try Self.withFolder { folder, database in
            let file = folder.appendingPathComponent("feed.xml")
            try Data("<rss version=\"2.0\"><channel><title>A feed</title></channel></rss>".utf8).write(to: file)
            let result = try lede.run(["sources", "import", file.path] + database)
            #expect(result.status == 1)
            #expect(result.standardError.hasPrefix("lede: "))
            #expect(result.standardError.contains("not OPML"))

            let missing = try lede.run(["sources", "import", folder.appendingPathComponent("nowhere.opml").path] + database)
            #expect(missing.status == 1)
            #expect(missing.standardError.contains("check that the OPML file exists"))
            #expect(try lede.run(["sources", "list"] + database).standardOutput.hasPrefix("No sources yet."))
        }
    }

    static func withoutDate(_ opml: String) -> String {
        opml.split(separator: "\n").filter { !$0.contains("<dateCreated>") }.joined(separator: "\n")
    }
}
