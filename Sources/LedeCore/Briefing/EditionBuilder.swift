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
    /// How many stories the "Also in the news" list names after the edition's own.
    public var alsoInTheNewsCount = 5

    public func build(
        from materials: [StoryMaterial], profile: Profile, date: String, now: Date, alreadyBriefed: Set<Int64> = [],
        signals: ReaderSignals = ReaderSignals()
    ) -> Briefing {
        let muted = Set(profile.mutedSources.map { $0.lowercased() })
        let visible = materials.compactMap { material -> StoryMaterial? in
            guard !muted.isEmpty else { return material }
            let kept = material.articles.filter { !muted.contains($0.outlet.lowercased()) }
            return kept.contains { $0.duplicateOfID == nil } ? StoryMaterial(story: material.story, articles: kept) : nil
        }
        let ranked = ranker.rank(visible, for: profile, now: now, alreadyBriefed: alreadyBriefed, signals: signals)
        var stories: [StoryBriefing] = []
        var rest: [StoryRanker.RankedStory] = []
        for candidate in ranked {
            if stories.count < max(1, profile.storyCount),
                let story = composer.compose(candidate.material, reason: candidate.reason, now: now, profile: profile)
            {
                stories.append(story)
            } else if stories.count >= max(1, profile.storyCount) {
                rest.append(candidate)
            }
        }
        let also = rest.prefix(alsoInTheNewsCount).compactMap { candidate -> HeadlineItem? in
            guard let lead = candidate.material.originals.first else { return nil }
            let headline = composer.headline(candidate.material, pool: SentencePool(articles: candidate.material.originals))
            return HeadlineItem(id: candidate.material.story.id, headline: headline, reason: candidate.reason, outlet: lead.outlet, url: lead.url)
        }
        return Briefing(date: date, profile: profile.name, stories: stories, alsoInTheNews: also)
    }
}
