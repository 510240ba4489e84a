import Foundation
import Hummingbird
import LedeCore

/// A reader's editions as Atom and JSON Feed at a secret address, for any feed reader.
struct FeedsOutController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/feeds/:token/edition.atom", use: atom)
        router.get("/feeds/:token/edition.json", use: json)
    }

    @Sendable func atom(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let (renderer, editions) = try await feed(request, context: context, file: "edition.atom")
        return Self.response(renderer.atom(editions), type: "application/atom+xml; charset=utf-8")
    }

    @Sendable func json(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let (renderer, editions) = try await feed(request, context: context, file: "edition.json")
        return Self.response(renderer.jsonFeed(editions), type: "application/feed+json; charset=utf-8")
    }

    /// The latest editions (today's written if needed, then up to six earlier days).
    private func feed(_ request: Request, context: LedeRequestContext, file: String) async throws -> (EditionFeedRenderer, [Briefing]) {
        guard let token = context.parameters.get("token"), let link = try await EditionFeedLinks.resolve(token, store: services.store) else {
            throw WebError.notFound("feed (the link may have been revoked)")
        }
        let profile = try await services.store.profile(named: link.profile, userID: link.user.id)
            ?? (link.profile == ReaderEditions.defaultProfileName ? ReaderEditions.generalProfile : nil)
        guard let profile else { throw WebError.notFound("profile of this feed") }
        var editions = [try await services.editions.today(for: profile, userID: link.user.id)]
        for date in try await services.store.briefingDates(profile: profile.name, userID: link.user.id, limit: 7) where date != editions[0].date {
            if let edition = try await services.editions.stored(date: date, profile: profile, userID: link.user.id) { editions.append(edition) }
            if editions.count == 7 { break }
        }
        let base = services.baseURL(for: request)
        let renderer = EditionFeedRenderer(
            feedURL: base + "/feeds/" + token + "/" + file, siteURL: base + "/", title: "Lede briefing (\(profile.name))")
        return (renderer, editions)
    }

    static func response(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "private, max-age=300"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
