/// FNV-1a, 64 bits: a fast hash that is the same on every run and every machine,
/// unlike Swift's `Hasher`, so its values can be stored.
public enum StableHash {
    public static func fnv1a(_ text: some StringProtocol) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 { add(byte, to: &hash) }
        return hash
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    private static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }

    /// `fnv1a(words.joined(separator: " "))`, without building the joined text (fingerprints
    /// hash every run of four words of every article).
    public static func fnv1a(joining words: ArraySlice<String>) -> UInt64 {
        var hash = offsetBasis
        for (position, word) in words.enumerated() {
            if position > 0 { add(UInt8(ascii: " "), to: &hash) }
            for byte in word.utf8 { add(byte, to: &hash) }
        }
        return hash
    }

    /// Mixes a 64-bit value (SplitMix64's finaliser), for deriving independent hash functions.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
