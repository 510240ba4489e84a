import Foundation
import Hummingbird
import LedeCore

/// Recognises the reader of a browser request from the session cookie. An expired session is
/// deleted and the request goes on unsigned. With automatic sign-in (the demo), a visitor from
/// this machine without a session gets one for the demo reader.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = LedeRequestContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = services.clock.now()
        if let secret = request.cookies[SessionCookie.name]?.value, SecretToken.looksValid(secret) {
            let hash = SecretToken.hash(secret, kind: .session)
            if let (session, user) = services.sessions.lookup(hash, now: now) {
                context.session = session
                context.reader = user
            } else if let session = try await services.store.session(secretHash: hash) {
                if session.expiresAt > now, let user = try await services.store.user(id: session.userID) {
                    context.session = session
                    context.reader = user
                    services.sessions.remember(session, user: user, now: now)
                } else {
                    try await services.store.deleteSession(secretHash: hash)
                }
            }
        }
        if context.reader == nil, let name = services.configuration.autoSignInUser, context.isLoopback,
            let user = try await services.store.user(named: name)
        {
            let started = try await services.startSession(
                for: user, secure: SessionCookie.isSecure(request, configured: services.configuration.secureCookies))
            context.session = started.session
            context.reader = user
            context.newSessionCookie = started.cookie
        }
        var response = try await next(request, context)
        if let cookie = context.newSessionCookie { response.setCookie(cookie) }
        return response
    }
}

/// Checks every state-changing page request: the form must carry the session's CSRF token,
/// and a browser that names its origin must name this one.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = LedeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        // Under `Referrer-Policy: no-referrer` browsers send `Origin: null` for their own forms,
        // so only a named origin is compared; the token is checked either way.
        if let origin = request.headers[.origin], origin != "null", !Self.sameOrigin(origin, host: request.head.authority) {
            throw WebError.csrf
        }
        var request = request
        var context = context
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let form = try FormFields.parse(Array(buffer: body), contentType: request.headers[.contentType])
        context.form = form
        // Signing in has no session yet: its form is checked against the sign-in cookie instead.
        if request.uri.path != "/login" {
            guard let session = context.session else { throw WebError.unauthorized }
            let sent = form["csrf"] ?? request.headers[HeaderNames.csrfToken] ?? ""
            guard SecretToken.constantTimeEquals(sent, session.csrfToken) else { throw WebError.csrf }
        }
        return try await next(request, context)
    }

    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let components = URLComponents(string: origin), let originHost = components.host else { return false }
        let originAuthority = originHost + (components.port.map { ":\($0)" } ?? "")
        return originAuthority.lowercased() == host.lowercased()
    }
}

/// Authenticates API requests by `Authorization: Bearer TOKEN`; nothing else (no cookies), so
/// the API needs no CSRF protection.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = LedeRequestContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { throw WebError.unauthorized }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard SecretToken.looksValid(token), let user = try await services.store.user(tokenHash: SecretToken.hash(token, kind: .api)) else {
            throw WebError(
                status: .unauthorized, code: "invalid_token",
                message: "That API token is not valid (revoked or mistyped); create a new one on the Account page or with `lede tokens create USER`.",
                headers: [.wwwAuthenticate: "Bearer realm=\"lede\", error=\"invalid_token\""])
        }
        var context = context
        context.reader = user
        return try await next(request, context)
    }
}
