import Foundation
import Hummingbird
import Logging

/// Puts the security headers on every response, errors and static files included, and turns
/// any error that got this far into a response that has them too.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'"
    }

    static var headers: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            HeaderNames.referrerPolicy: "no-referrer",
            HeaderNames.frameOptions: "DENY",
            HeaderNames.crossOriginOpenerPolicy: "same-origin",
            HeaderNames.permissionsPolicy: "camera=(), microphone=(), geolocation=()",
        ]
    }

    let headers = Self.headers

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let webError = WebError.from(error)
            if webError.status == .internalServerError { context.logger.error("request failed", metadata: ["error": "\(error)"]) }
            response = try webError.response(from: request, context: context)
        }
        for field in headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}

/// Shows errors of page requests as an HTML page, and of API and feed requests as the JSON
/// error body.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer
    let apiRoutes: APIRouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var webError = WebError.from(error)
            if webError.status == .internalServerError { context.logger.error("request failed", metadata: ["error": "\(error)"]) }
            let path = request.uri.path
            if error is HTTPError, webError.status == .notFound, let methods = apiRoutes.methods(for: path),
                !methods.contains(request.method.rawValue)
            {
                webError = WebError(
                    status: .methodNotAllowed, code: "method_not_allowed",
                    message: "\(path) takes \(methods.joined(separator: ", ")); see /api/openapi.json.", headers: [.allow: methods.joined(separator: ", ")])
            }
            if path.hasPrefix("/api/") || path.hasPrefix("/feeds/") || Self.prefersJSON(request) {
                return try webError.response(from: request, context: context)
            }
            if webError.status == .unauthorized {
                // A browser that is not signed in goes to the sign-in page, then back here.
                let target = request.method == .get ? request.uri.description : "/"
                return Response.redirect(to: "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"), type: .normal)
            }
            var response = pages.page(
                "error", ErrorView(heading: Self.heading(webError.status), message: webError.message),
                layout: Layout(title: Self.heading(webError.status)), status: webError.status)
            response.headers.append(contentsOf: webError.headers)
            return response
        }
    }

    static func prefersJSON(_ request: Request) -> Bool {
        let accept = request.headers[.accept] ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "Not found"
        case 403: "Not allowed"
        case 429: "Too many attempts"
        case 400, 422: "That did not work"
        default: "Something went wrong"
        }
    }
}

struct ErrorView: Sendable {
    var heading: String
    var message: String
}
