import ArgumentParser
import Foundation
import LedeCore
import LedeWeb

struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create API tokens for the JSON API.",
        subcommands: [Create.self], defaultSubcommand: Create.self)

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a user and print it once (Lede keeps only its SHA-256).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The user the token acts as.") var userName: String
        @Option(help: "A name to recognise the token by.") var name = "cli"

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let user: User
                if userName == User.localName {
                    user = try await store.localUser()
                } else {
                    guard let found = try await store.user(named: userName) else {
                        throw StoreError.notFound("user named \(userName); add one with `lede users add \(userName)`")
                    }
                    user = found
                }
                let token = SecretToken.generate()
                _ = try await store.addToken(userID: user.id, name: name, tokenHash: SecretToken.hash(token, kind: .api), now: Date())
                printOut(token + "\n")
                StandardErrorProgress().report("Created token “\(name)” for \(user.name); copy it now, it is not shown again.")
            }
        }
    }
}
