/// Resolves URL references against a base, as RFC 3986 section 5 describes.
///
/// Works on the text as written (IRIs with non-ASCII characters included) rather than through
/// Foundation's `URL`, which rejects much of what real feeds contain and is slow for the
/// thousands of links a feed holds.
public enum URLReferenceResolver {
    /// The absolute form of `reference` against `base`. A reference that already has a scheme is
    /// returned as written; with no usable base, the reference is returned trimmed.
    public static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = trimmingSpaces(reference)
        if scheme(of: trimmed) != nil { return trimmed }
        guard let base, !base.isEmpty, let baseParts = Parts(base), baseParts.scheme != nil else {
            return trimmed
        }
        guard let referenceParts = Parts(trimmed) else { return trimmed }
        return resolve(referenceParts, against: baseParts).joined
    }

    /// The scheme of `reference`, lowercased (`"https"`), or `nil` when it has none.
    public static func scheme(of reference: String) -> String? {
        var utf8 = reference.utf8.makeIterator()
        guard let first = utf8.next(), isLetter(first) else { return nil }
        var scheme: [UInt8] = [first | 0x20]
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") { return String(decoding: scheme, as: UTF8.self) }
            guard
                isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".")
            else { return nil }
            scheme.append(isLetter(byte) ? byte | 0x20 : byte)
        }
        return nil
    }

    // MARK: - RFC 3986

    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
            self.scheme = scheme
            self.authority = authority
            self.path = path
            self.query = query
            self.fragment = fragment
        }

        init?(_ text: String) {
            var rest = Substring(text)
            if let scheme = URLReferenceResolver.scheme(of: text) {
                self.scheme = scheme
                rest = rest.dropFirst(scheme.utf8.count + 1)
            }
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.dropFirst(2)
                let slash = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
                authority = String(afterSlashes[..<slash])
                rest = afterSlashes[slash...]
            }
            path = String(rest)
        }

        var joined: String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }

    private static func resolve(_ reference: Parts, against base: Parts) -> Parts {
        if reference.authority != nil {
            return Parts(
                scheme: base.scheme, authority: reference.authority, path: removingDotSegments(reference.path),
                query: reference.query, fragment: reference.fragment)
        }
        if reference.path.isEmpty {
            return Parts(
                scheme: base.scheme, authority: base.authority, path: base.path,
                query: reference.query ?? base.query, fragment: reference.fragment)
        }
        let path: String
        if reference.path.hasPrefix("/") {
            path = removingDotSegments(reference.path)
        } else if base.authority != nil && base.path.isEmpty {
            path = removingDotSegments("/" + reference.path)
        } else if let lastSlash = base.path.lastIndex(of: "/") {
            path = removingDotSegments(String(base.path[...lastSlash]) + reference.path)
        } else {
            path = removingDotSegments(reference.path)
        }
        return Parts(
            scheme: base.scheme, authority: base.authority, path: path, query: reference.query,
            fragment: reference.fragment)
    }

    /// RFC 3986 section 5.2.4, on `/`-separated segments.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let absolute = path.hasPrefix("/")
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let body = absolute ? segments.dropFirst() : segments[...]
        var trailingSlash = false
        for (offset, segment) in body.enumerated() {
            let isLast = offset == body.count - 1
            switch segment {
            case ".":
                trailingSlash = isLast
            case "..":
                if !output.isEmpty { output.removeLast() }
                trailingSlash = isLast
            default:
                output.append(segment)
                trailingSlash = false
            }
        }
        var result = (absolute ? "/" : "") + output.joined(separator: "/")
        if trailingSlash && !result.hasSuffix("/") { result += "/" }
        return result
    }

    private static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first <= 0x20 || last <= 0x20 else { return text }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] <= 0x20 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] <= 0x20 { end = utf8.index(before: end) }
        return String(text[start..<end])
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
