import Foundation
import LedeCore
import LedeEngine
import LedeFeeds

/// Following, importing, exporting, retrying and removing sources: the same for pages and API.
struct SourceManagement: Sendable {
    let services: WebServices

    /// Follows a feed or a page that links to one; nothing is stored unless it gives a feed.
    func add(_ address: String, userID: Int64) async throws -> Subscription {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard SafeLink.href(trimmed) != nil, trimmed.count <= 2_000 else {
            throw WebError.unprocessable("Give the web address of a feed or of a page that links to one, starting with http:// or https://.")
        }
        return try await SourceSubscriber(store: services.store, fetcher: services.fetcher)
            .subscribe(to: trimmed, userID: userID, now: services.clock.now())
    }

    /// Follows every feed of an OPML file, without fetching them (the next fetch does).
    func importOPML(_ data: [UInt8], userID: Int64) async throws -> SourceImporter.Report {
        let report = try await SourceImporter(store: services.store).importOPML(data, userID: userID, now: services.clock.now())
        if report.added > 0 { services.editions.cache.invalidate(userID: userID) }
        return report
    }

    /// The reader's sources as OPML 2.0, folders as nested categories.
    func exportOPML(user: User) async throws -> Data {
        try await SourceExporter(store: services.store).exportOPML(user: user, now: services.clock.now())
    }

    /// Un-pauses a source that kept failing, so the next fetch tries it again.
    func retry(subscriptionID: Int64, userID: Int64) async throws -> Subscription {
        guard var subscription = try await services.store.subscription(id: subscriptionID, userID: userID) else {
            throw WebError.notFound("source \(subscriptionID)")
        }
        subscription.source.fetchState.isPaused = false
        subscription.source.fetchState.consecutiveFailures = 0
        subscription.source.fetchState.nextAttemptAt = nil
        try await services.store.updateSource(subscription.source)
        return subscription
    }

    func remove(subscriptionID: Int64, userID: Int64) async throws {
        do {
            try await services.store.unsubscribe(subscriptionID: subscriptionID, userID: userID)
        } catch StoreError.notFound {
            throw WebError.notFound("source \(subscriptionID)")
        }
        services.editions.cache.invalidate(userID: userID)
    }
}
