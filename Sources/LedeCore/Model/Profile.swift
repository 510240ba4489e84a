import Foundation

/// A reader's profile: who they are and what they follow, which the ranking and the
/// "why it matters" parts of a briefing are fitted to.
public struct Profile: Sendable, Hashable, Codable {
    public var name: String
    public var role: String
    public var industry: String
    /// Topics, companies and people the reader follows.
    public var interests: [String]
    /// Terms whose stories the reader does not want to see.
    public var mutes: [String]
    /// Outlets (e.g. `harbor-ledger.example`) whose coverage counts more for this reader.
    public var followedSources: [String]
    /// Outlets whose articles the reader does not want quoted.
    public var mutedSources: [String]
    /// How many stories the edition holds.
    public var storyCount: Int
    public var language: String?

    public static let defaultStoryCount = 6

    public init(
        name: String, role: String, industry: String, interests: [String] = [], mutes: [String] = [],
        followedSources: [String] = [], mutedSources: [String] = [], storyCount: Int = Profile.defaultStoryCount,
        language: String? = nil
    ) {
        self.name = name
        self.role = role
        self.industry = industry
        self.interests = interests
        self.mutes = mutes
        self.followedSources = followedSources
        self.mutedSources = mutedSources
        self.storyCount = storyCount
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case name, role, industry, interests, mutes, followedSources, mutedSources
        case storyCount = "stories"
        case language
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decodeIfPresent(String.self, forKey: .role) ?? ""
        industry = try container.decodeIfPresent(String.self, forKey: .industry) ?? ""
        interests = try container.decodeIfPresent([String].self, forKey: .interests) ?? []
        mutes = try container.decodeIfPresent([String].self, forKey: .mutes) ?? []
        followedSources = try container.decodeIfPresent([String].self, forKey: .followedSources) ?? []
        mutedSources = try container.decodeIfPresent([String].self, forKey: .mutedSources) ?? []
        storyCount = try container.decodeIfPresent(Int.self, forKey: .storyCount) ?? Self.defaultStoryCount
        language = try container.decodeIfPresent(String.self, forKey: .language)
    }
}
