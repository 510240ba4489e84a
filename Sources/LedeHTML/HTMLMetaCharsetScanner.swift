import Foundation

/// Finds the charset a page declares in its markup (`<meta charset>`, `<meta http-equiv=
/// "Content-Type" content="…; charset=…">` or an XML declaration) without parsing it, as the
/// WHATWG "prescan" does, but over a longer prefix because many real pages put a large
/// `<head>` before their `<meta charset>`.
enum HTMLMetaCharsetScanner {
    static let scanLimit = 64 * 1024

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let end = min(bytes.count, scanLimit)
        var index = 0
        if let declared = xmlDeclarationEncoding(bytes, end: end) { return declared }
        while index < end {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(bytes, at: index, "<!--", end: end) {
                index = find(bytes, "-->", from: index + 4, end: end) ?? end
                continue
            }
            if matches(bytes, at: index, "<body", end: end) { return nil }
            guard matches(bytes, at: index, "<meta", end: end), index + 5 < end,
                isSpace(bytes[index + 5]) || bytes[index + 5] == UInt8(ascii: "/")
            else {
                index += 1
                continue
            }
            index += 5
            var charset: String?
            var httpEquivContentType = false
            var content: String?
            while let (name, value, next) = attribute(bytes, from: index, end: end) {
                index = next
                switch name {
                case "charset": if charset == nil { charset = value }
                case "http-equiv": httpEquivContentType = value.lowercased() == "content-type"
                case "content": content = value
                default: break
                }
            }
            if let charset, !charset.isEmpty { return charset }
            if httpEquivContentType, let content, let value = charsetInContent(content) { return value }
        }
        return nil
    }

    /// Reads one attribute of a tag; `nil` at the tag's end.
    private static func attribute(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int
    ) -> (name: String, value: String, next: Int)? {
        var index = start
        while index < end, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < end, bytes[index] != UInt8(ascii: ">") else { return nil }
        let nameStart = index
        while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
            bytes[index] != UInt8(ascii: ">")
        {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        while index < end, isSpace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "=") else { return (name, "", index) }
        index += 1
        while index < end, isSpace(bytes[index]) { index += 1 }
        guard index < end else { return nil }
        let quote = bytes[index]
        let valueStart: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            valueStart = index
            while index < end, bytes[index] != quote { index += 1 }
            let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            return (name, value, min(index + 1, end))
        }
        valueStart = index
        while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return (name, String(decoding: bytes[valueStart..<index], as: UTF8.self), index)
    }

    /// `text/html; charset=utf-8` → `utf-8`.
    static func charsetInContent(_ content: String) -> String? {
        let lowered = content.lowercased()
        guard let range = lowered.range(of: "charset") else { return nil }
        var rest = lowered[range.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let value = rest.prefix { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" }
        return value.isEmpty ? nil : String(value)
    }

    private static func xmlDeclarationEncoding(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> String? {
        guard matches(bytes, at: 0, "<?xml", end: end),
            let close = find(bytes, "?>", from: 5, end: min(end, 200))
        else { return nil }
        let declaration = String(decoding: bytes[0..<close], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let value = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return value.isEmpty ? nil : String(value)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Case-insensitive match of an ASCII pattern (given in lowercase).
    private static func matches(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: StaticString, end: Int
    ) -> Bool {
        let length = pattern.utf8CodeUnitCount
        guard index + length <= end else { return false }
        let pointer = pattern.utf8Start
        for offset in 0..<length {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != pointer[offset] { return false }
        }
        return true
    }

    private static func find(
        _ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString, from start: Int, end: Int
    ) -> Int? {
        var index = start
        while index < end {
            if matches(bytes, at: index, pattern, end: end) { return index }
            index += 1
        }
        return nil
    }
}
