import ArgumentParser
import Foundation
import LedeCore
import LedeEngine

struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Describe who a briefing is for: role, industry, interests.",
        subcommands: [Set.self, List.self, Show.self], defaultSubcommand: List.self)

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or update a profile.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The profile's name, e.g. `me` or `cloud-strategist`.") var name: String
        @Option(help: "The reader's role, e.g. \"cloud infrastructure strategist\".") var role: String?
        @Option(help: "The reader's industry, e.g. \"cloud computing\".") var industry: String?
        @Option(name: .customLong("interest"), help: "A topic, company or person to follow (repeatable).") var interests: [String] = []
        @Option(name: .customLong("mute"), help: "A term whose stories to leave out (repeatable).") var mutes: [String] = []
        @Option(help: "How many stories the edition holds (1 to 20).") var stories: Int?

        func validate() throws {
            if let stories, !(1...20).contains(stories) { throw ValidationError("--stories must be between 1 and 20.") }
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The profile needs a name.") }
        }

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let reader = try await common.reader(in: store)
                var profile = try await store.profile(named: name, userID: reader.id)
                    ?? Profile(name: name, role: role ?? "reader", industry: industry ?? "general news")
                if let role { profile.role = role }
                if let industry { profile.industry = industry }
                if !interests.isEmpty { profile.interests = interests }
                if !mutes.isEmpty { profile.mutes = mutes }
                if let stories { profile.storyCount = stories }
                try await store.saveProfile(profile, userID: reader.id)
                printOut("Saved profile \(name).\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the profiles.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let profiles = try await store.profiles(userID: try await common.reader(in: store).id)
                if profiles.isEmpty { printOut("No profiles yet. Create one with `lede profile set NAME --role ... --industry ...`.\n") }
                for profile in profiles { printOut("\(profile.name)\t\(profile.role), \(profile.industry)\n") }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a profile as JSON.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The profile's name.") var name: String

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let profile = try await ProfileResolver.resolve(name, userID: try await common.reader(in: store).id, in: store)
                printOut(JSONRendering.string(profile) + "\n")
            }
        }
    }
}
