import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a host name into the addresses to connect to. Injectable so tests can play a
/// DNS server that answers differently each time (rebinding).
public protocol HostResolver: Sendable {
    /// Numeric addresses, IPv4 as dotted quads and IPv6 in its usual text form.
    func addresses(for host: String) async throws -> [String]
}

/// The system resolver (`getaddrinfo`), run off the cooperative thread pool because it blocks.
/// The fetcher never hands it a numeric host: those are read as addresses first (see
/// `FetchTarget`), so `getaddrinfo`'s own reading of `0x7f.1` and friends never matters.
public struct SystemHostResolver: HostResolver {
    public init() {}

    /// - Throws: `FetchError.unresolvableHost`, or `CancellationError` at once when the task is
    ///   cancelled (the blocking lookup is left to finish on its own).
    public func addresses(for host: String) async throws -> [String] {
        let outcome = OneShotContinuation<[String]>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard outcome.install(continuation) else { return }
                DispatchQueue.global().async {
                    outcome.resume(with: Result { try Self.resolve(host) })
                }
            }
        } onCancel: {
            outcome.resume(throwing: CancellationError())
        }
    }

    static func resolve(_ host: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &result)
        guard status == 0, let first = result else { throw FetchError.unresolvableHost(host) }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let info = current {
            if let text = numericAddress(info.pointee.ai_addr), !addresses.contains(text) { addresses.append(text) }
            current = info.pointee.ai_next
        }
        return addresses
    }

    static func numericAddress(_ address: UnsafeMutablePointer<sockaddr>?) -> String? {
        guard let address else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var raw = v4.pointee.sin_addr
                guard inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count)) != nil else { return nil }
                return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var raw = v6.pointee.sin6_addr
                guard inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count)) != nil else { return nil }
                return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        default:
            return nil
        }
    }
}
