import Foundation
import LedeHTML

/// Turns the element events of a feed document (from libxml2's SAX2 reader or the forgiving
/// reader) into a `ParsedFeed` and its `ParsedItem`s.
///
/// One builder serves RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF: the formats share most of their
/// vocabulary, and feeds mix them freely (an RSS item with `atom:link`, `dc:creator` and
/// `content:encoded`). Precedence follows the long-standing reader conventions: an element
/// closer to the item wins over one nested deeper (an item's `<title>` over `media:title`),
/// the first title and the last link win, a second description is the content.
final class FeedBuilder: XMLEventSink {
    struct Frame {
        var element: FeedElement
        var base: String?
        var language: String?
        /// Whether character data directly inside this element is kept.
        var receivesText = false
        /// Where this element's text starts in `text`.
        var textStart = 0
        var markup: Markup = .none
        var payload: Payload = .none
    }

    /// How a child of a text construct is written back as markup.
    enum Markup {
        case none
        /// Not written (a wrapper `<div>` around escaped HTML), its content still is.
        case transparent
        case element(String)
        case void
    }

    /// What an element's start told its end.
    enum Payload {
        case none
        case permalink(Bool)
        case textLink(rel: String, index: Int?)
        case category(fillsTerm: Bool)
        case thumbnail(hasURL: Bool)
        case person
        case construct
        case generator(ParsedGenerator)
        case keywords(scheme: String?)
    }

    enum PersonRole { case author, contributor, publisher }

    static let maximumCategories = 1000

    // MARK: Configuration

    let documentBase: String?
    let documentLanguage: String?

    // MARK: Results

    private(set) var format: FeedFormat?
    var feed = HeaderFields()
    /// Items finished since the last `takeCompletedItems()`.
    private(set) var completedItems: [ParsedItem] = []
    private(set) var itemCount = 0
    /// The document's root element, lowercased (`rss`, `feed`, `html`…).
    private(set) var rootName: String?
    /// Whether the document has any feed structure (a channel, feed, item or entry).
    private(set) var hasFeedStructure = false
    /// Whether the root element has been closed: anything after it is not part of the feed.
    private(set) var isRootClosed = false

    /// Whether the document reads as a feed so far: a feed root element, or feed structure
    /// under a root that is not an HTML page.
    var isFeedDocument: Bool {
        guard let rootName else { return false }
        if ["rss", "rdf", "feed", "channel"].contains(rootName) { return true }
        return hasFeedStructure && rootName != "html" && rootName != "xhtml"
    }
    /// Undefined entities, undeclared prefixes and the like, seen while the XML itself parsed.
    var problems: [String] = []
    /// Set by the reader when the DOCTYPE names Netscape's RSS 0.91 DTD.
    var isNetscapeRSS = false

    // MARK: State

    @exclusivity(unchecked) var frames: [Frame] = []
    /// Whether the innermost element keeps its text; kept apart from `frames` so the text
    /// callback, the hottest path, reads one flag instead of copying a frame.
    @exclusivity(unchecked) var acceptsText = false
    @exclusivity(unchecked) var text: [UInt8] = []
    @exclusivity(unchecked) var item: ItemFields?
    var source: HeaderFields?
    var imageDepth: Int?
    var textInputDepth: Int?
    var personRole: PersonRole?
    @exclusivity(unchecked) var construct: TextConstruct? {
        didSet { constructIsXHTML = construct?.kind == .xhtml }
    }
    /// Cached from `construct`, which is too large to copy for every run of text.
    @exclusivity(unchecked) private(set) var constructIsXHTML = false
    private var defaultNamespace: FeedNamespace?
    private var declaredRSS1 = false

    init(documentBase: String?, documentLanguage: String?) {
        self.documentBase = documentBase.flatMap { Self.isSafeBase($0) ? $0 : nil }
        self.documentLanguage = documentLanguage
        if let documentLanguage { feed.language = documentLanguage.replacingUnderscores }
        text.reserveCapacity(4096)
    }

    var isInsideMarkup: Bool { construct != nil }

    func documentType(declaration: String) {
        if declaration.lowercased().contains("netscape") { isNetscapeRSS = true }
    }

    func takeCompletedItems() -> [ParsedItem] {
        defer { completedItems.removeAll(keepingCapacity: true) }
        return completedItems
    }

    /// The feed's description; `issue` is the first problem met, if any.
    func finish(encoding: String, issue: String?) -> ParsedFeed {
        if let item { completeItem(item) }
        item = nil
        return feed.feed(format: format ?? .rss, encoding: encoding, issue: issue)
    }

    // MARK: - Events

    /// A namespace declaration, reported before the element that carries it.
    func declareNamespace(prefix: String?, uri: String) {
        let namespace = FeedNamespace(uri: uri)
        if prefix == nil, frames.isEmpty { defaultNamespace = namespace }
        if namespace == .rss10 { declaredRSS1 = true }
    }

    func startElement(_ name: XMLElementName, attributes: [XMLAttribute]) {
        let isRoot = frames.isEmpty
        if isRoot { startRoot(name, attributes: attributes) }
        let parent = frames.last
        var base = parent?.base ?? documentBase
        var language = parent?.language ?? documentLanguage
        if !attributes.isEmpty {
            // CDF spells xml:base without its prefix.
            if let xmlBase = attributes.value("base", in: .xml) ?? (format == .cdf ? attributes.value("base") : nil) {
                let resolved = resolve(xmlBase, against: base)
                if Self.isSafeBase(resolved) { base = resolved }
            }
            if let lang = attributes.value("lang", in: .xml) {
                language = lang.isEmpty ? nil : lang
            }
        }
        if let construct, frames.count >= construct.depth {
            startMarkup(name, attributes: attributes, base: base, language: language)
            return
        }
        if isRoot, let language, [.rss, .rdf, .feed].contains(name.element) {
            feed.language = language.replacingUnderscores
        }
        var frame = Frame(element: name.element, base: base, language: language)
        frame.textStart = text.count
        pushFrame(frame)
        startFeedElement(name, attributes: attributes)
    }

    func endElement() {
        guard let frame = frames.last else { return }
        if frame.element == .unknown, case .none = frame.markup {
            popFrame()
            return
        }
        switch frame.markup {
        case .element(let name):
            text.append(contentsOf: "</".utf8)
            text.append(contentsOf: name.utf8)
            text.append(UInt8(ascii: ">"))
            popFrame()
            noteMarkupEnd()
            return
        case .void, .transparent:
            popFrame()
            noteMarkupEnd()
            return
        case .none:
            break
        }
        endFeedElement(frame)
        popFrame()
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard acceptsText else { return }
        if constructIsXHTML {
            if frames.count == construct?.depth, bytes.contains(where: { !FeedDateParser.isSpace($0) }) {
                construct?.hasLooseText = true
            }
            appendEscaped(bytes)
        } else {
            text.append(contentsOf: bytes)
        }
    }

    /// Text that must be taken literally, such as an undefined entity kept as written.
    func literalText(_ string: String) {
        var copy = string
        copy.withUTF8 { characters($0) }
    }

    func pushFrame(_ frame: Frame) {
        frames.append(frame)
        acceptsText = frame.receivesText
    }

    func popFrame() {
        frames.removeLast()
        acceptsText = frames.last?.receivesText ?? false
        if frames.isEmpty { isRootClosed = true }
    }

    // MARK: - Root

    private func startRoot(_ name: XMLElementName, attributes: [XMLAttribute]) {
        rootName = name.localName.lowercased()
        switch name.element {
        case .rss:
            let version = attributes.value("version") ?? ""
            switch version {
            case "0.91": format = .rss091
            case "0.92": format = .rss092
            case "0.93": format = .rss093
            case "0.94": format = .rss094
            default: format = version.hasPrefix("2.") ? .rss2 : (isNetscapeRSS ? .rss091 : .rss)
            }
            if isNetscapeRSS { format = .rss091 }
        case .rdf:
            format = defaultNamespace == .rss090 ? .rss090 : .rss1
        case .feed:
            switch name.namespace {
            case .atom10: format = .atom10
            case .atom03: format = .atom03
            default: format = attributes.value("version").map { $0 == "0.3" || $0 == "0.2" || $0 == "0.1" } == true ? .atom03 : .atom
            }
        case .channel:
            format = .cdf
        case .item:
            format = name.namespace == .atom10 ? .atom10 : (name.namespace == .atom03 ? .atom03 : .rss)
        default:
            if declaredRSS1 { format = .rss1 }
        }
    }

    // MARK: - Helpers for the element handlers

    /// Where a value read now belongs.
    enum Target { case feed, source, item, ignored }

    var target: Target {
        if source != nil { return .source }
        if imageDepth != nil || textInputDepth != nil { return .ignored }
        return item != nil ? .item : .feed
    }

    /// Applies `change` to the feed's header, or to the current item's source while inside one.
    func updateHeader(_ change: (inout HeaderFields) -> Void) {
        if source != nil {
            change(&source!)
        } else {
            change(&feed)
        }
    }

    /// The text of the element being closed, with surrounding whitespace removed; the buffer is
    /// rewound so the parent's text stays contiguous.
    func takeText(of frame: Frame) -> String {
        guard frame.receivesText, frame.textStart < text.count else {
            if frame.receivesText { text.removeSubrange(min(frame.textStart, text.count)...) }
            return ""
        }
        let string = text.withUnsafeBufferPointer { buffer in
            Self.makeString(UnsafeBufferPointer(rebasing: buffer[frame.textStart...]), trimming: true)
        }
        text.removeSubrange(frame.textStart...)
        return string
    }

    /// A string from UTF-8 bytes, trimmed of XML whitespace, with C1 control characters read as
    /// the windows-1252 punctuation they almost always are (`&#150;` for an en dash).
    static func makeString(_ bytes: UnsafeBufferPointer<UInt8>, trimming: Bool) -> String {
        var start = 0
        var end = bytes.count
        if trimming {
            while start < end, isXMLSpace(bytes[start]) { start += 1 }
            while end > start, isXMLSpace(bytes[end - 1]) { end -= 1 }
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard hasC1Control(slice) else { return String(decoding: slice, as: UTF8.self) }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(slice.count + 8)
        var index = 0
        while index < slice.count {
            if index + 1 < slice.count, slice[index] == 0xC2, slice[index + 1] >= 0x80, slice[index + 1] <= 0x9F {
                UTF8Writer.append(Windows1252.codePoint(slice[index + 1]), to: &repaired)
                index += 2
            } else {
                repaired.append(slice[index])
                index += 1
            }
        }
        return String(decoding: repaired, as: UTF8.self)
    }

    /// Whether UTF-8 text holds a C1 control character (encoded `C2 80`…`C2 9F`).
    private static func hasC1Control(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
        var cursor = UnsafeRawPointer(base)
        var remaining = bytes.count - 1
        while remaining > 0, let found = memchr(cursor, 0xC2, remaining) {
            let next = found.load(fromByteOffset: 1, as: UInt8.self)
            if next >= 0x80 && next <= 0x9F { return true }
            let consumed = cursor.distance(to: UnsafeRawPointer(found)) + 1
            cursor = UnsafeRawPointer(found) + 1
            remaining -= consumed
        }
        return false
    }

    static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    func resolve(_ reference: String, against base: String?) -> String {
        URLReferenceResolver.resolve(Self.collapsingExtraSlashes(reference), against: base)
    }

    /// `http:///example.com/` is a typo for `http://example.com/`.
    static func collapsingExtraSlashes(_ reference: String) -> String {
        let utf8 = reference.utf8
        guard utf8.count > 8, utf8.first.map({ $0 | 0x20 == UInt8(ascii: "h") }) == true,
            let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
            utf8[colon...].starts(with: ":///".utf8)
        else { return reference }
        for scheme in ["http:///", "https:///"] where reference.lowercased().hasPrefix(scheme) {
            var rest = reference.dropFirst(scheme.count)
            while rest.first == "/" { rest = rest.dropFirst() }
            return String(reference.prefix(scheme.count - 1)) + rest
        }
        return reference
    }

    /// The base in effect for the element being closed.
    var currentBase: String? { frames.last?.base ?? documentBase }

    /// A base address must not turn relative links into script or data URLs.
    static func isSafeBase(_ base: String) -> Bool {
        guard let scheme = URLReferenceResolver.scheme(of: base) else { return false }
        return ["http", "https", "ftp", "file", "feed"].contains(scheme)
    }

    func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): text.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): text.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): text.append(contentsOf: "&gt;".utf8)
            default: text.append(byte)
            }
        }
    }

    func completeItem(_ fields: ItemFields) {
        completedItems.append(fields.item)
        itemCount += 1
    }

    func noteFeedStructure() {
        hasFeedStructure = true
    }
}
