import Foundation
import Hummingbird
import LedeCore

/// Today's briefing and the editions of earlier days.
struct BriefingController {
    let services: WebServices
    /// Stands in for the session's CSRF token in cached pages; swapped for the real one per request.
    static let csrfMarker = "__LEDE_CSRF_TOKEN__"

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/", use: today)
        router.get("/briefings", use: history)
        router.get("/briefings/:date", use: edition)
    }

    @Sendable func today(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let profiles = try await services.store.profiles(userID: reader.id)
        if profiles.isEmpty, try await services.store.subscriptions(userID: reader.id).isEmpty {
            return .seeOther("/welcome")
        }
        let profile = try ReaderEditions.profile(named: request.uri.queryParameters["profile"].map(String.init), among: profiles)
        let briefing = try await services.editions.today(for: profile, userID: reader.id)
        return try await page(briefing, profile: profile, profiles: profiles, isToday: true, context: context)
    }

    @Sendable func edition(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        guard let date = context.parameters.get("date"), EditionDate.endOfDay(date) != nil else { throw WebError.notFound("edition for that day") }
        let profile = try await services.profile(for: request, userID: reader.id)
        if date == services.editions.today { return .seeOther(profile.name == ReaderEditions.defaultProfileName ? "/" : "/?profile=\(Self.query(profile.name))") }
        guard let briefing = try await services.editions.stored(date: date, profile: profile, userID: reader.id) else {
            throw WebError.notFound("edition for \(EditionDate.long(date))")
        }
        let profiles = try await services.store.profiles(userID: reader.id)
        return try await page(briefing, profile: profile, profiles: profiles, isToday: false, context: context)
    }

    private func page(_ briefing: Briefing, profile: Profile, profiles: [Profile], isToday: Bool, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let key = EditionCache.key(userID: reader.id, profile: profile.name, date: briefing.date)
        let variant = isToday ? "today" : "past"
        let body: [String]
        if let cached = services.editions.cache.rendered(key, variant: variant) {
            body = cached
        } else {
            let view = BriefingPageView(
                briefing: briefing, profile: profile, profiles: profiles, isToday: isToday, csrf: Self.csrfMarker,
                feedback: try await services.feedbackByStory(userID: reader.id))
            body = services.pages.render("briefing", view).components(separatedBy: Self.csrfMarker)
            services.editions.cache.storeRendered(body, key: key, variant: variant, for: briefing)
        }
        var content = body
        let progress = try await services.fetchJobs.progress(userID: reader.id)
        if progress.isActive {
            content[0] = services.pages.render("fetch-banner", FetchBannerView(progress)) + content[0]
        }
        var layout = services.layout(isToday ? "Today" : "Edition of \(briefing.date)", context: context, current: isToday ? "/" : "/briefings")
        layout.refresh = progress.isActive
        return services.pages.page(contentParts: content, layout: layout)
    }

    struct HistoryView: Sendable {
        struct Day: Sendable {
            var date: String
            var label: String
            var href: String
        }

        var days: [Day]
        var hasDays: Bool
        var profileName: String
    }

    @Sendable func history(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let profile = try await services.profile(for: request, userID: reader.id)
        let dates = try await services.store.briefingDates(profile: profile.name, userID: reader.id, limit: 90)
        let suffix = profile.name == ReaderEditions.defaultProfileName ? "" : "?profile=\(Self.query(profile.name))"
        let view = HistoryView(
            days: dates.map { HistoryView.Day(date: $0, label: EditionDate.long($0), href: "/briefings/\($0)\(suffix)") },
            hasDays: !dates.isEmpty, profileName: profile.name)
        return services.pages.page("history", view, layout: services.layout("Past editions", context: context, current: "/briefings"))
    }

    static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// "Fetching 3 of 12 sources…" above a page while a fetch runs.
struct FetchBannerView: Sendable {
    var message: String
    var done: Int
    var total: Int
    var percent: Int
    var active: Bool

    init(_ progress: FetchRun) {
        message = progress.message
        done = progress.done
        total = progress.total
        percent = progress.percent
        active = progress.isActive
    }
}
