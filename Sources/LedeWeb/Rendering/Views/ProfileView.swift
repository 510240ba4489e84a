import Foundation
import LedeCore

/// The profile form, and the onboarding page that starts from a preset.
struct ProfileView: Sendable {
    struct PresetChoice: Sendable {
        var id: String
        var title: String
        var role: String
        var industry: String
        var interests: String
        var checked: Bool
    }

    var name: String
    var role: String
    var industry: String
    var interests: String
    var mutes: String
    var storyCount: Int
    var presets: [PresetChoice]
    var csrf: String
    var isWelcome: Bool

    init(profile: Profile, csrf: String, isWelcome: Bool, chosenPreset: String? = nil) {
        name = profile.name
        role = profile.role
        industry = profile.industry
        interests = profile.interests.joined(separator: "\n")
        mutes = profile.mutes.joined(separator: "\n")
        storyCount = profile.storyCount
        self.csrf = csrf
        self.isWelcome = isWelcome
        let chosen = chosenPreset ?? (isWelcome ? ProfilePresets.all.first?.id : nil)
        presets = ProfilePresets.all.map {
            PresetChoice(
                id: $0.id, title: $0.title, role: $0.profile.role, industry: $0.profile.industry,
                interests: $0.profile.interests.prefix(6).joined(separator: ", "), checked: $0.id == chosen)
        }
    }

    /// One entry per line or comma, blanks dropped, at most 50.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0.count <= 100 }
            .prefix(50).map { $0 }
    }
}
