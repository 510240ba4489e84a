internal import CLibXML2
import LedeHTML

/// Reads a feed with libxml2's SAX2 push parser and reports its elements to a `FeedBuilder`.
///
/// Safe by construction: no DTD is loaded, no network is used, and entities are resolved by
/// this reader alone. Declared entities are kept only when their value is plain text (no
/// references, so no billion-laughs expansion); external ones (`SYSTEM "file:///etc/passwd"`)
/// are never read; HTML's named entities, which feeds use without declaring, are understood
/// but flag the document as not well-formed. The parser stops at the first fatal error and
/// reports it, so the caller can read the document again with the forgiving reader.
final class LibXMLFeedReader {
    private let builder: FeedBuilder
    /// The builder again, for the hottest callbacks, which call it without retaining it: the
    /// reader never outlives the builder it was made for.
    private let unretainedBuilder: Unmanaged<FeedBuilder>
    /// The first fatal well-formedness error, if any.
    private(set) var fatalError: String?
    private var parser: xmlParserCtxtPtr?
    private var elementNames: [NameKey: XMLElementName] = [:]
    private var attributeNames: [NameKey: (FeedNamespace, String, String, String?)] = [:]
    private var declaredEntities: [String: String] = [:]
    private var entities: [String: UnsafeMutablePointer<xmlEntity>] = [:]
    /// Bytes produced by entity references so far; bounded to stop quadratic blow-ups.
    private var expandedBytes = 0
    private let expansionBudget: Int

    private struct NameKey: Hashable {
        var localName: Int
        var prefix: Int
        var uri: Int
    }

    init(builder: FeedBuilder, inputSize: Int) {
        self.builder = builder
        unretainedBuilder = Unmanaged.passUnretained(builder)
        expansionBudget = max(1 << 20, inputSize)
        LibXMLSetup.once()
    }

    deinit {
        for entity in entities.values {
            lede_xml_free(entity.pointee.name.map { UnsafeMutableRawPointer(mutating: $0) })
            lede_xml_free(entity.pointee.content)
            entity.deallocate()
        }
    }

    /// Parses `bytes` (UTF-8) in chunks, calling `afterChunk` after each so items can be handed
    /// out while the rest is read.
    /// - Returns: `true` when the whole document was read without a fatal error.
    func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, chunkSize: Int = 1 << 18, afterChunk: () throws -> Void
    ) rethrows
        -> Bool
    {
        var handler = Self.makeHandler()
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil) else {
            fatalError = "libxml2 could not create a parser"
            return false
        }
        self.parser = parser
        defer {
            xmlFreeParserCtxt(parser)
            self.parser = nil
        }
        let options =
            XML_PARSE_NONET.rawValue | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue
        xmlCtxtUseOptions(parser, Int32(options))
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        var offset = 0
        repeat {
            let length = min(chunkSize, bytes.count - offset)
            let isLast = offset + length == bytes.count
            (base + offset).withMemoryRebound(to: CChar.self, capacity: length) { chunk in
                _ = xmlParseChunk(parser, chunk, Int32(length), isLast ? 1 : 0)
            }
            offset += length
            if fatalError != nil { return false }
            try afterChunk()
        } while offset < bytes.count
        return fatalError == nil
    }

    // MARK: - Callbacks

    fileprivate func startElement(
        localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if let namespaces {
            for index in 0..<namespaceCount {
                guard let namespaceURI = namespaces[index * 2 + 1] else { continue }
                builder.declareNamespace(
                    prefix: namespaces[index * 2].map { String(cString: $0) }, uri: String(cString: namespaceURI))
            }
        }
        let name = elementName(localName: localName, prefix: prefix, uri: uri)
        var decoded: [XMLAttribute] = []
        if let attributes, attributeCount > 0 {
            decoded.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let base = index * 5
                guard let attributeName = attributes[base], let start = attributes[base + 3],
                    let end = attributes[base + 4]
                else { continue }
                let (namespace, local, key, attributePrefix) = self.attributeName(
                    localName: attributeName, prefix: attributes[base + 1], uri: attributes[base + 2])
                decoded.append(
                    XMLAttribute(
                        namespace: namespace, localName: local, key: key, prefix: attributePrefix,
                        value: Self.attributeValue(start, end)))
            }
        }
        builder.startElement(name, attributes: decoded)
    }

    fileprivate func endElement() {
        unretainedBuilder._withUnsafeGuaranteedRef { $0.endElement() }
    }

    fileprivate func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        unretainedBuilder._withUnsafeGuaranteedRef { $0.characters(UnsafeBufferPointer(start: bytes, count: count)) }
    }

    fileprivate func error(_ error: xmlErrorPtr) {
        let message = error.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "XML error"
        switch error.pointee.level {
        case XML_ERR_FATAL:
            if fatalError == nil { fatalError = "line \(error.pointee.line): \(message)" }
        case XML_ERR_ERROR:
            builder.problems.append(message)
        default:
            break
        }
    }

    fileprivate func declareEntity(name: String, type: Int32, content: String?) {
        // Only plain-text internal entities: a reference inside one could expand exponentially,
        // and external ones would read files or the network.
        guard type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), let content, !content.contains("&"),
            !content.contains("%"), content.utf8.count <= 4096
        else { return }
        if declaredEntities[name] == nil { declaredEntities[name] = content }
    }

    fileprivate func entity(named name: String) -> xmlEntityPtr? {
        let replacement: String
        if let declared = declaredEntities[name] {
            replacement = declared
        } else if let character = HTMLCharacterReferences.character(named: name) {
            builder.problems.append("undefined entity &\(name);")
            replacement = character
        } else {
            builder.problems.append("undefined entity &\(name);")
            replacement = "&\(name);"
        }
        expandedBytes += replacement.utf8.count
        if expandedBytes > expansionBudget {
            if fatalError == nil { fatalError = "entity expansion exceeds the document's size" }
            if let parser { xmlStopParser(parser) }
            return nil
        }
        if let existing = entities[name] { return existing }
        let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        // "Predefined" makes libxml2 insert the value as text, never parse it as markup.
        entity.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
        entity.pointee.name = UnsafePointer(Self.duplicate(name))
        entity.pointee.content = Self.duplicate(replacement)
        entity.pointee.length = Int32(replacement.utf8.count)
        entities[name] = entity
        return entity
    }

    /// Parameter entities only matter to DTDs, which are never read: every reference is
    /// answered with an external entity libxml2 then skips.
    fileprivate func parameterEntity(named name: String) -> xmlEntityPtr? {
        let key = "%" + name
        if let existing = entities[key] { return existing }
        let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        entity.pointee.etype = XML_EXTERNAL_PARAMETER_ENTITY
        entity.pointee.name = UnsafePointer(Self.duplicate(name))
        entities[key] = entity
        return entity
    }

    fileprivate func documentType(publicID: String?, systemID: String?) {
        let identifiers = ((publicID ?? "") + " " + (systemID ?? "")).lowercased()
        if identifiers.contains("netscape") { builder.isNetscapeRSS = true }
    }

    /// A copy of `string` in libxml2's allocator, for fields libxml2 may read.
    private static func duplicate(_ string: String) -> UnsafeMutablePointer<xmlChar>? {
        string.withCString { xmlStrdup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    // MARK: - Names

    private func elementName(
        localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?
    ) -> XMLElementName {
        // libxml2 interns names in its dictionary, so pointers identify them for the whole parse.
        let key = NameKey(
            localName: Int(bitPattern: localName), prefix: Int(bitPattern: prefix), uri: Int(bitPattern: uri))
        if let cached = elementNames[key] { return cached }
        let local = String(cString: localName)
        let prefixString = prefix.map { String(cString: $0) }
        let uriString = uri.map { String(cString: $0) }
        let namespace: FeedNamespace
        if let uriString {
            namespace = FeedNamespace(uri: uriString)
        } else if let prefixString {
            namespace = FeedNamespace(conventionalPrefix: prefixString)
        } else {
            namespace = .none
        }
        let name = XMLElementName(
            element: FeedElement(namespace: namespace, localName: local), namespace: namespace, localName: local,
            prefix: prefixString, namespaceURI: uriString)
        elementNames[key] = name
        return name
    }

    private func attributeName(
        localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?
    ) -> (FeedNamespace, String, String, String?) {
        let key = NameKey(
            localName: Int(bitPattern: localName), prefix: Int(bitPattern: prefix), uri: Int(bitPattern: uri))
        if let cached = attributeNames[key] { return cached }
        let prefixString = prefix.map { String(cString: $0) }
        let namespace: FeedNamespace
        if let uri {
            namespace = FeedNamespace(uri: String(cString: uri))
        } else if let prefixString {
            namespace = FeedNamespace(conventionalPrefix: prefixString)
        } else {
            namespace = .none
        }
        let local = String(cString: localName)
        let result = (namespace, local, local.lowercased(), prefixString)
        attributeNames[key] = result
        return result
    }

    /// libxml2 hands attribute values with references decoded, except `&`, which it leaves as
    /// `&#38;` for a later pass that SAX users never get.
    private static func attributeValue(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + 4 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
                bytes[index + 2] == UInt8(ascii: "3"), bytes[index + 3] == UInt8(ascii: "8"),
                bytes[index + 4] == UInt8(ascii: ";")
            {
                output.append(UInt8(ascii: "&"))
                index += 5
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Handler table

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let localName else { return }
            feedReader(context).startElement(
                localName: localName, prefix: prefix, uri: uri, namespaceCount: Int(namespaceCount),
                namespaces: namespaces, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            withFeedReader(context) { $0.endElement() }
        }
        handler.characters = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            withFeedReader(context) { $0.characters(bytes, Int(count)) }
        }
        handler.cdataBlock = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            feedReader(context).characters(bytes, Int(count))
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            feedReader(context).error(error)
        }
        handler.getEntity = { context, name in
            guard let name else { return nil }
            return feedReader(context).entity(named: String(cString: name))
        }
        handler.getParameterEntity = { context, name in
            guard let name else { return nil }
            return feedReader(context).parameterEntity(named: String(cString: name))
        }
        handler.entityDecl = { context, name, type, _, _, content in
            guard let name else { return }
            feedReader(context).declareEntity(
                name: String(cString: name), type: type, content: content.map { String(cString: $0) })
        }
        handler.internalSubset = { context, _, publicID, systemID in
            feedReader(context).documentType(
                publicID: publicID.map { String(cString: $0) }, systemID: systemID.map { String(cString: $0) })
        }
        return handler
    }
}

/// The reader behind libxml2's user-data pointer. A free function, as C callbacks cannot
/// capture anything.
private func feedReader(_ context: UnsafeMutableRawPointer?) -> LibXMLFeedReader {
    Unmanaged<LibXMLFeedReader>.fromOpaque(context!).takeUnretainedValue()
}

/// Calls into the reader without retaining it: it outlives the parse that calls back.
@inline(__always)
private func withFeedReader(_ context: UnsafeMutableRawPointer?, _ body: (LibXMLFeedReader) -> Void) {
    Unmanaged<LibXMLFeedReader>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
}

/// Process-wide libxml2 initialisation, done once before any parse so parsing is thread-safe.
enum LibXMLSetup {
    private static let initialized: Void = { xmlInitParser() }()

    static func once() { _ = initialized }
}
