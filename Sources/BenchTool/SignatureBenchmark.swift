import Foundation
import LedeCore
import LedeScale

/// Article signatures built per second (terms, names, figures, events: the biggest part of a
/// fetch job's work) on the scale corpus's articles, with a checksum of what was built, so a
/// change meant only to be faster can show it builds the same signatures.
struct SignatureBenchmark {
    let articles: Int

    func run() {
        let corpus = SyntheticCorpus(articles: articles, feeds: max(1, articles / 1000), end: Date(timeIntervalSince1970: 1_775_000_000))
        let inputs = (0..<articles).map { corpus.article($0) }
        let clock = ContinuousClock()
        var building = Duration.zero
        var checksum = StableHash.fnv1a("")
        for article in inputs {
            let began = clock.now
            let signature = ArticleSignature(title: article.title, paragraphs: article.paragraphs, published: article.published)
            building += clock.now - began
            checksum = StableHash.fnv1a(String(checksum) + Self.canonical(signature))
        }
        let seconds = building / .seconds(1)
        say(String(format: "signatures: %d in %.2f s = %.0f articles/s; checksum %016llx", articles, seconds, Double(articles) / seconds, checksum))
    }

    /// The signature with every map in key order (the stored form follows the dictionaries'
    /// order, which differs from process to process).
    static func canonical(_ signature: ArticleSignature) -> String {
        let vectors = [
            signature.terms, signature.contentTerms, signature.titleTerms, signature.leadTerms, signature.titleContent,
            signature.leadContent, signature.titleEvents, signature.titleEntities, signature.events, signature.entities,
        ]
        let parts = vectors.map { vector in vector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
        return (parts + [signature.figures.sorted().joined(separator: ","), signature.title, "\(signature.published.timeIntervalSinceReferenceDate)"])
            .joined(separator: "|")
    }
}
