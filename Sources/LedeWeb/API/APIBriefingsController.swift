import Foundation
import Hummingbird
import LedeCore

/// `/api/v1/briefings`: the list of stored days, today's edition and earlier ones.
struct APIBriefingsController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/briefings", use: list)
        router.get("/briefings/today", use: today)
        router.get("/briefings/:date", use: byDate)
    }

    @Sendable func list(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let pagination = try Pagination(request)
        let profile = try await services.profile(for: request, userID: reader.id)
        let days = try await services.store.briefingDates(profile: profile.name, userID: reader.id, limit: 1_000).map {
            APIEditionDay(date: $0, profile: profile.name, href: "/api/v1/briefings/\($0)?profile=\(BriefingController.query(profile.name))")
        }
        return APIResponse.json(pagination.page(days, path: "/api/v1/briefings", query: ["profile": profile.name]))
    }

    @Sendable func today(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let profile = try await services.profile(for: request, userID: reader.id)
        let briefing = try await services.editions.today(for: profile, userID: reader.id)
        // The edition does not change once written: encode it once and reuse the bytes.
        let key = EditionCache.key(userID: reader.id, profile: profile.name, date: briefing.date)
        if let cached = services.editions.cache.rendered(key, variant: "json"), let text = cached.first { return APIResponse.jsonText(text) }
        let text = APIResponse.encode(briefing)
        services.editions.cache.storeRendered([text], key: key, variant: "json", for: briefing)
        return APIResponse.jsonText(text)
    }

    @Sendable func byDate(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        guard let date = context.parameters.get("date") else { throw WebError.notFound("edition") }
        if date == "today" { return try await today(request, context: context) }
        guard date.utf8.count == 10, date.split(separator: "-").count == 3 else {
            throw WebError.badRequest("Give the day as YYYY-MM-DD, such as 2026-04-20, or `today`.")
        }
        guard EditionDate.endOfDay(date) != nil else { throw WebError.notFound("edition for \(date): there is no such day") }
        let profile = try await services.profile(for: request, userID: reader.id)
        if date == services.editions.today { return APIResponse.json(try await services.editions.today(for: profile, userID: reader.id)) }
        guard let briefing = try await services.editions.stored(date: date, profile: profile, userID: reader.id) else {
            throw WebError.notFound("edition for \(date) (list the stored days at /api/v1/briefings)")
        }
        return APIResponse.json(briefing)
    }
}
