import Foundation
import LedeCore

/// The sources page: what the reader follows, how each feed is doing, and the forms.
struct SourcesView: Sendable {
    struct Row: Sendable {
        var id: Int64
        var title: String
        var feedURL: String
        var siteHref: String?
        var folder: String?
        var status: String
        var statusClass: String
        var lastFetch: String
        var lastError: String?
        var paused: Bool
        var csrf: String
    }

    var rows: [Row]
    var hasRows = false
    var count: String
    var csrf: String
    var address: String
    var fetch: FetchBannerView
    var welcome: Bool

    init(subscriptions: [Subscription], csrf: String, now: Date, progress: FetchRun, address: String = "", welcome: Bool = false) {
        self.csrf = csrf
        self.address = address
        self.welcome = welcome
        fetch = FetchBannerView(progress)
        count = "\(subscriptions.count) source\(subscriptions.count == 1 ? "" : "s")"
        rows = subscriptions.map { subscription in
            let state = subscription.source.fetchState
            let status: String
            let statusClass: String
            if state.isPaused {
                status = "Paused after \(state.consecutiveFailures) failures"
                statusClass = "bad"
            } else if state.lastError != nil {
                status = "Failing (\(state.consecutiveFailures)×)"
                statusClass = "warn"
            } else if state.lastSuccessAt != nil {
                status = "OK"
                statusClass = "good"
            } else {
                status = "Not fetched yet"
                statusClass = "new"
            }
            return Row(
                id: subscription.id, title: subscription.displayTitle, feedURL: subscription.source.feedURL,
                siteHref: SafeLink.href(subscription.source.siteURL), folder: subscription.folder, status: status, statusClass: statusClass,
                lastFetch: state.lastSuccessAt.map { "Last fetched \(DisplayDate.ago($0, now: now))" }
                    ?? state.lastAttemptAt.map { "Last tried \(DisplayDate.ago($0, now: now))" } ?? "Never fetched",
                lastError: state.lastError, paused: state.isPaused, csrf: csrf)
        }
        hasRows = !rows.isEmpty
    }
}
