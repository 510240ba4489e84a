import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Serves a `SyntheticCorpus` over loopback HTTP: one listener per corpus host (127.0.0.1,
/// 127.0.0.2, …), all on the same port. Paths: `/feeds/F.xml`, `/articles/I.html`,
/// `/feeds.opml`.
public final class ScaleServer: Sendable {
    public let corpus: SyntheticCorpus
    public let port: Int
    private let services: ServiceGroup
    private let task: Task<Void, any Error>

    private init(corpus: SyntheticCorpus, port: Int, services: ServiceGroup, task: Task<Void, any Error>) {
        self.corpus = corpus
        self.port = port
        self.services = services
        self.task = task
    }

    /// Starts serving on `port` (0: a free one).
    /// - Parameter pageDelay: how long each article page takes, to model a slow site (tests
    ///   use it to catch a worker in the middle of a feed).
    public static func start(corpus: SyntheticCorpus, port: Int = 0, pageDelay: Duration = .zero) async throws -> ScaleServer {
        var logger = Logger(label: "lede.scale.server")
        logger.logLevel = .error
        // A probe socket finds a free port on the first address; every listener then binds it
        // on its own address.
        let chosen = port == 0 ? try freePort(corpus.address(host: 0)) : port
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await respond(to: request, corpus: corpus, port: chosen, pageDelay: pageDelay)
        }
        let listeners: [any Service] = (0..<corpus.hosts).map { host in
            makeApplication(corpus.address(host: host), port: chosen, responder: responder, logger: logger)
        }
        let group = ServiceGroup(services: listeners, gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        let task = Task { try await group.run() }
        // Wait until every listener accepts connections.
        for host in 0..<corpus.hosts {
            var ready = false
            for _ in 0..<200 where !ready {
                ready = canConnect(corpus.address(host: host), port: chosen)
                if !ready { try await Task.sleep(for: .milliseconds(10)) }
            }
            guard ready else {
                task.cancel()
                throw ScaleError("Could not listen on \(corpus.address(host: host)):\(chosen); check that loopback addresses 127.0.0.x are usable.")
            }
        }
        return ScaleServer(corpus: corpus, port: chosen, services: group, task: task)
    }

    public func stop() async {
        await services.triggerGracefulShutdown()
        _ = await task.result
    }

    static func makeApplication(
        _ address: String, port: Int, responder: CallbackResponder<BasicRequestContext>, logger: Logger
    ) -> some Service {
        Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(address, port: port), serverName: nil, backlog: 1024),
            logger: logger)
    }

    static func respond(to request: Request, corpus: SyntheticCorpus, port: Int, pageDelay: Duration) async throws -> Response {
        let path = request.uri.path
        var body: String?
        var type = "text/html; charset=utf-8"
        if path == "/feeds.opml" {
            body = corpus.opmlDocument(port: port)
            type = "text/x-opml; charset=utf-8"
        } else if let number = number(in: path, prefix: "/feeds/", suffix: ".xml") {
            body = corpus.feedDocument(number, port: port)
            type = "application/rss+xml; charset=utf-8"
        } else if let number = number(in: path, prefix: "/articles/", suffix: ".html") {
            if pageDelay > .zero { try await Task.sleep(for: pageDelay) }
            body = corpus.pageDocument(number, port: port)
        }
        guard request.method == .get || request.method == .head, let body else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
        }
        let buffer = ByteBuffer(string: body)
        return Response(
            status: .ok, headers: [.contentType: type, .contentLength: String(buffer.readableBytes)], body: ResponseBody(byteBuffer: buffer))
    }

    static func number(in path: String, prefix: String, suffix: String) -> Int? {
        guard path.hasPrefix(prefix), path.hasSuffix(suffix) else { return nil }
        return Int(path.dropFirst(prefix.count).dropLast(suffix.count))
    }

    static func freePort(_ address: String) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScaleError("Could not open a socket to find a free port.") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        inet_pton(AF_INET, address, &addr.sin_addr)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ScaleError("Could not bind \(address) to find a free port.") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func canConnect(_ address: String, port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, address, &addr.sin_addr)
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

public struct ScaleError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
