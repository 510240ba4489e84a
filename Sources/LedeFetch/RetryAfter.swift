import Foundation

/// Reads `Retry-After` (RFC 9110 §10.2.3): delay seconds or an HTTP date.
enum RetryAfter {
    /// Longest wait honoured; a server asking for more is waited on for this long.
    static let longest: TimeInterval = 7 * 24 * 3600

    /// Seconds to wait. A date is measured from the response's own `Date` header when it has
    /// one, so a server whose clock is off still gets the delay it meant.
    static func seconds(_ value: String?, responseDate: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return min(longest, TimeInterval(value) ?? longest)
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        let reference = responseDate.flatMap(HTTPDate.parse) ?? now
        return min(longest, max(0, date.timeIntervalSince(reference)))
    }
}

/// HTTP dates in the three forms RFC 9110 §5.6.7 says recipients must accept.
enum HTTPDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        "EEE MMM d HH:mm:ss yyyy",  // asctime: Sun Nov  6 08:49:37 1994
    ]

    static func parse(_ text: String) -> Date? {
        let text = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
