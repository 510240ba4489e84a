import Foundation
import LedeCore

/// One story's page: the explainer, key figures, timeline, sources and an ask box.
struct StoryPageView: Sendable {
    struct Section: Sendable {
        var question: String
        var paragraphs: [CitedLine]
    }

    struct FigureRow: Sendable {
        var text: String
        var sentence: String
        var cite: CitedLine.Cite
    }

    struct TimelineEntry: Sendable {
        var when: String
        var iso: String
        var outlet: String
        var title: String
        var href: String?
        var isCopy: Bool
        var added: String?
    }

    struct SourceRow: Sendable {
        var title: String
        var href: String?
        var outlet: String
        var published: String
        var iso: String
    }

    var id: Int64
    var headline: String
    var outlets: String
    var firstSeen: String
    var lastSeen: String
    var lastSeenISO: String
    var keyPoints: [CitedLine]
    var intro: CitedLine?
    var sections: [Section]
    var bottomLine: CitedLine?
    var disagreements: [String]
    var hasDisagreements = false
    var disagreementCount = 0
    var figures: [FigureRow]
    var hasFigures = false
    var timeline: [TimelineEntry]
    var sources: [SourceRow]
    var hasExplainer: Bool
    var feedback: FeedbackView?
    var csrf: String
    /// The public link just created, shown once.
    var shareURL: String?
    var isPublic: Bool

    init(detail: StoryLookup.Detail, csrf: String, feedback: Feedback.Kind?, shareURL: String? = nil, isPublic: Bool = false) {
        let story = detail.story
        let explainer = detail.explainer
        id = story.id
        headline = explainer?.headline ?? story.headline
        outlets = BriefingPageView.outlets(detail.articles.map(\.outlet))
        firstSeen = DisplayDate.dateTime(story.firstPublished)
        lastSeen = DisplayDate.dateTime(story.lastPublished)
        lastSeenISO = DisplayDate.iso(story.lastPublished)
        hasExplainer = explainer != nil
        keyPoints = explainer.map { explainer in
            explainer.keyPoints.enumerated().map { index, point in
                CitedLine(text: point, citations: index < explainer.keyPointCitations.count ? explainer.keyPointCitations[index] : [])
            }
        } ?? []
        intro = explainer.map { CitedLine(text: $0.intro, citations: $0.introCitations) }
        sections = explainer?.sections.map { Section(question: $0.question, paragraphs: $0.paragraphs.map(CitedLine.init)) } ?? []
        bottomLine = explainer.flatMap { $0.bottomLine.text.isEmpty ? nil : CitedLine($0.bottomLine) }
        disagreements = detail.disagreements.map(\.note)
        hasDisagreements = !disagreements.isEmpty
        disagreementCount = disagreements.count
        if let explainer, !explainer.figures.isEmpty {
            figures = explainer.figures.map {
                FigureRow(text: $0.text, sentence: $0.sentence, cite: CitedLine.Cite(outlet: $0.outlet, href: SafeLink.href($0.url)))
            }
        } else {
            figures = detail.timeline.entries.flatMap(\.newFigures).prefix(12).map {
                FigureRow(text: $0.figure.display, sentence: $0.sentence, cite: CitedLine.Cite(outlet: $0.outlet, href: SafeLink.href($0.url)))
            }
        }
        hasFigures = !figures.isEmpty
        timeline = detail.timeline.entries.map { entry in
            var added: [String] = []
            if !entry.newFigures.isEmpty { added.append("new figures: " + entry.newFigures.prefix(4).map(\.figure.display).joined(separator: ", ")) }
            if !entry.newNames.isEmpty { added.append("new names: " + entry.newNames.prefix(4).joined(separator: ", ")) }
            return TimelineEntry(
                when: DisplayDate.dateTime(entry.published), iso: DisplayDate.iso(entry.published), outlet: entry.outlet, title: entry.title,
                href: SafeLink.href(entry.url), isCopy: entry.isCopy, added: added.isEmpty ? nil : added.joined(separator: "; "))
        }
        sources = detail.originals.map {
            SourceRow(title: $0.title, href: SafeLink.href($0.url), outlet: $0.outlet, published: DisplayDate.dateTime($0.published), iso: DisplayDate.iso($0.published))
        }
        self.feedback = isPublic ? nil : FeedbackView(storyID: story.id, csrf: csrf, returnTo: "/stories/\(story.id)", current: feedback)
        self.csrf = csrf
        self.shareURL = shareURL
        self.isPublic = isPublic
    }
}
