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
