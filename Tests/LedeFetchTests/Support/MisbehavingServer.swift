import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP/1.1 server whose every answer is scripted by the test, including the ways
/// real servers misbehave: bodies that never end, bytes trickled slowly, silence. It records
/// what it was asked and over how many connections.
final class MisbehavingServer: Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: HTTPHeaders
        /// Serial number of the connection the request came on, from 1.
        var connection: Int

        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    enum Reply: Sendable {
        /// A complete response; `Content-Length` is added unless the headers frame the body.
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
        /// Headers, then a body without length that never ends, as fast as the client reads.
        case endless(headers: [(String, String)] = [])
        /// Headers, then one byte of body every `interval`, forever.
        case trickle(interval: Duration)
        /// Reads the request and never answers.
        case silence
        /// Waits, then replies.
        indirect case after(Duration, Reply)
    }

    /// What the server saw, shared by its connections.
    private final class Recorder: Sendable {
        let state = Mutex(State())
    }

    private struct State {
        var requests: [Request] = []
        var connections = 0
        var inFlight = 0
        var mostInFlight = 0
        var rawBytes: [[UInt8]] = []
    }

    let port: Int
    private let recorder: Recorder
    private let task: Task<Void, Never>

    private init(port: Int, recorder: Recorder, task: Task<Void, Never>) {
        self.port = port
        self.recorder = recorder
        self.task = task
    }

    var requests: [Request] { recorder.state.withLock { $0.requests } }
    var connectionCount: Int { recorder.state.withLock { $0.connections } }
    /// The most requests the server was answering at one moment.
    var mostRequestsAtOnce: Int { recorder.state.withLock { $0.mostInFlight } }
    /// For a byte-recording server: the first bytes of each connection.
    var rawBytes: [[UInt8]] { recorder.state.withLock { $0.rawBytes } }

    func stop() async {
        task.cancel()
        await task.value
    }

    /// Serves HTTP on an ephemeral port of 127.0.0.1, answering each request with `route`.
    static func start(_ route: @escaping @Sendable (Request) -> Reply) async throws -> MisbehavingServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder()))
                    return try NIOAsyncChannel<HTTPServerRequestPart, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        let port = channel.channel.localAddress?.port ?? 0
        let recorder = Recorder()
        let task = Task {
            _ = try? await withThrowingDiscardingTaskGroup { group in
                try await channel.executeThenClose { inbound in
                    for try await connection in inbound {
                        let number = recorder.state.withLock { state in
                            state.connections += 1
                            return state.connections
                        }
                        group.addTask { try? await serve(connection, number: number, route: route, recorder: recorder) }
                    }
                }
            }
        }
        return MisbehavingServer(port: port, recorder: recorder, task: task)
    }

    /// Accepts TCP connections and records the first bytes each sends (a TLS ClientHello,
    /// say), then hangs up without answering.
    static func startRecordingBytes() async throws -> MisbehavingServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        let port = channel.channel.localAddress?.port ?? 0
        let recorder = Recorder()
        let task = Task {
            _ = try? await withThrowingDiscardingTaskGroup { group in
                try await channel.executeThenClose { inbound in
                    for try await connection in inbound {
                        let index = recorder.state.withLock { state in
                            state.connections += 1
                            state.rawBytes.append([])
                            return state.rawBytes.count - 1
                        }
                        group.addTask {
                            try? await connection.executeThenClose { inbound, _ in
                                for try await chunk in inbound {
                                    let count = recorder.state.withLock { state in
                                        state.rawBytes[index] += chunk.readableBytesView
                                        return state.rawBytes[index].count
                                    }
                                    if count >= 512 { break }
                                }
                            }
                        }
                    }
                }
            }
        }
        return MisbehavingServer(port: port, recorder: recorder, task: task)
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, ByteBuffer>, number: Int,
        route: @Sendable (Request) -> Reply, recorder: Recorder
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                case .body:
                    continue
                case .end:
                    guard let requestHead = head else { continue }
                    head = nil
                    let request = Request(
                        method: requestHead.method.rawValue, uri: requestHead.uri, headers: requestHead.headers, connection: number)
                    recorder.state.withLock { state in
                        state.requests.append(request)
                        state.inFlight += 1
                        state.mostInFlight = max(state.mostInFlight, state.inFlight)
                    }
                    let keepOpen: Bool
                    do {
                        keepOpen = try await perform(route(request), outbound: outbound)
                    } catch {
                        recorder.state.withLock { $0.inFlight -= 1 }
                        throw error
                    }
                    recorder.state.withLock { $0.inFlight -= 1 }
                    if !keepOpen { return }
                }
            }
        }
    }

    /// Writes one reply; `false` when the connection must close after it.
    private static func perform(_ reply: Reply, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws -> Bool {
        switch reply {
        case .respond(let status, let headers, let body):
            var headers = headers
            let framed = headers.contains { ["content-length", "transfer-encoding"].contains($0.0.lowercased()) }
            if !framed { headers.append(("Content-Length", "\(body.count)")) }
            try await outbound.write(head(status: status, headers: headers))
            if !body.isEmpty { try await outbound.write(ByteBuffer(bytes: body)) }
            return true
        case .endless(let headers):
            try await outbound.write(head(status: 200, headers: headers + [("Connection", "close")]))
            let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 64 * 1024)
            while !Task.isCancelled { try await outbound.write(chunk) }
            return false
        case .trickle(let interval):
            try await outbound.write(head(status: 200, headers: [("Content-Type", "application/rss+xml"), ("Connection", "close")]))
            while true {
                try await Task.sleep(for: interval)
                try await outbound.write(ByteBuffer(string: "<"))
            }
        case .silence:
            try await Task.sleep(for: .seconds(3600))
            return false
        case .after(let delay, let reply):
            try await Task.sleep(for: delay)
            return try await perform(reply, outbound: outbound)
        }
    }

    private static func head(status: Int, headers: [(String, String)]) -> ByteBuffer {
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        var text = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return ByteBuffer(string: text + "\r\n")
    }
}
