import ArgumentParser
import Foundation
import LedeCore
import LedeEngine
import LedeFetch

/// Options every command that touches the database or the network shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Database path or URL (default: $LEDE_DATABASE, else $XDG_DATA_HOME/lede/lede.sqlite).")
    var database: String?

    @Flag(name: .long, help: "Allow fetching from loopback and private networks (also LEDE_ALLOW_PRIVATE_NETWORKS=1).")
    var allowPrivateNetworks = false

    @Option(name: .long, help: "The reader to act as (default: $LEDE_USER, else the local reader).")
    var user: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var location: DatabaseLocation { DatabaseLocation.resolve(option: database, environment: environment) }

    func openStore() throws -> any LedeStore {
        try location.open()
    }

    /// The reader this command acts as.
    func reader(in store: any LedeStore) async throws -> User {
        let name = user ?? environment["LEDE_USER"].flatMap { $0.isEmpty ? nil : $0 }
        guard let name, name != User.localName else { return try await store.localUser() }
        guard let found = try await store.user(named: name) else {
            throw StoreError.notFound("user named \(name); add one with `lede users add \(name)`")
        }
        return found
    }

    func fetchConfiguration() -> FetchConfiguration {
        var configuration = FetchConfiguration()
        configuration.allowPrivateNetworks = allowPrivateNetworks || FetchConfiguration.allowsPrivateNetworks(environment: environment)
        return configuration
    }
}

/// Progress lines on standard error, so standard output stays clean for the result.
struct StandardErrorProgress: ProgressReporter {
    func report(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Runs a command body, turning any failure into one line on standard error and exit code 1.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        FileHandle.standardError.write(Data(("lede: " + describe(error) + "\n").utf8))
        throw ExitCode.failure
    }
}

/// The error's own sentence (every Lede error describes itself for readers).
func describe(_ error: any Error) -> String {
    String(describing: error)
}

func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

extension BriefingFormat: ExpressibleByArgument {}
