import Foundation
import Hummingbird
import LedeCore
import LedeEngine

/// Questions answered from the reader's sources, kept as conversations.
struct ConversationController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.post("/ask", use: ask)
        router.get("/conversations", use: list)
        router.get("/conversations/:id", use: show)
    }

    @Sendable func ask(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let form = context.submitted
        guard let question = form.trimmed("question"), question.count <= 500 else {
            throw WebError.badRequest("Write a question of up to 500 characters, such as “How much will Amazon invest?”")
        }
        let storyID = form.trimmed("story").flatMap { Int64($0) }
        let answer = try await Self.ask(
            services: services, question: question, userID: reader.id, storyID: storyID, conversationID: form.trimmed("conversation"))
        return .seeOther("/conversations/\(answer.conversation)#latest")
    }

    /// Asks, checking first that the story and conversation are the reader's own.
    static func ask(services: WebServices, question: String, userID: Int64, storyID: Int64?, conversationID: String?) async throws -> Answer {
        if let storyID, try await services.store.articles(storyIDs: [storyID], userID: userID).isEmpty {
            throw WebError.notFound("story \(storyID)")
        }
        if let conversationID, try await services.store.conversation(id: conversationID, userID: userID) == nil {
            throw WebError.notFound("conversation \(conversationID)")
        }
        return try await AskService(store: services.store)
            .ask(question, userID: userID, storyID: storyID, conversationID: conversationID, now: services.clock.now())
    }

    @Sendable func list(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let conversations = try await services.store.conversations(userID: reader.id, limit: 100)
        let view = ConversationListView(
            rows: conversations.map {
                ConversationListView.Row(
                    href: "/conversations/\($0.id)", title: $0.title, started: DisplayDate.dateTime($0.startedAt),
                    questions: "\($0.turns.count) question\($0.turns.count == 1 ? "" : "s")")
            }, csrf: context.csrf)
        return services.pages.page("conversations", view, layout: services.layout("Questions", context: context, current: "/conversations"))
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        guard let id = context.parameters.get("id"), let conversation = try await services.store.conversation(id: id, userID: reader.id) else {
            throw WebError.notFound("conversation")
        }
        let view = ConversationView(conversation, csrf: context.csrf)
        return services.pages.page("conversation", view, layout: services.layout(view.title, context: context, current: "/conversations"))
    }
}
