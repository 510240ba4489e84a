/// One pass over bytes that should be UTF-8 XML: is it valid UTF-8, is it plain ASCII, and does
/// it contain characters XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE,
/// U+FFFF)? Eight bytes at a time while the text is ASCII, which feeds mostly are.
struct UTF8Validation {
    var isValid = true
    var isASCII = true
    var hasForbiddenCharacters = false
    /// Well-formed sequences of two bytes or more.
    var multibyteSequences = 0
    /// Bytes that are not part of a well-formed sequence.
    var invalidBytes = 0

    /// Whether the text is mostly UTF-8 with some stray bytes, rather than another encoding
    /// in which a few byte pairs happen to look like UTF-8.
    var isMostlyUTF8: Bool { multibyteSequences >= invalidBytes }

    var isCleanUTF8: Bool { isValid && !hasForbiddenCharacters }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            // Eight bytes at a time while the text is ASCII. (Swift's SIMD types are far slower
            // here than this word arithmetic.)
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    // Any byte below 0x20 in the word? (SWAR "has less than" test.)
                    if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                        for offset in 0..<8 where Self.isForbiddenControl(bytes[index + offset]) {
                            hasForbiddenCharacters = true
                        }
                    }
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if Self.isForbiddenControl(byte) { hasForbiddenCharacters = true }
                index += 1
                continue
            }
            isASCII = false
            let length = Self.sequenceLength(bytes, at: index)
            if length == 0 {
                isValid = false
                invalidBytes += 1
                index += 1
            } else {
                if length == 3 && Self.isNonCharacter(bytes, at: index) { hasForbiddenCharacters = true }
                multibyteSequences += 1
                index += length
            }
        }
    }

    @inline(__always)
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// U+FFFE and U+FFFF are not XML characters.
    @inline(__always)
    static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0xEF && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 (RFC 3629 table).
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = bytes.count
        let lead = bytes[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// A copy with every byte that is not part of a valid UTF-8 sequence read as windows-1252
    /// (the usual mistake: a feed declared UTF-8 with some or all text in windows-1252) and
    /// the characters XML forbids removed.
    static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if !isForbiddenControl(byte) { output.append(byte) }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                Windows1252.appendUTF8(of: byte, to: &output)
                index += 1
            } else {
                if !(length == 3 && isNonCharacter(bytes, at: index)) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                }
                index += length
            }
        }
        return output
    }
}
