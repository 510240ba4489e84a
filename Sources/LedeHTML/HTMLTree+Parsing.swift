extension HTMLTree {
    /// Parses a page from its raw bytes. Never fails: malformed markup is repaired, and an
    /// empty or unparsable input gives a tree with only the document node.
    /// - Parameters:
    ///   - bytes: the page as received.
    ///   - contentType: the HTTP `Content-Type` header, whose charset is one piece of
    ///     evidence for decoding (see `HTMLCharset.detect`).
    public init(bytes: some Collection<UInt8>, contentType: String? = nil) {
        let tree =
            bytes.withContiguousStorageIfAvailable { HTMLTree.parse($0, contentType: contentType) }
            ?? Array(bytes).withUnsafeBufferPointer { HTMLTree.parse($0, contentType: contentType) }
        self = tree
    }

    /// Parses an already decoded page.
    public init(html: String) {
        var html = html
        self = html.withUTF8 { buffer in
            let repaired = HTMLTranscoder.repairedUTF8(buffer)
            if let repaired {
                return repaired.withUnsafeBufferPointer { HTMLTreeBuilder.build(utf8: $0, charset: .utf8) }
            }
            return HTMLTreeBuilder.build(utf8: buffer, charset: .utf8)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?) -> HTMLTree {
        let validity = UTF8Validity(bytes)
        let charset = HTMLCharset.detect(bytes, contentType: contentType, validity: validity).charset
        if charset == .utf8, validity.isCleanUTF8, HTMLCharset.byteOrderMark(bytes) == nil {
            return HTMLTreeBuilder.build(utf8: bytes, charset: charset)
        }
        if let converted = HTMLTranscoder.utf8(bytes, from: charset) {
            return converted.withUnsafeBufferPointer { HTMLTreeBuilder.build(utf8: $0, charset: charset) }
        }
        return HTMLTreeBuilder.build(utf8: bytes, charset: charset)
    }
}
