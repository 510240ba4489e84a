import Foundation
import LedeHTML

/// Writes the chosen blocks as clean display HTML: paragraphs, headings, lists, quotes,
/// preformatted text, figures, with the links and emphasis inside them. Everything else
/// (classes, styles, scripts, layout elements) is left behind; addresses are made absolute.
struct DisplayHTMLWriter {
    let tree: HTMLTree
    let dropped: [Bool]
    let segmenter: BlockSegmenter
    let baseURL: URL?

    private var output: [UInt8] = []
    /// The list or quote element currently open in the output, and its closing tag.
    private var openGroup: (element: Int, closing: String)?

    init(tree: HTMLTree, dropped: [Bool], segmenter: BlockSegmenter, baseURL: URL?) {
        self.tree = tree
        self.dropped = dropped
        self.segmenter = segmenter
        self.baseURL = baseURL
    }

    mutating func write(_ selected: [Int]) -> String {
        output.reserveCapacity(selected.count * 300)
        defer { output.removeAll() }
        for index in selected {
            let block = segmenter.blocks[index]
            switch block.kind {
            case .listItem:
                let list = ancestor(of: block.owner, in: [.ul, .ol, .dl, .menu]) ?? block.owner
                openGroup(list, opening: tree.tag(list) == .ol ? "<ol>" : "<ul>", closing: tree.tag(list) == .ol ? "</ol>" : "</ul>")
                output += "<li>".utf8
                writeInline(block)
                output += "</li>\n".utf8
            case .quote:
                let quote = ancestor(of: block.owner, in: [.blockquote]) ?? block.owner
                openGroup(quote, opening: "<blockquote>", closing: "</blockquote>")
                output += "<p>".utf8
                writeInline(block)
                output += "</p>\n".utf8
            case .heading(let level):
                closeGroup()
                let tag = "h\(min(max(level, 2), 6))"
                output += "<\(tag)>".utf8
                writeInline(block)
                output += "</\(tag)>\n".utf8
            case .preformatted:
                closeGroup()
                output += "<pre>".utf8
                writePreformatted(block)
                output += "</pre>\n".utf8
            case .image:
                closeGroup()
                writeImage(block.firstNode)
            case .paragraph, .tableCell, .caption:
                closeGroup()
                output += "<p>".utf8
                writeInline(block)
                output += "</p>\n".utf8
            }
        }
        closeGroup()
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func openGroup(_ element: Int, opening: String, closing: String) {
        if openGroup?.element == element { return }
        closeGroup()
        output += (opening + "\n").utf8
        openGroup = (element, closing)
    }

    private mutating func closeGroup() {
        if let group = openGroup { output += (group.closing + "\n").utf8 }
        openGroup = nil
    }

    private func ancestor(of node: Int, in tags: Set<HTMLTag>) -> Int? {
        var current: Int? = node
        while let element = current {
            if tags.contains(tree.tag(element)) { return element }
            current = tree.parent(of: element)
        }
        return nil
    }

    /// The block's text with its links and emphasis, whitespace collapsed.
    private mutating func writeInline(_ block: TextBlock) {
        var open: [(node: Int, closing: String)] = []
        var pendingSpace = false
        var wroteText = false
        var node = block.firstNode
        while node < block.endNode {
            while let last = open.last, tree.subtreeEnd(last.node) <= node {
                output += last.closing.utf8
                open.removeLast()
            }
            if dropped[node] {
                node = tree.subtreeEnd(node)
                continue
            }
            switch tree.tag(node) {
            case .text:
                tree.utf8.withUnsafeBufferPointer { bytes in
                    var index = tree.textRange(of: node).lowerBound
                    let end = tree.textRange(of: node).upperBound
                    while index < end {
                        let byte = bytes[index]
                        let isNoBreakSpace = byte == 0xC2 && index + 1 < end && bytes[index + 1] == 0xA0
                        if byte <= 0x20 || isNoBreakSpace {
                            pendingSpace = wroteText
                            index += isNoBreakSpace ? 2 : 1
                            continue
                        }
                        if pendingSpace { output.append(0x20) }
                        pendingSpace = false
                        wroteText = true
                        DisplayHTMLWriter.appendEscaped(byte, to: &output)
                        index += 1
                    }
                }
            case .a:
                if let href = tree.attribute("href", of: node).flatMap(absolute) {
                    if pendingSpace { output += " ".utf8 }
                    pendingSpace = false
                    output += "<a href=\"\(DisplayHTMLWriter.escapedAttribute(href))\">".utf8
                    open.append((node, "</a>"))
                }
            case .strong, .b:
                flushSpace(&pendingSpace)
                output += "<strong>".utf8
                open.append((node, "</strong>"))
            case .em, .i:
                flushSpace(&pendingSpace)
                output += "<em>".utf8
                open.append((node, "</em>"))
            case .code, .kbd, .samp:
                flushSpace(&pendingSpace)
                output += "<code>".utf8
                open.append((node, "</code>"))
            case .sub, .sup:
                let name = tree.tag(node).name
                output += "<\(name)>".utf8
                open.append((node, "</\(name)>"))
            case .br:
                if wroteText { output += "<br>".utf8 }
                pendingSpace = false
            default:
                break
            }
            node += 1
        }
        while let last = open.popLast() { output += last.closing.utf8 }
    }

    /// Writes a pending space before an inline element opens, so that it stays outside it.
    private mutating func flushSpace(_ pendingSpace: inout Bool) {
        if pendingSpace { output.append(0x20) }
        pendingSpace = false
    }

    private mutating func writePreformatted(_ block: TextBlock) {
        var node = block.firstNode
        while node < block.endNode {
            if dropped[node] {
                node = tree.subtreeEnd(node)
                continue
            }
            if tree.tag(node) == .text {
                for index in tree.textRange(of: node) { DisplayHTMLWriter.appendEscaped(tree.utf8[index], to: &output) }
            } else if tree.tag(node) == .br {
                output.append(0x0A)
            }
            node += 1
        }
    }

    private mutating func writeImage(_ node: Int) {
        let candidates = ["data-src", "data-lazy-src", "data-original", "src"]
        var source: String?
        for name in candidates {
            if let value = tree.attribute(name, of: node), !value.isEmpty, !value.hasPrefix("data:") {
                source = value
                break
            }
        }
        if source == nil, let set = tree.attribute("srcset", of: node) ?? tree.attribute("data-srcset", of: node) {
            source = set.split(separator: ",").first.flatMap { $0.split(separator: " ").first }.map(String.init)
        }
        guard let source, let url = absolute(source) else { return }
        let alt = Text.normalized(tree.attribute("alt", of: node) ?? "")
        output += "<figure><img src=\"\(DisplayHTMLWriter.escapedAttribute(url))\" alt=\"\(DisplayHTMLWriter.escapedAttribute(alt))\"></figure>\n".utf8
    }

    private func absolute(_ reference: String) -> String? {
        let trimmed = Text.trimmed(reference)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !Text.hasPrefix(trimmed, "javascript:") else { return nil }
        let escaped = trimmed.utf8.contains(0x20) ? trimmed.replacingOccurrences(of: " ", with: "%20") : trimmed
        guard let url = URL(string: escaped, relativeTo: baseURL)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), ["http", "https", "mailto"].contains(scheme)
        else { return nil }
        return url.absoluteString
    }

    static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): output += "&amp;".utf8
        case UInt8(ascii: "<"): output += "&lt;".utf8
        case UInt8(ascii: ">"): output += "&gt;".utf8
        case UInt8(ascii: "\""): output += "&quot;".utf8
        default: output.append(byte)
        }
    }

    static func escapedAttribute(_ value: String) -> String {
        var result: [UInt8] = []
        for byte in value.utf8 { appendEscaped(byte, to: &result) }
        return String(decoding: result, as: UTF8.self)
    }
}
