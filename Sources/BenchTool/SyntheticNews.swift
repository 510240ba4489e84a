import Foundation
import LedeCore

/// A deterministic stream of synthetic news: stories of 1 to 20 articles over a number of
/// days, each story with its own companies, people, place, topic words and figures, told by
/// several outlets in varied sentences over a shared pool of ordinary words.
struct SyntheticNews {
    struct Item {
        var story: Int
        var outlet: String
        var title: String
        var paragraphs: [String]
        var published: Date
    }

    var generator: SeededGenerator
    let start: Date
    let days: Int

    init(seed: UInt64, start: Date, days: Int) {
        generator = SeededGenerator(seed: seed)
        self.start = start
        self.days = days
    }

    static let syllables = ["ka", "lo", "ren", "mi", "tor", "vel", "sa", "dun", "qui", "bra", "no", "fel", "ar", "zo", "lin", "ger", "pa", "ton", "ves", "cor"]
    static let outlets = (0..<40).map { "outlet\($0).example" }
    static let eventWords = [
        ["raises", "funding", "round", "investors", "valuation"], ["acquire", "deal", "shareholders", "premium", "merger"],
        ["outage", "customers", "restored", "incident", "failure"], ["earnings", "revenue", "quarter", "forecast", "profit"],
        ["fine", "regulator", "penalty", "settlement", "probe"], ["plant", "capacity", "megawatts", "construction", "power"],
        ["strike", "union", "workers", "wages", "talks"], ["recall", "defect", "vehicles", "safety", "battery"],
    ]
    static let filler = (0..<4000).map { index -> String in
        var word = ""
        var value = index
        for _ in 0..<3 {
            word += syllables[value % syllables.count]
            value /= syllables.count
        }
        return word
    }

    mutating func name() -> String {
        let length = Int.random(in: 2...3, using: &generator)
        let word = (0..<length).map { _ in Self.syllables.randomElement(using: &generator)! }.joined()
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// Generates `count` articles, sorted by publication time.
    mutating func articles(count: Int) -> [Item] {
        var items: [Item] = []
        var story = 0
        while items.count < count {
            story += 1
            let size = min(count - items.count, storySize())
            let company = name() + " " + ["Systems", "Capital", "Energy", "Networks", "Motors", "Labs"].randomElement(using: &generator)!
            let person = name() + " " + name()
            let place = name()
            let event = Self.eventWords.randomElement(using: &generator)!
            let topic = (0..<8).map { _ in Self.filler.randomElement(using: &generator)! }
            let amount = Int.random(in: 2...900, using: &generator)
            let storyStart = start.addingTimeInterval(Double.random(in: 0..<(Double(days) * 86400), using: &generator))
            for _ in 0..<size {
                let outlet = Self.outlets.randomElement(using: &generator)!
                let published = storyStart.addingTimeInterval(Double.random(in: 0..<(3 * 86400), using: &generator))
                let title = "\(company) \(event[0]) \(topic[0]) \(topic[1]) in \(place)"
                var paragraphs: [String] = []
                for paragraph in 0..<5 {
                    var sentences: [String] = []
                    for _ in 0..<3 {
                        let words = (0..<12).map { _ in
                            Bool.random(using: &generator) ? topic.randomElement(using: &generator)! : Self.filler.randomElement(using: &generator)!
                        }.joined(separator: " ")
                        sentences.append("\(company) said \(words) \(event.randomElement(using: &generator)!) of $\(amount) million, \(person) said.")
                    }
                    if paragraph == 0 { sentences.insert("\(company) will \(event[0]) in \(place), \(person) said on Monday.", at: 0) }
                    paragraphs.append(sentences.joined(separator: " "))
                }
                items.append(Item(story: story, outlet: outlet, title: title, paragraphs: paragraphs, published: published))
            }
        }
        return items.sorted { $0.published < $1.published }
    }

    /// Story sizes as news has them: most stories are told once, a few by many outlets.
    mutating func storySize() -> Int {
        let roll = Double.random(in: 0..<1, using: &generator)
        switch roll {
        case ..<0.45: return 1
        case ..<0.70: return Int.random(in: 2...3, using: &generator)
        case ..<0.90: return Int.random(in: 4...8, using: &generator)
        default: return Int.random(in: 9...20, using: &generator)
        }
    }
}

/// SplitMix64: a small, fast, seedable generator, so the stream is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
