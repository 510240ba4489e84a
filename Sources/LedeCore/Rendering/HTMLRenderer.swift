import Foundation

/// A briefing as a standalone HTML page that reads well on a screen and in print.
/// Every value is escaped; the page has no script.
public struct HTMLRenderer: Sendable {
    public init() {}

    public func render(_ briefing: Briefing) -> String {
        var body = ""
        body += "<header><p class=\"kicker\">Lede · \(escape(briefing.profile))</p><h1>Your briefing for \(escape(EditionDate.long(briefing.date)))</h1>"
        if !briefing.stories.isEmpty {
            body += "<nav aria-label=\"Stories\"><ol>"
            for story in briefing.stories { body += "<li><a href=\"#story-\(story.id)\">\(escape(story.headline))</a></li>" }
            body += "</ol></nav>"
        }
        body += "</header>\n<main>"
        if briefing.stories.isEmpty { body += "<p>No stories yet.</p>" }
        for story in briefing.stories { body += article(story) }
        if !briefing.alsoInTheNews.isEmpty {
            body += "<section class=\"also\" aria-labelledby=\"also-heading\"><h2 id=\"also-heading\">Also in the news</h2><ul>"
            for item in briefing.alsoInTheNews {
                body += "<li><a href=\"\(escape(item.url))\" rel=\"noopener noreferrer\">\(escape(item.headline))</a> <span class=\"outlet\">\(escape(item.outlet))</span></li>"
            }
            body += "</ul></section>"
        }
        if !briefing.stories.isEmpty { body += "<p class=\"check\">\(escape(CheckSummary.line(briefing.check)))</p>" }
        body += "</main>"
        return page(title: "Lede briefing, \(briefing.date)", body: body)
    }

    public func article(_ story: StoryBriefing) -> String {
        var html = "\n<article id=\"story-\(story.id)\" aria-labelledby=\"headline-\(story.id)\">"
        html += "<h2 id=\"headline-\(story.id)\">\(escape(story.headline))</h2>"
        html += "<p class=\"reason\">\(escape(story.reason))</p>"
        html += "<ul class=\"key-points\">" + story.keyPoints.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        html += "<p class=\"intro\">\(escape(story.intro)) \(cite(story.introCitations))</p>"
        for section in story.sections {
            html += "<section><h3>\(escape(section.question))</h3>"
            html += section.paragraphs.map { "<p>\(escape($0.text)) \(cite($0.citations))</p>" }.joined()
            html += "</section>"
        }
        if !story.bottomLine.text.isEmpty {
            html += "<section class=\"bottom-line\"><h3>Bottom line?</h3><p>\(escape(story.bottomLine.text)) \(cite(story.bottomLine.citations))</p></section>"
        }
        for disagreement in story.disagreements {
            html += "<p class=\"disagreement\" role=\"note\"><strong>Sources disagree.</strong> \(escape(disagreement.note))</p>"
        }
        if !story.figures.isEmpty {
            html += "<details class=\"figures\"><summary>Key figures</summary><dl>"
            for figure in story.figures {
                html += "<dt>\(escape(figure.text))</dt><dd>\(escape(figure.sentence)) \(cite([Citation(outlet: figure.outlet, url: figure.url)]))</dd>"
            }
            html += "</dl></details>"
        }
        html += "<details class=\"sources\"><summary>Sources (\(story.sources.count))</summary><ul>"
        for source in story.sources {
            html += "<li><a href=\"\(escape(source.url))\" rel=\"noopener noreferrer\">\(escape(source.title))</a> <span class=\"outlet\">\(escape(source.outlet))</span></li>"
        }
        html += "</ul></details></article>"
        return html
    }

    func cite(_ citations: [Citation]) -> String {
        var seen = Set<String>()
        return citations.filter { seen.insert($0.outlet).inserted }
            .map { "<a class=\"cite\" href=\"\(escape($0.url))\" rel=\"noopener noreferrer\">(\(escape($0.outlet)))</a>" }
            .joined(separator: " ")
    }

    /// One story as a standalone page to share, marked "Shared from Lede".
    public func sharePage(_ story: StoryBriefing) -> String {
        let body = "<header><p class=\"kicker\">Shared from Lede</p></header>\n<main>" + article(story)
            + "<p class=\"check\">\(escape(CheckSummary.line(story.check)))</p></main>"
            + "<footer><p class=\"kicker\">Shared from Lede · every statement is quoted from the source it cites</p></footer>"
        return page(title: story.headline + " · Shared from Lede", body: body)
    }

    func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        :root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5a5a60; --accent: #0b5cad; --rule: #d9d9de; --paper: #fdfcf9; }
        @media (prefers-color-scheme: dark) { :root { --ink: #ececef; --muted: #a8a8b0; --accent: #7db4ff; --rule: #3a3a40; --paper: #16161a; } }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 18px/1.6 Georgia, "Iowan Old Style", serif; }
        header, main, footer { max-width: 42rem; margin: 0 auto; padding: 0 1.25rem; }
        .also li { margin: 0.4rem 0; } .check { font-family: system-ui, sans-serif; font-size: 0.8rem; color: var(--muted); margin: 2rem 0; }
        header { padding-top: 2rem; border-bottom: 1px solid var(--rule); }
        .kicker, .reason, .outlet, nav, summary { font-family: system-ui, sans-serif; font-size: 0.85rem; color: var(--muted); }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 1rem; }
        h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.25rem; }
        h3 { font-family: system-ui, sans-serif; font-size: 1rem; margin: 1.5rem 0 0.25rem; }
        nav ol { padding-left: 1.2rem; } nav a { color: var(--ink); }
        article { padding: 2rem 0; border-bottom: 1px solid var(--rule); }
        .key-points { padding-left: 1.2rem; } .key-points li { margin: 0.5rem 0; } .key-points li::marker { color: var(--accent); }
        .intro { font-size: 1.05rem; }
        a { color: var(--accent); } a.cite { font-family: system-ui, sans-serif; font-size: 0.8rem; text-decoration: none; white-space: nowrap; }
        a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
        .disagreement { font-family: system-ui, sans-serif; font-size: 0.9rem; border-left: 3px solid #c77700; padding: 0.3rem 0.8rem; }
        details { margin-top: 1rem; } dt { font-weight: 700; font-family: system-ui, sans-serif; } dd { margin: 0 0 0.6rem; color: var(--muted); font-size: 0.95rem; }
        @media print { body { background: white; color: black; font-size: 11pt; } nav { display: none; } details { display: block; } article { break-inside: avoid-page; } a { color: black; } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Escapes text for HTML element content and quoted attribute values.
    public func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
