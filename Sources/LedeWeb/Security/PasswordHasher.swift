import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Bcrypt hashing and checking on NIO's thread pool, so that a slow hash never holds up the
/// event loop that serves other readers.
public struct PasswordHasher: Sendable {
    public var cost: UInt8

    public init(cost: UInt8) {
        self.cost = max(cost, WebConfiguration.minimumBcryptCost)
    }

    /// A hash of a made-up password, checked when the user name is unknown so that the answer
    /// takes as long as for a real user (no telling which names exist).
    static let decoy = Bcrypt.hash("lede-decoy-password", cost: WebConfiguration.minimumBcryptCost)

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String?) async throws -> Bool {
        let stored = hash ?? Self.decoy
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: stored) }
        return matches && hash != nil
    }

    /// Passwords Lede accepts: long enough to resist guessing, short enough for Bcrypt (72 bytes).
    public static func problem(with password: String) -> String? {
        if password.count < 10 { return "Choose a password of at least 10 characters." }
        if password.utf8.count > 72 { return "Choose a password of at most 72 bytes (Bcrypt ignores the rest)." }
        return nil
    }
}
