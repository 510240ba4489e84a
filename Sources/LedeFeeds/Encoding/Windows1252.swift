/// windows-1252, which is also how browsers read ISO-8859-1 and what most mislabelled feeds
/// really are.
enum Windows1252 {
    /// The code points of bytes 0x80–0x9F; the five bytes windows-1252 leaves undefined keep
    /// their ISO-8859-1 (C1 control) meaning, as the WHATWG encoding standard says.
    static let highControls: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func codePoint(_ byte: UInt8) -> UInt32 {
        byte >= 0x80 && byte <= 0x9F ? highControls[Int(byte - 0x80)] : UInt32(byte)
    }

    /// Appends the UTF-8 form of one windows-1252 byte.
    @inline(__always)
    static func appendUTF8(of byte: UInt8, to output: inout [UInt8]) {
        if byte < 0x80 {
            output.append(byte)
        } else {
            UTF8Writer.append(codePoint(byte), to: &output)
        }
    }
}
