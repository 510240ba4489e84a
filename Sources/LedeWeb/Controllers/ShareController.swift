import Foundation
import Hummingbird
import LedeCore

/// The public page of a shared story: no sign-in, only that story, as the sharer's feeds tell it.
struct ShareController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/shared/:token", use: show)
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        guard let token = context.parameters.get("token"), let shared = try await ShareLinks.resolve(token, store: services.store) else {
            throw WebError.notFound("shared story (the link may have been revoked)")
        }
        let detail = try await services.stories.detail(storyID: shared.storyID, userID: shared.user.id, profile: nil)
        let view = StoryPageView(detail: detail, csrf: "", feedback: nil, isPublic: true)
        var layout = Layout(title: view.headline)
        layout.isPublic = true
        var response = services.pages.page("shared", view, layout: layout)
        response.headers[HeaderNames.robotsTag] = "noindex, nofollow"
        return response
    }
}
