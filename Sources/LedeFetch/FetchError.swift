import Foundation

/// Why a fetch failed, each case with one actionable sentence.
public enum FetchError: Error, Sendable, Equatable {
    case invalidURL(String)
    case unsupportedScheme(String)
    case blockedAddress(host: String, address: String)
    case unresolvableHost(String)
    case tooLarge(url: String, limit: Int)
    case timedOut(url: String, seconds: Int)
    case tooManyRedirects(url: String, limit: Int)
    case redirectLoop(url: String)
    case httpStatus(url: String, status: Int, retryAfter: TimeInterval?)
    case connectionFailed(url: String, reason: String)

    /// Whether trying again later may help (a 404 or a refused address will not).
    public var isTransient: Bool {
        switch self {
        case .timedOut, .connectionFailed, .unresolvableHost: true
        case .httpStatus(_, let status, _): status == 408 || status == 429 || status >= 500
        default: false
        }
    }

    /// The delay the server asked for (`Retry-After` on 429 and 503), in seconds from when it answered.
    public var retryAfter: TimeInterval? {
        if case .httpStatus(_, _, let retryAfter) = self { return retryAfter }
        return nil
    }
}

extension FetchError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidURL(let url):
            "\(url) is not a valid web address; give a full URL such as https://example.com/feed.xml."
        case .unsupportedScheme(let url):
            "\(url) is not an http or https address; Lede only fetches http and https."
        case .blockedAddress(let host, let address):
            (host == address ? "\(address) is" : "\(host) resolves to \(address),")
                + " a private or internal address that Lede refuses by default; set LEDE_ALLOW_PRIVATE_NETWORKS=1 (or --allow-private-networks) if you trust it."
        case .unresolvableHost(let host):
            "The host \(host) could not be found; check the address and your network connection."
        case .tooLarge(let url, let limit):
            "\(url) is larger than the \(Self.size(limit)) limit (counted after decompression); Lede stopped reading it."
        case .timedOut(let url, let seconds):
            "\(url) did not finish within \(seconds) second\(seconds == 1 ? "" : "s"); the server may be down or too slow, try again later."
        case .tooManyRedirects(let url, let limit):
            "\(url) redirects more than \(limit) times; check the address."
        case .redirectLoop(let url):
            "\(url) redirects in a loop; check the address."
        case .httpStatus(let url, let status, _):
            switch status {
            case 404, 410: "\(url) was not found (HTTP \(status)); check the address or remove the source."
            case 401, 403: "\(url) refused access (HTTP \(status)); the feed may need a subscription."
            case 429: "\(url) asked Lede to slow down (HTTP 429); Lede will retry later."
            default:
                isTransient
                    ? "\(url) answered with HTTP \(status); Lede will retry later."
                    : "\(url) answered with HTTP \(status); check the address."
            }
        case .connectionFailed(let url, let reason):
            "Could not connect to \(url) (\(reason)); check the address and that the site is up."
        }
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 { return "\(bytes / 1024 / 1024) MiB" }
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes)-byte"
    }
}
