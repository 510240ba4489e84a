import Foundation
import LedeCore
import Testing

@Suite struct StoryClustererTests {
    static let day: TimeInterval = 24 * 3600
    static let start = Date(timeIntervalSince1970: 1_776_643_200)

    static func article(_ title: String, _ text: String, hoursAfterStart: Double = 0) -> ArticleSignature {
        ArticleSignature(title: title, paragraphs: text.components(separatedBy: "\n\n"), published: start.addingTimeInterval(hoursAfterStart * 3600))
    }

    static let earnings = article(
        "Corvane beats forecasts and raises its outlook",
        "Corvane Systems reported first-quarter revenue of $2.3 billion, up 18%, beating analysts' forecasts as orders for data-centre switches grew.\n\nThe company raised its full-year revenue outlook to $9.8 billion. Chief executive Lena Ortiz said AI clusters were driving demand for 800G switches.")
    static let earningsFollowUp = article(
        "Corvane shares jump after strong quarter",
        "Shares of Corvane Systems rose 9% after the networking company beat first-quarter forecasts with revenue of $2.3 billion and lifted its outlook.\n\nAnalysts said the raised outlook of $9.8 billion showed demand for data-centre switches was holding up.",
        hoursAfterStart: 20)
    static let fire = article(
        "Fire halts production at Corvane plant in Penang",
        "A fire broke out overnight at a Corvane Systems factory in Penang, Malaysia, halting production of line cards. No one was injured, local fire officials said.\n\nThe building makes about 30% of the company's line cards, and firefighters needed six hours to bring the blaze under control.",
        hoursAfterStart: 30)
    static let otherCompanyEarnings = article(
        "Halden Micro beats forecasts and raises outlook",
        "Halden Micro reported first-quarter revenue of $640 million, up 11%, beating analysts' forecasts as orders for memory controllers grew.\n\nThe chipmaker raised its full-year outlook. Chief executive Rafael Mendes said storage demand had recovered.",
        hoursAfterStart: 2)

    @Test func followUpJoinsItsStory() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let first = clusterer.place(Self.earnings, outlet: "a.example")
        let second = clusterer.place(Self.earningsFollowUp, outlet: "b.example")
        #expect(first == second)
    }

    @Test func sameCompanyDifferentEventStaysApart() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let earnings = clusterer.place(Self.earnings, outlet: "a.example")
        let fire = clusterer.place(Self.fire, outlet: "b.example")
        #expect(earnings != fire)
    }

    @Test func lookAlikeEventAtAnotherCompanyStaysApart() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let corvane = clusterer.place(Self.earnings, outlet: "a.example")
        let halden = clusterer.place(Self.otherCompanyEarnings, outlet: "b.example")
        #expect(corvane != halden)
    }

    @Test func storiesOutsideTheWindowAreNotJoined() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        let first = clusterer.place(Self.earnings, outlet: "a.example")
        var late = Self.earningsFollowUp
        late.published = Self.start.addingTimeInterval(20 * Self.day)
        #expect(clusterer.place(late, outlet: "b.example") != first)
    }

    @Test func resumesFromStoredStories() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        _ = clusterer.place(Self.earnings, outlet: "a.example")
        let opened = clusterer.changedStories[0]
        let stored = Story(id: 7, headline: opened.headline, firstPublished: opened.firstPublished, lastPublished: opened.lastPublished, signature: opened.signature)
        var resumed = StoryClusterer(stories: [stored], frequencies: DocumentFrequencies())
        #expect(resumed.place(Self.earningsFollowUp, outlet: "b.example") == .existing(storyID: 7))
        #expect(resumed.changedStories.map(\.id) == [7])
    }

    @Test func aCommittedClustererGoesOnWithTheStoredIDs() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        guard case .new(let key) = clusterer.place(Self.earnings, outlet: "a.example") else {
            Issue.record("the first article opens a story")
            return
        }
        let committed = clusterer.committed(storyIDs: [key: 7])
        #expect(committed)
        #expect(clusterer.changedStories.isEmpty)
        let placement = clusterer.place(Self.earningsFollowUp, outlet: "b.example")
        #expect(placement == .existing(storyID: 7))
        #expect(clusterer.changedStories.map(\.id) == [7])
    }

    @Test func aCommitWithoutTheNewStoriesIDsIsRefused() {
        var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
        _ = clusterer.place(Self.earnings, outlet: "a.example")
        let committed = clusterer.committed(storyIDs: [:])
        #expect(!committed)
    }

    @Test func refreshingLetsGoOfStoriesOutsideTheWindow() {
        let stored = [
            Story(id: 1, headline: "old", firstPublished: Self.start, lastPublished: Self.start, signature: StorySignature()),
            Story(id: 2, headline: "recent", firstPublished: Self.start, lastPublished: Self.start.addingTimeInterval(5 * Self.day), signature: StorySignature()),
        ]
        var clusterer = StoryClusterer(stories: stored, frequencies: DocumentFrequencies(), heldSince: Self.start)
        let windowStart = Self.start.addingTimeInterval(Self.day)
        #expect(clusterer.storiesInactive(since: windowStart) == 1)
        clusterer.refresh(frequencies: nil, keepingStoriesActiveSince: windowStart)
        #expect(clusterer.storyCount == 1)
        #expect(clusterer.heldSince == windowStart)
    }
}
