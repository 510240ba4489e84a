import CLibXML2

/// Builds an `HTMLTree` from libxml2's HTML parser in SAX mode: libxml2 tokenises, decodes
/// entities and repairs the structure (implied and auto-closed elements) as a browser would,
/// while the tree itself is built here straight into arrays, without libxml2's per-node
/// allocations. Depth is capped: elements nested deeper than `maximumDepth` are flattened
/// into their deepest kept ancestor, so no walk over the tree can blow up.
///
/// A struct reached through a pointer rather than a class: the callbacks run for every tag
/// and text run, and class properties would pay for dynamic exclusivity checks on each.
struct HTMLTreeBuilder {
    static let maximumDepth = 512

    private var tags: [HTMLTag] = [.document]
    private var parents: [Int32] = [-1]
    private var ends: [Int32] = [0]
    private var payloadStarts: [Int32] = [0]
    private var payloadCounts: [Int32] = [0]
    private var attributeStore: [HTMLAttribute] = []
    private var otherNames: [Int32: String] = [:]
    private var utf8: [UInt8] = []

    private var openElements: [Int32] = [0]
    private var flattenedDepth = 0
    /// The text node that characters extend, or -1 once an element started or ended.
    private var openText: Int32 = -1
    private var keepsRawText = false

    // libxml2 interns element and attribute names in its dictionary, so a name is identified
    // by its address for the whole parse.
    private var tagByName: [UnsafeRawPointer: HTMLTag] = [:]
    private var attributeNameByName: [UnsafeRawPointer: String] = [:]

    private init(expectedSize: Int) {
        let nodes = max(16, expectedSize / 60)
        tags.reserveCapacity(nodes)
        parents.reserveCapacity(nodes)
        ends.reserveCapacity(nodes)
        payloadStarts.reserveCapacity(nodes)
        payloadCounts.reserveCapacity(nodes)
        utf8.reserveCapacity(expectedSize / 3)
    }

    /// Parses clean UTF-8 (see `HTMLTranscoder`).
    static func build(utf8 input: UnsafeBufferPointer<UInt8>, charset: HTMLCharset) -> HTMLTree {
        LibXML2.initializeOnce()
        let builder = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: HTMLTreeBuilder(expectedSize: input.count))
        defer { builder.deinitialize(count: 1).deallocate() }
        if let base = input.baseAddress, input.count > 0 {
            parse(base, count: input.count, into: builder)
        }
        return builder.pointee.finish(charset: charset)
    }

    private static func parse(_ base: UnsafePointer<UInt8>, count: Int, into builder: UnsafeMutablePointer<HTMLTreeBuilder>) {
        let context = base.withMemoryRebound(to: CChar.self, capacity: count) {
            htmlCreateMemoryParserCtxt($0, Int32(clamping: count))
        }
        guard let context else { return }
        defer { htmlFreeParserCtxt(context) }
        let options =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        _ = htmlCtxtUseOptions(context, Int32(options))
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.startElement(name, attributes)
        }
        handler.endElement = { context, name in
            guard let context, let name else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee.endElement(name)
        }
        handler.characters = { context, characters, length in
            guard let context, let characters, length > 0 else { return }
            context.assumingMemoryBound(to: HTMLTreeBuilder.self).pointee
                .appendText(characters, count: Int(length))
        }
        // libxml2 reports whitespace it thinks is insignificant separately; between inline
        // elements it is significant, so it is kept like any text.
        handler.ignorableWhitespace = handler.characters
        // Raw text of <script> and <style>: only JSON-LD is worth keeping.
        handler.cdataBlock = { context, characters, length in
            guard let context, let characters, length > 0 else { return }
            let builder = context.assumingMemoryBound(to: HTMLTreeBuilder.self)
            if builder.pointee.keepsRawText { builder.pointee.appendText(characters, count: Int(length)) }
        }
        context.pointee.sax.pointee = handler
        context.pointee.userData = UnsafeMutableRawPointer(builder)
        _ = htmlParseDocument(context)
        context.pointee.userData = nil
    }

    private mutating func startElement(
        _ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        openText = -1
        keepsRawText = false
        let tag = tagFor(name)
        guard openElements.count < HTMLTreeBuilder.maximumDepth || tag.isVoid else {
            flattenedDepth += 1
            return
        }
        let index = Int32(tags.count)
        tags.append(tag)
        parents.append(openElements[openElements.count - 1])
        ends.append(index + 1)
        payloadStarts.append(Int32(attributeStore.count))
        var count: Int32 = 0
        if let attributes {
            var position = 0
            while let attributeName = attributes[position] {
                let value = attributes[position + 1].map { String(cString: $0) } ?? ""
                attributeStore.append(HTMLAttribute(name: attributeNameFor(attributeName), value: value))
                count += 1
                position += 2
            }
        }
        payloadCounts.append(count)
        if tag == .other { otherNames[index] = String(cString: name) }
        if tag == .script {
            let start = attributeStore.count - Int(count)
            keepsRawText = attributeStore[start...].contains {
                $0.name == "type" && $0.value.lowercased().contains("json")
            }
        }
        // Void elements never hold content. libxml2 knows only HTML 4's: it keeps newer ones
        // (`<source>` in `<picture>`, `<track>`, `<wbr>`) open and nests what follows inside
        // them, so the tree closes them at once and ignores libxml2's later end events.
        if !tag.isVoid { openElements.append(index) }
    }

    private mutating func endElement(_ name: UnsafePointer<xmlChar>) {
        openText = -1
        keepsRawText = false
        if tagFor(name).isVoid { return }
        if flattenedDepth > 0 {
            flattenedDepth -= 1
            return
        }
        guard openElements.count > 1 else { return }
        let index = Int(openElements.removeLast())
        ends[index] = Int32(tags.count)
    }

    private mutating func appendText(_ characters: UnsafePointer<xmlChar>, count: Int) {
        let bytes = UnsafeBufferPointer(start: characters, count: count)
        if openText >= 0 {
            utf8.append(contentsOf: bytes)
            payloadCounts[Int(openText)] += Int32(count)
            return
        }
        let index = Int32(tags.count)
        tags.append(.text)
        parents.append(openElements[openElements.count - 1])
        ends.append(index + 1)
        payloadStarts.append(Int32(utf8.count))
        payloadCounts.append(Int32(count))
        utf8.append(contentsOf: bytes)
        openText = index
    }

    private mutating func tagFor(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        let key = UnsafeRawPointer(name)
        if let tag = tagByName[key] { return tag }
        let tag = HTMLTag(name: String(cString: name))
        tagByName[key] = tag
        return tag
    }

    private mutating func attributeNameFor(_ name: UnsafePointer<xmlChar>) -> String {
        let key = UnsafeRawPointer(name)
        if let known = attributeNameByName[key] { return known }
        let string = String(cString: name).lowercased()
        attributeNameByName[key] = string
        return string
    }

    private mutating func finish(charset: HTMLCharset) -> HTMLTree {
        // Close whatever the parser left open.
        for index in openElements { ends[Int(index)] = Int32(tags.count) }
        return HTMLTree(
            charset: charset, tags: tags, parents: parents, ends: ends, payloadStarts: payloadStarts,
            payloadCounts: payloadCounts, attributeStore: attributeStore, otherNames: otherNames, utf8: utf8)
    }
}
