import Foundation

/// A synthetic news corpus of any size, computed on demand: article `i` is a pure function of
/// the seed and `i`, so a million articles cost no memory and every run serves the same bytes.
///
/// Articles are grouped four at a time into stories (one event told by four outlets, each in
/// its own sentences), spread evenly over `days` days ending at `end`. Article `i` is item of
/// feed `i % feeds`; feed `f` and its pages live on loopback host `f % hosts`, so a fetcher
/// that is polite per host still has many hosts to work on, as with real outlets.
public struct SyntheticCorpus: Sendable {
    public var articles: Int
    public var feeds: Int
    public var hosts: Int
    public var days: Int
    public var end: Date
    public var seed: UInt64

    public init(articles: Int, feeds: Int, hosts: Int = 16, days: Int = 30, end: Date, seed: UInt64 = 2026) {
        self.articles = max(0, articles)
        self.feeds = max(1, feeds)
        self.hosts = min(max(1, hosts), 250)
        self.days = max(1, days)
        self.end = end
        self.seed = seed
    }

    /// Articles per story.
    static let storySize = 4

    public struct Article: Sendable, Hashable {
        public var index: Int
        public var story: Int
        public var title: String
        public var author: String
        public var paragraphs: [String]
        public var published: Date
    }

    /// The loopback address of host `h` (127.0.0.1, 127.0.0.2, …).
    public func address(host: Int) -> String { "127.0.0.\(host + 1)" }

    public func host(ofFeed feed: Int) -> Int { feed % hosts }

    public func feedURL(_ feed: Int, port: Int) -> String {
        "http://\(address(host: host(ofFeed: feed))):\(port)/feeds/\(feed).xml"
    }

    public func articleURL(_ index: Int, port: Int) -> String {
        "http://\(address(host: host(ofFeed: index % feeds))):\(port)/articles/\(index).html"
    }

    /// The articles of a feed, newest first (as feeds list them).
    public func items(ofFeed feed: Int) -> [Int] {
        guard feed >= 0, feed < feeds, feed < articles else { return [] }
        return Array(stride(from: feed, to: articles, by: feeds).reversed())
    }

    public func outlet(ofFeed feed: Int) -> String { "Outlet \(feed) \(Self.capitalised(Self.word(UInt64(feed) &* 7919)))" }

    // MARK: Content

    /// - Parameter paragraphCount: how many of the article's paragraphs to write (feeds need
    ///   only the first; the rest are the same whatever the count).
    public func article(_ index: Int, paragraphCount: Int = 6) -> Article {
        let story = index / Self.storySize
        var storyRandom = SeededGenerator(seed: seed ^ (UInt64(story) &* 0x9e37_79b9_7f4a_7c15))
        let company = Self.capitalised(Self.name(&storyRandom)) + " " + Self.companyKinds.randomElement(using: &storyRandom)!
        let person = Self.capitalised(Self.name(&storyRandom)) + " " + Self.capitalised(Self.name(&storyRandom))
        let place = Self.capitalised(Self.name(&storyRandom))
        let event = Self.eventWords.randomElement(using: &storyRandom)!
        let topic = (0..<8).map { _ in Self.word(storyRandom.next()) }
        let amount = Int.random(in: 2...900, using: &storyRandom)
        let stories = max(1, (articles + Self.storySize - 1) / Self.storySize)
        let span = Double(days) * 86400
        // Story 0 is the oldest; the last stories end the corpus.
        let storyStart = end.addingTimeInterval(-span + span * Double(story) / Double(stories) - 3 * 3600)

        var random = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xbf58_476d_1ce4_e5b9) ^ 0x5eed)
        let published = storyStart.addingTimeInterval(Double(index % Self.storySize) * 2400 + Double.random(in: 0..<600, using: &random))
        let verb = event[0]
        let headlines = [
            "\(company) \(verb) \(topic[0]) \(topic[1]) in \(place)",
            "\(place): \(company) to \(verb) \(topic[0]) as \(topic[2]) grows",
            "\(person) says \(company) will \(verb) \(topic[1]) in \(place)",
            "Why \(company)'s \(topic[0]) \(event[1]) matters for \(place)",
        ]
        var paragraphs: [String] = []
        for paragraph in 0..<min(6, paragraphCount) {
            var sentences: [String] = []
            if paragraph == 0 {
                sentences.append("\(company) will \(verb) \(topic[0]) in \(place), \(person) said on \(Self.weekdays[story % 7]).")
            }
            for _ in 0..<3 {
                let words = (0..<12).map { _ in
                    Bool.random(using: &random) ? topic.randomElement(using: &random)! : Self.word(random.next())
                }.joined(separator: " ")
                let figure = Int.random(in: 0..<4, using: &random) == 0 ? " worth $\(amount) million" : ""
                sentences.append("The \(words) \(event.randomElement(using: &random)!)\(figure), according to \(person).")
            }
            paragraphs.append(sentences.joined(separator: " "))
        }
        // The author from a generator of its own, so that it does not depend on how many
        // paragraphs were written.
        var authorRandom = SeededGenerator(seed: seed ^ (UInt64(index) &* 0x94d0_49bb_1331_11eb) ^ 0xa7)
        let author = Self.capitalised(Self.name(&authorRandom)) + " " + Self.capitalised(Self.name(&authorRandom))
        return Article(
            index: index, story: story, title: headlines[index % headlines.count], author: author, paragraphs: paragraphs,
            published: min(published, end))
    }

    // MARK: Vocabulary

    static let syllables = ["ka", "lo", "ren", "mi", "tor", "vel", "sa", "dun", "qui", "bra", "no", "fel", "ar", "zo", "lin", "ger", "pa", "ton", "ves", "cor"]
    static let companyKinds = ["Systems", "Capital", "Energy", "Networks", "Motors", "Labs", "Foods", "Logistics"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let eventWords = [
        ["raise", "funding", "round", "investors", "valuation"], ["acquire", "deal", "shareholders", "premium", "merger"],
        ["restore", "outage", "customers", "incident", "failure"], ["report", "earnings", "revenue", "quarter", "forecast"],
        ["settle", "fine", "regulator", "penalty", "probe"], ["build", "plant", "capacity", "megawatts", "construction"],
        ["negotiate", "strike", "union", "workers", "wages"], ["recall", "defect", "vehicles", "safety", "battery"],
    ]

    /// One of 8,000 made-up ordinary words.
    static func word(_ value: UInt64) -> String {
        var value = Int(value % 8000)
        var word = ""
        for _ in 0..<3 {
            word += syllables[value % syllables.count]
            value /= syllables.count
        }
        return word
    }

    static func name(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 2...3, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
    }

    static func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}

/// SplitMix64: small, fast and seedable, so the corpus is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
