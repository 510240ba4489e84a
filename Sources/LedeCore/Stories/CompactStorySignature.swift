import Foundation

/// The spellings the clusterer holds (terms, name keys, figure keys, outlets), each given a
/// number the first time it is seen. Story vectors are then sorted arrays of numbers and
/// weights: about half the memory per held story of dictionaries keyed by strings (a first
/// import holds every story of the month), and compared by walking two sorted arrays instead
/// of hashing a string per entry.
struct Vocabulary: Sendable {
    private var numbers: [String: UInt32] = [:]
    private var spellings: [String] = []

    func number(of spelling: String) -> UInt32? { numbers[spelling] }

    mutating func intern(_ spelling: String) -> UInt32 {
        if let number = numbers[spelling] { return number }
        let number = UInt32(spellings.count)
        spellings.append(spelling)
        numbers[spelling] = number
        return number
    }

    func spelling(_ number: UInt32) -> String { spellings[Int(number)] }

    var count: Int { spellings.count }
}

/// A vector keyed by vocabulary numbers, in ascending number order.
struct SparseVector: Sendable {
    struct Entry: Sendable {
        var key: UInt32
        var value: Double
    }

    private(set) var entries: [Entry] = []

    init() {}

    init(_ vector: [String: Double], vocabulary: inout Vocabulary) {
        let unsorted = vector.map { Entry(key: vocabulary.intern($0.key), value: $0.value) }
        entries = Self.tight(unsorted.sorted { $0.key < $1.key })
    }

    var isEmpty: Bool { entries.isEmpty }

    func contains(_ key: UInt32) -> Bool {
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].key == key
    }

    func expanded(_ vocabulary: Vocabulary) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: entries.map { (vocabulary.spelling($0.key), $0.value) })
    }

    /// The same vector under the numbers of another vocabulary.
    func renumbered(from old: Vocabulary, into new: inout Vocabulary) -> SparseVector {
        var copy = SparseVector()
        copy.entries = Self.tight(entries.map { Entry(key: new.intern(old.spelling($0.key)), value: $0.value) }.sorted { $0.key < $1.key })
        return copy
    }

    /// `StorySignature.accumulate`: adds the vector scaled to a sum of 1, then keeps the `keep`
    /// largest entries (ties to the alphabetically first spelling).
    mutating func accumulate(_ vector: [String: Double], keep: Int, vocabulary: inout Vocabulary) {
        let total = vector.values.reduce(0, +)
        guard total > 0 else { return }
        let added = vector.map { Entry(key: vocabulary.intern($0.key), value: $0.value / total) }.sorted { $0.key < $1.key }
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + added.count)
        var (i, j) = (0, 0)
        while i < entries.count || j < added.count {
            if j == added.count || (i < entries.count && entries[i].key < added[j].key) {
                merged.append(entries[i])
                i += 1
            } else if i == entries.count || added[j].key < entries[i].key {
                merged.append(Entry(key: added[j].key, value: 0 + added[j].value))
                j += 1
            } else {
                merged.append(Entry(key: entries[i].key, value: entries[i].value + added[j].value))
                i += 1
                j += 1
            }
        }
        if merged.count > keep {
            let strongest = merged.sorted {
                $0.value != $1.value ? $0.value > $1.value : vocabulary.spelling($0.key) < vocabulary.spelling($1.key)
            }
            merged = strongest.prefix(keep).sorted { $0.key < $1.key }
        }
        entries = Self.tight(merged)
    }

    /// A copy whose storage holds exactly its entries: merged arrays were reserved larger, and
    /// held stories would keep the spare room for the life of the clusterer.
    private static func tight(_ entries: [Entry]) -> [Entry] {
        entries.withUnsafeBufferPointer { Array($0) }
    }
}

/// A `StorySignature` as the clusterer holds it (see `Vocabulary`); `expanded` gives back the
/// signature exactly, to be stored.
struct CompactStorySignature: Sendable {
    struct FigureCount: Sendable {
        var key: UInt32
        var count: Int
    }

    var terms = SparseVector()
    var contentTerms = SparseVector()
    var titleTerms = SparseVector()
    var leadTerms = SparseVector()
    var titleContent = SparseVector()
    var leadContent = SparseVector()
    var titleEvents = SparseVector()
    var titleEntities = SparseVector()
    var events = SparseVector()
    var entities = SparseVector()
    /// Figure keys with how many articles stated them, in number order.
    var figures: [FigureCount] = []
    var articleCount = 0
    /// In the order first seen, as `StorySignature.outlets`.
    var outlets: [UInt32] = []

    init() {}

    init(_ signature: StorySignature, vocabulary: inout Vocabulary) {
        terms = SparseVector(signature.terms, vocabulary: &vocabulary)
        contentTerms = SparseVector(signature.contentTerms, vocabulary: &vocabulary)
        titleTerms = SparseVector(signature.titleTerms, vocabulary: &vocabulary)
        leadTerms = SparseVector(signature.leadTerms, vocabulary: &vocabulary)
        titleContent = SparseVector(signature.titleContent, vocabulary: &vocabulary)
        leadContent = SparseVector(signature.leadContent, vocabulary: &vocabulary)
        titleEvents = SparseVector(signature.titleEvents, vocabulary: &vocabulary)
        titleEntities = SparseVector(signature.titleEntities, vocabulary: &vocabulary)
        events = SparseVector(signature.events, vocabulary: &vocabulary)
        entities = SparseVector(signature.entities, vocabulary: &vocabulary)
        figures = signature.figures.map { FigureCount(key: vocabulary.intern($0.key), count: $0.value) }.sorted { $0.key < $1.key }
        articleCount = signature.articleCount
        outlets = signature.outlets.map { vocabulary.intern($0) }
    }

    func expanded(_ vocabulary: Vocabulary) -> StorySignature {
        var signature = StorySignature()
        signature.terms = terms.expanded(vocabulary)
        signature.contentTerms = contentTerms.expanded(vocabulary)
        signature.titleTerms = titleTerms.expanded(vocabulary)
        signature.leadTerms = leadTerms.expanded(vocabulary)
        signature.titleContent = titleContent.expanded(vocabulary)
        signature.leadContent = leadContent.expanded(vocabulary)
        signature.titleEvents = titleEvents.expanded(vocabulary)
        signature.titleEntities = titleEntities.expanded(vocabulary)
        signature.events = events.expanded(vocabulary)
        signature.entities = entities.expanded(vocabulary)
        signature.figures = Dictionary(uniqueKeysWithValues: figures.map { (vocabulary.spelling($0.key), $0.count) })
        signature.articleCount = articleCount
        signature.outlets = outlets.map(vocabulary.spelling)
        return signature
    }

    /// The same signature under the numbers of another vocabulary (see `StoryClusterer.refresh`).
    func renumbered(from old: Vocabulary, into new: inout Vocabulary) -> CompactStorySignature {
        var copy = self
        for vector in Self.vectors { copy[keyPath: vector] = self[keyPath: vector].renumbered(from: old, into: &new) }
        copy.figures = figures.map { FigureCount(key: new.intern(old.spelling($0.key)), count: $0.count) }.sorted { $0.key < $1.key }
        copy.outlets = outlets.map { new.intern(old.spelling($0)) }
        return copy
    }

    private static var vectors: [WritableKeyPath<CompactStorySignature, SparseVector>] {
        [\.terms, \.contentTerms, \.titleTerms, \.leadTerms, \.titleContent, \.leadContent, \.titleEvents, \.titleEntities, \.events, \.entities]
    }

    /// `StorySignature.add`, with the same keep limits.
    mutating func add(_ article: ArticleSignature, outlet: String, vocabulary: inout Vocabulary) {
        let keep = StorySignature.kept
        terms.accumulate(article.terms, keep: keep.terms, vocabulary: &vocabulary)
        contentTerms.accumulate(article.contentTerms, keep: keep.contentTerms, vocabulary: &vocabulary)
        titleTerms.accumulate(article.titleTerms, keep: keep.titleTerms, vocabulary: &vocabulary)
        leadTerms.accumulate(article.leadTerms, keep: keep.leadTerms, vocabulary: &vocabulary)
        titleContent.accumulate(article.titleContent, keep: keep.titleContent, vocabulary: &vocabulary)
        leadContent.accumulate(article.leadContent, keep: keep.leadContent, vocabulary: &vocabulary)
        titleEvents.accumulate(article.titleEvents, keep: keep.titleEvents, vocabulary: &vocabulary)
        titleEntities.accumulate(article.titleEntities, keep: keep.titleEntities, vocabulary: &vocabulary)
        events.accumulate(article.events, keep: keep.events, vocabulary: &vocabulary)
        entities.accumulate(article.entities, keep: keep.entities, vocabulary: &vocabulary)
        if !article.figures.isEmpty {
            var counts = Dictionary(uniqueKeysWithValues: figures.map { ($0.key, $0.count) })
            for figure in article.figures { counts[vocabulary.intern(figure), default: 0] += 1 }
            figures = counts.map { FigureCount(key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
        }
        articleCount += 1
        let outletNumber = vocabulary.intern(outlet)
        if !outlets.contains(outletNumber) { outlets.append(outletNumber) }
    }

    /// How many of the keys (in number order) the story's figures hold.
    func sharedFigureCount(_ keys: [UInt32]) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < figures.count && j < keys.count {
            if figures[i].key < keys[j] {
                i += 1
            } else if keys[j] < figures[i].key {
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return shared
    }
}
