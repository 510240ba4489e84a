import Foundation

/// Limits and policy for every outbound fetch.
public struct FetchConfiguration: Sendable {
    /// Names Lede and where to learn about it, so site owners know who is calling.
    public var userAgent = "Lede/0.1 (+https://lede.example/bot; self-hosted news briefings)"
    /// Largest body accepted for a feed, counted after decompression.
    public var maximumFeedBytes = 10 * 1024 * 1024
    /// Largest body accepted for an article page, counted after decompression.
    public var maximumPageBytes = 5 * 1024 * 1024
    /// One deadline per request, covering resolution, connection, headers, redirects and the
    /// whole body. Time spent waiting for a turn at a busy host (see
    /// `maximumConcurrentRequestsPerHost`) does not count.
    public var timeout: Duration = .seconds(20)
    /// Redirects followed before giving up; the request after the last allowed one is not made.
    public var maximumRedirects = 5
    /// Requests to one host in flight at once; more wait their turn inside the fetcher.
    public var maximumConcurrentRequestsPerHost = 2
    /// https clients pinned to a checked address kept open for reuse (one per host and address).
    public var maximumPinnedClients = 32
    /// Off by default: loopback, private, link-local and other internal addresses are refused.
    public var allowPrivateNetworks = false
    /// Requests for these hosts go to another endpoint (a loopback server in the demo and in tests).
    /// The SSRF guard still applies to the endpoint.
    public var hostOverrides: [String: Endpoint] = [:]

    /// Test hook, deliberately not public: these exact address-and-port pairs pass the SSRF
    /// guard as if they were public, so tests can play a public site on a loopback server
    /// and still watch the guard refuse every other internal address.
    var endpointsTreatedAsPublic: Set<Endpoint> = []

    public init() {}

    /// An address to send a host's requests to instead of resolving it.
    public struct Endpoint: Sendable, Hashable {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }

    /// Reads `LEDE_ALLOW_PRIVATE_NETWORKS=1` from the environment.
    public static func allowsPrivateNetworks(environment: [String: String]) -> Bool {
        ["1", "true", "yes"].contains(environment["LEDE_ALLOW_PRIVATE_NETWORKS"]?.lowercased() ?? "")
    }

    /// The size cap for one kind of request.
    func maximumBytes(for kind: FetchRequest.Kind) -> Int {
        kind == .feed ? maximumFeedBytes : maximumPageBytes
    }

    /// Whether the SSRF guard lets Lede connect to `address` (4 or 16 bytes) on `port`.
    func allowsConnection(to address: [UInt8], port: Int) -> Bool {
        allowPrivateNetworks || AddressPolicy.isPublic(bytes: address)
            || endpointsTreatedAsPublic.contains(Endpoint(host: IPAddressBytes.text(address), port: port))
    }
}
