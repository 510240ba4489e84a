import Foundation
import Hummingbird
import LedeCore
import LedeEngine

/// A story's page, feedback on it, and links to share it.
struct StoryController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/stories/:id", use: show)
        router.post("/stories/:id/feedback", use: feedback)
        router.post("/stories/:id/share", use: share)
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        try await page(request, context: context, shareURL: nil)
    }

    private func page(_ request: Request, context: LedeRequestContext, shareURL: String?) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "story")
        let profile = try await services.profile(for: request, userID: reader.id)
        let detail = try await services.stories.detail(storyID: id, userID: reader.id, profile: profile)
        let feedback = try await services.feedbackByStory(userID: reader.id)[id]
        let view = StoryPageView(detail: detail, csrf: context.csrf, feedback: feedback, shareURL: shareURL)
        return services.pages.page(
            "story", view,
            layout: services.layout(view.headline, context: context, current: "/", notice: shareURL == nil ? nil : "Anyone with the link below can read this story, without signing in."))
    }

    @Sendable func feedback(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "story")
        guard let kind = context.submitted["kind"].flatMap(Feedback.Kind.init(rawValue:)) else {
            throw WebError.badRequest("Choose more, less or mute.")
        }
        try await Self.recordFeedback(services: services, storyID: id, kind: kind, userID: reader.id)
        return .seeOther(SessionController.safeNext(context.submitted["return"] ?? "/stories/\(id)"))
    }

    /// Records feedback on a story the reader can see, and drops their cached pages (which show it).
    static func recordFeedback(services: WebServices, storyID: Int64, kind: Feedback.Kind, userID: Int64) async throws {
        guard try await !services.store.articles(storyIDs: [storyID], userID: userID).isEmpty else { throw WebError.notFound("story \(storyID)") }
        try await services.store.saveFeedback(Feedback(userID: userID, storyID: storyID, kind: kind, at: services.clock.now()))
        services.editions.cache.invalidate(userID: userID)
    }

    @Sendable func share(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "story")
        guard try await !services.store.articles(storyIDs: [id], userID: reader.id).isEmpty else { throw WebError.notFound("story \(id)") }
        let token = try await ShareLinks.create(storyID: id, userID: reader.id, services: services)
        return try await page(request, context: context, shareURL: services.baseURL(for: request) + "/shared/" + token)
    }
}

/// Public links to one story, kept as hashed tokens named `share:<story id>`.
enum ShareLinks {
    static let prefix = "share:"

    static func create(storyID: Int64, userID: Int64, services: WebServices) async throws -> String {
        let token = SecretToken.generate()
        _ = try await services.store.addToken(
            userID: userID, name: prefix + String(storyID), tokenHash: SecretToken.hash(token, kind: .share), now: services.clock.now())
        return token
    }

    /// The reader who shared and the story, or `nil` for an unknown or revoked link.
    static func resolve(_ token: String, store: any LedeStore) async throws -> (user: User, storyID: Int64)? {
        guard SecretToken.looksValid(token) else { return nil }
        let hash = SecretToken.hash(token, kind: .share)
        guard let user = try await store.user(tokenHash: hash),
            let record = try await store.tokens(userID: user.id).first(where: { $0.tokenHash == hash }),
            record.name.hasPrefix(prefix), let storyID = Int64(record.name.dropFirst(prefix.count))
        else { return nil }
        return (user, storyID)
    }
}
