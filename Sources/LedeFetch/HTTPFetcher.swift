import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

/// Fetches feeds and pages over HTTP with the limits of `FetchConfiguration`: a size cap
/// counted after decompression, one deadline for the whole request, redirects followed by
/// hand so each hop is checked, and the SSRF guard applied to the address actually used.
///
/// Each hop resolves its host once, checks every address, and then connects to the checked
/// address itself, so a DNS answer that changes between check and connect cannot slip through.
public final class HTTPFetcher: Sendable {
    public let configuration: FetchConfiguration
    let resolver: any HostResolver
    let logger: Logger
    /// Connects to numeric addresses for plain http; https hops get a client pinned to the checked address.
    let client: HTTPClient

    public init(configuration: FetchConfiguration = FetchConfiguration(), resolver: any HostResolver = SystemHostResolver(), logger: Logger = Logger(label: "lede.fetch")) {
        self.configuration = configuration
        self.resolver = resolver
        self.logger = logger
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.clientConfiguration(dnsOverride: [:]))
    }

    /// Closes the connections. Call once when done.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    static func clientConfiguration(dnsOverride: [String: String]) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(15)),
            decompression: .enabled(limit: .ratio(100)))
        configuration.dnsOverride = dnsOverride
        return configuration
    }

    /// Fetches one URL, following up to `maximumRedirects` redirects.
    /// - Throws: `FetchError` with an actionable description.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let seconds = Int(configuration.timeout.components.seconds)
        return try await withThrowingTaskGroup(of: FetchResponse.self) { group in
            group.addTask { try await self.follow(request) }
            group.addTask {
                try await Task.sleep(for: self.configuration.timeout)
                throw FetchError.timedOut(url: request.url, seconds: seconds)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw FetchError.timedOut(url: request.url, seconds: seconds) }
            return first
        }
    }

    private func follow(_ request: FetchRequest) async throws -> FetchResponse {
        var url = try Self.validated(request.url)
        var visited: Set<String> = []
        for hop in 0...configuration.maximumRedirects {
            guard visited.insert(url.absoluteString).inserted else { throw FetchError.redirectLoop(url: request.url) }
            let outcome = try await fetchOnce(url, request: request, conditional: hop == 0 || true)
            switch outcome {
            case .response(let response): return response
            case .redirect(let location):
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw FetchError.invalidURL(location)
                }
                url = try Self.validated(next.absoluteString)
            }
        }
        throw FetchError.tooManyRedirects(url: request.url, limit: configuration.maximumRedirects)
    }

    enum HopOutcome {
        case response(FetchResponse)
        case redirect(String)
    }

    static func validated(_ string: String) throws -> URL {
        guard let url = URL(string: string.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased() else {
            throw FetchError.invalidURL(string)
        }
        guard scheme == "http" || scheme == "https" else { throw FetchError.unsupportedScheme(string) }
        guard let host = url.host, !host.isEmpty else { throw FetchError.invalidURL(string) }
        return url
    }

    private func fetchOnce(_ url: URL, request: FetchRequest, conditional: Bool) async throws -> HopOutcome {
        let scheme = url.scheme!.lowercased()
        let host = url.host!.lowercased()
        let defaultPort = scheme == "https" ? 443 : 80
        let port = url.port ?? defaultPort

        // Decide where to connect.
        let address: String
        let connectPort: Int
        if let override = configuration.hostOverrides[host] ?? configuration.hostOverrides[host.hasSuffix(".") ? String(host.dropLast()) : host] {
            address = override.host
            connectPort = override.port
        } else {
            let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
            let addresses = try await resolver.addresses(for: bareHost.hasSuffix(".") ? String(bareHost.dropLast()) : bareHost)
            guard let first = addresses.first else { throw FetchError.unresolvableHost(host) }
            if !configuration.allowPrivateNetworks, let blocked = addresses.first(where: { !AddressPolicy.isPublic($0) }) {
                throw FetchError.blockedAddress(host: host, address: blocked)
            }
            address = first
            connectPort = port
        }
        if !configuration.allowPrivateNetworks, !AddressPolicy.isPublic(address) {
            throw FetchError.blockedAddress(host: host, address: address)
        }

        let hostHeader = port == defaultPort ? host : "\(host):\(port)"
        let pinnedClient: HTTPClient?
        var target: String
        if scheme == "http" {
            // Plain http: address the checked IP directly and name the site in the Host header.
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
            components.host = address.contains(":") ? "[\(address)]" : address
            components.port = connectPort
            target = components.string ?? url.absoluteString
            pinnedClient = nil
        } else {
            // https: keep the name for SNI and certificate checks, but connect to the checked IP.
            target = url.absoluteString
            pinnedClient = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                configuration: Self.clientConfiguration(dnsOverride: [host: address]))
        }
        defer {
            if let pinnedClient { Task { try? await pinnedClient.shutdown() } }
        }
        if target.isEmpty { target = url.absoluteString }

        var http = HTTPClientRequest(url: target)
        http.method = .GET
        http.headers.add(name: "Host", value: hostHeader)
        http.headers.add(name: "User-Agent", value: configuration.userAgent)
        http.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        http.headers.add(
            name: "Accept",
            value: request.kind == .feed
                ? "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
                : "text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
        if conditional, let etag = request.etag { http.headers.add(name: "If-None-Match", value: etag) }
        if conditional, let lastModified = request.lastModified { http.headers.add(name: "If-Modified-Since", value: lastModified) }

        let response: HTTPClientResponse
        do {
            response = try await (pinnedClient ?? client).execute(http, timeout: .seconds(Int64(configuration.timeout.components.seconds)))
        } catch let error as FetchError {
            throw error
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw FetchError.connectionFailed(url: url.absoluteString, reason: Self.describe(error))
        }
        let status = Int(response.status.code)
        if (300..<400).contains(status) && status != 304 {
            guard let location = response.headers.first(name: "Location") else {
                throw FetchError.httpStatus(url: url.absoluteString, status: status, retryAfter: nil)
            }
            return .redirect(location)
        }
        if status == 304 {
            return .response(
                FetchResponse(
                    finalURL: url.absoluteString, status: status, notModified: true, contentType: nil,
                    etag: response.headers.first(name: "ETag") ?? request.etag,
                    lastModified: response.headers.first(name: "Last-Modified") ?? request.lastModified, body: Data(),
                    connectedAddress: address))
        }
        guard (200..<300).contains(status) else {
            throw FetchError.httpStatus(url: url.absoluteString, status: status, retryAfter: Self.retryAfter(response.headers.first(name: "Retry-After")))
        }
        let limit = request.kind == .feed ? configuration.maximumFeedBytes : configuration.maximumPageBytes
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limit,
            response.headers.first(name: "Content-Encoding") == nil
        {
            throw FetchError.tooLarge(url: url.absoluteString, limit: limit)
        }
        var body = Data()
        do {
            for try await chunk in response.body {
                body.append(contentsOf: chunk.readableBytesView)
                if body.count > limit { throw FetchError.tooLarge(url: url.absoluteString, limit: limit) }
            }
        } catch let error as FetchError {
            throw error
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if "\(error)".contains("decompression") || "\(error)".contains("Decompression") {
                throw FetchError.tooLarge(url: url.absoluteString, limit: limit)
            }
            throw FetchError.connectionFailed(url: url.absoluteString, reason: Self.describe(error))
        }
        return .response(
            FetchResponse(
                finalURL: url.absoluteString, status: status, notModified: false,
                contentType: response.headers.first(name: "Content-Type"), etag: response.headers.first(name: "ETag"),
                lastModified: response.headers.first(name: "Last-Modified"), body: body, connectedAddress: address))
    }

    /// `Retry-After` as seconds, from either of its forms (delta seconds or an HTTP date).
    static func retryAfter(_ value: String?) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = TimeInterval(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "connection timed out" }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("remoteConnectionClosed") { return "the server closed the connection" }
        if text.contains("readTimeout") { return "the server stopped sending" }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
