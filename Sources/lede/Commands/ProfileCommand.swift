import ArgumentParser
import Foundation
import LedeCore
import LedeEngine

struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Describe who a briefing is for: role, industry, interests.",
        subcommands: [Set.self, List.self, Show.self, Presets.self], defaultSubcommand: List.self)

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or update a profile.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The profile's name, e.g. `me` or `cloud-strategist`.") var name: String
        @Option(help: "Start from a preset (see `lede profile presets`), e.g. venture-investor.") var preset: String?
        @Option(help: "The reader's role, e.g. \"cloud infrastructure strategist\".") var role: String?
        @Option(help: "The reader's industry, e.g. \"cloud computing\".") var industry: String?
        @Option(name: .customLong("interest"), help: "A topic, company or person to follow (repeatable).") var interests: [String] = []
        @Option(name: .customLong("mute"), help: "A term whose stories to leave out (repeatable).") var mutes: [String] = []
        @Option(name: .customLong("follow-source"), help: "An outlet whose coverage counts more, e.g. harbor-ledger.example (repeatable).") var followedSources: [String] = []
        @Option(name: .customLong("mute-source"), help: "An outlet never to quote (repeatable).") var mutedSources: [String] = []
        @Option(help: "How many stories the edition holds (1 to 20).") var stories: Int?

        func validate() throws {
            if let stories, !(1...20).contains(stories) { throw ValidationError("--stories must be between 1 and 20.") }
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The profile needs a name.") }
            if let preset, ProfilePresets.preset(named: preset) == nil {
                throw ValidationError("No preset named \(preset); choose one of: \(ProfilePresets.all.map(\.id).joined(separator: ", ")).")
            }
        }

        func run() async throws {
            try await reportingErrors {
                let store = try common.openStore()
                let reader = try await common.reader(in: store)
                var profile = try await store.profile(named: name, userID: reader.id)
                    ?? Profile(name: name, role: role ?? "reader", industry: industry ?? "general news")
                if let preset = preset.flatMap(ProfilePresets.preset(named:)) {
                    profile.role = preset.profile.role
                    profile.industry = preset.profile.industry
                    profile.interests = preset.profile.interests
                }
                if let role { profile.role = role }
                if let industry { profile.industry = industry }
                if !interests.isEmpty { profile.interests = interests }
                if !mutes.isEmpty { profile.mutes = mutes }
                if let stories { profile.storyCount = stories }
                if !followedSources.isEmpty { profile.followedSources = followedSources }
                if !mutedSources.isEmpty { profile.mutedSources = mutedSources }
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

    struct Presets: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the presets a new profile can start from.")

        func run() async throws {
            for preset in ProfilePresets.all {
                printOut("\(preset.id)\t\(preset.title): \(preset.profile.interests.prefix(6).joined(separator: ", "))\n")
            }
        }
    }
}
