import Foundation
import LedeCore
import LedeFeeds
import LedeFetch

/// Subscribes to a feed given its address or the address of a page that advertises one.
/// Nothing is stored unless the address really gives a feed.
public struct SourceSubscriber: Sendable {
    let store: any LedeStore
    let fetcher: HTTPFetcher
    let parser = FeedParser()

    public init(store: any LedeStore, fetcher: HTTPFetcher) {
        self.store = store
        self.fetcher = fetcher
    }

    /// - Throws: `FetchError`, `IngestError.notAFeed` or `StoreError.duplicateSource`, each
    ///   with one actionable sentence.
    public func subscribe(to address: String, userID: Int64, folder: String? = nil, now: Date) async throws -> Subscription {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let followed = Set(try await store.subscriptions(userID: userID).map(\.source.feedURL))
        if followed.contains(trimmed) { throw StoreError.duplicateSource(feedURL: trimmed) }
        let response = try await fetcher.fetch(FetchRequest(url: trimmed, kind: .feed))
        if let feed = try? parser.parse(response.body, url: URL(string: response.finalURL), contentType: response.contentType) {
            return try await store.subscribe(
                userID: userID, feedURL: response.finalURL == trimmed ? trimmed : response.finalURL, title: feed.title, folder: folder, now: now)
        }
        // Not a feed: maybe a page that links to one, or a site with a feed at a common path.
        let pageURL = URL(string: response.finalURL)
        let advertised = pageURL.map { FeedDiscovery.advertisedFeeds(inPage: response.body, url: $0).map(\.url) } ?? []
        let probed = advertised.isEmpty ? (pageURL.map { FeedDiscovery.candidateURLs(forSite: $0).map(\.absoluteString) } ?? []) : []
        let candidates = advertised.prefix(3) + probed
        for candidate in candidates {
            if followed.contains(candidate) { throw StoreError.duplicateSource(feedURL: candidate) }
            guard let feedResponse = try? await fetcher.fetch(FetchRequest(url: candidate, kind: .feed)),
                let feed = try? parser.parse(feedResponse.body, url: URL(string: feedResponse.finalURL), contentType: feedResponse.contentType)
            else { continue }
            return try await store.subscribe(userID: userID, feedURL: candidate, title: feed.title, folder: folder, now: now)
        }
        throw IngestError.notAFeed(url: trimmed, reason: candidates.isEmpty ? "it is neither a feed nor a page that links to one" : "none of the feeds it links to could be read")
    }
}
