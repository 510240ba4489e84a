import LedeHTML

/// Reads markup that is not well-formed XML the way feed readers have always had to: an end tag
/// closes the nearest open element with its name (and anything left open inside it) or is
/// ignored, bare ampersands are text, HTML entities are understood, unclosed elements are closed
/// at the end. Used when libxml2 stops at a fatal error; reports to the same `FeedBuilder`.
///
/// Entities get the same safety rules as in `LibXMLFeedReader`: only plain-text internal
/// declarations are expanded, and never beyond the document's own size.
struct ForgivingXMLReader<Sink: XMLEventSink> {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let builder: Sink
    private var index = 0
    private var open: [OpenElement] = []
    /// Namespace declarations in scope, innermost last, with the depth of the element that made
    /// them; kept apart from `open` so a lookup does not walk every open element.
    private var namespaceScopes: [(depth: Int, declarations: [String: String])] = []
    private var declaredEntities: [String: String] = [:]
    private var expandedBytes = 0
    private var pendingText: [UInt8] = []
    private var afterElement: (() -> Void)?

    private struct OpenElement {
        var qualifiedName: String
        /// Lowercased, to match end tags written in another case.
        var key: String
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, builder: Sink) {
        self.bytes = bytes
        self.builder = builder
    }

    /// Reads the whole document, calling `afterElement` each time an element closes (so items
    /// can be handed out while the rest is read).
    mutating func read(afterElement: () -> Void = {}) {
        withoutActuallyEscaping(afterElement) { callback in
            self.afterElement = callback
            readDocument()
            self.afterElement = nil
        }
    }

    private mutating func readDocument() {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                readMarkup()
            } else if byte == UInt8(ascii: "&") {
                readReference()
            } else {
                let start = index
                while index < count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") { index += 1 }
                pendingText.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
        }
        flushText()
        while !open.isEmpty { closeTop() }
    }

    // MARK: - Markup

    private mutating func readMarkup() {
        let count = bytes.count
        guard index + 1 < count else {
            pendingText.append(UInt8(ascii: "<"))
            index += 1
            return
        }
        let next = bytes[index + 1]
        if next == UInt8(ascii: "!") {
            if starts(with: "<!--") {
                index = end(of: "-->", from: index + 4) ?? count
            } else if starts(with: "<![CDATA[") {
                let contentStart = index + 9
                let close = find("]]>", from: contentStart)
                pendingText.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<(close ?? count)]))
                index = close.map { $0 + 3 } ?? count
            } else if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") {
                readDoctype()
            } else {
                index = end(of: ">", from: index + 2) ?? count
            }
        } else if next == UInt8(ascii: "?") {
            index = end(of: "?>", from: index + 2) ?? count
        } else if next == UInt8(ascii: "/") {
            readEndTag()
        } else if isNameStart(next) {
            readStartTag()
        } else {
            pendingText.append(UInt8(ascii: "<"))
            index += 1
        }
    }

    private mutating func readStartTag() {
        let count = bytes.count
        let tagStart = index
        index += 1
        let nameStart = index
        while index < count, isNameByte(bytes[index]) { index += 1 }
        let qualifiedName = string(nameStart..<index)
        var attributes: [(String, String)] = []
        var selfClosing = false
        while index < count {
            while index < count, isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
                continue
            }
            if byte == UInt8(ascii: "<") { break }  // a tag that never closed
            selfClosing = false
            let attributeStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "/") || (index + 1 < count && bytes[index + 1] != UInt8(ascii: ">"))
            {
                index += 1
            }
            let attributeName = string(attributeStart..<index)
            while index < count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    var valueEnd = valueStart
                    while valueEnd < count, bytes[valueEnd] != quote { valueEnd += 1 }
                    value = decoded(valueStart..<valueEnd)
                    index = min(valueEnd + 1, count)
                } else {
                    let valueStart = index
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = decoded(valueStart..<index)
                }
            }
            if !attributeName.isEmpty { attributes.append((attributeName, value)) }
        }
        guard !qualifiedName.isEmpty else {
            index = tagStart + 1
            pendingText.append(UInt8(ascii: "<"))
            return
        }
        flushText()
        var declarations: [String: String] = [:]
        for (name, value) in attributes {
            if name == "xmlns" {
                declarations[""] = value
            } else if name.hasPrefix("xmlns:") {
                declarations[String(name.dropFirst(6))] = value
            }
        }
        open.append(OpenElement(qualifiedName: qualifiedName, key: qualifiedName.lowercased()))
        if !declarations.isEmpty { namespaceScopes.append((open.count, declarations)) }
        for (prefix, uri) in declarations {
            builder.declareNamespace(prefix: prefix.isEmpty ? nil : prefix, uri: uri)
        }
        let name = elementName(qualifiedName)
        let resolvedAttributes = attributes.compactMap { attribute -> XMLAttribute? in
            let (name, value) = attribute
            guard name != "xmlns", !name.hasPrefix("xmlns:") else { return nil }
            let (prefix, local) = split(name)
            let namespace: FeedNamespace
            if let prefix {
                namespace =
                    prefix == "xml" ? .xml : (uri(for: prefix).map(FeedNamespace.init(uri:)) ?? FeedNamespace(conventionalPrefix: prefix))
            } else {
                namespace = .none
            }
            return XMLAttribute(namespace: namespace, localName: local, prefix: prefix, value: value)
        }
        builder.startElement(name, attributes: resolvedAttributes)
        if selfClosing || (builder.isInsideMarkup && FeedBuilder.voidHTMLElements.contains(name.localName.lowercased())) {
            closeTop()
        }
    }

    private mutating func readEndTag() {
        let count = bytes.count
        index += 2
        let nameStart = index
        while index < count, isNameByte(bytes[index]) { index += 1 }
        let name = string(nameStart..<index).lowercased()
        index = end(of: ">", from: index) ?? count
        // Only recent elements are searched: an end tag matching nothing near is noise, and a
        // bounded search keeps thousands of unclosed tags from making the read quadratic.
        let searchStart = max(0, open.count - 256)
        guard !name.isEmpty, let position = open[searchStart...].lastIndex(where: { $0.key == name }) else {
            return
        }
        flushText()
        while open.count > position { closeTop() }
    }

    private mutating func closeTop() {
        flushText()
        guard !open.isEmpty else { return }
        builder.endElement()
        if namespaceScopes.last?.depth == open.count { namespaceScopes.removeLast() }
        open.removeLast()
        afterElement?()
    }

    private mutating func readDoctype() {
        let count = bytes.count
        let start = index
        var cursor = index + 9
        var bracketDepth = 0
        while cursor < count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "[") {
                bracketDepth += 1
            } else if byte == UInt8(ascii: "]") {
                bracketDepth -= 1
            } else if byte == UInt8(ascii: ">") && bracketDepth <= 0 {
                break
            } else if byte == UInt8(ascii: "<") && bracketDepth > 0 && starts(with: "<!ENTITY", at: cursor) {
                cursor = readEntityDeclaration(at: cursor)
                continue
            }
            cursor += 1
        }
        builder.documentType(declaration: string(start..<min(cursor, count)))
        index = min(cursor + 1, count)
    }

    /// `<!ENTITY name "plain text">` is kept; parameter, external and nested entities are not.
    private mutating func readEntityDeclaration(at start: Int) -> Int {
        let count = bytes.count
        let close = end(of: ">", from: start) ?? count
        let declaration = string((start + 8)..<max(start + 8, close - 1)).trimmingWhitespace()
        let parts = declaration.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        if parts.count == 2, parts[0] != "%" {
            let value = parts[1].trimmingCharacters(in: " \t\r\n")
            if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                let literal = String(value.dropFirst().dropLast())
                if !literal.contains("&") && !literal.contains("%") && literal.utf8.count <= 4096 {
                    declaredEntities[String(parts[0])] = literal
                }
            }
        }
        return close
    }

    // MARK: - Text and references

    private mutating func readReference() {
        let count = bytes.count
        var cursor = index + 1
        if cursor < count, bytes[cursor] == UInt8(ascii: "#") {
            if let (scalars, end) = HTMLCharacterReferences.reference(in: bytes, at: index, requireSemicolon: false) {
                for scalar in scalars { pendingText.append(contentsOf: String(scalar).utf8) }
                index = end
                return
            }
        } else {
            while cursor < count, cursor - index <= 32, isNameByte(bytes[cursor]) { cursor += 1 }
            if cursor < count, cursor > index + 1, bytes[cursor] == UInt8(ascii: ";") {
                let name = string((index + 1)..<cursor)
                if let replacement = replacement(forEntity: name) {
                    pendingText.append(contentsOf: replacement.utf8)
                    index = cursor + 1
                    return
                }
            }
        }
        pendingText.append(UInt8(ascii: "&"))
        index += 1
    }

    private mutating func replacement(forEntity name: String) -> String? {
        let value: String?
        switch name {
        case "amp": value = "&"
        case "lt": value = "<"
        case "gt": value = ">"
        case "quot": value = "\""
        case "apos": value = "'"
        default: value = declaredEntities[name] ?? HTMLCharacterReferences.character(named: name)
        }
        guard let value else { return nil }
        expandedBytes += value.utf8.count
        return expandedBytes > max(1 << 20, bytes.count) ? "" : value
    }

    private mutating func decoded(_ range: Range<Int>) -> String {
        let saved = (index, pendingText)
        pendingText = []
        index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "&") {
                readReference()
            } else {
                pendingText.append(bytes[index])
                index += 1
            }
        }
        let result = String(decoding: pendingText, as: UTF8.self)
        (index, pendingText) = saved
        return result
    }

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        pendingText.withUnsafeBufferPointer { builder.characters($0) }
        pendingText.removeAll(keepingCapacity: true)
    }

    // MARK: - Names

    private func elementName(_ qualifiedName: String) -> XMLElementName {
        let (prefix, local) = split(qualifiedName)
        let namespaceURI = uri(for: prefix ?? "")
        let namespace: FeedNamespace
        if let namespaceURI {
            namespace = FeedNamespace(uri: namespaceURI)
        } else if let prefix {
            namespace = FeedNamespace(conventionalPrefix: prefix)
        } else {
            namespace = .none
        }
        return XMLElementName(
            element: FeedElement(namespace: namespace, localName: local), namespace: namespace, localName: local,
            prefix: prefix, namespaceURI: namespaceURI)
    }

    private func uri(for prefix: String) -> String? {
        for scope in namespaceScopes.reversed() {
            if let uri = scope.declarations[prefix] { return uri.isEmpty ? nil : uri }
        }
        return nil
    }

    private func split(_ qualifiedName: String) -> (String?, String) {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return (nil, qualifiedName) }
        return (String(qualifiedName[..<colon]), String(qualifiedName[qualifiedName.index(after: colon)...]))
    }

    // MARK: - Bytes

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func starts(with literal: String, at position: Int? = nil) -> Bool {
        XMLDeclaration.matches(literal, in: bytes, at: position ?? index)
    }

    private func find(_ literal: String, from start: Int) -> Int? {
        let first = literal.utf8.first!
        var cursor = start
        while cursor < bytes.count {
            if bytes[cursor] == first, XMLDeclaration.matches(literal, in: bytes, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    /// The index just past the next `literal`.
    private func end(of literal: String, from start: Int) -> Int? {
        find(literal, from: start).map { $0 + literal.utf8.count }
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
            || byte >= 0x80
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
