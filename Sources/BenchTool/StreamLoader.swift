import Foundation
import LedeCore
import LedeSQLite

/// Stores synthetic articles the way the pipeline does (signatures, fingerprints, terms).
struct StreamLoader {
    let store: SQLiteStore
    let sourceID: Int64

    static func prepare(_ store: SQLiteStore) async throws -> StreamLoader {
        let user = try await store.localUser()
        let subscription = try await store.subscribe(userID: user.id, feedURL: "https://synthetic.example/feed", title: "Synthetic", folder: nil, now: Date())
        return StreamLoader(store: store, sourceID: subscription.source.id)
    }

    func insert(_ items: ArraySlice<SyntheticNews.Item>, offset: Int) async throws {
        let new = items.enumerated().map { index, item -> NewArticle in
            let text = item.paragraphs.joined(separator: "\n\n")
            let url = "https://\(item.outlet)/story-\(item.story)/\(offset + index)"
            let signature = ArticleSignature(title: item.title, paragraphs: item.paragraphs, published: item.published)
            return NewArticle(
                sourceID: sourceID, itemKey: url, url: url, urlKey: URLCanonicalizer.key(url), outlet: item.outlet, title: item.title,
                byline: nil, published: item.published, updated: nil, language: "en", summary: nil, text: text,
                contentHash: ContentFingerprint.exactHash(of: text), duplicateOfID: nil, storyID: nil, fetchedAt: item.published,
                minHash: ContentFingerprint.minHash(of: text), terms: signature.distinctTerms)
        }
        _ = try await store.insertArticles(new)
    }
}
