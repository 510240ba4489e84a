import Foundation
import Hummingbird
import LedeCore
import LedeFeeds
import LedeFetch
import Logging
import NIOCore
import ServiceLifecycle

/// Serves a corpus's sites over loopback HTTP, choosing the site by the `Host` header,
/// with `ETag` and `Last-Modified` validators so conditional GET works as on the real web.
public final class CorpusServer: Sendable {
    public let site: CorpusSite
    /// The port the server listens on, on 127.0.0.1.
    public let port: Int
    private let services: ServiceGroup
    private let task: Task<Void, any Error>

    /// Every file carries this modification time, the corpus's last publication.
    let lastModified: String

    private init(site: CorpusSite, port: Int, services: ServiceGroup, task: Task<Void, any Error>, lastModified: String) {
        self.site = site
        self.port = port
        self.services = services
        self.task = task
        self.lastModified = lastModified
    }

    /// A fetch configuration that reaches `hosts` (default: the corpus's outlets) on this
    /// server, loopback addresses allowed.
    public func fetchConfiguration(hosts: [String]? = nil) -> FetchConfiguration {
        var configuration = FetchConfiguration()
        configuration.allowPrivateNetworks = true
        for host in hosts ?? site.hosts { configuration.hostOverrides[host] = .init(host: "127.0.0.1", port: port) }
        return configuration
    }

    /// Starts serving on an ephemeral loopback port.
    public static func start(site: CorpusSite) async throws -> CorpusServer {
        let lastModified = DateWriting.rfc822(site.latestPublication ?? Date(timeIntervalSince1970: 0))
        var logger = Logger(label: "lede.demo.server")
        logger.logLevel = .error
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            respond(to: request, site: site, lastModified: lastModified)
        }
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        let services = ServiceGroup(services: [application], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        let task = Task { try await services.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CorpusError.missing("a free loopback port for the demo server")
        }
        return CorpusServer(site: site, port: port, services: services, task: task, lastModified: lastModified)
    }

    /// Stops the server, letting requests in flight finish.
    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = await task.result
    }

    static func respond(to request: Request, site: CorpusSite, lastModified: String) -> Response {
        let authority = request.head.authority ?? ""
        let host = authority.split(separator: ":").first.map { String($0).lowercased() } ?? ""
        guard request.method == .get || request.method == .head, let body = site.file(host: host, path: request.uri.path) else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
        }
        let etag = "\"" + String(StableHash.fnv1a(String(decoding: body, as: UTF8.self)), radix: 16) + "\""
        var headers: HTTPFields = [.eTag: etag, .lastModified: lastModified, .contentType: contentType(for: request.uri.path)]
        if request.headers[.ifNoneMatch] == etag || (request.headers[.ifNoneMatch] == nil && request.headers[.ifModifiedSince] == lastModified) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func contentType(for path: String) -> String {
        let name = path.hasSuffix("/") ? "index.html" : path
        switch (name as NSString).pathExtension.lowercased() {
        case "rss": return "application/rss+xml; charset=utf-8"
        case "rdf": return "application/rdf+xml; charset=utf-8"
        case "atom": return "application/atom+xml; charset=utf-8"
        case "json": return "application/feed+json; charset=utf-8"
        case "xml", "opml": return "application/xml; charset=utf-8"
        default: return "text/html; charset=utf-8"
        }
    }
}
