import Foundation

/// One hop's destination, read from its URL the way a browser reads it, so the SSRF guard
/// judges the same host the connection goes to: the host is lower-cased, a trailing dot is
/// dropped, and a host whose last label is a number is an IPv4 address in any of its forms
/// (`2130706433`, `0177.0.0.1`, `0x7f.1`) and never goes to a resolver.
struct FetchTarget: Sendable, Hashable {
    enum Host: Sendable, Hashable {
        /// A DNS name: lower case ASCII letters, digits, `-`, `_` and dots.
        case name(String)
        /// A numeric address, 4 or 16 bytes.
        case address([UInt8])
    }

    /// The URL as given, for messages and `FetchResponse.finalURL`.
    let url: URL
    let isHTTPS: Bool
    let host: Host
    /// The host as the URL wrote it (lower case), for messages.
    let writtenHost: String
    let port: Int
    /// Path and query, percent-encoded, never empty.
    let pathAndQuery: String
    /// `user:password` from the URL, sent as Basic credentials to this origin only.
    let userInfo: String?

    init(_ string: String) throws {
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed) else { throw FetchError.invalidURL(string) }
        try self.init(url: url, original: string)
    }

    /// The target of a `Location` header, relative to the URL that sent it.
    init(location: String, relativeTo base: URL) throws {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        guard
            let url = (URL(string: trimmed, relativeTo: base) ?? URL(string: Self.encodingStrayCharacters(trimmed), relativeTo: base))?
                .absoluteURL
        else { throw FetchError.invalidURL(location) }
        try self.init(url: url, original: url.absoluteString)
    }

    private init(url: URL, original: String) throws {
        guard let scheme = url.scheme?.lowercased() else { throw FetchError.invalidURL(original) }
        guard scheme == "http" || scheme == "https" else { throw FetchError.unsupportedScheme(original) }
        // Foundation has already percent-decoded the host and turned Unicode into punycode.
        guard let rawHost = url.host, !rawHost.isEmpty else { throw FetchError.invalidURL(original) }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { throw FetchError.invalidURL(original) }
        guard let host = Self.host(rawHost) else { throw FetchError.invalidURL(original) }
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            throw FetchError.invalidURL(original)
        }
        var pathAndQuery = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { pathAndQuery += "?" + query }

        self.url = url
        isHTTPS = scheme == "https"
        self.host = host
        writtenHost = rawHost.lowercased()
        self.port = port
        self.pathAndQuery = pathAndQuery
        if let user = components.percentEncodedUser {
            let decodedUser = user.removingPercentEncoding ?? user
            let password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 } ?? ""
            userInfo = decodedUser + ":" + password
        } else {
            userInfo = nil
        }
    }

    /// The canonical host, or `nil` when it is neither a valid name nor an address.
    static func host(_ raw: String) -> Host? {
        if raw.hasPrefix("[") || raw.contains(":") {
            // A zone (`fe80::1%eth0`) names an interface of this machine: never a web address.
            guard !raw.contains("%"), let bytes = IPAddressBytes.ipv6(raw) else { return nil }
            return .address(bytes)
        }
        var name = raw.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return nil }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 }) else { return nil }
        if IPAddressBytes.endsInANumber(name) {
            return IPAddressBytes.urlIPv4(name).map(Host.address)
        }
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        return allowed ? .name(name) : nil
    }

    var defaultPort: Int { isHTTPS ? 443 : 80 }

    /// The canonical host as text: a name, a dotted quad, or bare IPv6.
    var hostText: String {
        switch host {
        case .name(let name): name
        case .address(let bytes): IPAddressBytes.text(bytes)
        }
    }

    /// The host as it goes in a URL or a `Host` header (IPv6 in brackets).
    var hostForURL: String {
        switch host {
        case .name(let name): name
        case .address(let bytes): bytes.count == 16 ? "[\(IPAddressBytes.text(bytes))]" : IPAddressBytes.text(bytes)
        }
    }

    /// The `Host` header: the site's name, with its port when it is not the scheme's default.
    var hostHeader: String { port == defaultPort ? hostForURL : "\(hostForURL):\(port)" }

    /// Scheme, host and port: what credentials and the per-host limit are scoped to.
    var origin: String { (isHTTPS ? "https://" : "http://") + hostForURL + ":\(port)" }

    /// The URL with its host in canonical form, which is how redirect loops are recognised.
    var canonicalURL: String { origin + pathAndQuery }

    /// `Location` values in the wild carry spaces and raw Unicode; encode them rather than refuse.
    static func encodingStrayCharacters(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F, !"\"<>\\^`{|}".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            }
        }
        return result
    }
}
