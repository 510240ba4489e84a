/// Small text routines shared by the metadata readers and the block filters.
enum Text {
    /// Whether `haystack` contains `needle` (lowercase ASCII), ignoring ASCII case. Works on
    /// UTF-8 bytes: Foundation's `contains` bridges through NSString and is far slower.
    static func contains(_ haystack: String, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let pattern = needle.utf8Start
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            guard bytes.count >= count, count > 0 else { return count == 0 }
            let first = pattern[0]
            var index = 0
            let last = bytes.count - count
            while index <= last {
                var byte = bytes[index]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte == first {
                    var offset = 1
                    while offset < count {
                        var other = bytes[index + offset]
                        if other >= 0x41 && other <= 0x5A { other |= 0x20 }
                        if other != pattern[offset] { break }
                        offset += 1
                    }
                    if offset == count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether `text` has no whitespace to collapse or trim (ASCII fast path).
    private static func isNormalized(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 { return false }
            let isSpace = byte == 0x20
            if isSpace && previousSpace { return false }
            previousSpace = isSpace
        }
        return !previousSpace || text.isEmpty
    }

    /// Whether `haystack` contains `needle` (lowercase), ignoring ASCII case.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            var haystack = haystack
            return haystack.withUTF8 { bytes in Text.contains(bytes, pattern) }
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = pattern.count
        guard count > 0 else { return true }
        guard bytes.count >= count else { return false }
        let first = pattern[0]
        var index = 0
        let last = bytes.count - count
        while index <= last {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte == first {
                var offset = 1
                while offset < count {
                    var other = bytes[index + offset]
                    if other >= 0x41 && other <= 0x5A { other |= 0x20 }
                    if other != pattern[offset] { break }
                    offset += 1
                }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether `text` starts with `prefix` (lowercase), ignoring ASCII case.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        var textBytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard var byte = textBytes.next() else { return false }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != expected { return false }
        }
        return true
    }

    /// `text` without leading and trailing whitespace (ASCII and no-break spaces).
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        if first == text.startIndex && text.index(after: last) == text.endIndex { return text }
        return String(text[first...last])
    }

    /// Whether `text` equals `lowercase` ignoring ASCII case.
    static func equals(_ text: String, _ lowercase: StaticString) -> Bool {
        text.utf8.count == lowercase.utf8CodeUnitCount && contains(text, lowercase)
    }

    /// Collapses runs of whitespace (including no-break spaces) to one space and trims.
    static func normalized(_ text: String) -> String {
        if isNormalized(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
