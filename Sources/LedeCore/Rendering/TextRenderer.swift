/// A briefing for the terminal: plain text, wrapped to a width.
public struct TextRenderer: Sendable {
    public var width: Int
    /// Bold headlines and dim reasons with ANSI escapes, for a terminal.
    public var colour: Bool

    public init(width: Int = 88, colour: Bool = false) {
        self.width = width
        self.colour = colour
    }

    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    public func render(_ briefing: Briefing) -> String {
        var lines: [String] = []
        lines.append(bold("Your briefing for \(EditionDate.long(briefing.date))") + " (\(briefing.profile))")
        lines.append(String(repeating: "=", count: min(width, 60)))
        if briefing.stories.isEmpty {
            lines.append("")
            lines.append("No stories yet. Add sources with `lede sources add URL`, then run `lede fetch`.")
        }
        for (number, story) in briefing.stories.enumerated() {
            lines.append("")
            lines.append(contentsOf: wrap("\(number + 1). \(story.headline)", indent: "   ").map(bold))
            lines.append(dim("   \(story.reason)"))
            lines.append("")
            for point in story.keyPoints { lines.append(contentsOf: wrap("• " + point, indent: "  ")) }
            lines.append("")
            lines.append(contentsOf: wrap(CitedText(text: story.intro, citations: story.introCitations).renderedWithOutlets, indent: ""))
            for section in story.sections {
                lines.append("")
                lines.append(bold("▸ \(section.question)"))
                for paragraph in section.paragraphs { lines.append(contentsOf: wrap(paragraph.renderedWithOutlets, indent: "  ")) }
            }
            if !story.bottomLine.text.isEmpty {
                lines.append("")
                lines.append(bold("▸ Bottom line?"))
                lines.append(contentsOf: wrap(story.bottomLine.renderedWithOutlets, indent: "  "))
            }
            for disagreement in story.disagreements {
                lines.append("")
                lines.append(contentsOf: wrap("⚠ " + disagreement.note, indent: "  "))
            }
            if !story.figures.isEmpty {
                lines.append("")
                lines.append(contentsOf: wrap("Key figures: " + story.figures.map { "\($0.text) (\($0.outlet))" }.joined(separator: " · "), indent: "  "))
            }
            lines.append(contentsOf: wrap("Sources: " + Array(Set(story.sources.map(\.outlet))).sorted().joined(separator: ", "), indent: "  "))
        }
        if !briefing.alsoInTheNews.isEmpty {
            lines.append("")
            lines.append(bold("Also in the news"))
            for item in briefing.alsoInTheNews { lines.append(contentsOf: wrap("• \(item.headline) (\(item.outlet))", indent: "  ")) }
        }
        if !briefing.stories.isEmpty {
            lines.append("")
            lines.append(contentsOf: wrap(CheckSummary.line(briefing.check), indent: "").map(dim))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func wrap(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let prefix = lines.isEmpty && current.isEmpty ? "" : indent
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current = current.isEmpty ? prefix + word : current + " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
