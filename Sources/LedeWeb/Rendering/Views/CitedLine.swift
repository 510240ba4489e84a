import LedeCore

/// A statement with the outlets it came from, each a link to the article.
struct CitedLine: Sendable {
    struct Cite: Sendable {
        var outlet: String
        var href: String?
    }

    var text: String
    var citations: [Cite]

    init(text: String, citations: [Citation]) {
        self.text = text
        var seen = Set<String>()
        self.citations = citations.filter { seen.insert($0.outlet).inserted }.map { Cite(outlet: $0.outlet, href: SafeLink.href($0.url)) }
    }

    init(_ cited: CitedText) {
        self.init(text: cited.text, citations: cited.citations)
    }
}

/// The three feedback buttons under a story, with the reader's current choice pressed.
struct FeedbackView: Sendable {
    var storyID: Int64
    var csrf: String
    var returnTo: String
    var more: Bool
    var less: Bool
    var mute: Bool

    init(storyID: Int64, csrf: String, returnTo: String, current: Feedback.Kind?) {
        self.storyID = storyID
        self.csrf = csrf
        self.returnTo = returnTo
        more = current == .more
        less = current == .less
        mute = current == .mute
    }
}
