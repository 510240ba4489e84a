import Foundation

/// An OPML subscription list (OPML 1.0 and 2.0), as feed readers import and export them.
public struct OPMLDocument: Sendable, Hashable, Codable {
    public var title: String?
    public var dateCreated: Date?
    public var ownerName: String?
    public var ownerEmail: String?
    /// The top-level outlines; categories hold their feeds as children.
    public var outlines: [OPMLOutline]

    public init(
        title: String? = nil, dateCreated: Date? = nil, ownerName: String? = nil, ownerEmail: String? = nil,
        outlines: [OPMLOutline] = []
    ) {
        self.title = title
        self.dateCreated = dateCreated
        self.ownerName = ownerName
        self.ownerEmail = ownerEmail
        self.outlines = outlines
    }

    /// Reads an OPML document. Forgiving about markup (exported files are often hand-edited),
    /// and safe: no DTD, no external entities, no network.
    /// - Throws: `OPMLError` when the bytes are empty or not OPML.
    public init(data: some Collection<UInt8>) throws(OPMLError) {
        let bytes = Array(data)
        let decoded = bytes.withUnsafeBufferPointer { FeedTextDecoder.decode($0, contentType: nil) }
        let reader = OPMLReader()
        let utf8 = decoded.converted ?? Array(bytes[decoded.start...])
        guard utf8.contains(where: { !FeedDateParser.isSpace($0) }) else { throw .empty }
        utf8.withUnsafeBufferPointer { buffer in
            var forgiving = ForgivingXMLReader(buffer, builder: reader)
            forgiving.read()
        }
        guard reader.rootName == "opml" else { throw .notOPML(rootElement: reader.rootName) }
        self = reader.document
    }

    /// Every feed subscription (outlines with an `xmlUrl`), depth first, with the labels of the
    /// outlines that contain it.
    public var subscriptions: [OPMLSubscription] {
        var result: [OPMLSubscription] = []
        func visit(_ outlines: [OPMLOutline], path: [String]) {
            for outline in outlines {
                if let xmlURL = outline.xmlURL, !xmlURL.isEmpty {
                    result.append(
                        OPMLSubscription(
                            title: outline.title ?? outline.text, xmlURL: xmlURL, htmlURL: outline.htmlURL,
                            categoryPath: path))
                }
                if !outline.children.isEmpty {
                    visit(outline.children, path: path + [outline.text])
                }
            }
        }
        visit(outlines, path: [])
        return result
    }
}
