import Foundation

/// News-wire datelines ("SAN FRANCISCO, May 13 (Meridian Wire) — "), which open a story's first
/// sentence but are not part of what it states.
public enum Dateline {
    /// The sentence without its dateline; the rest is the sentence's own text, unchanged.
    public static func strip(_ sentence: String) -> String {
        for dash in [" — ", " – ", " -- "] {
            guard let range = sentence.range(of: dash), sentence.distance(from: sentence.startIndex, to: range.lowerBound) <= 100 else { continue }
            let prefix = sentence[..<range.lowerBound]
            let capitals = prefix.prefix { $0.isUppercase || $0 == " " || $0 == "." || $0 == "'" }.filter(\.isUppercase).count
            guard capitals >= 3, prefix.hasSuffix(")") || prefix.contains(",") else { continue }
            let rest = sentence[range.upperBound...]
            guard let first = rest.first, first.isUppercase || first.isNumber || first == "\"" || first == "“" else { continue }
            return String(rest)
        }
        return sentence
    }
}
