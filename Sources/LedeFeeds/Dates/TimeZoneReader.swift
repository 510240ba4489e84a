/// Reads a UTC offset as feeds write it: `Z`, `+05:30`, `-0800`, `+01`, `GMT`, `EST`,
/// `GMT+1`, `UTC-05:00`, `Etc/GMT`.
enum TimeZoneReader {
    /// - Returns: the offset in seconds east of UTC and the number of bytes read, or `nil` when
    ///   the bytes do not start with a zone.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, length: Int)? {
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            guard let (offset, length) = numericOffset(bytes, from: 1) else { return nil }
            return (first == UInt8(ascii: "-") ? -offset : offset, length + 1)
        }
        var index = 0
        if bytes.count >= 4, bytes[0] | 0x20 == UInt8(ascii: "e"), bytes[1] | 0x20 == UInt8(ascii: "t"),
            bytes[2] | 0x20 == UInt8(ascii: "c"), bytes[3] == UInt8(ascii: "/")
        {
            index = 4
        }
        let nameStart = index
        var name: [UInt8] = []
        while index < bytes.count, isLetter(bytes[index]), name.count < 6 {
            name.append(bytes[index] | 0x20)
            index += 1
        }
        guard index > nameStart, index == bytes.count || !isLetter(bytes[index]) else { return nil }
        guard let base = offsetsByName[String(decoding: name, as: UTF8.self)] else { return nil }
        // `GMT+01:00`, `UTC-5`: the offset written after the name counts.
        if base == 0, index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            let (offset, length) = numericOffset(bytes, from: index + 1)
        {
            let signed = bytes[index] == UInt8(ascii: "-") ? -offset : offset
            return (signed, index + 1 + length)
        }
        return (base, index)
    }

    /// `HH:MM`, `HHMM`, `HH` or `H` after the sign.
    private static func numericOffset(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
        var index = start
        var digits: [Int] = []
        while index < bytes.count, digits.count < 4 {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(Int(byte - UInt8(ascii: "0")))
                index += 1
            } else if byte == UInt8(ascii: ":") && digits.count == 2 {
                index += 1
            } else {
                break
            }
        }
        let hours: Int
        let minutes: Int
        switch digits.count {
        case 1: (hours, minutes) = (digits[0], 0)
        case 2: (hours, minutes) = (digits[0] * 10 + digits[1], 0)
        case 3: (hours, minutes) = (digits[0], digits[1] * 10 + digits[2])
        case 4: (hours, minutes) = (digits[0] * 10 + digits[1], digits[2] * 10 + digits[3])
        default: return nil
        }
        guard hours <= 18, minutes < 60 else { return nil }
        return (hours * 3600 + minutes * 60, index - start)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Zone names RFC 822 defines, and the few more feed readers have long understood, in
    /// seconds east of UTC. Other abbreviations are ambiguous across regions (IST, CST, BST) and
    /// are read as UTC, as feed readers have always read them, so that dates agree across tools.
    private static let offsetsByName: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0,
        "met": 3600, "mest": 7200,
        "adt": -3 * 3600, "ast": -4 * 3600, "at": -4 * 3600,
        "edt": -4 * 3600, "est": -5 * 3600, "et": -5 * 3600,
        "cdt": -5 * 3600, "cst": -6 * 3600, "ct": -6 * 3600,
        "mdt": -6 * 3600, "mst": -7 * 3600, "mt": -7 * 3600,
        "pdt": -7 * 3600, "pst": -8 * 3600, "pt": -8 * 3600,
        // RFC 822 military zones as feedparser reads them (RFC 1123 says their signs were wrong).
        "a": -3600, "n": 3600, "m": -12 * 3600, "y": 12 * 3600,
    ]
}
