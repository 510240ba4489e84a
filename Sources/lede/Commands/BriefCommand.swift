import ArgumentParser
import Foundation
import LedeCore
import LedeEngine

struct BriefCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief", abstract: "Write today's briefing for a profile, or show an earlier day's.",
        discussion: "With --date, shows the edition stored for that day, writing it as of the end of that day if there is none.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The profile to brief (default: the only profile, else `default`).") var profile: String?
    @Option(help: "Output format: text, markdown, html, json, atom or jsonfeed.") var format: BriefingFormat = .text
    @OptionGroup(title: "Time") var time: TimeOptions

    func run() async throws {
        try await reportingErrors {
            let store = try common.openStore()
            let reader = try await common.reader(in: store)
            let profile = try await ProfileResolver.resolve(profile, userID: reader.id, in: store)
            // A day's stored edition is history: show it as it was. Otherwise write the edition
            // as of --now, the end of --date, or the clock (replacing that day's earlier one).
            let briefing: Briefing
            if let date = time.date, let stored = try await store.briefing(date: date, profile: profile.name, userID: reader.id) {
                briefing = stored
            } else {
                briefing = try await EditionService(store: store).brief(profile: profile, userID: reader.id, now: time.moment)
            }
            printOut(format.render(briefing, terminal: Terminal.current))
        }
    }
}

/// Finds the profile a command should use.
enum ProfileResolver {
    static func resolve(_ name: String?, userID: Int64, in store: any LedeStore) async throws -> Profile {
        if let name {
            guard let profile = try await store.profile(named: name, userID: userID) else {
                let known = try await store.profiles(userID: userID).map(\.name)
                throw StoreError.notFound(
                    "profile named \(name)" + (known.isEmpty ? "; create one with `lede profile set \(name) --role ... --industry ...`" : "; known profiles: \(known.joined(separator: ", "))"))
            }
            return profile
        }
        let profiles = try await store.profiles(userID: userID)
        if profiles.count == 1 { return profiles[0] }
        if let standard = profiles.first(where: { $0.name == "default" }) { return standard }
        if profiles.isEmpty { return Profile(name: "default", role: "reader", industry: "general news") }
        throw ValidationError("Several profiles exist (\(profiles.map(\.name).joined(separator: ", "))); choose one with --profile.")
    }
}
