import Foundation
import LedeCore
import Testing

@Suite struct StoryRankerTests {
    static let now = BriefingComposerTests.now

    static func material(_ id: Int64, title: String, outlets: [String], hoursAgo: Double = 5) -> StoryMaterial {
        let articles = outlets.enumerated().map { index, outlet in
            BriefingComposerTests.article(id * 10 + Int64(index), outlet, title, ["\(title). It is a story with enough words to read."], hours: 20 - hoursAgo)
        }
        return StoryMaterial(
            story: Story(id: id, headline: title, firstPublished: now.addingTimeInterval(-hoursAgo * 3600), lastPublished: now.addingTimeInterval(-hoursAgo * 3600), signature: StorySignature()),
            articles: articles)
    }

    static let stories = [
        material(1, title: "Central bank holds rates steady", outlets: ["a.example", "b.example", "c.example", "d.example"]),
        material(2, title: "AWS opens a new region in Spain", outlets: ["a.example"]),
        material(3, title: "Football club sold to investors", outlets: ["a.example", "b.example"]),
    ]

    @Test func aFollowedCompanyComesFirst() {
        let profile = Profile(name: "me", role: "strategist", industry: "cloud", interests: ["AWS"])
        let ranked = StoryRanker().rank(Self.stories, for: profile, now: Self.now)
        #expect(ranked.first?.material.story.id == 2)
        #expect(ranked.first?.reason.hasPrefix("You follow AWS") == true)
    }

    @Test func withoutInterestsWiderCoverageComesFirst() {
        let ranked = StoryRanker().rank(Self.stories, for: Profile(name: "me", role: "reader", industry: "news"), now: Self.now)
        #expect(ranked.first?.material.story.id == 1)
        #expect(ranked.first?.reason.contains("4 outlets") == true)
    }

    @Test func mutedStoriesAreLeftOut() {
        let profile = Profile(name: "me", role: "reader", industry: "news", mutes: ["football"])
        #expect(!StoryRanker().rank(Self.stories, for: profile, now: Self.now).contains { $0.material.story.id == 3 })
    }
}
