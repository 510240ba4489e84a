import Foundation
import Hummingbird
import LedeCore

/// Signing in and out.
struct SessionController {
    let services: WebServices

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/login", use: form)
        router.post("/login", use: signIn)
        router.post("/logout", use: signOut)
    }

    struct LoginView: Sendable {
        var csrf: String
        var name: String
        var next: String
    }

    @Sendable func form(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        if context.reader != nil { return .redirect(to: next, type: .normal) }
        return loginPage(request, name: "", next: next, problem: nil, status: .ok)
    }

    private func loginPage(_ request: Request, name: String, next: String, problem: String?, status: HTTPResponse.Status) -> Response {
        let secure = SessionCookie.isSecure(request, configured: services.configuration.secureCookies)
        let existing = request.cookies[SessionCookie.loginName]?.value
        let token = existing.flatMap { SecretToken.looksValid($0) ? $0 : nil } ?? SecretToken.generate()
        var response = services.pages.page(
            "login", LoginView(csrf: token, name: name, next: next), layout: Layout(title: "Sign in", problem: problem), status: status)
        response.setCookie(SessionCookie.login(token, secure: secure))
        return response
    }

    @Sendable func signIn(_ request: Request, context: LedeRequestContext) async throws -> Response {
        let form = context.form ?? FormFields()
        let name = form.trimmed("name") ?? ""
        let next = Self.safeNext(form["next"])
        guard let cookie = request.cookies[SessionCookie.loginName]?.value, let sent = form["csrf"],
            SecretToken.constantTimeEquals(cookie, sent)
        else {
            return loginPage(request, name: name, next: next, problem: WebError.csrf.message, status: .forbidden)
        }
        let now = services.clock.now()
        let address = context.clientAddress
        if let wait = try await services.loginLimiter.retryAfter(address: address, userName: name, now: now) {
            var response = loginPage(
                request, name: name, next: next,
                problem: "Too many failed sign-ins for this name or from this address; wait \(Self.minutes(wait)) and try again.",
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        let user = name.isEmpty ? nil : try await services.store.user(named: name)
        var hash: String?
        if let user { hash = try await services.store.passwordHash(userID: user.id) }
        let password = form["password"] ?? ""
        guard try await services.passwords.verify(password, hash: hash), let user else {
            try await services.loginLimiter.recordFailure(address: address, userName: name, now: now)
            return loginPage(request, name: name, next: next, problem: "Wrong name or password; check both and try again.", status: .unauthorized)
        }
        try await services.loginLimiter.recordSuccess(userName: name)
        let started = try await services.startSession(
            for: user, secure: SessionCookie.isSecure(request, configured: services.configuration.secureCookies))
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(started.cookie)
        return response
    }

    @Sendable func signOut(_ request: Request, context: LedeRequestContext) async throws -> Response {
        if let session = context.session {
            services.sessions.forget(session.secretHash)
            try await services.store.deleteSession(secretHash: session.secretHash)
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(SessionCookie.cleared(secure: SessionCookie.isSecure(request, configured: services.configuration.secureCookies)))
        return response
    }

    /// Only paths on this site, so the sign-in page cannot send a reader elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\r"), !next.contains("\n") else {
            return "/"
        }
        return next
    }

    static func minutes(_ interval: TimeInterval) -> String {
        let minutes = max(1, Int((interval / 60).rounded(.up)))
        return minutes == 1 ? "a minute" : "\(minutes) minutes"
    }
}
