import Foundation
import LedeScale
import Testing

/// The scale corpus is the same on every run, and a feed's items agree with their pages.
@Suite struct SyntheticCorpusTests {
    static let corpus = SyntheticCorpus(articles: 40, feeds: 4, hosts: 2, days: 3, end: Date(timeIntervalSince1970: 1_800_000_000))

    @Test func anArticleWrittenInPartStartsAsTheWholeOne() {
        for index in [0, 7, 39] {
            let whole = Self.corpus.article(index)
            let part = Self.corpus.article(index, paragraphCount: 1)
            #expect(whole.paragraphs.count == 6 && part.paragraphs == [whole.paragraphs[0]])
            #expect(part.title == whole.title && part.author == whole.author && part.published == whole.published)
        }
    }

    @Test func theCorpusIsTheSameOnEveryRun() {
        let again = SyntheticCorpus(articles: 40, feeds: 4, hosts: 2, days: 3, end: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(again.article(12) == Self.corpus.article(12))
        #expect(again.pageDocument(12, port: 80) == Self.corpus.pageDocument(12, port: 80))
    }
}
