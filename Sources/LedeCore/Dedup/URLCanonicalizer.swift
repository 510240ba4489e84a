import Foundation

/// Normalises article URLs so that one page reached through different links is recognised:
/// tracking parameters removed, host and scheme folded, trailing slashes and AMP variants
/// normalised.
public enum URLCanonicalizer {
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
        "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "ref", "ref_src", "ref_url", "cmpid", "cmp", "ocid", "spm",
        "sr_share", "smid", "soc_src", "soc_trk", "at_medium", "at_campaign", "ito", "ncid", "outputtype",
        "amp", "s_cid", "guccounter", "guce_referrer", "guce_referrer_sig", "share", "rss", "feature",
    ]

    /// The URL with tracking removed, for storing and linking (keeps the scheme).
    public static func canonical(_ string: String) -> String {
        guard var components = URLComponents(string: string.trimmingSpaces()), let rawHost = components.host,
            !rawHost.isEmpty
        else { return string }
        components.scheme = components.scheme?.lowercased()
        var host = rawHost.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("amp.") { host.removeFirst(4) }
        components.host = host
        if (components.scheme == "http" && components.port == 80) || (components.scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        components.path = canonicalPath(components.path)
        if let items = components.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        return components.string ?? string
    }

    /// A scheme-less key under which the same page always files: `harbor-ledger.example/2026/04/20/deal`.
    public static func key(_ string: String) -> String {
        let canonical = canonical(string)
        guard var components = URLComponents(string: canonical), var host = components.host else {
            return canonical.lowercased()
        }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasPrefix("m.") { host.removeFirst(2) }
        components.scheme = nil
        components.host = host
        var key = components.string ?? canonical
        if key.hasPrefix("//") { key.removeFirst(2) }
        return key
    }

    static func canonicalPath(_ path: String) -> String {
        var path = path
        // AMP variants: /amp/..., .../amp, .../amp/, ...amp.html
        if path.hasPrefix("/amp/") { path.removeFirst(4) }
        for suffix in ["/amp/", "/amp"] where path.hasSuffix(suffix) {
            path.removeLast(suffix.count)
            break
        }
        if path.hasSuffix(".amp.html") { path = String(path.dropLast(9)) + ".html" }
        if path.hasSuffix(".amp") { path.removeLast(4) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "/" : path
    }
}
