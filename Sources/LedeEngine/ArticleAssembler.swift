import Foundation
import LedeCore
import LedeExtraction
import LedeFeeds
import LedeHTML

/// Turns a feed item and (when it could be fetched) its page into an article to store:
/// the page's extracted text when it has one, else the feed's own content.
struct ArticleAssembler: Sendable {
    struct Page: Sendable {
        var finalURL: String
        var extracted: ExtractedArticle
    }

    /// The item's identity within its source: guid or id, else link, else a hash of its content.
    static func itemKey(_ item: ParsedItem) -> String {
        if let id = item.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty { return id }
        if let link = item.link, !link.isEmpty { return link }
        let content = [item.title, item.summary, item.content].compactMap { $0 }.joined(separator: "\n")
        return "hash:" + String(StableHash.fnv1a(content), radix: 16)
    }

    func assemble(item: ParsedItem, page: Page?, source: Source, now: Date) -> NewArticle {
        let feedText = Self.paragraphs(fromHTML: item.content ?? item.summary ?? "")
        let pageParagraphs = page?.extracted.paragraphs ?? []
        let pageWords = pageParagraphs.reduce(0) { $0 + $1.split(separator: " ").count }
        let feedWords = feedText.reduce(0) { $0 + $1.split(separator: " ").count }
        let paragraphs = pageWords >= feedWords / 2 && pageWords > 0 ? pageParagraphs : feedText

        let fetchedURL = URLCanonicalizer.canonical(page?.finalURL ?? item.link ?? source.feedURL)
        var url = fetchedURL
        if let canonical = page?.extracted.canonicalURL.map(URLCanonicalizer.canonical),
            URL(string: canonical)?.host == URL(string: fetchedURL)?.host
        {
            url = canonical
        }
        let text = paragraphs.joined(separator: "\n\n")
        let title = Self.clean(item.title) ?? Self.clean(page?.extracted.title) ?? "(untitled)"
        let summary = item.summary.map { HTMLSanitizer.plainText(fromHTML: $0) }.flatMap(Self.clean)
        let published = item.published ?? item.updated ?? page?.extracted.published ?? now
        // The feed's categories and the page's own tags (`article:tag`, JSON-LD keywords).
        let tags = item.categories + (page?.extracted.tags ?? [])
        let signature = ArticleSignature(title: title, paragraphs: paragraphs, tags: tags, published: published)
        let fingerprints = ContentFingerprint.fingerprints(of: text)
        return NewArticle(
            sourceID: source.id, itemKey: Self.itemKey(item), url: url, urlKey: URLCanonicalizer.key(url),
            outlet: OutletName.label(forURL: url) ?? source.outletLabel, title: title,
            byline: page?.extracted.byline ?? item.authors.first?.name, published: min(published, now.addingTimeInterval(3600)),
            updated: item.updated ?? page?.extracted.modified, language: page?.extracted.language, summary: summary,
            text: text, contentHash: fingerprints.exactHash, duplicateOfID: nil, storyID: nil,
            fetchedAt: now, minHash: fingerprints.minHash, terms: signature.distinctTerms,
            signature: signature)
    }

    static func paragraphs(fromHTML html: String) -> [String] {
        guard !html.isEmpty else { return [] }
        return HTMLSanitizer.plainText(fromHTML: html).components(separatedBy: "\n\n")
            .map { TextNormalizer.collapseWhitespace($0) }.filter { !$0.isEmpty }
    }

    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = TextNormalizer.collapseWhitespace(text)
        return collapsed.isEmpty ? nil : collapsed
    }
}
