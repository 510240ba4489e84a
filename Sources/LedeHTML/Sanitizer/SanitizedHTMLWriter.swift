/// The output side of `HTMLSanitizer`: decides token by token what is written.
struct SanitizedHTMLWriter {
    let bytes: UnsafeBufferPointer<UInt8>
    let base: String?
    private(set) var output: [UInt8] = []
    /// Allowed elements currently open, innermost last, so end tags can be matched and balanced.
    private var openElements: [String] = []
    /// Elements whose whole content is being dropped (`<title>`, `<template>`).
    private var droppedElements: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>, base: String?) {
        self.bytes = bytes
        self.base = base
    }

    /// Elements a browser closes when the same element starts again as their sibling.
    private static let selfClosingSiblings: Set<String> = ["p", "li", "dt", "dd", "tr", "td", "th"]

    mutating func write(_ token: HTMLFragmentToken) {
        switch token {
        case .text(let range):
            if droppedElements.isEmpty { appendEscapedText(range) }
        case .rawText, .ignorable:
            break
        case .startTag(let tag):
            writeStartTag(tag)
        case .endTag(let name):
            writeEndTag(name)
        }
    }

    mutating func finish() {
        while let name = openElements.popLast() { appendEndTag(name) }
    }

    private mutating func writeStartTag(_ tag: HTMLFragmentTag) {
        if HTMLSanitizer.droppedWithContent.contains(tag.name) {
            if !tag.isSelfClosing && !HTMLFragmentTokenizer.rawTextElements.contains(tag.name) {
                droppedElements.append(tag.name)
            }
            return
        }
        guard droppedElements.isEmpty, HTMLSanitizer.allowedElements.contains(tag.name) else { return }
        if Self.selfClosingSiblings.contains(tag.name), openElements.last == tag.name {
            appendEndTag(openElements.removeLast())
        }
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: tag.name.utf8)
        for (name, value) in allowedAttributes(of: tag) {
            output.append(UInt8(ascii: " "))
            output.append(contentsOf: name.utf8)
            output.append(contentsOf: "=\"".utf8)
            appendEscapedAttribute(value)
            output.append(UInt8(ascii: "\""))
        }
        if HTMLSanitizer.voidElements.contains(tag.name) {
            output.append(contentsOf: " />".utf8)
        } else if tag.isSelfClosing {
            output.append(UInt8(ascii: ">"))
            appendEndTag(tag.name)
        } else {
            output.append(UInt8(ascii: ">"))
            openElements.append(tag.name)
        }
    }

    private mutating func writeEndTag(_ name: String) {
        if let dropped = droppedElements.last {
            if dropped == name { droppedElements.removeLast() }
            return
        }
        guard let index = openElements.lastIndex(of: name) else { return }
        while openElements.count > index {
            appendEndTag(openElements.removeLast())
        }
    }

    private mutating func appendEndTag(_ name: String) {
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: name.utf8)
        output.append(UInt8(ascii: ">"))
    }

    // MARK: - Attributes

    /// The tag's allowed attributes, sorted by name; a repeated name keeps its first value, as
    /// browsers do.
    private func allowedAttributes(of tag: HTMLFragmentTag) -> [(String, String)] {
        var kept: [(String, String)] = []
        var seen: Set<String> = []
        for (name, value) in tag.attributes where seen.insert(name).inserted {
            guard HTMLSanitizer.allowedAttributes.contains(name) else { continue }
            if name == "style" {
                let style = CSSStyleSanitizer.sanitize(value)
                if !style.isEmpty { kept.append((name, style)) }
            } else if HTMLSanitizer.urlAttributes.contains(name) {
                kept.append((name, SafeURL.checked(value, base: base) ?? ""))
            } else if name == "srcset" {
                if let srcset = SafeURL.checkedSourceSet(value, base: base) { kept.append((name, srcset)) }
            } else {
                kept.append((name, value))
            }
        }
        return kept.sorted { $0.0 < $1.0 }
    }

    // MARK: - Escaping

    /// Copies text, keeping well-formed character references as written and escaping the rest.
    private mutating func appendEscapedText(_ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: "&"):
                let text = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
                if let (scalars, end) = HTMLCharacterReferences.reference(in: text, at: index) {
                    appendReference(written: index..<end, decoded: scalars)
                    index = end
                    continue
                }
                output.append(contentsOf: "&amp;".utf8)
            case 0:
                break
            default:
                output.append(byte)
            }
            index += 1
        }
    }

    /// A reference is kept as written unless the browser would read it as something else
    /// (`&#150;` is an en dash, `&#0;` nothing), in which case the real character is written.
    private mutating func appendReference(written: Range<Int>, decoded: [Unicode.Scalar]) {
        let isNumeric = bytes[written.lowerBound + 1] == UInt8(ascii: "#")
        if isNumeric, let scalar = decoded.first, scalar.value == 0xFFFD || isRemapped(written) {
            output.append(contentsOf: "&#x\(String(scalar.value, radix: 16));".utf8)
            return
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[written]))
        if isNumeric, output.count >= written.count, output[output.count - written.count + 2] == UInt8(ascii: "X") {
            output[output.count - written.count + 2] = UInt8(ascii: "x")
        }
    }

    private func isRemapped(_ written: Range<Int>) -> Bool {
        var value: UInt32 = 0
        var index = written.lowerBound + 2
        let hex = bytes[index] | 0x20 == UInt8(ascii: "x")
        if hex { index += 1 }
        while index < written.upperBound, bytes[index] != UInt8(ascii: ";") {
            let byte = bytes[index] | (hex ? 0x20 : 0)
            let digit = byte <= UInt8(ascii: "9") ? UInt32(byte - UInt8(ascii: "0")) : UInt32(byte - UInt8(ascii: "a") + 10)
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
            index += 1
        }
        return value >= 0x80 && value <= 0x9F
    }

    private mutating func appendEscapedAttribute(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case 0: break
            default: output.append(byte)
            }
        }
    }
}
