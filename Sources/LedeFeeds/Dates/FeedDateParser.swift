import Foundation

/// Reads the dates feeds write: RFC 822/1123 (`Mon, 06 Sep 2010 00:01:00 +0000`), RFC 3339 and
/// ISO 8601 / W3C-DTF (`2010-09-06T00:01:00Z`, `20100906`, `2010-249`), asctime and their
/// common malformations (two-digit years, missing seconds or zones, zone names, swapped day and
/// month names, `GMT+01:00`, trailing `(UTC)`, stray commas and dots).
///
/// Works on bytes, without Foundation formatters, because a feed can hold thousands of dates.
/// A date it cannot read with confidence is `nil`, never a guess; impossible values (month 13,
/// February 30, hour 25) are rejected; any year from 1 to 9999 is kept as written.
public enum FeedDateParser {
    public static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end > start, end - start <= 128 else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var numeric = ISO8601DateReader(text)
        if let components = numeric.read() { return components.date }
        var textual = TextualDateReader(text)
        return textual.read()?.date
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0
    }
}
