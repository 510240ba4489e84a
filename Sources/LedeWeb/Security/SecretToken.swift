import Crypto
import Foundation

/// Random secrets for sessions, API tokens, feed links and share links, and the hashes the
/// store keeps instead of them.
///
/// Each kind hashes under its own prefix, so a secret of one kind never authenticates as
/// another (a public share link is no API token, even though both live in one table).
public enum SecretToken {
    public enum Kind: String, Sendable, CaseIterable {
        case session
        case api
        case feed
        case share
        case csrf
    }

    /// 32 random bytes from the system's secure generator, base64url without padding.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(Data(bytes))
    }

    /// The SHA-256 of the secret under its kind's prefix, hex-encoded.
    public static func hash(_ secret: String, kind: Kind) -> String {
        let digest = SHA256.hash(data: Data((kind.rawValue + ":" + secret).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether text could be a secret this type made (so junk is refused before hashing).
    public static func looksValid(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }
}
