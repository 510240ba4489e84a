#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns page bytes in any charset into clean UTF-8 for the parser: malformed sequences
/// become U+FFFD and NUL bytes become spaces, so that libxml2 never meets an encoding error
/// (on which it would switch the rest of the page to Latin-1) nor an early end of input.
enum HTMLTranscoder {
    /// The UTF-8 form of `bytes`, or `nil` when `bytes` can be parsed as they are.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, from charset: HTMLCharset) -> [UInt8]? {
        switch charset {
        case .utf8: return repairedUTF8(bytes)
        case .utf16LE, .utf16BE: return fromUTF16(bytes, bigEndian: charset == .utf16BE)
        case .windows1252: return fromWindows1252(bytes)
        default: return fromIconv(bytes, charset: charset.name) ?? fromWindows1252(bytes)
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    static func repairedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // First look for anything to repair, without copying.
        var index = start
        var clean = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                clean = false
                break
            }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Validity.sequenceLength(bytes, at: index)
            if length == 0 {
                clean = false
                break
            }
            index += length
        }
        if clean { return start == 0 ? nil : Array(bytes[start...]) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + 64)
        output.append(contentsOf: bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                output.append(0x20)
                index += 1
            } else if byte < 0x80 {
                output.append(byte)
                index += 1
            } else {
                let length = UTF8Validity.sequenceLength(bytes, at: index)
                if length == 0 {
                    output.append(contentsOf: replacement)
                    index += 1
                } else {
                    output.append(contentsOf: bytes[index..<index + length])
                    index += length
                }
            }
        }
        return output
    }

    private static func fromUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        if bytes.count >= 2,
            (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            index = 2
        }
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            units.append(unit == 0 ? 0x20 : unit)
            index += 2
        }
        var output = [UInt8]()
        output.reserveCapacity(units.count + units.count / 2)
        _ = transcode(
            units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false,
            into: { output.append($0) })
        return output
    }

    /// windows-1252's 0x80…0x9F, where it differs from Latin-1 (0 = undefined, kept as C1).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func fromWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte == 0 {
                output.append(0x20)
            } else if byte < 0x80 {
                output.append(byte)
            } else {
                let scalar = byte < 0xA0 ? UInt32(windows1252High[Int(byte - 0x80)]) : UInt32(byte)
                appendUTF8(scalar, to: &output)
            }
        }
        return output
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Other legacy charsets through the C library's converter; `nil` when it does not know
    /// the charset. Undecodable bytes become U+FFFD.
    private static func fromIconv(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        guard var input = UnsafeMutablePointer(mutating: bytes.baseAddress) else { return [] }
        var inputLeft = bytes.count
        output.withUnsafeMutableBufferPointer { buffer in
            var outputPointer = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outputLeft = buffer.count
            while inputLeft > 0 {
                var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input)
                    .assumingMemoryBound(to: CChar.self)
                var outputCursor: UnsafeMutablePointer<CChar>? = outputPointer
                let before = inputLeft
                let result = iconv(converter, &inputPointer, &inputLeft, &outputCursor, &outputLeft)
                input = input.advanced(by: before - inputLeft)
                outputPointer = outputCursor!
                if result != -1 || inputLeft == 0 { break }
                // Skip one undecodable byte and mark it.
                guard outputLeft >= 3 else { break }
                for byte in replacement {
                    outputPointer.pointee = CChar(bitPattern: byte)
                    outputPointer += 1
                }
                outputLeft -= 3
                input += 1
                inputLeft -= 1
            }
            produced = buffer.count - outputLeft
        }
        output.removeSubrange(produced...)
        for index in output.indices where output[index] == 0 { output[index] = 0x20 }
        return output
    }
}
