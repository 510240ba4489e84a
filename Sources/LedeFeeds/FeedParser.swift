import Foundation

/// Parses RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0, CDF and JSON Feed 1.0/1.1 documents.
///
/// Bytes in, values out: no network, no disk. The XML formats are read with libxml2's SAX2
/// push parser (no DTD, no external entities, no network), in bounded memory; a document that
/// is not well-formed is read again with a forgiving reader and flagged
/// (`ParsedFeed.isWellFormed == false`), as feed readers must cope with broken feeds.
public struct FeedParser: Sendable {
    public init() {}

    /// Parses a whole feed.
    /// - Parameters:
    ///   - data: the document as fetched.
    ///   - url: where it was fetched from; relative links are resolved against it.
    ///   - contentType: the HTTP `Content-Type`, if known; its charset and media type take part
    ///     in choosing the character encoding (RFC 3023).
    ///   - contentLanguage: the HTTP `Content-Language`, if known: the language of text the feed
    ///     does not label itself.
    /// - Throws: `FeedParserError` when the bytes are not a feed at all (an HTML page, empty input,
    ///   JSON that is not a JSON Feed).
    public func parse(
        _ data: some Collection<UInt8>, url: URL?, contentType: String? = nil, contentLanguage: String? = nil
    ) throws(FeedParserError) -> ParsedFeed {
        var items: [ParsedItem] = []
        var feed = try parse(
            data, url: url, contentType: contentType, contentLanguage: contentLanguage, batchSize: 1024
        ) { batch in
            items.append(contentsOf: batch)
        }
        feed.items = items
        return feed
    }

    /// Parses a feed and hands its items over in batches as they are read, so that a feed with
    /// a hundred thousand items never holds them all in memory.
    /// - Parameters:
    ///   - batchSize: the number of items per call of `onBatch` (the last batch may be smaller).
    ///   - onBatch: receives the items, in document order.
    /// - Returns: the feed's own description, with `items` empty.
    /// - Throws: `FeedParserError` when the bytes are not a feed at all; no batch has then been
    ///   delivered.
    public func parse(
        _ data: some Collection<UInt8>, url: URL?, contentType: String? = nil, contentLanguage: String? = nil,
        batchSize: Int, onBatch: ([ParsedItem]) -> Void
    ) throws(FeedParserError) -> ParsedFeed {
        let context = DocumentContext(
            base: url?.absoluteString, contentType: contentType, language: contentLanguage?.nilIfEmpty)
        let result: Result<ParsedFeed, FeedParserError>? = data.withContiguousStorageIfAvailable { buffer in
            Result { () throws(FeedParserError) in
                try parseBuffer(buffer, context: context, batchSize: batchSize, onBatch: onBatch)
            }
        }
        if let result { return try result.get() }
        let copy = Array(data)
        return try copy.withUnsafeBufferPointer { buffer throws(FeedParserError) in
            try parseBuffer(buffer, context: context, batchSize: batchSize, onBatch: onBatch)
        }
    }

    private func parseBuffer(
        _ buffer: UnsafeBufferPointer<UInt8>, context: DocumentContext, batchSize: Int,
        onBatch: ([ParsedItem]) -> Void
    ) throws(FeedParserError) -> ParsedFeed {
        let base = context.base
        let contentType = context.contentType
        switch FeedSniffer.kind(of: buffer) {
        case .empty:
            throw .empty
        case .json:
            var feed = try JSONFeedReader.read(buffer, documentBase: base)
            let items = feed.items
            feed.items = []
            for start in stride(from: 0, to: items.count, by: max(1, batchSize)) {
                onBatch(Array(items[start..<min(items.count, start + max(1, batchSize))]))
            }
            return feed
        case .markup:
            let decoded = FeedTextDecoder.decode(buffer, contentType: contentType)
            if let converted = decoded.converted {
                return try converted.withUnsafeBufferPointer { bytes throws(FeedParserError) in
                    try XMLFeedParse.run(
                        bytes: bytes, decoded: decoded, context: context, batchSize: batchSize, onBatch: onBatch)
                }
            }
            return try XMLFeedParse.run(
                bytes: UnsafeBufferPointer(rebasing: buffer[decoded.start...]), decoded: decoded, context: context,
                batchSize: batchSize, onBatch: onBatch)
        }
    }
}

/// What the transport said about the document.
private struct DocumentContext {
    var base: String?
    var contentType: String?
    var language: String?
}

/// One XML feed parse: libxml2 first, the forgiving reader if the document is not well-formed.
private enum XMLFeedParse {
    static func run(
        bytes: UnsafeBufferPointer<UInt8>, decoded: DecodedFeedBytes, context: DocumentContext, batchSize: Int,
        onBatch: ([ParsedItem]) -> Void
    ) throws(FeedParserError) -> ParsedFeed {
        var problems: [String] = decoded.problem.map { [$0] } ?? []
        var document = bytes
        // An XML declaration must come first; text editors and templates often put a blank
        // line before it.
        let leading = document.prefix(while: { FeedDateParser.isSpace($0) }).count
        if leading > 0, XMLDeclaration.matches("<?xml", in: document, at: leading) {
            problems.append("whitespace before the XML declaration")
            document = UnsafeBufferPointer(rebasing: document[leading...])
        }

        var builder = FeedBuilder(documentBase: context.base, documentLanguage: context.language)
        var delivered = 0
        var toSkip = 0
        /// Hands out the items read so far once there are enough of them, and only once the
        /// document is known to be a feed, so an HTML page never produces a batch before its error.
        func deliver(from builder: FeedBuilder, atLeast minimum: Int) {
            guard builder.isFeedDocument, builder.completedItems.count >= minimum else { return }
            var items = builder.takeCompletedItems()
            let skipped = min(toSkip, items.count)
            items.removeFirst(skipped)
            toSkip -= skipped
            var start = 0
            while start < items.count {
                let end = min(items.count, start + max(1, batchSize))
                onBatch(Array(items[start..<end]))
                start = end
            }
            delivered += items.count
        }
        let reader = LibXMLFeedReader(builder: builder, inputSize: document.count)
        let strictBuilder = builder
        let wellFormed = reader.parse(document) { deliver(from: strictBuilder, atLeast: batchSize) }
        if !wellFormed {
            problems.append(reader.fatalError ?? "not well-formed")
        }
        // Junk after the root element (a server's error message, a second copy) leaves the feed
        // whole; anything else is read again, forgivingly, skipping the items already handed out.
        if !wellFormed && !strictBuilder.isRootClosed {
            builder = FeedBuilder(documentBase: context.base, documentLanguage: context.language)
            toSkip = delivered
            var forgiving = ForgivingXMLReader(document, builder: builder)
            let forgivingBuilder = builder
            forgiving.read { deliver(from: forgivingBuilder, atLeast: batchSize) }
        }
        problems.append(contentsOf: builder.problems)
        try checkIsFeed(builder)
        let feed = builder.finish(encoding: decoded.encoding.lowercased(), issue: problems.first)
        deliver(from: builder, atLeast: 0)
        return feed
    }

    private static func checkIsFeed(_ builder: FeedBuilder) throws(FeedParserError) {
        guard let root = builder.rootName else {
            throw .notAFeed(reason: "it contains no XML elements")
        }
        if root == "html" || root == "xhtml" {
            throw .notAFeed(reason: "it is an HTML page; look for the feed it links to with FeedDiscovery")
        }
        guard builder.hasFeedStructure || ["rss", "rdf", "feed", "channel"].contains(root) else {
            throw .notAFeed(reason: "its root element is <\(root)>, which is not RSS, Atom or CDF")
        }
    }
}
