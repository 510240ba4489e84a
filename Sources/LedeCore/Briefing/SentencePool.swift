import Foundation

/// A sentence of a story's sources, as a candidate statement for the briefing.
/// Its `text` is exactly the source's sentence (whitespace collapsed), never rewritten.
struct CandidateSentence: Sendable {
    var text: String
    var article: Int
    var paragraph: Int
    var position: Int
    /// Where the sentence sits in its article, from 0 (first) to 1 (last).
    var relativePosition: Double = 0
    var outlet: String
    var url: String
    var published: Date
    var terms: [String: Double]
    var figures: [Figure]
    var entities: Set<String>
    /// Opens with a word that points back ("It", "This", "But"), so it reads badly alone.
    var needsContext: Bool
    /// How central and informative the sentence is for the story.
    var score: Double = 0

    var citation: Citation { Citation(outlet: outlet, url: url) }
    var wordCount: Int { text.split(separator: " ").count }
}

/// Splits a story's articles into candidate sentences and scores how central each is.
struct SentencePool {
    var sentences: [CandidateSentence]
    var articles: [Article]

    static let contextOpeners: Set<String> = [
        "it", "its", "this", "that", "these", "those", "they", "their", "he", "she", "his", "her", "but", "and",
        "so", "also", "still", "however", "meanwhile", "such", "there", "then", "yet", "or", "which", "both",
    ]
    static let boilerplate = [
        "subscribe", "sign up", "newsletter", "click here", "read more", "read also", "all rights reserved",
        "cookie", "advertisement", "follow us", "share this", "©",
    ]

    init(articles: [Article]) {
        self.articles = articles
        var sentences: [CandidateSentence] = []
        for (articleIndex, article) in articles.enumerated() {
            var position = 0
            let firstOfArticle = sentences.count
            for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
                for sentence in SentenceSplitter.sentences(in: paragraph).map(Dateline.strip) {
                    defer { position += 1 }
                    guard Self.isStatement(sentence) else { continue }
                    let words = Terms.words(in: sentence)
                    let entities = EntityExtractor.entities(inSentences: [sentence]).map(\.key)
                    sentences.append(
                        CandidateSentence(
                            text: sentence, article: articleIndex, paragraph: paragraphIndex, position: position,
                            outlet: article.outlet, url: article.url, published: article.published,
                            terms: Self.vector(Terms.terms(in: sentence)), figures: FigureExtractor.figures(in: sentence),
                            entities: Set(entities), needsContext: words.first.map(Self.contextOpeners.contains) ?? false))
                }
            }
            let count = Double(max(1, position - 1))
            for index in firstOfArticle..<sentences.count {
                sentences[index].relativePosition = Double(sentences[index].position) / count
            }
        }
        self.sentences = sentences
        scoreCentrality()
    }

    /// A sentence that can stand in a briefing: a full statement of reasonable length.
    static func isStatement(_ sentence: String) -> Bool {
        let words = sentence.split(separator: " ")
        guard words.count >= 7, words.count <= 60 else { return false }
        guard let first = sentence.first, first.isUppercase || first.isNumber || "\"“'‘$€£".contains(first) else { return false }
        guard let last = sentence.last, ".!\"”’'".contains(last) else { return false }
        let lowered = sentence.lowercased()
        return !boilerplate.contains { lowered.contains($0) }
    }

    static func vector(_ terms: [String]) -> [String: Double] {
        var vector: [String: Double] = [:]
        for term in terms { vector[term, default: 0] += 1 }
        return vector
    }

    /// Centrality: similarity to the story's centroid, where each article counts once, so a
    /// sentence covering what several outlets say scores high. Figures, names and the lead add.
    private mutating func scoreCentrality() {
        var centroid: [String: Double] = [:]
        var perArticle: [Int: [String: Double]] = [:]
        for sentence in sentences {
            for (term, weight) in sentence.terms { perArticle[sentence.article, default: [:]][term, default: 0] += weight }
        }
        for vector in perArticle.values {
            // Count each term at most once per article: agreement across outlets is what matters.
            for term in vector.keys { centroid[term, default: 0] += 1 }
        }
        let articleCount = Double(max(1, perArticle.count))
        for index in sentences.indices {
            let sentence = sentences[index]
            var overlap = 0.0
            var norm = 0.0
            for (term, weight) in sentence.terms {
                let share = (centroid[term] ?? 0) / articleCount
                overlap += share * weight
                norm += weight
            }
            let centrality = norm > 0 ? overlap / norm.squareRoot() / 2 : 0
            let figureBonus = 0.12 * Double(min(2, sentence.figures.filter { $0.kind != .date }.count))
            let entityBonus = 0.04 * Double(min(3, sentence.entities.count))
            let leadBonus = sentence.paragraph == 0 ? 0.15 : sentence.paragraph == 1 ? 0.08 : 0
            let contextPenalty = sentence.needsContext ? 0.15 : 0
            sentences[index].score = centrality + figureBonus + entityBonus + leadBonus - contextPenalty
        }
    }

    /// Jaccard similarity of two sentences' terms: above 0.5 they say much the same.
    static func overlap(_ first: CandidateSentence, _ second: CandidateSentence) -> Double {
        let a = Set(first.terms.keys)
        let b = Set(second.terms.keys)
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
