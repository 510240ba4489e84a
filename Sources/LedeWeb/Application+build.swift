import Foundation
import Hummingbird
import LedeCore
import LedeFetch
import Logging
import NIOCore

/// Builds the web app: pages for readers, the JSON API, feeds out and shared stories.
/// - Parameters:
///   - configuration: address, cookie and sign-in policy.
///   - store: the database, shared with the command line.
///   - fetcher: fetches feeds when readers add sources or start a fetch; the caller shuts it down.
///   - clock: the time the app acts as of.
///   - onServerRunning: told the bound port once the server listens (useful with port 0).
/// - Throws: `WebError` when the templates or assets are missing from the build.
public func buildApplication(
    configuration: WebConfiguration, store: any LedeStore, fetcher: HTTPFetcher, clock: WebClock = .system,
    logger: Logger = Logger(label: "lede.web"), onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, store: store, fetcher: fetcher, clock: clock, logger: logger)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The routes and middleware, without a server (router tests drive this directly).
public func buildRouter(
    configuration: WebConfiguration, store: any LedeStore, fetcher: HTTPFetcher, clock: WebClock = .system,
    logger: Logger = Logger(label: "lede.web")
) async throws -> Router<LedeRequestContext> {
    let pages = try await PageRenderer.load()
    let services = WebServices(store: store, fetcher: fetcher, configuration: configuration, clock: clock, pages: pages, logger: logger)
    return try buildRouter(services)
}

func buildRouter(_ services: WebServices) throws -> Router<LedeRequestContext> {
    let router = Router(context: LedeRequestContext.self)
    // Outermost: every response, errors included, carries the security headers.
    router.add(middleware: SecurityHeadersMiddleware<LedeRequestContext>())
    router.add(middleware: ErrorPageMiddleware<LedeRequestContext>(pages: services.pages, apiRoutes: try APIRouteTable.load()))

    // Open to anyone: assets, the API description, a reader's feeds and shared stories
    // (both behind secret links), and a health check.
    let open = router.group()
    try StaticFilesController.load().addRoutes(to: open)
    try OpenAPIController.load().addRoutes(to: open)
    FeedsOutController(services: services).addRoutes(to: open)
    ShareController(services: services).addRoutes(to: open)
    open.get("/healthz") { _, _ in APIResponse.json(["status": "ok"]) }

    // The JSON API: bearer tokens only, so cookies (and CSRF) play no part.
    let api = router.group("/api/v1").add(middleware: BearerTokenMiddleware(services: services))
    APISourcesController(services: services).addRoutes(to: api)
    APIBriefingsController(services: services).addRoutes(to: api)
    APIStoriesController(services: services).addRoutes(to: api)
    APIProfileController(services: services).addRoutes(to: api)

    // Pages: the session cookie identifies the reader; every form is checked for its CSRF token.
    let pages = router.group().add(middleware: SessionMiddleware(services: services)).add(middleware: CSRFMiddleware())
    SessionController(services: services).addRoutes(to: pages)
    BriefingController(services: services).addRoutes(to: pages)
    StoryController(services: services).addRoutes(to: pages)
    ConversationController(services: services).addRoutes(to: pages)
    SourcesController(services: services).addRoutes(to: pages)
    ProfileController(services: services).addRoutes(to: pages)
    AccountController(services: services).addRoutes(to: pages)
    return router
}
