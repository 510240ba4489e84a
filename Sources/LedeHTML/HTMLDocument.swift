import CLibXML2
import Foundation

/// A parsed HTML document, built by libxml2's forgiving HTML parser.
///
/// The document owns the libxml2 tree. `HTMLNode` values keep their document alive,
/// so a node can never point into freed memory.
public final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Parses HTML bytes. Never fails: libxml2 recovers from any malformed markup,
    /// and an empty or unparsable input gives an empty document.
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - encoding: an IANA charset name to decode with (e.g. "utf-8", "windows-1252");
    ///     `nil` decides from the BOM, `<meta charset>` and the bytes themselves, as
    ///     `HTMLCharset.detect` does.
    ///   - url: the page address, kept as the document's base.
    public init(bytes: some Collection<UInt8>, encoding: String? = nil, url: String? = nil) {
        LibXML2.initializeOnce()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        )
        let parsed: htmlDocPtr? = bytes.withContiguousStorageIfAvailable { buffer -> htmlDocPtr? in
            Self.decodeAndParse(buffer, encoding: encoding, url: url, options: options)
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            Self.decodeAndParse(buffer, encoding: encoding, url: url, options: options)
        }
        pointer = parsed ?? htmlNewDocNoDtD(nil, nil)
    }

    /// Without a given encoding, decodes to clean UTF-8 first: libxml2's own guess falls back
    /// to Latin-1 for the rest of a page at the first byte that is not UTF-8.
    private static func decodeAndParse(
        _ buffer: UnsafeBufferPointer<UInt8>, encoding: String?, url: String?, options: Int32
    ) -> htmlDocPtr? {
        if let encoding { return parse(buffer, encoding: encoding, url: url, options: options) }
        let charset = HTMLCharset.detect(buffer).charset
        guard let converted = HTMLTranscoder.utf8(buffer, from: charset) else {
            return parse(buffer, encoding: "utf-8", url: url, options: options)
        }
        return converted.withUnsafeBufferPointer { parse($0, encoding: "utf-8", url: url, options: options) }
    }

    /// Parses an HTML string (already decoded, so no charset guessing happens).
    public convenience init(html: String, url: String? = nil) {
        self.init(bytes: Array(html.utf8), encoding: "utf-8", url: url)
    }

    private static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, encoding: String?, url: String?, options: Int32
    ) -> htmlDocPtr? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            htmlReadMemory(chars, Int32(clamping: buffer.count), url, encoding, options)
        }
    }

    deinit { xmlFreeDoc(pointer) }

    /// The `<html>` element, if the document has one.
    public var root: HTMLNode? {
        xmlDocGetRootElement(pointer).map { HTMLNode(pointer: $0, document: self) }
    }

    /// The first `<head>` element.
    public var head: HTMLNode? { root?.firstDescendant(named: "head") }

    /// The first `<body>` element.
    public var body: HTMLNode? { root?.firstDescendant(named: "body") }
}

/// Process-wide libxml2 setup, done once before any parse so that parsing is thread-safe.
enum LibXML2 {
    private static let initialized: Void = {
        xmlInitParser()
    }()

    static func initializeOnce() { _ = initialized }
}
