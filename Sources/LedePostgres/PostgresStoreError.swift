import Foundation
import LedeCore
import PostgresNIO

/// A statement the PostgreSQL server refused for a reason other than reachability, such as a
/// broken constraint. It names the SQLSTATE, table and constraint, never the statement's
/// arguments (which may hold private text) nor the server's message (which may quote them).
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// The five-character SQLSTATE code, such as `23505` for a unique violation.
    public var sqlState: String
    public var table: String?
    public var constraint: String?

    public var description: String {
        var subject = "PostgreSQL refused a change (SQLSTATE \(sqlState)"
        if let constraint { subject += ", constraint \(constraint)" } else if let table { subject += ", table \(table)" }
        return subject + ")."
    }
}

extension PostgresURL {
    /// Turns a failure of the driver into what Lede's stores report: `StoreError.unavailable`
    /// when the server cannot be reached or used, `PostgresStoreError` for a refused statement.
    func storeError(_ error: any Error) -> any Error {
        if error is StoreError || error is PostgresStoreError || error is CancellationError { return error }
        if let transaction = error as? PostgresTransactionError {
            return storeError(transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error)
        }
        guard let error = error as? PSQLError else {
            // The pool's own failures (its circuit breaker after repeated connection failures,
            // a closed pool; its module is internal to postgres-nio, hence the name test) and
            // socket errors mean the server cannot be used right now. Anything else (decoding)
            // is passed on as it is.
            if String(reflecting: type(of: error)).hasPrefix("_ConnectionPoolModule.") {
                return unreachable(because: "no connection could be made")
            }
            if error is ChannelError || error is IOError || error is NIOConnectionError {
                return unreachable(because: Self.reason(error))
            }
            return error
        }
        if error.code == .server, let state = error.serverInfo?[.sqlState] {
            return serverError(state: state, table: error.serverInfo?[.tableName], constraint: error.serverInfo?[.constraintName])
        }
        switch error.code {
        case .connectionError: return unreachable(because: Self.reason(error.underlying))
        case .sslUnsupported:
            return StoreError.unavailable(
                reason: "PostgreSQL at \(place) does not offer TLS, which the address's sslmode requires; enable ssl on the server or use sslmode=prefer.")
        case .authMechanismRequiresPassword:
            return StoreError.unavailable(reason: "PostgreSQL at \(place) asks user \(user) for a password; add it to the database address.")
        case .unsupportedAuthMechanism, .saslError:
            return StoreError.unavailable(
                reason: "PostgreSQL at \(place) asks for a login method Lede cannot use; allow scram-sha-256, md5 or trust for user \(user) in pg_hba.conf.")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed, .failedToAddSSLHandler,
            .receivedUnencryptedDataAfterSSLRequest:
            return unreachable(because: "\(error.code)")
        default:
            return error
        }
    }

    func serverError(state: String, table: String?, constraint: String?) -> any Error {
        switch state {
        case "3D000":
            return StoreError.unavailable(
                reason: "PostgreSQL at \(place) has no database named \(database); create it (createdb \(database)) or fix the database name in the address.")
        case "28P01", "28000":
            return StoreError.unavailable(
                reason: "PostgreSQL at \(place) refused the login of user \(user); check the user name and password in the database address.")
        case "42501" where table == nil:
            return StoreError.unavailable(
                reason: "User \(user) may not create or use Lede's tables in database \(database) at \(place); grant it (GRANT ALL ON SCHEMA public TO \(user)) or use its owner.")
        case "53300":
            return StoreError.unavailable(reason: "PostgreSQL at \(place) has too many connections; raise max_connections or stop idle clients.")
        case "57P01", "57P02", "57P03":
            return StoreError.unavailable(reason: "PostgreSQL at \(place) is shutting down or starting up; try again once it accepts connections.")
        case _ where state.hasPrefix("08"):
            return unreachable(because: "SQLSTATE \(state)")
        default:
            return PostgresStoreError(sqlState: state, table: table, constraint: constraint)
        }
    }

    func unreachable(because reason: String) -> StoreError {
        .unavailable(
            reason: "Cannot reach PostgreSQL at \(place) (\(reason)); check that the server is running and accepts connections there, or fix the host and port in the database address.")
    }

    /// The socket-level cause in a few words ("connection refused"), without any address details
    /// beyond what `place` already says.
    static func reason(_ underlying: (any Error)?) -> String {
        guard let underlying else { return "connection failed" }
        let text = String(describing: underlying).lowercased()
        let known = [
            ("refused", "connection refused"), ("timed out", "timed out"), ("timeout", "timed out"),
            ("no route", "no route to host"), ("unreachable", "network unreachable"), ("name or service", "unknown host"),
            ("nodename nor servname", "unknown host"), ("no such file", "no socket there"), ("permission denied", "permission denied"),
        ]
        return known.first { text.contains($0.0) }?.1 ?? "connection failed"
    }
}
