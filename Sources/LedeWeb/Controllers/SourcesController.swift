import Foundation
import Hummingbird
import LedeCore
import LedeEngine

/// The sources page: follow a feed, import and export OPML, see each feed's health, retry,
/// remove, and fetch everything in the background.
struct SourcesController {
    let services: WebServices
    var management: SourceManagement { SourceManagement(services: services) }

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/sources", use: list)
        router.post("/sources", use: add)
        router.post("/sources/import", use: importOPML)
        router.get("/sources/export.opml", use: exportOPML)
        router.post("/sources/:id/retry", use: retry)
        router.post("/sources/:id/remove", use: remove)
        router.post("/fetch", use: startFetch)
        router.get("/fetch/progress", use: progress)
    }

    static let notices: [String: String] = [
        "fetching": "Fetching your sources in the background; this page updates as it goes.",
        "retry": "The source will be tried again by the next fetch.",
        "removed": "Source removed.",
    ]

    @Sendable func list(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let query = request.uri.queryParameters
        var notice = query["notice"].flatMap { Self.notices[String($0)] }
        if let added = query["added"].map(String.init) { notice = "Now following \(added). Its articles are being fetched." }
        if let imported = query["imported"].flatMap({ Int($0) }) {
            notice = "Imported \(imported) source\(imported == 1 ? "" : "s"); they are being fetched."
        }
        return try await page(context: context, reader: reader, notice: notice, problem: nil, address: "", welcome: query["welcome"] != nil)
    }

    private func page(
        context: LedeRequestContext, reader: User, notice: String?, problem: String?, address: String, welcome: Bool = false,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let subscriptions = try await services.store.subscriptions(userID: reader.id)
        let progress = try await services.fetchJobs.progress(userID: reader.id)
        let view = SourcesView(
            subscriptions: subscriptions, csrf: context.csrf, now: services.clock.now(), progress: progress, address: address, welcome: welcome)
        var layout = services.layout("Sources", context: context, current: "/sources", notice: notice, problem: problem)
        layout.refresh = progress.isActive
        return services.pages.page("sources", view, layout: layout, status: status)
    }

    @Sendable func add(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let address = context.submitted.trimmed("url") ?? ""
        do {
            let subscription = try await management.add(address, userID: reader.id)
            try await services.fetchJobs.start(userID: reader.id, profile: try await services.editions.profile(named: nil, userID: reader.id))
            return .seeOther("/sources?added=" + BriefingController.query(subscription.displayTitle))
        } catch {
            let failure = WebError.from(error)
            guard failure.status != .internalServerError else { throw error }
            return try await page(context: context, reader: reader, notice: nil, problem: failure.message, address: address, status: failure.status)
        }
    }

    @Sendable func importOPML(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        guard let file = context.submitted.file("opml"), !file.data.isEmpty else {
            return try await page(
                context: context, reader: reader, notice: nil, problem: "Choose an OPML file to import.", address: "", status: .badRequest)
        }
        do {
            let report = try await management.importOPML(file.data, userID: reader.id)
            if report.added > 0 {
                try await services.fetchJobs.start(userID: reader.id, profile: try await services.editions.profile(named: nil, userID: reader.id))
            }
            return .seeOther("/sources?imported=\(report.added)")
        } catch let error as SourceImportError {
            let failure = WebError.from(error)
            return try await page(context: context, reader: reader, notice: nil, problem: failure.message, address: "", status: failure.status)
        }
    }

    @Sendable func exportOPML(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        let data = try await management.exportOPML(user: reader)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/x-opml; charset=utf-8", .contentDisposition: "attachment; filename=\"lede-sources.opml\"",
                .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func retry(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        _ = try await management.retry(subscriptionID: try context.parameters.id("id", what: "source"), userID: reader.id)
        return .seeOther("/sources?notice=retry")
    }

    @Sendable func remove(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        try await management.remove(subscriptionID: try context.parameters.id("id", what: "source"), userID: reader.id)
        return .seeOther("/sources?notice=removed")
    }

    @Sendable func startFetch(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        try await services.fetchJobs.start(userID: reader.id, profile: try await services.editions.profile(named: nil, userID: reader.id))
        return .seeOther(SessionController.safeNext(context.submitted["return"] ?? "/sources") + (context.submitted["return"] == nil ? "?notice=fetching" : ""))
    }

    @Sendable func progress(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let reader = try context.requireReader()
        return APIResponse.json(FetchProgressBody(try await services.fetchJobs.progress(userID: reader.id)))
    }
}
