import Hummingbird

/// Header names that HTTPTypes does not predefine.
enum HeaderNames {
    typealias Name = HTTPFields.Element.Name

    static let referrerPolicy = Name("Referrer-Policy")!
    static let frameOptions = Name("X-Frame-Options")!
    static let crossOriginOpenerPolicy = Name("Cross-Origin-Opener-Policy")!
    static let permissionsPolicy = Name("Permissions-Policy")!
    static let robotsTag = Name("X-Robots-Tag")!
    static let forwardedProto = Name("X-Forwarded-Proto")!
    static let csrfToken = Name("X-CSRF-Token")!
}
