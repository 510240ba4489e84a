import Foundation
import Hummingbird

/// The browser session cookie: a random secret, `HttpOnly`, `SameSite=Lax`, `Secure` over TLS.
enum SessionCookie {
    static let name = "lede_session"
    /// A short-lived cookie for the sign-in form's CSRF token (there is no session yet).
    static let loginName = "lede_login"

    static func make(_ secret: String, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(name: name, value: secret, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func login(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: loginName, value: token, maxAge: 3600, path: "/login", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Whether the request reached Lede over TLS (directly or through a proxy that says so).
    static func isSecure(_ request: Request, configured: Bool) -> Bool {
        configured || request.uri.scheme == .https || request.headers[HeaderNames.forwardedProto]?.lowercased() == "https"
    }
}
