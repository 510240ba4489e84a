import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTPCompression

/// Fetches feeds and pages over HTTP with the limits of `FetchConfiguration`: a size cap
/// counted after decompression, one deadline for the whole request, redirects followed by
/// hand so each hop is checked, a few requests at once per host, and the SSRF guard applied
/// to the address actually connected to.
///
/// Each hop resolves its host once, checks every address, and then connects to a checked
/// address itself (plain http by putting the address in the URL, https through a client
/// pinned to it), so a DNS answer that changes between check and connect cannot slip
/// through. See docs/fetching.md.
public final class HTTPFetcher: Sendable {
    public let configuration: FetchConfiguration
    let resolver: any HostResolver
    let logger: Logger
    /// Serves every request whose URL can name the checked address itself: all plain http,
    /// and https to a numeric host. Its pool reuses connections per address and port.
    let client: HTTPClient
    /// https to a named host: one client per (host, checked address), reused within a run.
    let pinnedClients: PinnedClientCache<HTTPClient>
    let hostLimiter: HostConcurrencyLimiter
    /// `configuration.hostOverrides` keyed by canonical host name.
    let hostOverrides: [String: FetchConfiguration.Endpoint]

    /// - Parameters:
    ///   - configuration: limits and the SSRF policy.
    ///   - resolver: turns host names into addresses; the system resolver by default.
    ///   - logger: receives one debug line per hop (`fetch.url`, `fetch.address`, `fetch.status`).
    public init(
        configuration: FetchConfiguration = FetchConfiguration(), resolver: any HostResolver = SystemHostResolver(),
        logger: Logger = Logger(label: "lede.fetch")
    ) {
        self.configuration = configuration
        self.resolver = resolver
        self.logger = logger
        client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.clientConfiguration(configuration, dnsOverride: [:]))
        pinnedClients = PinnedClientCache(
            capacity: configuration.maximumPinnedClients,
            makeClient: { key in
                HTTPClient(
                    eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                    configuration: Self.clientConfiguration(configuration, dnsOverride: [key.host: key.address]))
            },
            closeClient: { client in try? await client.shutdown() })
        hostLimiter = HostConcurrencyLimiter(limit: configuration.maximumConcurrentRequestsPerHost)
        var overrides: [String: FetchConfiguration.Endpoint] = [:]
        for (host, endpoint) in configuration.hostOverrides {
            if case .name(let name) = FetchTarget.host(host) { overrides[name] = endpoint }
        }
        hostOverrides = overrides
    }

    /// Closes every connection. Call once when done; fetches after it fail.
    public func shutdown() async throws {
        await pinnedClients.shutdown()
        try await client.shutdown()
    }

    static func clientConfiguration(_ configuration: FetchConfiguration, dnsOverride: [String: String]) -> HTTPClient.Configuration {
        let deadline = timeAmount(configuration.timeout)
        var client = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            // The fetcher's own deadline covers the whole request; these only bound the
            // stages it cannot see into.
            timeout: .init(connect: min(deadline, .seconds(10)), read: timeAmount(configuration.timeout * 2)),
            // Caps decompressed bytes per response even before the fetcher counts them, so
            // one small compressed read cannot expand past the largest cap in memory.
            decompression: .enabled(limit: .size(max(configuration.maximumFeedBytes, configuration.maximumPageBytes))))
        client.dnsOverride = dnsOverride
        // A refused or failed connection is reported at once rather than retried until the
        // connect timeout; the fetcher tries the other address family itself.
        client.connectionPool.retryConnectionEstablishment = false
        return client
    }

    /// Fetches one URL, following up to `maximumRedirects` redirects.
    /// - Parameter request: the URL, whether it is a feed or a page (which size cap applies),
    ///   and the validators of the previous fetch for a conditional GET.
    /// - Returns: the final response; `notModified` with the validators on a 304.
    /// - Throws: `FetchError` with an actionable description, or `CancellationError`.
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let first = try FetchTarget(request.url)
        var target = first
        var visited: Set<String> = [first.canonicalURL]
        var redirects = 0
        var remaining = configuration.timeout
        let clock = ContinuousClock()
        let seconds = Self.wholeSeconds(configuration.timeout)
        while true {
            let credentials = target.origin == first.origin ? first.userInfo : nil
            let hop = target
            try await hostLimiter.acquire(hop.hostText)
            let started = clock.now
            let outcome: HopOutcome
            do {
                outcome = try await Deadline.run(
                    within: remaining, onTimeout: { FetchError.timedOut(url: request.url, seconds: seconds) }
                ) {
                    try await self.fetchHop(hop, request: request, credentials: credentials)
                }
            } catch is HopTimedOut {
                await hostLimiter.release(hop.hostText)
                throw FetchError.timedOut(url: request.url, seconds: seconds)
            } catch {
                await hostLimiter.release(hop.hostText)
                throw error
            }
            await hostLimiter.release(hop.hostText)
            remaining -= clock.now - started

            switch outcome {
            case .response(let response):
                return response
            case .redirect(let location):
                let next = try FetchTarget(location: location, relativeTo: target.url)
                guard visited.insert(next.canonicalURL).inserted else { throw FetchError.redirectLoop(url: request.url) }
                redirects += 1
                guard redirects <= configuration.maximumRedirects else {
                    throw FetchError.tooManyRedirects(url: request.url, limit: configuration.maximumRedirects)
                }
                logger.debug(
                    "redirect", metadata: ["fetch.url": "\(target.url.absoluteString)", "fetch.location": "\(next.url.absoluteString)"])
                target = next
            }
        }
    }

    /// What one hop ended with.
    enum HopOutcome: Sendable {
        case response(FetchResponse)
        case redirect(String)
    }

    /// A configured duration for NIO, clamped so an absurdly long timeout cannot overflow.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        guard seconds < 1_000_000_000 else { return .seconds(1_000_000_000) }
        return .nanoseconds(max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000)
    }

    /// A duration in whole seconds, rounded up, for messages.
    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds < 1_000_000_000 else { return 1_000_000_000 }
        return Int(max(0, seconds)) + (attoseconds > 0 ? 1 : 0)
    }
}
