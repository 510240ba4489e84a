import Foundation
import Hummingbird
import LedeCore
import NIOCore

/// What a request carries through the middleware to its handler: who sent it (address and,
/// once authenticated, the reader) and, for browser requests, the session.
public struct LedeRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in reader, set by the session or bearer-token middleware.
    public var reader: User?
    /// The browser session, for its CSRF token.
    public var session: Session?
    /// The submitted form of a page's POST, read once by the CSRF check.
    var form: FormFields?
    /// A session cookie to set on the response (the demo's automatic sign-in).
    var newSessionCookie: Cookie?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// An OPML file or a long form is the largest body a reader sends.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The reader, or a 401 for handlers behind the authentication middleware.
    public func requireReader() throws -> User {
        guard let reader else { throw WebError.unauthorized }
        return reader
    }

    /// The client's address for rate limiting, without its port.
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// Whether the request came from this machine (the demo's automatic sign-in).
    public var isLoopback: Bool {
        guard let address = remoteAddress?.ipAddress else { return false }
        return address == "::1" || address.hasPrefix("127.") || address == "::ffff:127.0.0.1"
    }
}
