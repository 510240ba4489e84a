import Foundation
import LedeCore
import LedeFeeds

/// Writes a reader's sources as an OPML 2.0 subscription list that other feed readers (and
/// `SourceImporter`) read back: folders become nested category outlines (`Tech/Swift` is
/// `Tech` holding `Swift`), so an export followed by an import keeps every folder.
public struct SourceExporter: Sendable {
    let store: any LedeStore

    public init(store: any LedeStore) {
        self.store = store
    }

    /// - Throws: store errors.
    public func exportOPML(user: User, now: Date) async throws -> Data {
        let subscriptions = try await store.subscriptions(userID: user.id)
        let root = Folder()
        for subscription in subscriptions {
            let outline = OPMLOutline.feed(
                title: subscription.displayTitle, xmlURL: subscription.source.feedURL, htmlURL: subscription.source.siteURL)
            let path = (subscription.folder ?? "").split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            root.folder(at: path[...]).feeds.append(outline)
        }
        let document = OPMLDocument(
            title: "Lede sources of \(user.name)", dateCreated: now, ownerName: user.name, outlines: root.outlines)
        return document.opmlData()
    }

    /// A folder being built: its feeds first, then its subfolders in the order first seen.
    private final class Folder {
        var feeds: [OPMLOutline] = []
        var children: [(name: String, folder: Folder)] = []

        func folder(at path: ArraySlice<String>) -> Folder {
            guard let name = path.first else { return self }
            if let existing = children.first(where: { $0.name == name }) { return existing.folder.folder(at: path.dropFirst()) }
            let created = Folder()
            children.append((name, created))
            return created.folder(at: path.dropFirst())
        }

        var outlines: [OPMLOutline] {
            feeds + children.map { OPMLOutline.category($0.name, $0.folder.outlines) }
        }
    }
}
