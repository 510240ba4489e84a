import LedeHTML

/// Cuts the visible text under an element into blocks, as a browser lays it out: block-level
/// elements and double line breaks end a block, inline elements do not. Whitespace is
/// collapsed on the way (a run of spaces, newlines or no-break spaces becomes one space) and
/// invisible characters (soft hyphens, zero-width spaces) are removed, so that words match
/// however the page hyphenates them.
struct BlockSegmenter {
    private(set) var blocks: [TextBlock] = []
    /// The normalised text of all blocks, back to back.
    private(set) var buffer: [UInt8] = []

    private let tree: HTMLTree
    private let dropped: [Bool]

    // The block being built.
    private var blockStart = 0
    /// The first node after the previous block ended.
    private var blockFirstNode = -1
    private var characters = 0
    private var linkCharacters = 0
    private var commas = 0
    private var pendingSpace = false
    private var lastWasBreak = false

    init(tree: HTMLTree, dropped: [Bool]) {
        self.tree = tree
        self.dropped = dropped
        buffer.reserveCapacity(tree.utf8.count / 2)
    }

    /// Segments the subtree of `root`.
    mutating func segment(_ root: Int) {
        var open: [Int] = [root]  // elements whose subtree contains the current node
        var openLinks = 0
        var node = root + 1
        let end = tree.subtreeEnd(root)
        blockFirstNode = node
        while node < end {
            // Leave the elements that end before this node.
            while let last = open.last, last != root, tree.subtreeEnd(last) <= node {
                open.removeLast()
                let tag = tree.tag(last)
                if tag == .a { openLinks -= 1 }
                if tag.isBlock { flush(open: open + [last], endNode: node) }
            }
            if dropped[node] {
                node = tree.subtreeEnd(node)
                continue
            }
            let tag = tree.tag(node)
            switch tag {
            case .text:
                appendText(node, inLink: openLinks > 0)
                node += 1
                continue
            case .br:
                if lastWasBreak {
                    flush(open: open, endNode: node)
                } else if characters > 0 {
                    pendingSpace = true
                    lastWasBreak = true
                }
                node += 1
                continue
            case .img:
                flush(open: open, endNode: node)
                appendImage(node, owner: innermostBlock(open))
                node += 1
                continue
            default:
                break
            }
            if tag.isBlock { flush(open: open, endNode: node) }
            if tag == .a { openLinks += 1 }
            open.append(node)
            node += 1
        }
        while let last = open.popLast(), last != root {
            if tree.tag(last).isBlock { flush(open: open + [last], endNode: end) }
        }
        flush(open: [root], endNode: end)
    }

    private mutating func appendText(_ node: Int, inLink: Bool) {
        let range = tree.textRange(of: node)
        guard !range.isEmpty else { return }
        tree.utf8.withUnsafeBufferPointer { bytes in
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                let byte = bytes[index]
                if byte <= 0x20 {
                    pendingSpace = true
                    index += 1
                    continue
                }
                var length = 1
                if byte >= 0x80 {
                    length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    if index + length > end { length = end - index }
                    let second = index + 1 < end ? bytes[index + 1] : 0
                    if byte == 0xC2 && second == 0xA0 {  // no-break space
                        pendingSpace = true
                        index += 2
                        continue
                    }
                    if byte == 0xC2 && second == 0xAD {  // soft hyphen
                        index += 2
                        continue
                    }
                    if byte == 0xE2 && second == 0x80 && index + 2 < end {
                        let third = bytes[index + 2]
                        if third <= 0x8A || third == 0xAF {  // en, em, thin … spaces
                            pendingSpace = true
                            index += 3
                            continue
                        }
                        if third == 0x8B {  // zero-width space
                            index += 3
                            continue
                        }
                    }
                    if byte == 0xEF && second == 0xBB && index + 2 < end && bytes[index + 2] == 0xBF {
                        index += 3  // zero-width no-break space
                        continue
                    }
                    if byte == 0xE3 && second == 0x80 && index + 2 < end && bytes[index + 2] == 0x80 {
                        pendingSpace = true  // ideographic space
                        index += 3
                        continue
                    }
                    if (byte == 0xEF && second == 0xBC && index + 2 < end && bytes[index + 2] == 0x8C)
                        || (byte == 0xE3 && second == 0x80 && index + 2 < end && bytes[index + 2] == 0x81)
                        || (byte == 0xD8 && second == 0x8C)
                    {
                        commas += 1
                    }
                } else if byte == 0x2C {
                    commas += 1
                }
                if pendingSpace && characters > 0 {
                    buffer.append(0x20)
                    characters += 1
                    if inLink { linkCharacters += 1 }
                }
                pendingSpace = false
                lastWasBreak = false
                for offset in 0..<length { buffer.append(bytes[index + offset]) }
                characters += 1
                if inLink { linkCharacters += 1 }
                index += length
            }
        }
    }

    private mutating func appendImage(_ node: Int, owner: Int) {
        guard tree.attribute("src", of: node) != nil || tree.attribute("data-src", of: node) != nil else {
            return
        }
        blocks.append(
            TextBlock(
                owner: owner, firstNode: node, endNode: node + 1, text: buffer.count..<buffer.count,
                characters: 0, linkCharacters: 0, commas: 0, kind: .image))
    }

    private mutating func flush(open: [Int], endNode: Int) {
        defer {
            blockStart = buffer.count
            blockFirstNode = endNode
            characters = 0
            linkCharacters = 0
            commas = 0
            pendingSpace = false
            lastWasBreak = false
        }
        guard characters > 0 else { return }
        blocks.append(
            TextBlock(
                owner: innermostBlock(open), firstNode: blockFirstNode, endNode: endNode,
                text: blockStart..<buffer.count, characters: characters, linkCharacters: linkCharacters,
                commas: commas, kind: kind(open)))
    }

    private func innermostBlock(_ open: [Int]) -> Int {
        for element in open.reversed() where tree.tag(element).isBlock { return element }
        return open.first ?? HTMLTree.documentNode
    }

    private func kind(_ open: [Int]) -> TextBlock.Kind {
        for element in open.reversed() {
            switch tree.tag(element) {
            case .h1: return .heading(level: 1)
            case .h2: return .heading(level: 2)
            case .h3: return .heading(level: 3)
            case .h4: return .heading(level: 4)
            case .h5: return .heading(level: 5)
            case .h6: return .heading(level: 6)
            case .li, .dt, .dd: return .listItem
            case .blockquote: return .quote
            case .pre: return .preformatted
            case .td, .th: return .tableCell
            case .figcaption, .caption: return .caption
            default: continue
            }
        }
        return .paragraph
    }

    /// The last character of a block's text.
    func lastCharacter(of block: TextBlock) -> Character? {
        guard let last = buffer[block.text].last, last < 0x80 else { return nil }
        return Character(Unicode.Scalar(last))
    }

    /// The text of a block.
    func text(of block: TextBlock) -> String {
        String(decoding: buffer[block.text], as: UTF8.self)
    }
}
