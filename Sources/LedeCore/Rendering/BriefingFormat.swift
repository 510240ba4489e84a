/// The ways a briefing can be written out.
public enum BriefingFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, atom, jsonfeed

    /// - Parameter terminal: the terminal's width and whether it shows colour (text only).
    public func render(_ briefing: Briefing, terminal: (width: Int, colour: Bool)? = nil) -> String {
        switch self {
        case .text: TextRenderer(width: terminal?.width ?? 88, colour: terminal?.colour ?? false).render(briefing)
        case .markdown: MarkdownRenderer().render(briefing)
        case .html: HTMLRenderer().render(briefing)
        case .json: JSONRendering.string(briefing)
        case .atom: EditionFeedRenderer(feedURL: "urn:lede:\(briefing.profile)", siteURL: nil).atom([briefing])
        case .jsonfeed: EditionFeedRenderer(feedURL: "urn:lede:\(briefing.profile)", siteURL: nil).jsonFeed([briefing])
        }
    }
}
