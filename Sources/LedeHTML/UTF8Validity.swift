/// Counts of well-formed multi-byte sequences and malformed bytes in a buffer, the evidence
/// for deciding whether bytes really are UTF-8.
struct UTF8Validity {
    private(set) var multiByteSequences = 0
    private(set) var invalidSequences = 0
    /// NUL bytes, which libxml2 would take for the end of the input.
    private(set) var nulBytes = 0

    /// Bytes that can go to the parser as they are.
    var isCleanUTF8: Bool { invalidSequences == 0 && nulBytes == 0 }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = bytes.count
        while index < count {
            // Fast path over ASCII, eight bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                // A zero byte makes (word - 0x01…01) & ~word borrow into its high bit.
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { nulBytes += 1 }
                index += 1
                continue
            }
            let length = UTF8Validity.sequenceLength(bytes, at: index)
            if length > 0 {
                multiByteSequences += 1
                index += length
            } else {
                invalidSequences += 1
                index += 1
            }
        }
    }

    /// The length of the well-formed sequence starting at `index`, or 0 when malformed
    /// (overlong forms, surrogates and values past U+10FFFF are malformed, as in the
    /// Unicode standard's table 3-7).
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
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
}
