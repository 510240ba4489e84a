import Foundation
import LedeCore
import LedeEngine
import LedeFeeds
import LedeSQLite
import Testing

/// OPML import and export through the engine, as the command line, the pages and the API use them.
@Suite struct SourceImporterTests {
    static let nested = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>My feeds</title></head><body>
          <outline text="Top Wire" type="rss" xmlUrl="https://wire.example/feed.xml"/>
          <outline text="Tech">
            <outline text="Swift">
              <outline text="Swift Weekly" title="Swift Weekly" type="rss" xmlUrl="https://swift.example/rss" htmlUrl="https://swift.example/"/>
            </outline>
            <outline text="Chips Daily" type="rss" xmlUrl="https://chips.example/atom.xml"/>
          </outline>
          <outline text="Sneaky" type="rss" xmlUrl="javascript:alert(1)"/>
          <outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
          <outline text="Again" type="rss" xmlUrl="https://wire.example/feed.xml"/>
        </body></opml>
        """

    @Test func importKeepsNestedCategoriesAsFoldersAndSkipsWhatIsNotAWebFeed() async throws {
        let store = try SQLiteStore.inMemory()
        let reader = try await store.localUser()
        let report = try await SourceImporter(store: store).importOPML(Array(Self.nested.utf8), userID: reader.id, now: Date())
        #expect(report == SourceImporter.Report(added: 3, alreadyFollowed: 1, skipped: 2))
        let folders = Dictionary(uniqueKeysWithValues: try await store.subscriptions(userID: reader.id).map { ($0.source.feedURL, $0.folder) })
        #expect(folders["https://wire.example/feed.xml"] == .some(nil))
        #expect(folders["https://swift.example/rss"] == "Tech/Swift")
        #expect(folders["https://chips.example/atom.xml"] == "Tech")
    }

    @Test func importingTheSameFileTwiceAddsNothing() async throws {
        let store = try SQLiteStore.inMemory()
        let reader = try await store.localUser()
        let importer = SourceImporter(store: store)
        _ = try await importer.importOPML(Array(Self.nested.utf8), userID: reader.id, now: Date())
        let again = try await importer.importOPML(Array(Self.nested.utf8), userID: reader.id, now: Date())
        #expect(again.added == 0)
        #expect(again.alreadyFollowed == 4)
    }

    @Test(arguments: ["", "   \n", "<rss version=\"2.0\"><channel><title>A feed</title></channel></rss>", "not xml at all"])
    func refusesWhatIsNotOPMLWithASentence(_ text: String) async throws {
        let store = try SQLiteStore.inMemory()
        let reader = try await store.localUser()
        await #expect(throws: SourceImportError.self) {
            _ = try await SourceImporter(store: store).importOPML(Array(text.utf8), userID: reader.id, now: Date())
        }
        do {
            _ = try await SourceImporter(store: store).importOPML(Array(text.utf8), userID: reader.id, now: Date())
        } catch {
            #expect(String(describing: error).hasSuffix("."))
            #expect(String(describing: error).contains("OPML"))
        }
        #expect(try await store.subscriptions(userID: reader.id).isEmpty)
    }

    @Test func exportNestsFoldersAndReadsBackTheSame() async throws {
        let store = try SQLiteStore.inMemory()
        let reader = try await store.localUser()
        _ = try await SourceImporter(store: store).importOPML(Array(Self.nested.utf8), userID: reader.id, now: Date())
        let exported = try await SourceExporter(store: store).exportOPML(user: reader, now: Date())
        let document = try OPMLDocument(data: Array(exported))
        let tech = try #require(document.outlines.first { $0.text == "Tech" })
        #expect(tech.children.contains { $0.text == "Swift" && $0.children.first?.xmlURL == "https://swift.example/rss" })
        #expect(Set(document.subscriptions.map(\.xmlURL)) == ["https://wire.example/feed.xml", "https://swift.example/rss", "https://chips.example/atom.xml"])

        let other = try SQLiteStore.inMemory()
        let otherReader = try await other.localUser()
        let report = try await SourceImporter(store: other).importOPML(Array(exported), userID: otherReader.id, now: Date())
        #expect(report.added == 3)
        let before = try await store.subscriptions(userID: reader.id).map { [$0.source.feedURL, $0.folder ?? "", $0.displayTitle] }
        let after = try await other.subscriptions(userID: otherReader.id).map { [$0.source.feedURL, $0.folder ?? "", $0.displayTitle] }
        #expect(Set(before) == Set(after))
    }
}
