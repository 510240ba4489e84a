import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression

extension HTTPFetcher {
    /// Redirect statuses that carry a `Location` to follow (RFC 9110 §15.4).
    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]
    /// A redirect's or an error's body is read up to this size so its connection can be reused.
    static let drainLimit = 64 * 1024

    /// One request to one URL: resolve, check, connect to the checked address, read the body.
    func fetchHop(_ target: FetchTarget, request: FetchRequest, credentials: String?) async throws -> HopOutcome {
        let (addresses, port) = try await checkedAddresses(for: target)
        var lastError: (any Error)?
        // A second address (the other family) is tried only when the first cannot be reached.
        for address in addresses {
            let pinned = pinnedKey(target, address: address)
            var client = self.client
            if let pinned {
                do {
                    client = try await pinnedClients.lease(pinned)
                } catch {
                    throw FetchError.connectionFailed(url: target.url.absoluteString, reason: "the fetcher has been shut down")
                }
            }
            do {
                let outcome = try await exchange(
                    target, address: address, port: port, client: client, pinned: pinned != nil, request: request,
                    credentials: credentials)
                if let pinned { await pinnedClients.release(pinned) }
                return outcome
            } catch let failure as UnreachableAddress {
                if let pinned { await pinnedClients.release(pinned) }
                logger.debug(
                    "address unreachable",
                    metadata: ["fetch.url": "\(target.url.absoluteString)", "fetch.address": "\(IPAddressBytes.text(address))"])
                lastError = failure.underlying
            } catch {
                if let pinned { await pinnedClients.release(pinned) }
                throw error
            }
        }
        throw FetchError.connectionFailed(url: target.url.absoluteString, reason: Self.describe(lastError))
    }

    /// The addresses this hop may connect to, all checked against the SSRF guard: a numeric
    /// host as it is, an overridden host's endpoint, or the resolver's answers. If any answer
    /// is internal the host is refused outright, so a name that mixes public and private
    /// addresses cannot be used to reach the private one. At most two are returned: the
    /// first answer and the first of the other address family.
    func checkedAddresses(for target: FetchTarget) async throws -> (addresses: [[UInt8]], port: Int) {
        var port = target.port
        var host = target.host
        if case .name(let name) = target.host, let override = hostOverrides[name] {
            guard let overrideHost = FetchTarget.host(override.host) else { throw FetchError.unresolvableHost(override.host) }
            host = overrideHost
            port = override.port
        }
        var addresses: [[UInt8]]
        switch host {
        case .address(let bytes):
            addresses = [bytes]
        case .name(let name):
            let answers: [String]
            do {
                answers = try await resolver.addresses(for: name)
            } catch let error as FetchError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw FetchError.unresolvableHost(target.writtenHost)
            }
            addresses = []
            for answer in answers {
                // Only strictly numeric answers count; anything else cannot be checked.
                guard let bytes = IPAddressBytes.ipv4(answer) ?? IPAddressBytes.ipv6(answer), !addresses.contains(bytes) else {
                    continue
                }
                addresses.append(bytes)
            }
        }
        guard let first = addresses.first else { throw FetchError.unresolvableHost(target.writtenHost) }
        if let blocked = addresses.first(where: { !configuration.allowsConnection(to: $0, port: port) }) {
            logger.debug(
                "blocked", metadata: ["fetch.url": "\(target.url.absoluteString)", "fetch.address": "\(IPAddressBytes.text(blocked))"])
            throw FetchError.blockedAddress(host: target.writtenHost, address: IPAddressBytes.text(blocked))
        }
        let fallback = addresses.first { $0.count != first.count }
        return ([first] + (fallback.map { [$0] } ?? []), port)
    }

    /// https to a named host needs the name in the URL (SNI, certificate) and a client that
    /// connects to the checked address instead of resolving it.
    func pinnedKey(_ target: FetchTarget, address: [UInt8]) -> PinnedClientCache<HTTPClient>.Key? {
        guard target.isHTTPS, case .name(let name) = target.host else { return nil }
        return .init(host: name, address: IPAddressBytes.text(address))
    }

    /// Connecting or sending failed before any response: another address may do better.
    struct UnreachableAddress: Error {
        var underlying: any Error
    }

    /// One of the HTTP client's own backstop timers ran out before the fetcher's deadline
    /// did (a busy machine can schedule the two in either order): still a timeout.
    struct HopTimedOut: Error {
        static func matches(_ error: any Error) -> Bool {
            guard let error = error as? HTTPClientError else { return false }
            return error == .readTimeout || error == .deadlineExceeded
        }
    }

    private func exchange(
        _ target: FetchTarget, address: [UInt8], port: Int, client: HTTPClient, pinned: Bool, request: FetchRequest,
        credentials: String?
    ) async throws -> HopOutcome {
        let urlString: String
        let addressText = IPAddressBytes.text(address)
        if pinned, case .name(let name) = target.host {
            urlString = "https://\(name):\(port)\(target.pathAndQuery)"
            // The pinned client only knows the address for exactly this host string; make
            // sure the URL parser reads the same host back, or the client would resolve it.
            guard URL(string: urlString)?.host == name else { throw FetchError.invalidURL(target.url.absoluteString) }
        } else {
            let hostForURL = address.count == 16 ? "[\(addressText)]" : addressText
            urlString = (target.isHTTPS ? "https://" : "http://") + "\(hostForURL):\(port)\(target.pathAndQuery)"
        }

        var http = HTTPClientRequest(url: urlString)
        http.method = .GET
        http.headers.add(name: "Host", value: target.hostHeader)
        http.headers.add(name: "User-Agent", value: configuration.userAgent)
        http.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        http.headers.add(
            name: "Accept",
            value: request.kind == .feed
                ? "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
                : "text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
        if let etag = request.etag { http.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified { http.headers.add(name: "If-Modified-Since", value: lastModified) }
        if let credentials { http.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString()) }

        let url = target.url.absoluteString
        let response: HTTPClientResponse
        do {
            // The fetcher's own deadline (see `fetch`) ends the request; this later one only
            // guards against it ever failing to.
            response = try await client.execute(http, timeout: Self.timeAmount(configuration.timeout * 2), logger: logger)
        } catch let error as FetchError {
            throw error
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if HopTimedOut.matches(error) { throw HopTimedOut() }
            throw UnreachableAddress(underlying: error)
        }

        let status = Int(response.status.code)
        logger.debug("hop", metadata: ["fetch.url": "\(url)", "fetch.address": "\(addressText)", "fetch.status": "\(status)"])
        if Self.redirectStatuses.contains(status), let location = response.headers.first(name: "Location"), !location.isEmpty {
            await Self.drain(response.body)
            return .redirect(location)
        }
        if status == 304 {
            await Self.drain(response.body)
            return .response(
                FetchResponse(
                    finalURL: url, status: status, notModified: true, contentType: nil,
                    etag: response.headers.first(name: "ETag") ?? request.etag,
                    lastModified: response.headers.first(name: "Last-Modified") ?? request.lastModified, body: Data(),
                    connectedAddress: addressText))
        }
        guard (200..<300).contains(status) else {
            await Self.drain(response.body)
            let retryAfter =
                status == 429 || status == 503
                ? RetryAfter.seconds(
                    response.headers.first(name: "Retry-After"), responseDate: response.headers.first(name: "Date"), now: Date())
                : nil
            throw FetchError.httpStatus(url: url, status: status, retryAfter: retryAfter)
        }

        let body = try await readBody(response, url: url, limit: configuration.maximumBytes(for: request.kind))
        return .response(
            FetchResponse(
                finalURL: url, status: status, notModified: false, contentType: response.headers.first(name: "Content-Type"),
                etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"), body: body,
                connectedAddress: addressText))
    }

    /// The body, decompressed, refused as soon as it passes `limit`.
    private func readBody(_ response: HTTPClientResponse, url: String, limit: Int) async throws -> Data {
        let encoding = response.headers.first(name: "Content-Encoding")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["", "identity", "gzip", "deflate"].contains(encoding) else {
            throw FetchError.connectionFailed(url: url, reason: "the body is encoded as \(encoding), which Lede did not ask for")
        }
        let declaredLength = response.headers.first(name: "Content-Length").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if let declaredLength, declaredLength > limit, encoding.isEmpty || encoding == "identity" {
            throw FetchError.tooLarge(url: url, limit: limit)
        }
        var body = Data()
        if let declaredLength, encoding.isEmpty || encoding == "identity" { body.reserveCapacity(declaredLength) }
        do {
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= limit else { throw FetchError.tooLarge(url: url, limit: limit) }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as FetchError {
            throw error
        } catch let error as NIOHTTPDecompression.DecompressionError where error == .limit {
            throw FetchError.tooLarge(url: url, limit: limit)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            if HopTimedOut.matches(error) { throw HopTimedOut() }
            throw FetchError.connectionFailed(url: url, reason: Self.describe(error))
        }
        return body
    }

    /// Reads a small body to its end so its connection goes back to the pool; a larger one is
    /// abandoned, which closes the connection.
    static func drain(_ body: HTTPClientResponse.Body) async {
        var read = 0
        do {
            for try await chunk in body {
                read += chunk.readableBytes
                if read > drainLimit { return }
            }
        } catch {
            return
        }
    }

    /// A short reason for a transport failure, for the error's sentence.
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "no address could be reached" }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connection timed out"
            case .readTimeout: return "the server stopped sending"
            case .remoteConnectionClosed: return "the server closed the connection"
            case .deadlineExceeded: return "the server did not answer in time"
            case .alreadyShutdown: return "the fetcher has been shut down"
            default: break
            }
        }
        if error is NIOHTTPDecompression.DecompressionError || error is NIOHTTPDecompression.ExtraDecompressionError {
            return "the compressed body is corrupt"
        }
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "connection timed out" }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("certificate") || text.contains("handshake") || text.contains("SSL") {
            return "the TLS handshake failed: \(text.prefix(100))"
        }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
