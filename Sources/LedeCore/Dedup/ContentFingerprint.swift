/// Fingerprints of an article's text for finding copies: an exact hash of the normalised
/// text and a MinHash signature for near-copies (syndicated wire text with small edits).
public enum ContentFingerprint {
    /// Hash of the text with case, punctuation and spacing ignored.
    public static func exactHash(of text: String) -> Int64 {
        exactHash(ofWords: Terms.words(in: text))
    }

    /// MinHash over overlapping 4-word shingles of the text.
    public static func minHash(of text: String) -> MinHashSignature {
        MinHashSignature(words: Terms.words(in: text))
    }

    /// Both fingerprints, splitting the text into words once.
    public static func fingerprints(of text: String) -> (exactHash: Int64, minHash: MinHashSignature) {
        let words = Terms.words(in: text)
        return (exactHash(ofWords: words), MinHashSignature(words: words))
    }

    /// The hash of the words joined by single spaces, without building the joined text.
    static func exactHash(ofWords words: [String]) -> Int64 {
        Int64(bitPattern: StableHash.fnv1a(joining: words[...]))
    }
}

/// A MinHash signature: for each of `count` hash functions, the smallest hash over the
/// text's shingles. The share of equal positions between two signatures estimates the
/// Jaccard similarity of their shingle sets.
public struct MinHashSignature: Sendable, Hashable, Codable {
    public static let count = 64
    static let shingleLength = 4
    /// Locality-sensitive hashing: 21 bands of 3 rows make texts with Jaccard 0.6 collide in
    /// some band 99% of the time, and texts with Jaccard 0.1 only 2% of the time.
    public static let bands = 21
    static let rowsPerBand = 3

    public var values: [UInt64]

    public init(values: [UInt64]) {
        self.values = values
    }

    public init(words: [String]) {
        var minimums = [UInt64](repeating: .max, count: Self.count)
        let length = Self.shingleLength
        if words.count >= 1 {
            let lastStart = max(0, words.count - length)
            for start in 0...lastStart {
                let base = StableHash.fnv1a(joining: words[start..<min(words.count, start + length)])
                for index in 0..<Self.count {
                    let hash = StableHash.mix(base ^ (UInt64(index) &* 0x9e37_79b9_7f4a_7c15))
                    if hash < minimums[index] { minimums[index] = hash }
                }
            }
        }
        values = minimums
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets.
    public func similarity(to other: MinHashSignature) -> Double {
        guard values.count == other.values.count, !values.isEmpty else { return 0 }
        var equal = 0
        for index in values.indices where values[index] == other.values[index] && values[index] != .max {
            equal += 1
        }
        return Double(equal) / Double(values.count)
    }

    /// One key per band; two signatures sharing any key are near-duplicate candidates.
    public var bandKeys: [Int64] {
        (0..<Self.bands).map { band in
            var hash = UInt64(band) &* 0x100_0000_01b3
            for row in 0..<Self.rowsPerBand {
                hash = StableHash.mix(hash ^ values[band * Self.rowsPerBand + row])
            }
            return Int64(bitPattern: hash)
        }
    }

    public var isEmpty: Bool { values.allSatisfy { $0 == .max } }
}
