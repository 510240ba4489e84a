import Foundation

/// A briefing as Markdown, for notes apps and email.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ briefing: Briefing) -> String {
        var out = "# Your briefing for \(EditionDate.long(briefing.date))\n\n_Profile: \(escape(briefing.profile))_\n"
        if briefing.stories.isEmpty { out += "\nNo stories yet.\n" }
        for story in briefing.stories {
            out += "\n## \(escape(story.headline))\n\n_\(escape(story.reason))_\n\n"
            for point in story.keyPoints { out += "- \(escape(point))\n" }
            out += "\n\(escape(CitedText(text: story.intro, citations: story.introCitations).renderedWithOutlets))\n"
            for section in story.sections {
                out += "\n### \(escape(section.question))\n\n"
                out += section.paragraphs.map { escape($0.renderedWithOutlets) }.joined(separator: "\n\n") + "\n"
            }
            if !story.bottomLine.text.isEmpty {
                out += "\n### Bottom line?\n\n\(escape(story.bottomLine.renderedWithOutlets))\n"
            }
            for disagreement in story.disagreements {
                out += "\n> **Note:** \(escape(disagreement.note))\n"
            }
            if !story.figures.isEmpty {
                out += "\n**Key figures**\n\n"
                for figure in story.figures { out += "- **\(escape(figure.text))**: \(escape(figure.sentence)) ([\(figure.outlet)](\(figure.url)))\n" }
            }
            out += "\n**Sources**\n\n"
            for source in story.sources { out += "- [\(escape(source.title))](\(source.url)) (\(source.outlet))\n" }
        }
        if !briefing.alsoInTheNews.isEmpty {
            out += "\n## Also in the news\n\n"
            for item in briefing.alsoInTheNews { out += "- [\(escape(item.headline))](\(item.url)) (\(item.outlet))\n" }
        }
        if !briefing.stories.isEmpty { out += "\n_\(escape(CheckSummary.line(briefing.check)))_\n" }
        return out
    }

    /// Escapes the characters Markdown would read as formatting.
    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
