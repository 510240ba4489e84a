/// The ways a briefing can be written out.
public enum BriefingFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json

    public func render(_ briefing: Briefing) -> String {
        switch self {
        case .text: TextRenderer().render(briefing)
        case .markdown: MarkdownRenderer().render(briefing)
        case .html: HTMLRenderer().render(briefing)
        case .json: JSONRendering.string(briefing)
        }
    }
}
