/// HTML character references: the named ones (`&eacute;`) from the HTML5 list and the
/// numeric ones (`&#233;`, `&#xE9;`), decoded the way browsers decode them.
///
/// Feeds use HTML names freely even though XML only knows five, so the feed parser and
/// the sanitizer share this table.
public enum HTMLCharacterReferences {
    /// The replacement text for a reference name given without `&` and `;` (`"eacute"` → `"é"`),
    /// or `nil` when HTML does not define it.
    public static func character(named name: String) -> String? {
        namedReplacements[name]
    }

    /// The replacement text for a reference name given as UTF-8 bytes.
    public static func character(named name: UnsafeBufferPointer<UInt8>) -> String? {
        guard name.count > 0, name.count <= longestName else { return nil }
        return namedReplacements[String(decoding: name, as: UTF8.self)]
    }

    /// The character a numeric reference stands for, with the browser's repairs: NUL, surrogates
    /// and values beyond Unicode become U+FFFD, and 0x80–0x9F are read as windows-1252 (a common
    /// mistake in hand-written markup, e.g. `&#150;` for an en dash).
    public static func character(forCodePoint value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F, let mapped = windows1252Controls[Int(value - 0x80)] {
            return mapped
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Replaces every character reference in `text` with the character it names. Unknown names
    /// and malformed references stay as written, as browsers leave them.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var copy = text
        copy.withUTF8 { appendDecoded($0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `bytes` to `output` with every character reference decoded.
    /// - Parameter requireSemicolon: when `false`, numeric references without a closing `;`
    ///   are decoded too, as browsers do in attribute values (`&#106avascript:`).
    public static func appendDecoded(
        _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], requireSemicolon: Bool = false
    ) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "&") {
                output.append(byte)
                index += 1
                continue
            }
            if let (scalars, end) = reference(in: bytes, at: index, requireSemicolon: requireSemicolon) {
                for scalar in scalars { output.append(contentsOf: String(scalar).utf8) }
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    /// Parses the reference starting at `start` (which holds `&`).
    /// - Returns: the characters and the index just past the reference, or `nil` when the
    ///   ampersand does not start a reference.
    public static func reference(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, requireSemicolon: Bool = true
    ) -> ([Unicode.Scalar], Int)? {
        var index = start + 1
        let count = bytes.count
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < count, let digit = digitValue(bytes[index], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < count, bytes[index] == UInt8(ascii: ";") {
                index += 1
            } else if requireSemicolon {
                return nil
            }
            return ([character(forCodePoint: value)], index)
        }
        var end = index
        while end < count, end - index <= longestName, isNameByte(bytes[end]) { end += 1 }
        guard end > index, end < count, bytes[end] == UInt8(ascii: ";") else { return nil }
        guard let replacement = character(named: UnsafeBufferPointer(rebasing: bytes[index..<end])) else {
            return nil
        }
        return (Array(replacement.unicodeScalars), end + 1)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Built once, on first use, from the compact table in `HTMLCharacterReferences+Table.swift`.
    private static let namedReplacements: [String: String] = {
        var result: [String: String] = [:]
        result.reserveCapacity(2200)
        for entry in table.split(separator: " ") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            let name = String(entry[..<equals])
            var value = ""
            for hex in entry[entry.index(after: equals)...].split(separator: "+") {
                if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    value.unicodeScalars.append(scalar)
                }
            }
            result[name] = value
        }
        return result
    }()

    private static let longestName = 32

    /// windows-1252's printable characters in 0x80–0x9F; `nil` where it has none.
    static let windows1252Controls: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
