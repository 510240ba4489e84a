import Foundation
import Hummingbird
import LedeCore

/// `/api/v1/sources`: list, add, show, retry, remove, import and export OPML; `/api/v1/fetch`.
struct APISourcesController {
    let services: WebServices
    var management: SourceManagement { SourceManagement(services: services) }

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/sources", use: list)
        router.post("/sources", use: add)
        router.post("/sources/import", use: importOPML)
        router.get("/sources/export", use: exportOPML)
        router.get("/sources/:id", use: show)
        router.delete("/sources/:id", use: remove)
        router.post("/sources/:id/retry", use: retry)
        router.post("/fetch", use: startFetch)
        router.get("/fetch", use: progress)
    }

    @Sendable func list(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let pagination = try Pagination(request)
        let sources = try await services.store.subscriptions(userID: reader.id).map(APISource.init)
        return APIResponse.json(pagination.page(sources, path: "/api/v1/sources"))
    }

    @Sendable func add(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let body = try await APIResponse.decode(APIAddSource.self, from: request, context: context)
        let subscription = try await management.add(body.url, userID: reader.id)
        var response = APIResponse.json(APISource(subscription), status: .created)
        response.headers[.location] = "/api/v1/sources/\(subscription.id)"
        return response
    }

    @Sendable func show(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let id = try context.parameters.id("id", what: "source")
        guard let subscription = try await services.store.subscription(id: id, userID: reader.id) else { throw WebError.notFound("source \(id)") }
        return APIResponse.json(APISource(subscription))
    }

    @Sendable func remove(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        try await management.remove(subscriptionID: try context.parameters.id("id", what: "source"), userID: reader.id)
        return Response(status: .noContent)
    }

    @Sendable func retry(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let subscription = try await management.retry(subscriptionID: try context.parameters.id("id", what: "source"), userID: reader.id)
        return APIResponse.json(APISource(subscription))
    }

    @Sendable func importOPML(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let report = try await management.importOPML(Array(buffer: body), userID: reader.id)
        return APIResponse.json(report)
    }

    @Sendable func exportOPML(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let data = try await management.exportOPML(user: reader)
        return Response(
            status: .ok, headers: [.contentType: "text/x-opml; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func startFetch(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let progress = try await services.fetchJobs.start(userID: reader.id, profile: try await services.editions.profile(named: nil, userID: reader.id))
        var response = APIResponse.json(FetchProgressBody(progress), status: .accepted)
        response.headers[.location] = "/api/v1/fetch"
        return response
    }

    @Sendable func progress(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        return APIResponse.json(FetchProgressBody(try await services.fetchJobs.progress(userID: reader.id)))
    }
}
