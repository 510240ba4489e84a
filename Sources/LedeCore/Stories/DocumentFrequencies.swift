import Foundation

/// How many stored articles contain each term, for weighting rare terms above common ones.
public struct DocumentFrequencies: Sendable, Hashable {
    public var documentCount: Int
    public var counts: [String: Int]

    public init(documentCount: Int = 0, counts: [String: Int] = [:]) {
        self.documentCount = documentCount
        self.counts = counts
    }

    /// Smoothed inverse document frequency; terms never seen weigh the most.
    public func idf(_ term: String) -> Double {
        let frequency = Double(counts[term] ?? 0)
        return log((Double(documentCount) + 2) / (frequency + 1)) + 1
    }

    /// Counts one more document with the given distinct terms.
    public mutating func add(_ terms: Set<String>) {
        documentCount += 1
        for term in terms { counts[term, default: 0] += 1 }
    }
}

/// Every counted term's inverse document frequency, computed once: the clusterer weighs each
/// story's terms whenever the story changes and each article's before comparing, and computing
/// a logarithm (and, for names, building the `e:` key) at every lookup was much of that work.
/// Gives exactly `DocumentFrequencies.idf`.
struct TermWeights: Sendable {
    private var terms: [String: Double] = [:]
    /// Keyed by the entity's key, without the `e:` the counts carry.
    private var entities: [String: Double] = [:]
    /// The weight of a term never counted.
    private let unseen: Double

    init(_ frequencies: DocumentFrequencies) {
        let documents = Double(frequencies.documentCount) + 2
        unseen = log(documents / (0 + 1)) + 1
        terms.reserveCapacity(frequencies.counts.count)
        for (term, count) in frequencies.counts {
            let weight = log(documents / (Double(count) + 1)) + 1
            if term.hasPrefix("e:") {
                entities[String(term.dropFirst(2))] = weight
            } else {
                terms[term] = weight
            }
        }
    }

    func idf(_ term: String) -> Double { terms[term] ?? unseen }

    /// `idf("e:" + key)`.
    func entityIDF(_ key: String) -> Double { entities[key] ?? unseen }
}
