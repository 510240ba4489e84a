import Foundation

/// A story with its articles, as the ranker and the composer read it.
public struct StoryMaterial: Sendable {
    public var story: Story
    /// Every article of the story, duplicates included, oldest first.
    public var articles: [Article]

    public init(story: Story, articles: [Article]) {
        self.story = story
        self.articles = articles.sorted { ($0.published, $0.id) < ($1.published, $1.id) }
    }

    /// The articles that carry their own text (syndicated copies left out).
    public var originals: [Article] { articles.filter { $0.duplicateOfID == nil } }

    /// Every outlet that carried the story, copies included, in order of first publication.
    public var outlets: [String] {
        var seen: [String] = []
        for article in articles where !seen.contains(article.outlet) { seen.append(article.outlet) }
        return seen
    }
}
