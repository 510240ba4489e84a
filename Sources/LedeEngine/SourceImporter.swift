import Foundation
import LedeCore
import LedeFeeds

/// Follows every feed of an OPML subscription list, keeping its nested categories as folders
/// (`Tech/Swift`). Shared by `lede sources import`, the Sources page and the API, so all three
/// accept and refuse the same files.
///
/// Nothing is fetched here: the next fetch reads the new feeds, checked by the fetcher's SSRF
/// guard like any other address.
public struct SourceImporter: Sendable {
    /// What an import did, as the API returns it and the command line prints it.
    public struct Report: Sendable, Hashable, Codable {
        public var added: Int
        public var alreadyFollowed: Int
        /// Outlines whose feed address is not an `http` or `https` URL, or past the limit.
        public var skipped: Int

        public init(added: Int = 0, alreadyFollowed: Int = 0, skipped: Int = 0) {
            self.added = added
            self.alreadyFollowed = alreadyFollowed
            self.skipped = skipped
        }
    }

    /// A list longer than this is cut: beyond it a file is far more likely a mistake (or an
    /// attempt to fill the database) than a reader's subscriptions.
    public static let maximumSubscriptions = 2_000
    /// Feed addresses longer than this are skipped; no real feed needs one.
    public static let maximumURLLength = 2_000

    let store: any LedeStore

    public init(store: any LedeStore) {
        self.store = store
    }

    /// - Parameters:
    ///   - data: the OPML file's bytes (OPML 1.0 or 2.0, any encoding the feed parser reads).
    ///   - userID: the reader who will follow the feeds.
    ///   - now: when the subscriptions are made.
    /// - Throws: `SourceImportError.notOPML` when the bytes are not an OPML document; store errors.
    public func importOPML(_ data: some Collection<UInt8>, userID: Int64, now: Date) async throws -> Report {
        let document: OPMLDocument
        do {
            document = try OPMLDocument(data: data)
        } catch {
            throw SourceImportError.notOPML(error)
        }
        var followed = Set(try await store.subscriptions(userID: userID).map(\.source.feedURL))
        var report = Report()
        let subscriptions = document.subscriptions
        report.skipped += max(0, subscriptions.count - Self.maximumSubscriptions)
        for subscription in subscriptions.prefix(Self.maximumSubscriptions) {
            let url = subscription.xmlURL.trimmingCharacters(in: .whitespacesAndNewlines)
            guard Self.isWebAddress(url) else {
                report.skipped += 1
                continue
            }
            guard !followed.contains(url) else {
                report.alreadyFollowed += 1
                continue
            }
            let title = subscription.title.trimmingCharacters(in: .whitespacesAndNewlines)
            let path = subscription.categoryPath.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            do {
                _ = try await store.subscribe(
                    userID: userID, feedURL: url, title: title.isEmpty ? nil : title,
                    folder: path.isEmpty ? nil : path.joined(separator: "/"), now: now)
                followed.insert(url)
                report.added += 1
            } catch StoreError.duplicateSource {
                report.alreadyFollowed += 1
            }
        }
        return report
    }

    /// Only `http` and `https` feeds with a host: an OPML file can hold anything in `xmlUrl`.
    static func isWebAddress(_ url: String) -> Bool {
        guard url.count <= maximumURLLength, let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}

/// Why a subscription list could not be imported.
public enum SourceImportError: Error, Sendable, CustomStringConvertible {
    case notOPML(OPMLError)

    public var description: String {
        switch self {
        case .notOPML(let error):
            switch error {
            case .empty: "The file is empty; export your subscriptions from your feed reader as OPML and import that file."
            case .notOPML: "\(error)"
            }
        }
    }
}
