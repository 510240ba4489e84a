import Foundation

/// A day's edition for one profile: the stories picked for the reader, each explained.
/// Its JSON form is a contract read from outside (see README), so keys only ever get added.
public struct Briefing: Sendable, Hashable, Codable {
    /// The edition's day, `YYYY-MM-DD`.
    public var date: String
    public var profile: String
    public var stories: [StoryBriefing]
    /// A few more stories, one line each, after the edition's main stories.
    public var alsoInTheNews: [HeadlineItem]
    /// The figure and name check over every story of the edition.
    public var check: BriefingCheck

    public init(date: String, profile: String, stories: [StoryBriefing], alsoInTheNews: [HeadlineItem] = []) {
        self.date = date
        self.profile = profile
        self.stories = stories
        self.alsoInTheNews = alsoInTheNews
        var check = BriefingCheck()
        for story in stories { check.add(story.check) }
        self.check = check
    }

    enum CodingKeys: String, CodingKey { case date, profile, stories, alsoInTheNews, check }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(String.self, forKey: .date)
        profile = try container.decode(String.self, forKey: .profile)
        stories = try container.decode([StoryBriefing].self, forKey: .stories)
        alsoInTheNews = try container.decodeIfPresent([HeadlineItem].self, forKey: .alsoInTheNews) ?? []
        check = try container.decodeIfPresent(BriefingCheck.self, forKey: .check) ?? BriefingCheck()
    }
}

/// A story named in one line: "Also in the news".
public struct HeadlineItem: Sendable, Hashable, Codable {
    public var id: Int64
    public var headline: String
    public var reason: String
    public var outlet: String
    public var url: String

    public init(id: Int64, headline: String, reason: String, outlet: String, url: String) {
        self.id = id
        self.headline = headline
        self.reason = reason
        self.outlet = outlet
        self.url = url
    }
}

/// One story as the reader gets it: headline, key points, an opening paragraph, questions
/// answered from the sources, a bottom line, the key figures and the sources.
public struct StoryBriefing: Sendable, Hashable, Codable {
    public var id: Int64
    public var headline: String
    /// Why this story was picked for the reader, in one line.
    public var reason: String
    /// Exactly three sentences, each stating a distinct fact.
    public var keyPoints: [String]
    /// The sources of each key point, in the same order as `keyPoints`.
    public var keyPointCitations: [[Citation]]
    public var intro: String
    public var introCitations: [Citation]
    public var sections: [BriefingSection]
    public var bottomLine: CitedText
    public var figures: [KeyFigure]
    /// Where the sources give different figures for the same thing.
    public var disagreements: [FigureDisagreement]
    public var sources: [SourceReference]
    /// The figure and name check of this story's statements against their cited sources.
    public var check: BriefingCheck

    public init(
        id: Int64, headline: String, reason: String, keyPoints: [String], keyPointCitations: [[Citation]],
        intro: String, introCitations: [Citation], sections: [BriefingSection], bottomLine: CitedText,
        figures: [KeyFigure], disagreements: [FigureDisagreement] = [], sources: [SourceReference]
    ) {
        self.id = id
        self.headline = headline
        self.reason = reason
        self.keyPoints = keyPoints
        self.keyPointCitations = keyPointCitations
        self.intro = intro
        self.introCitations = introCitations
        self.sections = sections
        self.bottomLine = bottomLine
        self.figures = figures
        self.disagreements = disagreements
        self.sources = sources
        self.check = BriefingCheck()
    }
}

/// A question a reader would ask, answered in short paragraphs that each end with their outlets.
public struct BriefingSection: Sendable, Hashable, Codable {
    public var question: String
    /// The answer as the reader sees it: paragraphs separated by a blank line, each ending
    /// with its outlets in parentheses, as `(harbor-ledger.example)`.
    public var answer: String
    public var citations: [Citation]
    /// The same answer with each paragraph's sentences and sources kept apart.
    public var paragraphs: [CitedText]

    public init(question: String, paragraphs: [CitedText]) {
        self.question = question
        self.paragraphs = paragraphs
        self.answer = paragraphs.map(\.renderedWithOutlets).joined(separator: "\n\n")
        var seen = Set<Citation>()
        self.citations = paragraphs.flatMap(\.citations).filter { seen.insert($0).inserted }
    }
}

/// Source sentences with the articles they come from.
public struct CitedText: Sendable, Hashable, Codable {
    public var text: String
    public var citations: [Citation]

    public init(text: String, citations: [Citation]) {
        self.text = text
        self.citations = citations
    }

    /// The text followed by its outlets in parentheses.
    public var renderedWithOutlets: String {
        var outlets: [String] = []
        for citation in citations where !outlets.contains(citation.outlet) { outlets.append(citation.outlet) }
        return ([text] + outlets.map { "(\($0))" }).joined(separator: " ")
    }
}

public struct Citation: Sendable, Hashable, Codable {
    public var outlet: String
    public var url: String

    public init(outlet: String, url: String) {
        self.outlet = outlet
        self.url = url
    }
}

/// A figure that matters to the story, as written, with the sentence and source it came from.
public struct KeyFigure: Sendable, Hashable, Codable {
    /// The figure in its normalised short form, e.g. `$33B`, `5 GW`, `12%`.
    public var text: String
    /// The figure as the source wrote it, e.g. `up to $33 billion`.
    public var asWritten: String
    public var kind: Figure.Kind
    public var sentence: String
    public var outlet: String
    public var url: String

    public init(text: String, asWritten: String, kind: Figure.Kind, sentence: String, outlet: String, url: String) {
        self.text = text
        self.asWritten = asWritten
        self.kind = kind
        self.sentence = sentence
        self.outlet = outlet
        self.url = url
    }
}

public struct SourceReference: Sendable, Hashable, Codable {
    public var outlet: String
    public var url: String
    public var title: String
    public var published: Date

    public init(outlet: String, url: String, title: String, published: Date) {
        self.outlet = outlet
        self.url = url
        self.title = title
        self.published = published
    }
}
