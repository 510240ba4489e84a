import ArgumentParser
import Foundation
import LedeCore
import LedeWeb

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add and list the accounts that can sign in to the web app.",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is read from standard input (first line).",
            discussion: "Example: printf '%s\\n' \"$PASSWORD\" | lede users add ann")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The account's name, used to sign in.") var name: String
        @Flag(help: "Let the account manage the server.") var admin = false
        @Option(help: "Bcrypt cost (10 to 16).") var bcryptCost: UInt8 = 12

        func validate() throws {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.count > 60 || trimmed != name { throw ValidationError("Give a name of 1 to 60 characters without surrounding spaces.") }
            if !(10...16).contains(bcryptCost) { throw ValidationError("--bcrypt-cost must be between 10 and 16.") }
        }

        func run() async throws {
            try await reportingErrors {
                guard let line = readLine(strippingNewline: true) else {
                    throw ValidationError("Give the password on standard input, e.g. printf '%s\\n' \"$PASSWORD\" | lede users add \(name)")
                }
                if let problem = PasswordHasher.problem(with: line) { throw ValidationError(problem) }
                let store = try common.openStore()
                let hash = try await PasswordHasher(cost: bcryptCost).hash(line)
                if let existing = try await store.user(named: name), existing.name == User.localName {
                    // The local reader exists from the start; giving it a password lets it sign in.
                    try await store.setPasswordHash(hash, userID: existing.id)
                    printOut("Set the password of \(name).\n")
                    return
                }
                let user = try await store.createUser(name: name, passwordHash: hash, isAdmin: admin, now: Date())
                printOut("Added \(user.name)\(admin ? " (admin)" : "") as user \(user.id).\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let formatter = ISO8601DateFormatter()
                for user in try await store.users() {
                    let canSignIn = try await store.passwordHash(userID: user.id) != nil
                    printOut("\(user.id)\t\(user.name)\t\(user.isAdmin ? "admin" : "reader")\t\(canSignIn ? "password set" : "no password")\t\(formatter.string(from: user.createdAt))\n")
                }
            }
        }
    }
}
