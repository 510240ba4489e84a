import Foundation

/// Turns a URL into the outlet label readers see in citations.
public enum OutletName {
    /// The URL's host without `www.`, or `nil` when the host is an IP address,
    /// `localhost` or missing (a loopback test server says nothing about the outlet).
    public static func label(forURL string: String) -> String? {
        guard let host = URLComponents(string: string)?.host?.lowercased(), !host.isEmpty else { return nil }
        if host == "localhost" || host.hasSuffix(".localhost") { return nil }
        if host.contains(":") { return nil }  // IPv6 literal
        if host.split(separator: ".").allSatisfy({ $0.allSatisfy(\.isNumber) }) { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
