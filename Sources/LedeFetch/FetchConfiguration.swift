import Foundation

/// Limits and policy for every outbound fetch.
public struct FetchConfiguration: Sendable {
    public var userAgent = "Lede/0.1 (+https://lede.example/bot; self-hosted news briefings)"
    /// Largest body accepted for a feed, counted after decompression.
    public var maximumFeedBytes = 10 * 1024 * 1024
    /// Largest body accepted for an article page, counted after decompression.
    public var maximumPageBytes = 5 * 1024 * 1024
    /// One deadline per request, covering connection, headers and the whole body.
    public var timeout: Duration = .seconds(20)
    public var maximumRedirects = 5
    /// Off by default: loopback, private, link-local and other internal addresses are refused.
    public var allowPrivateNetworks = false
    /// Requests for these hosts go to another endpoint (a loopback server in the demo and in tests).
    public var hostOverrides: [String: Endpoint] = [:]

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
}
