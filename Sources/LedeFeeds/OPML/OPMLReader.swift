/// Builds an `OPMLDocument` from the forgiving XML reader's events.
final class OPMLReader: XMLEventSink {
    private(set) var document = OPMLDocument()
    private(set) var rootName: String?
    /// Outlines being read, innermost last; `nil` entries stand for other elements.
    private var stack: [OPMLOutline?] = []
    private var headField: String?
    private var text: [UInt8] = []

    var isInsideMarkup: Bool { false }

    func declareNamespace(prefix: String?, uri: String) {}

    func documentType(declaration: String) {}

    /// Outlines nested deeper than this are ignored: real lists have a few levels, and
    /// unbounded nesting would exhaust the stack of recursive consumers.
    static let maximumDepth = 64

    func startElement(_ name: XMLElementName, attributes: [XMLAttribute]) {
        let local = name.localName.lowercased()
        if rootName == nil { rootName = local }
        text.removeAll(keepingCapacity: true)
        if local == "outline", stack.count(where: { $0 != nil }) >= Self.maximumDepth {
            stack.append(nil)
            return
        }
        if local == "outline" {
            let label = attributes.value("text") ?? attributes.value("title") ?? ""
            stack.append(
                OPMLOutline(
                    text: label, title: attributes.value("title"), type: attributes.value("type"),
                    xmlURL: (attributes.value("xmlurl") ?? attributes.value("url")).map { $0.trimmingWhitespace() },
                    htmlURL: attributes.value("htmlurl")?.trimmingWhitespace(), category: attributes.value("category")))
        } else {
            headField = ["title", "datecreated", "ownername", "owneremail"].contains(local) ? local : nil
            stack.append(nil)
        }
    }

    func endElement() {
        guard let top = stack.popLast() else { return }
        if let outline = top {
            if let parentIndex = stack.lastIndex(where: { $0 != nil }), parentIndex == stack.count - 1 {
                stack[parentIndex]?.children.append(outline)
            } else {
                document.outlines.append(outline)
            }
            return
        }
        guard let field = headField else { return }
        let value = String(decoding: text, as: UTF8.self).trimmingWhitespace()
        switch field {
        case "title": document.title = value.nilIfEmpty
        case "datecreated": document.dateCreated = FeedDateParser.parse(value)
        case "ownername": document.ownerName = value.nilIfEmpty
        case "owneremail": document.ownerEmail = value.nilIfEmpty
        default: break
        }
        headField = nil
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if headField != nil { text.append(contentsOf: bytes) }
    }
}
