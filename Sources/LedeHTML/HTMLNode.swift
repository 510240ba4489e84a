import CLibXML2

/// A node of an `HTMLDocument`: an element, a run of text or a comment.
public struct HTMLNode {
    let pointer: xmlNodePtr
    /// Keeps the tree alive while the node is in use.
    let document: HTMLDocument

    public enum Kind: Sendable { case element, text, comment, other }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
        case XML_COMMENT_NODE: .comment
        default: .other
        }
    }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { kind == .text }

    /// The element's tag name, lowercased by libxml2's HTML parser ("p", "div"); empty for text.
    public var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The text of a text node (`nil` for other kinds).
    public var text: String? {
        guard isText || kind == .comment, let content = pointer.pointee.content else { return nil }
        return String(cString: content)
    }

    /// The value of an attribute, matched case-insensitively as HTML does.
    public func attribute(_ name: String) -> String? {
        var property = pointer.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name,
                String(cString: attributeName).lowercased() == name
            {
                guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) else {
                    return ""
                }
                defer { lede_xml_free(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// All attributes in document order, names lowercased.
    public var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var property = pointer.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name {
                let node = UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)
                var value = ""
                if let content = xmlNodeGetContent(node) {
                    value = String(cString: content)
                    lede_xml_free(content)
                }
                result.append((String(cString: attributeName).lowercased(), value))
            }
            property = current.pointee.next
        }
        return result
    }

    public var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(pointer: parent, document: document)
    }

    public var firstChild: HTMLNode? { pointer.pointee.children.map { HTMLNode(pointer: $0, document: document) } }
    public var nextSibling: HTMLNode? { pointer.pointee.next.map { HTMLNode(pointer: $0, document: document) } }

    /// The node's children in document order.
    public var children: HTMLChildren { HTMLChildren(first: firstChild) }

    /// The node's element children.
    public var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    /// All text below this node, concatenated as libxml2 does (no whitespace normalisation).
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { lede_xml_free(content) }
        return String(cString: content)
    }

    /// Visits this node and every node below it in document order. Return `false` from
    /// `visit` to skip a node's subtree. Iterative, so very deep documents cannot overflow the stack.
    public func walk(_ visit: (HTMLNode) -> Bool) {
        var stack: [xmlNodePtr] = [pointer]
        while let current = stack.popLast() {
            let node = HTMLNode(pointer: current, document: document)
            guard visit(node) else { continue }
            // Push children in reverse so they pop in document order.
            var children: [xmlNodePtr] = []
            var child = current.pointee.children
            while let next = child {
                children.append(next)
                child = next.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// The first element below this node (or this node) with the given tag name.
    public func firstDescendant(named tag: String) -> HTMLNode? {
        var found: HTMLNode?
        walk { node in
            if found != nil { return false }
            if node.isElement && node.name == tag {
                found = node
                return false
            }
            return true
        }
        return found
    }

    /// Every element below this node (and this node) with one of the given tag names.
    public func descendants(named tags: Set<String>) -> [HTMLNode] {
        var result: [HTMLNode] = []
        walk { node in
            if node.isElement && tags.contains(node.name) { result.append(node) }
            return true
        }
        return result
    }
}

/// The children of an `HTMLNode`, walked lazily through libxml2's sibling links.
public struct HTMLChildren: Sequence {
    let first: HTMLNode?

    public struct Iterator: IteratorProtocol {
        var upcoming: HTMLNode?
        public mutating func next() -> HTMLNode? {
            defer { upcoming = upcoming?.nextSibling }
            return upcoming
        }
    }

    public func makeIterator() -> Iterator { Iterator(upcoming: first) }
}
