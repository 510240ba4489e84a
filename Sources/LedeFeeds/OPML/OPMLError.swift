/// Why bytes could not be read as OPML.
public enum OPMLError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    /// The document's root element is not `<opml>`.
    case notOPML(rootElement: String?)

    public var description: String {
        switch self {
        case .empty:
            "The subscription list is empty."
        case .notOPML(let root):
            "The subscription list is not OPML: its root element is \(root.map { "<\($0)>" } ?? "missing"); "
                + "export it from your reader as OPML."
        }
    }
}
