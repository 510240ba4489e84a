import Foundation

extension FeedBuilder {
    /// HTML elements without content, written `<br />` when XHTML is serialised.
    static let voidHTMLElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    func beginTextConstruct(_ field: TextConstruct.Field, attributes: [XMLAttribute], defaultType: String) {
        let declared = attributes.value("type").map { Self.mediaType(forTextType: $0) } ?? defaultType
        let kind: ParsedText.Kind
        switch declared {
        case "text/html": kind = .html
        case "application/xhtml+xml": kind = .xhtml
        default: kind = declared.hasSuffix("xml") && !declared.hasPrefix("text/") ? .xhtml : .text
        }
        let isBase64 =
            attributes.value("mode")?.lowercased() == "base64"
            || !(declared.hasPrefix("text/") || declared.hasSuffix("+xml") || declared.hasSuffix("/xml"))
        let frame = frames[frames.count - 1]
        frames[frames.count - 1].receivesText = true
        frames[frames.count - 1].payload = .construct
        acceptsText = true
        construct = TextConstruct(
            field: field, kind: kind, isBase64: isBase64, language: frame.language?.replacingUnderscores,
            base: frame.base, depth: frames.count, src: attributes.value("src").map { resolve($0, against: frame.base) })
    }

    /// Atom's `type` values are shorthands for media types.
    static func mediaType(forTextType type: String) -> String {
        switch type.lowercased() {
        case "text", "plain": "text/plain"
        case "html": "text/html"
        case "xhtml": "application/xhtml+xml"
        case let other: other
        }
    }

    /// Ends the construct whose frame is `frame`, returning its text.
    func finishTextConstruct(_ frame: Frame) -> ParsedText? {
        guard let construct else { return nil }
        self.construct = nil
        var value: String
        if construct.kind == .xhtml, format == .atom10, construct.topLevelChildren == 1, !construct.hasLooseText,
            let start = construct.wrapperContentStart, let end = construct.wrapperContentEnd, start <= end
        {
            value = text.withUnsafeBufferPointer {
                Self.makeString(UnsafeBufferPointer(rebasing: $0[start..<end]), trimming: true)
            }
            text.removeSubrange(frame.textStart...)
        } else {
            value = takeText(of: frame)
        }
        var kind = construct.kind
        if construct.isBase64, let decoded = Data(base64Encoded: value, options: .ignoreUnknownCharacters),
            let string = String(data: decoded, encoding: .utf8)
        {
            value = string.trimmingWhitespace()
        }
        if kind == .text, format.map({ !$0.isAtom }) ?? true, HTMLDetection.looksLikeHTML(value) {
            kind = .html
        }
        if value.isEmpty, construct.src != nil { return nil }
        return ParsedText(value: value, type: kind, language: construct.language, base: construct.base)
    }

    /// A child element of a text construct: written back as markup into the construct's text.
    func startMarkup(_ name: XMLElementName, attributes: [XMLAttribute], base: String?, language: String?) {
        guard var construct else { return }
        let isTopLevel = frames.count == construct.depth
        var frame = Frame(element: .unknown, base: base, language: language, receivesText: true)
        let localName = name.localName
        if construct.kind != .xhtml {
            // Escaped HTML wrapped in a stray `<div>` (a publishing tool's habit): keep it escaped.
            if localName.lowercased() == "div" {
                frame.markup = .transparent
                pushFrame(frame)
                return
            }
            // An element inside text declared as plain or escaped: it is XHTML after all.
            construct.kind = .xhtml
        }
        if isTopLevel {
            construct.topLevelChildren += 1
        }
        text.append(UInt8(ascii: "<"))
        text.append(contentsOf: localName.utf8)
        for attribute in attributes {
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: attribute.qualifiedName.utf8)
            text.append(contentsOf: "=\"".utf8)
            var value = attribute.value
            value.withUTF8 { appendEscaped($0, quotes: true) }
            text.append(UInt8(ascii: "\""))
        }
        if Self.voidHTMLElements.contains(localName.lowercased()) {
            text.append(contentsOf: " />".utf8)
            frame.markup = .void
        } else {
            text.append(UInt8(ascii: ">"))
            frame.markup = .element(localName)
        }
        if isTopLevel, construct.topLevelChildren == 1, localName == "div", !construct.hasLooseText {
            construct.wrapperContentStart = text.count
        }
        pushFrame(frame)
        self.construct = construct
    }

    /// Called after a markup child has been closed and its frame popped.
    func noteMarkupEnd() {
        guard let construct, frames.count == construct.depth, construct.topLevelChildren == 1,
            construct.wrapperContentStart != nil, construct.wrapperContentEnd == nil
        else { return }
        let closing = "</div>".utf8.count
        self.construct?.wrapperContentEnd = max(text.count - closing, construct.wrapperContentStart ?? 0)
    }

    func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): text.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): text.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): text.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: text.append(contentsOf: "&quot;".utf8)
            default: text.append(byte)
            }
        }
    }
}
