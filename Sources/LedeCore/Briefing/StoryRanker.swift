import Foundation

/// Orders stories for a reader: relevance to the profile first, then importance (how many
/// outlets cover it, how recent and how fast it is growing), then novelty.
public struct StoryRanker: Sendable {
    public init() {}

    public struct RankedStory: Sendable {
        public var material: StoryMaterial
        public var score: Double
        /// Why the story was picked, in one line: "You follow AWS · 4 outlets · developing since yesterday".
        public var reason: String
    }

    /// - Parameters:
    ///   - now: the moment the edition is written for; recency is measured from it.
    ///   - alreadyBriefed: stories the reader has seen in earlier editions.
    ///   - signals: the reader's feedback on earlier stories.
    public func rank(
        _ materials: [StoryMaterial], for profile: Profile, now: Date, alreadyBriefed: Set<Int64> = [], signals: ReaderSignals = ReaderSignals()
    ) -> [RankedStory] {
        let interests = profile.interests.map { (label: $0, phrase: Self.phrase($0)) }.filter { !$0.phrase.isEmpty }
        let mutes = profile.mutes.map(Self.phrase).filter { !$0.isEmpty }
        let followedOutlets = Set(profile.followedSources.map { $0.lowercased() })
        var ranked: [RankedStory] = []
        for material in materials where !material.originals.isEmpty && !signals.mutedStories.contains(material.story.id) {
            let titles = " " + material.articles.map { Terms.words(in: $0.title).joined(separator: " ") }.joined(separator: " | ") + " "
            let leads = " " + material.originals.map { Terms.words(in: $0.paragraphs.prefix(2).joined(separator: " ")).joined(separator: " ") }.joined(separator: " | ") + " "
            let bodies = " " + material.originals.map { Terms.words(in: $0.text).joined(separator: " ") }.joined(separator: " | ") + " "
            if mutes.contains(where: { titles.contains(" \($0) ") || leads.contains(" \($0) ") }) { continue }

            var relevance = 0.0
            var matched: [String] = []
            for interest in interests {
                let needle = " \(interest.phrase) "
                var score = 0.0
                if titles.contains(needle) { score += 3 }
                if leads.contains(needle) { score += 2 }
                if bodies.contains(needle) { score += 1 }
                if score > 0 {
                    relevance += score
                    matched.append(interest.label)
                }
            }
            let outletCount = material.outlets.count
            let hoursOld = max(0, now.timeIntervalSince(material.story.lastPublished) / 3600)
            let recency = exp(-hoursOld / 36)
            let recent = material.articles.filter { now.timeIntervalSince($0.published) < 24 * 3600 }.count
            let growth = Double(recent) / Double(max(1, material.articles.count))
            let importance = log2(1 + Double(outletCount)) + 0.5 * recency + 0.3 * growth
            // Already briefed: old news, unless it developed since (new articles today).
            let novelty = alreadyBriefed.contains(material.story.id) ? (recent > 0 ? -0.2 : -1.0) : 0
            let followedOutlet = material.outlets.first { followedOutlets.contains($0.lowercased()) }
            var feedback = 1.5 * signals.affinity(material.story.signature)
            if signals.moreStories.contains(material.story.id) { feedback += 1 }
            if signals.lessStories.contains(material.story.id) { feedback -= 1.5 }
            let score = 1.5 * min(1, relevance / 6) + importance + novelty + feedback + (followedOutlet == nil ? 0 : 0.4)
            var reason = Self.reason(material, matched: matched, now: now)
            if feedback > 0.3 { reason = "More like stories you asked for · " + reason }
            if let followedOutlet, matched.isEmpty { reason = "From \(followedOutlet), which you follow · " + reason }
            ranked.append(RankedStory(material: material, score: score, reason: reason))
        }
        return ranked.sorted { ($0.score, $1.material.story.id) > ($1.score, $0.material.story.id) }
    }

    /// An interest or mute as a run of words, matched on word boundaries.
    static func phrase(_ term: String) -> String { Terms.words(in: term).joined(separator: " ") }

    static func reason(_ material: StoryMaterial, matched: [String], now: Date) -> String {
        var parts: [String] = []
        if let first = matched.first {
            parts.append(matched.count > 1 ? "You follow \(first) and \(matched[1])" : "You follow \(first)")
        }
        let outlets = material.outlets.count
        parts.append(outlets == 1 ? "1 outlet" : "\(outlets) outlets")
        let startOfToday = now.addingTimeInterval(-24 * 3600)
        if material.story.firstPublished < startOfToday && material.story.lastPublished >= startOfToday {
            let days = Int(now.timeIntervalSince(material.story.firstPublished) / (24 * 3600))
            parts.append(days <= 1 ? "developing since yesterday" : "developing for \(days) days")
        } else if material.story.firstPublished >= startOfToday {
            parts.append("new today")
        }
        return parts.joined(separator: " · ")
    }
}
