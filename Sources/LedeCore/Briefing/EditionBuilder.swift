import Foundation

/// Puts a day's edition together: ranks the candidate stories for the reader and explains
/// the top ones.
public struct EditionBuilder: Sendable {
    public var ranker = StoryRanker()
    public var composer = BriefingComposer()

    public init() {}

    /// - Parameters:
    ///   - date: the edition's day, `YYYY-MM-DD`.
    ///   - now: the moment the edition is written for.
    public func build(from materials: [StoryMaterial], profile: Profile, date: String, now: Date, alreadyBriefed: Set<Int64> = []) -> Briefing {
        let ranked = ranker.rank(materials, for: profile, now: now, alreadyBriefed: alreadyBriefed)
        var stories: [StoryBriefing] = []
        for candidate in ranked where stories.count < max(1, profile.storyCount) {
            if let story = composer.compose(candidate.material, reason: candidate.reason, now: now) {
                stories.append(story)
            }
        }
        return Briefing(date: date, profile: profile.name, stories: stories)
    }
}
