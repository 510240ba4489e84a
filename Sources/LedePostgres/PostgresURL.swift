import Foundation
import LedeCore
import NIOSSL
import PostgresNIO

/// A parsed `postgres://user:password@host:port/database` (or `postgresql://`) address.
///
/// Query parameters follow libpq's names: `sslmode` (`disable`, `allow`, `prefer` (default),
/// `require`, `verify-ca`, `verify-full`) and `connect_timeout` (seconds). A host that starts
/// with `/` (percent-encoded as `%2F`) is the folder of the server's Unix socket.
struct PostgresURL: Sendable, CustomStringConvertible {
    enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case socket(folder: String, port: Int)
    }

    enum TLSMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var endpoint: Endpoint
    var user: String
    var password: String?
    var database: String
    var tlsMode: TLSMode
    var connectTimeout: Duration

    /// - Throws: `StoreError.unavailable` naming what is wrong with the address (never its password).
    init(_ text: String) throws {
        let shown = Self.redacted(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError.unavailable(
                reason: "\(shown) is not a PostgreSQL address; write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE.")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError.unavailable(reason: "The PostgreSQL address \(shown) names no user; write it as postgres://USER@HOST:PORT/DATABASE.")
        }
        let port = components.port ?? 5432
        var host = components.host ?? ""
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        host = host.removingPercentEncoding ?? host
        if host.isEmpty { host = "127.0.0.1" }
        endpoint = host.hasPrefix("/") ? .socket(folder: host, port: port) : .tcp(host: host, port: port)
        self.user = user
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        tlsMode = .prefer
        connectTimeout = .seconds(10)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw StoreError.unavailable(reason: "The PostgreSQL address \(shown) has an unknown sslmode; use one of \(modes).")
                }
                tlsMode = mode
            case "connect_timeout":
                guard let seconds = item.value.flatMap(Int.init), seconds > 0 else {
                    throw StoreError.unavailable(reason: "The PostgreSQL address \(shown) needs connect_timeout in whole seconds, such as 10.")
                }
                connectTimeout = .seconds(seconds)
            default:
                throw StoreError.unavailable(
                    reason: "The PostgreSQL address \(shown) has an unknown parameter \(item.name); Lede reads sslmode and connect_timeout.")
            }
        }
    }

    /// Where the server is, for messages: `host:port` or the socket folder.
    var place: String {
        switch endpoint {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .socket(let folder, let port): "\(folder) (port \(port))"
        }
    }

    /// The address without its password, safe for messages and logs.
    var description: String {
        "postgres://\(user)@\(place)/\(database)"
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "the PostgreSQL address"
    }

    /// libpq's modes: `prefer` and `require` encrypt without checking the certificate,
    /// `verify-ca` checks the chain, `verify-full` the chain and the host name.
    func tlsConfiguration() -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable: return nil
        case .allow, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    var requiresTLS: Bool { [.require, .verifyCA, .verifyFull].contains(tlsMode) }

    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch tlsConfiguration() {
            case nil: .disable
            case let configuration? where requiresTLS: .require(configuration)
            case let configuration?: .prefer(configuration)
            }
        var configuration: PostgresClient.Configuration =
            switch endpoint {
            case .tcp(let host, let port):
                .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
            case .socket(let folder, let port):
                .init(unixSocketPath: Self.socketPath(folder: folder, port: port), username: user, password: password, database: database)
            }
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = [("application_name", "lede")]
        return configuration
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch tlsConfiguration() {
            case nil: .disable
            case let configuration? where requiresTLS: .require(try NIOSSLContext(configuration: configuration))
            case let configuration?: .prefer(try NIOSSLContext(configuration: configuration))
            }
        var configuration: PostgresConnection.Configuration =
            switch endpoint {
            case .tcp(let host, let port):
                .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
            case .socket(let folder, let port):
                .init(unixSocketPath: Self.socketPath(folder: folder, port: port), username: user, password: password, database: database)
            }
        configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        configuration.options.additionalStartupParameters = [("application_name", "lede")]
        return configuration
    }

    static func socketPath(folder: String, port: Int) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + ".s.PGSQL.\(port)"
    }
}
