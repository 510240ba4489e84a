import Foundation
import LedeCore

/// Builds articles for tests with sensible defaults.
public enum ArticleFactory {
    public static let baseDate = Date(timeIntervalSince1970: 1_776_643_200)  // 2026-04-20T00:00:00Z

    public static func newArticle(
        sourceID: Int64, itemKey: String? = nil, url: String? = nil, outlet: String = "news.example",
        title: String = "A headline", text: String = "A first paragraph with enough words to count as text.",
        published: Date = baseDate, duplicateOfID: Int64? = nil, storyID: Int64? = nil
    ) -> NewArticle {
        let url = url ?? "https://\(outlet)/\(itemKey ?? UUID().uuidString)"
        let signature = ArticleSignature(title: title, paragraphs: text.components(separatedBy: "\n\n"), published: published)
        return NewArticle(
            sourceID: sourceID, itemKey: itemKey ?? url, url: url, urlKey: URLCanonicalizer.key(url), outlet: outlet,
            title: title, byline: nil, published: published, updated: nil, language: "en", summary: nil, text: text,
            contentHash: ContentFingerprint.exactHash(of: text), duplicateOfID: duplicateOfID, storyID: storyID,
            fetchedAt: published, minHash: ContentFingerprint.minHash(of: text), terms: signature.distinctTerms)
    }
}
