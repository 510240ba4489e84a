import Foundation
import LedeHTML

/// Extracts an article from a web page: its main text without navigation, ads, related
/// links, comments and other boilerplate, plus the facts the page states about it.
///
/// Works on any site from general evidence (text density, link density, the DOM's shape,
/// schema.org, Open Graph, `<time>`, `<article>`) rather than per-site rules. Pure: bytes in,
/// value out; safe to call from any number of tasks at once.
public struct ArticleExtractor: Sendable {
    public init() {}

    /// Extracts the article of a page.
    /// - Parameters:
    ///   - bytes: the page as received.
    ///   - url: the page's address, used to resolve relative links and as date evidence.
    ///   - contentType: the HTTP `Content-Type` header, whose charset helps decoding.
    /// - Throws: `ExtractionError.noArticle(reason:)` when the page holds no article.
    public func extract(
        _ bytes: some Collection<UInt8>, url: URL?, contentType: String? = nil
    ) throws(ExtractionError) -> ExtractedArticle {
        let tree = HTMLTree(bytes: bytes, contentType: contentType)
        return try extract(tree, url: url)
    }

    /// Extracts the article of an already parsed page.
    public func extract(_ tree: HTMLTree, url: URL?) throws(ExtractionError) -> ExtractedArticle {
        let facts = PageFacts(tree: tree)
        let schema = JSONLDReader.read(facts.jsonLD)
        var article = ExtractedArticle()
        do throws(ExtractionError) {
            (article.paragraphs, article.html) = try mainText(tree, url: url)
        } catch {
            // Some pages render their text with scripts and carry it only in their schema.org
            // data; that copy is better than nothing.
            guard let body = schema.body, body.count >= ArticleExtractor.minimumSchemaBody else { throw error }
            (article.paragraphs, article.html) = ArticleExtractor.schemaText(body)
        }
        if let body = schema.body, body.count >= ArticleExtractor.minimumSchemaBody,
            body.count > 2 * article.paragraphs.reduce(0, { $0 + $1.count })
        {
            // The markup held much less than the page's own statement of its text: a paywall
            // teaser, or text the parser could not reach.
            (article.paragraphs, article.html) = ArticleExtractor.schemaText(body)
        }
        let sample = article.paragraphs.prefix(20).joined(separator: " ")
        MetadataReader(tree: tree, url: url, facts: facts, schema: schema).read(into: &article, mainText: sample[...])
        return article
    }

    static let minimumSchemaBody = 300

    /// The main text's paragraphs and display HTML, found in the markup.
    private func mainText(_ tree: HTMLTree, url: URL?) throws(ExtractionError) -> ([String], String) {
        let body = tree.firstElement(.body) ?? HTMLTree.documentNode
        let mask = BoilerplateMask(tree: tree)
        var segmenter = BlockSegmenter(tree: tree, dropped: mask.dropped)
        segmenter.segment(body)
        var finder = ContentRootFinder(tree: tree, mask: mask, blocks: segmenter.blocks)
        guard let root = finder.root(in: body) else {
            throw .noArticle(reason: "the page has no block of running text")
        }
        var roots = [root]
        roots += finder.companions(of: root, in: body)
        roots.sort()
        let selected = BlockSelector(tree: tree, finder: finder, segmenter: segmenter).select(roots: roots)
        let textBlocks = selected.filter { segmenter.blocks[$0].kind != .image }
        try ArticleExtractor.checkIsArticle(
            textBlocks.map { segmenter.blocks[$0] }, tree: tree, finder: finder, root: root, body: body)
        let paragraphs = textBlocks.map { segmenter.text(of: segmenter.blocks[$0]) }
        var writer = DisplayHTMLWriter(tree: tree, dropped: mask.dropped, segmenter: segmenter, baseURL: url)
        // The writer emits only a small clean subset already; the sanitizer is the one place
        // that decides what is safe to show, so its rules apply here too.
        return (paragraphs, HTMLSanitizer().sanitize(writer.write(selected), baseURL: url))
    }

    /// Paragraphs and display HTML from a schema.org `articleBody` (plain text, paragraphs on
    /// their own lines).
    static func schemaText(_ body: String) -> ([String], String) {
        let paragraphs = body.split(whereSeparator: \.isNewline).map { Text.normalized(String($0)) }.filter { !$0.isEmpty }
        var html = ""
        for paragraph in paragraphs {
            html += "<p>" + DisplayHTMLWriter.escapedAttribute(paragraph) + "</p>\n"
        }
        return (paragraphs, HTMLSanitizer().sanitize(html, baseURL: nil))
    }

    /// Throws when the text found is not an article: nothing, a few words, or the teasers of
    /// a front page (short blurbs among many links, no paragraph of substance).
    static func checkIsArticle(
        _ blocks: [TextBlock], tree: HTMLTree, finder: ContentRootFinder, root: Int, body: Int
    ) throws(ExtractionError) {
        let characters = blocks.reduce(0) { $0 + $1.characters }
        guard characters > 0 else { throw .noArticle(reason: "the page's text is all links") }
        guard characters >= 50 else {
            throw .noArticle(reason: "the page holds only \(characters) characters of text")
        }
        let longest = blocks.map(\.characters).max() ?? 0
        let pageLinks = Int(finder.linkCharacters[body])
        if longest < 100, characters < 600, pageLinks >= 10 * characters, finder.linkDensity(root) > 0.5 {
            throw .noArticle(reason: "the page is a list of links and teasers, not an article")
        }
        if characters < 200, tree.elements(.input).contains(where: {
            tree.attribute("type", of: $0).map { Text.equals($0, "password") } == true
        }) {
            throw .noArticle(reason: "the page asks for a login before showing its text")
        }
    }
}
