/// An HTML page parsed into a compact, immutable tree of plain arrays: fast to walk, safe to
/// share across tasks, and free of any pointer into libxml2 (which only tokenises the page
/// and fixes its structure; see `HTMLTreeBuilder`).
///
/// Nodes are numbered in document order from 0, the document itself. The descendants of a
/// node `n` are exactly the nodes `n + 1 ..< subtreeEnd(n)`, so any walk is a loop over a
/// range, never a recursion, however deep the page.
public struct HTMLTree: Sendable {
    /// The document node, parent of `<html>`.
    public static let documentNode = 0

    /// The charset the page was decoded from.
    public let charset: HTMLCharset

    let tags: [HTMLTag]
    let parents: [Int32]
    let ends: [Int32]
    /// For text nodes: offset into `utf8`; for elements: offset into `attributeStore`.
    let payloadStarts: [Int32]
    /// For text nodes: byte length; for elements: attribute count.
    let payloadCounts: [Int32]
    let attributeStore: [HTMLAttribute]
    let otherNames: [Int32: String]

    /// The UTF-8 bytes of every text node, back to back; see `textRange(of:)`.
    public let utf8: [UInt8]

    init(
        charset: HTMLCharset, tags: [HTMLTag], parents: [Int32], ends: [Int32], payloadStarts: [Int32],
        payloadCounts: [Int32], attributeStore: [HTMLAttribute], otherNames: [Int32: String], utf8: [UInt8]
    ) {
        self.charset = charset
        self.tags = tags
        self.parents = parents
        self.ends = ends
        self.payloadStarts = payloadStarts
        self.payloadCounts = payloadCounts
        self.attributeStore = attributeStore
        self.otherNames = otherNames
        self.utf8 = utf8
    }

    /// The number of nodes, the document node included.
    public var nodeCount: Int { tags.count }

    /// `.text` for text nodes, `.document` for node 0, the element's tag otherwise.
    @inline(__always) public func tag(_ node: Int) -> HTMLTag { tags[node] }

    public func isElement(_ node: Int) -> Bool { tags[node] != .text && tags[node] != .document }

    /// The element's lowercase name, also for names outside `HTMLTag`.
    public func name(of node: Int) -> String {
        tags[node] == .other ? otherNames[Int32(node)] ?? "" : tags[node].name
    }

    /// The parent node; `nil` for the document node.
    public func parent(of node: Int) -> Int? {
        let parent = parents[node]
        return parent < 0 ? nil : Int(parent)
    }

    /// One past the last descendant of `node`.
    @inline(__always) public func subtreeEnd(_ node: Int) -> Int { Int(ends[node]) }

    /// The direct children of `node` in document order.
    public func children(of node: Int) -> HTMLTreeChildren {
        HTMLTreeChildren(ends: ends, first: node + 1, end: Int(ends[node]))
    }

    /// The attributes of an element in document order (empty for other nodes).
    public func attributes(of node: Int) -> ArraySlice<HTMLAttribute> {
        guard isElement(node) else { return [] }
        let start = Int(payloadStarts[node])
        return attributeStore[start..<start + Int(payloadCounts[node])]
    }

    /// The value of an attribute (`name` in lowercase), `nil` when absent.
    public func attribute(_ name: String, of node: Int) -> String? {
        guard isElement(node) else { return nil }
        let start = Int(payloadStarts[node])
        for index in start..<start + Int(payloadCounts[node]) where attributeStore[index].name == name {
            return attributeStore[index].value
        }
        return nil
    }

    /// The byte range of a text node's content in `utf8` (empty for other nodes).
    @inline(__always) public func textRange(of node: Int) -> Range<Int> {
        guard tags[node] == .text else { return 0..<0 }
        let start = Int(payloadStarts[node])
        return start..<start + Int(payloadCounts[node])
    }

    /// A text node's content.
    public func text(of node: Int) -> String {
        String(decoding: utf8[textRange(of: node)], as: UTF8.self)
    }

    /// All text below `node`, concatenated without any whitespace normalisation.
    public func textContent(of node: Int) -> String {
        if tags[node] == .text { return text(of: node) }
        var bytes: [UInt8] = []
        for descendant in node + 1..<subtreeEnd(node) where tags[descendant] == .text {
            bytes.append(contentsOf: utf8[textRange(of: descendant)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every element with the given tag below `node` (the document by default), in order.
    public func elements(_ tag: HTMLTag, under node: Int = HTMLTree.documentNode) -> [Int] {
        var found: [Int] = []
        for index in node + 1..<subtreeEnd(node) where tags[index] == tag { found.append(index) }
        return found
    }

    /// The first element with the given tag below `node`.
    public func firstElement(_ tag: HTMLTag, under node: Int = HTMLTree.documentNode) -> Int? {
        for index in node + 1..<subtreeEnd(node) where tags[index] == tag { return index }
        return nil
    }

    /// Whether `ancestor` is `node` or one of its ancestors.
    public func contains(_ ancestor: Int, _ node: Int) -> Bool {
        node >= ancestor && node < Int(ends[ancestor])
    }

    /// The number of ancestors of `node`.
    public func depth(of node: Int) -> Int {
        var depth = 0
        var current = parents[node]
        while current >= 0 {
            depth += 1
            current = parents[Int(current)]
        }
        return depth
    }
}

/// The children of a node of an `HTMLTree`, found by jumping over each child's subtree.
public struct HTMLTreeChildren: Sequence {
    let ends: [Int32]
    let first: Int
    let end: Int

    public struct Iterator: IteratorProtocol {
        let ends: [Int32]
        var upcoming: Int
        let end: Int

        public mutating func next() -> Int? {
            guard upcoming < end else { return nil }
            defer { upcoming = Int(ends[upcoming]) }
            return upcoming
        }
    }

    public func makeIterator() -> Iterator { Iterator(ends: ends, upcoming: first, end: end) }
}
