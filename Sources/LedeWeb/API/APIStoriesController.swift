import Foundation
import Hummingbird
import LedeCore

/// `/api/v1/stories`, feedback on them, and questions answered from the reader's sources.
struct APIStoriesController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/stories", use: list)
        router.get("/stories/:id", use: show)
        router.post("/stories/:id/feedback", use: feedback)
        router.post("/ask", use: ask)
        router.get("/conversations", use: conversations)
        router.get("/conversations/:id", use: conversation)
    }

    /// Stories of the reader's feeds active in the last `days` days (default 7), latest first.
    @Sendable func list(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let pagination = try Pagination(request)
        var days = 7
        if let text = request.uri.queryParameters["days"] {
            guard let value = Int(text), (1...365).contains(value) else { throw WebError.badRequest("days must be a whole number from 1 to 365.") }
            days = value
        }
        let since = services.clock.now().addingTimeInterval(-Double(days) * 24 * 3600)
        let stories = try await services.stories.stories(userID: reader.id, since: since).map {
            APIStorySummary(id: $0.id, headline: $0.headline, firstPublished: $0.firstPublished, lastPublished: $0.lastPublished)
        }
        return APIResponse.json(pagination.page(stories, path: "/api/v1/stories", query: ["days": String(days)]))
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "story")
        let profile = try await services.profile(for: request, userID: reader.id)
        return APIResponse.json(APIStoryDetail(try await services.stories.detail(storyID: id, userID: reader.id, profile: profile)))
    }

    @Sendable func feedback(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "story")
        let body = try await APIResponse.decode(APIFeedback.self, from: request, context: context)
        try await StoryController.recordFeedback(services: services, storyID: id, kind: body.kind, userID: reader.id)
        return APIResponse.json(APIFeedbackRecorded(story: id, kind: body.kind))
    }

    @Sendable func ask(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let body = try await APIResponse.decode(APIAsk.self, from: request, context: context)
        let question = body.question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !question.isEmpty, question.count <= 500 else {
            throw WebError.badRequest("Send a question of 1 to 500 characters in “question”.")
        }
        let answer = try await ConversationController.ask(
            services: services, question: question, userID: reader.id, storyID: body.story, conversationID: body.conversation)
        return APIResponse.json(answer)
    }

    @Sendable func conversations(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let pagination = try Pagination(request)
        let all = try await services.store.conversations(userID: reader.id, limit: 1_000).map {
            APIConversationSummary(id: $0.id, title: $0.title, startedAt: $0.startedAt, questions: $0.turns.count)
        }
        return APIResponse.json(pagination.page(all, path: "/api/v1/conversations"))
    }

    @Sendable func conversation(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        guard let id = context.parameters.get("id"), let conversation = try await services.store.conversation(id: id, userID: reader.id) else {
            throw WebError.notFound("conversation")
        }
        return APIResponse.json(APIConversation(conversation))
    }
}
