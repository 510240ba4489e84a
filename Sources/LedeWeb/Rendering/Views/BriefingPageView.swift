import Foundation
import LedeCore

/// An edition as its page shows it.
struct BriefingPageView: Sendable {
    struct StoryCard: Sendable {
        var id: Int64
        var number: Int
        var headline: String
        var href: String
        var reason: String
        var keyPoints: [CitedLine]
        var intro: CitedLine
        var bottomLine: CitedLine?
        var sourceCount: Int
        var outlets: String
        var feedback: FeedbackView
    }

    struct Also: Sendable {
        var headline: String
        var href: String
        var reason: String
        var outlet: String
    }

    struct ProfileChoice: Sendable {
        var name: String
        var selected: Bool
    }

    var heading: String
    var kicker: String
    var date: String
    var isToday: Bool
    var stories: [StoryCard]
    var also: [Also]
    var hasAlso: Bool
    var hasStories: Bool
    var profiles: [ProfileChoice]
    var showProfiles: Bool
    var profileName: String

    init(briefing: Briefing, profile: Profile, profiles: [Profile], isToday: Bool, csrf: String, feedback: [Int64: Feedback.Kind]) {
        heading = isToday ? "Your briefing for \(EditionDate.long(briefing.date))" : "Edition of \(EditionDate.long(briefing.date))"
        kicker = [profile.role, profile.industry].filter { !$0.isEmpty }.joined(separator: " · ")
        date = briefing.date
        self.isToday = isToday
        profileName = profile.name
        let returnTo = isToday ? "/" : "/briefings/\(briefing.date)"
        stories = briefing.stories.enumerated().map { index, story in
            StoryCard(
                id: story.id, number: index + 1, headline: story.headline, href: "/stories/\(story.id)", reason: story.reason,
                keyPoints: zip(story.keyPoints, story.keyPointCitations + Array(repeating: [], count: max(0, story.keyPoints.count - story.keyPointCitations.count)))
                    .map { CitedLine(text: $0, citations: $1) },
                intro: CitedLine(text: story.intro, citations: story.introCitations),
                bottomLine: story.bottomLine.text.isEmpty ? nil : CitedLine(story.bottomLine),
                sourceCount: story.sources.count,
                outlets: Self.outlets(story.sources.map(\.outlet)),
                feedback: FeedbackView(storyID: story.id, csrf: csrf, returnTo: returnTo + "#story-\(story.id)", current: feedback[story.id]))
        }
        also = briefing.alsoInTheNews.map { Also(headline: $0.headline, href: "/stories/\($0.id)", reason: $0.reason, outlet: $0.outlet) }
        self.profiles = profiles.map { ProfileChoice(name: $0.name, selected: $0.name == profile.name) }
        hasStories = !stories.isEmpty
        hasAlso = !also.isEmpty
        showProfiles = profiles.count > 1
    }

    static func outlets(_ names: [String]) -> String {
        var seen: [String] = []
        for name in names where !seen.contains(name) { seen.append(name) }
        return seen.joined(separator: ", ")
    }
}
