import Foundation

/// Parsing and printing of numeric IP addresses.
///
/// Two parsers on purpose: `ipv4(_:)` is strict (four decimal parts, what resolvers print),
/// while `urlIPv4(_:)` accepts every form a browser's URL parser turns into an IPv4 address
/// (`2130706433`, `0177.0.0.1`, `0x7f.1`), so a host written in one of those forms is known
/// to be an address before anything else looks at it.
enum IPAddressBytes {
    /// Dotted-quad IPv4, exactly four decimal parts.
    static func ipv4(_ text: some StringProtocol) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// Whether a URL host must be read as an IPv4 address: its last label is a number
    /// (decimal, or hexadecimal with `0x`). The WHATWG URL standard's "ends in a number".
    static func endsInANumber(_ host: String) -> Bool {
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.last?.isEmpty == true, labels.count > 1 { labels.removeLast() }
        guard let last = labels.last, !last.isEmpty else { return false }
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        let lowered = last.lowercased()
        return lowered.hasPrefix("0x") && lowered.dropFirst(2).allSatisfy(\.isHexDigit)
    }

    /// The WHATWG IPv4 parser: one to four parts, each decimal, octal (leading `0`) or
    /// hexadecimal (`0x`); the last part fills the remaining bytes. `nil` when the host is
    /// not a valid address in any of those forms.
    static func urlIPv4(_ host: String) -> [UInt8]? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true, parts.count > 1 { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = urlIPv4Number(part) else { return nil }
            numbers.append(number)
        }
        let last = numbers.removeLast()
        guard numbers.allSatisfy({ $0 <= 255 }) else { return nil }
        guard last < UInt64(1) << (8 * (5 - UInt64(parts.count))) else { return nil }
        var value = last
        for (index, number) in numbers.enumerated() { value += number << (8 * (3 - UInt64(index))) }
        return [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func urlIPv4Number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.allSatisfy(\.isASCII) else { return nil }
        var digits = part.lowercased()[...]
        var radix = 10
        if digits.hasPrefix("0x") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count > 1, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        if digits.isEmpty { return 0 }
        // Longer than any 32-bit value in any radix: refuse rather than overflow.
        guard digits.count <= 32 else { return nil }
        return UInt64(digits, radix: radix)
    }

    /// IPv6 in any of its textual forms (`::1`, `fe80::1%eth0`, `::ffff:127.0.0.1`, `[::1]`).
    static func ipv6(_ text: String) -> [UInt8]? {
        var text = Substring(text)
        if text.hasPrefix("[") && text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        guard text.contains(":"), text.allSatisfy(\.isASCII) else { return nil }
        var tail: [UInt8] = []
        // A trailing dotted IPv4 part.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = ipv4(text[text.index(after: lastColon)...]) else { return nil }
            tail = v4
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        let rest = halves.count == 2 ? groups(halves[1]) : []
        guard let rest else { return nil }
        let tailGroups = tail.count / 2
        let total = head.count + rest.count + tailGroups
        var all: [UInt16]
        if halves.count == 2 {
            guard total < 8 else { return nil }
            all = head + Array(repeating: 0, count: 8 - total) + rest
        } else {
            guard total == 8 else { return nil }
            all = head
        }
        var bytes: [UInt8] = []
        for group in all { bytes += [UInt8(group >> 8), UInt8(group & 0xFF)] }
        return bytes + tail
    }

    /// `a.b.c.d` for four bytes; RFC 5952 text (lower case, longest zero run as `::`) for sixteen.
    static func text(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        precondition(bytes.count == 16, "an IP address has 4 or 16 bytes")
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var best: Range<Int>?
        var start: Int?
        for index in 0...8 {
            if index < 8, groups[index] == 0 {
                if start == nil { start = index }
            } else if let runStart = start {
                if index - runStart >= 2, index - runStart > (best?.count ?? 0) { best = runStart..<index }
                start = nil
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard let best else { return hex.joined(separator: ":") }
        return hex[..<best.lowerBound].joined(separator: ":") + "::" + hex[best.upperBound...].joined(separator: ":")
    }
}
