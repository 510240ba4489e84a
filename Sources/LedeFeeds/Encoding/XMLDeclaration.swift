/// Reads the `encoding` pseudo-attribute of an XML declaration.
enum XMLDeclaration {
    static func encoding(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < bytes.count, index < 64, FeedDateParser.isSpace(bytes[index]) { index += 1 }
        guard matches("<?xml", in: bytes, at: index) else { return nil }
        let limit = min(bytes.count, index + 512)
        var cursor = index + 5
        while cursor + 8 < limit {
            if bytes[cursor] == UInt8(ascii: "?") && bytes[cursor + 1] == UInt8(ascii: ">") { return nil }
            if matches("encoding", in: bytes, at: cursor) {
                cursor += 8
                while cursor < limit, FeedDateParser.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < limit, bytes[cursor] == UInt8(ascii: "=") else { return nil }
                cursor += 1
                while cursor < limit, FeedDateParser.isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < limit, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else {
                    return nil
                }
                let quote = bytes[cursor]
                let valueStart = cursor + 1
                var valueEnd = valueStart
                while valueEnd < limit, bytes[valueEnd] != quote { valueEnd += 1 }
                guard valueEnd < limit, valueEnd > valueStart else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
            }
            cursor += 1
        }
        return nil
    }

    static func matches(_ literal: String, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let utf8 = literal.utf8
        guard index + utf8.count <= bytes.count else { return false }
        var offset = index
        for byte in utf8 {
            guard bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }
}
