import Foundation

extension LedeStore {
    /// The reader the command line acts as when no other is named, created on first use.
    public func localUser() async throws -> User {
        if let user = try await user(named: User.localName) { return user }
        return try await createUser(name: User.localName, passwordHash: nil, isAdmin: true, now: Date())
    }
}
