import Foundation

/// A story's articles in time order, each with what it added: the figures and names no
/// earlier article of the story had. Answers "what changed since yesterday?".
public struct StoryTimeline: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var articleID: Int64
        public var outlet: String
        public var url: String
        public var title: String
        public var published: Date
        /// Figures this article states that no earlier article did, with their sentences.
        public var newFigures: [FigureMention]
        /// Names this article mentions that no earlier article did.
        public var newNames: [String]
        /// A copy of an earlier article (syndicated), which adds nothing of its own.
        public var isCopy: Bool
    }

    public var entries: [Entry]

    /// - Parameter articles: the story's articles, in any order.
    public init(articles: [Article]) {
        var seenFigures = Set<String>()
        var seenNames = Set<String>()
        var entries: [Entry] = []
        for article in articles.sorted(by: { ($0.published, $0.id) < ($1.published, $1.id) }) {
            let sentences = article.paragraphs.flatMap(SentenceSplitter.sentences(in:))
            var newFigures: [FigureMention] = []
            var newNames: [String] = []
            if article.duplicateOfID == nil {
                for sentence in sentences {
                    for figure in FigureExtractor.figures(in: sentence) where figure.kind != .date && !seenFigures.contains(figure.key) {
                        seenFigures.insert(figure.key)
                        newFigures.append(FigureMention(figure: figure, sentence: sentence, outlet: article.outlet, url: article.url))
                    }
                }
                for entity in EntityExtractor.entities(inSentences: [article.title] + sentences) where !seenNames.contains(entity.key) {
                    seenNames.insert(entity.key)
                    newNames.append(entity.name)
                }
            }
            entries.append(
                Entry(
                    articleID: article.id, outlet: article.outlet, url: article.url, title: article.title,
                    published: article.published, newFigures: newFigures, newNames: newNames,
                    isCopy: article.duplicateOfID != nil))
        }
        self.entries = entries
    }

    /// What articles published after `date` added to the story.
    public func changes(since date: Date) -> [Entry] {
        guard entries.contains(where: { $0.published <= date }) else { return [] }
        return entries.filter { $0.published > date && !$0.isCopy && (!$0.newFigures.isEmpty || !$0.newNames.isEmpty) }
    }
}

/// A figure with the sentence and source that state it.
public struct FigureMention: Sendable, Hashable, Codable {
    public var figure: Figure
    public var sentence: String
    public var outlet: String
    public var url: String

    public init(figure: Figure, sentence: String, outlet: String, url: String) {
        self.figure = figure
        self.sentence = sentence
        self.outlet = outlet
        self.url = url
    }
}
