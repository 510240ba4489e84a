/// The questions a reader asks about a story, with the words that mark a sentence as
/// answering each. Sections appear only when the sources actually answer them.
struct QuestionCatalog {
    enum Topic: String, CaseIterable {
        case happened, numbers, exchange, matters, changed, next, risks
    }

    static let cues: [Topic: [String]] = [
        .exchange: [
            "invest", "invests", "investment", "commit", "commits", "committed", "commitment", "spend", "pay",
            "pays", "paid", "paying", "acquire", "acquires", "acquisition", "buy", "buys", "sell", "sells", "supply",
            "supplies", "provide", "provides", "fund", "funds", "funding", "stake", "in exchange", "in return",
            "agreed to", "receive", "receives", "give", "gives", "grant", "grants", "license", "contract",
            "tied to", "secure", "reserve", "lend", "loan", "raise", "raised", "raises",
        ],
        .matters: [
            "because", "means", "matters", "signal", "signals", "sign that", "significant", "important", "shift",
            "strategy", "strategic", "bet", "pressure", "competition", "rival", "rivals", "advantage", "showcase",
            "bottleneck", "largest", "biggest", "record", "first time", "for the first time", "reshape", "prove",
            "at stake", "the stakes", "why it matters", "implication", "implications",
        ],
        .next: [
            "expected to", "expects to", "is set to", "are set to", "plans to", "plan to", "planned", "later this year",
            "next year", "next month", "next week", "by the end of", "deadline", "vote", "hearing", "scheduled",
            "due to", "will begin", "will start", "will close", "to close", "awaits", "pending", "subject to",
            "upcoming", "in the coming", "over the next", "timeline", "will decide", "will review", "will rule",
            "is due", "are due", "next step", "next steps", "from here",
        ],
        .risks: [
            "risk", "risks", "concern", "concerns", "worry", "worries", "warn", "warned", "warns", "critics",
            "scrutiny", "antitrust", "regulator", "regulators", "lawsuit", "uncertain", "uncertainty", "challenge",
            "caution", "cautious", "threat", "exposure", "dependence", "dependent", "lock-in", "locked",
            "concentration", "downside", "fail", "failure", "skeptic", "sceptic", "if the", "could hurt",
            "could delay", "hard to", "vulnerable", "penalty", "fine", "block",
        ],
    ]

    /// How strongly a sentence answers a topic, from 0 to 1.
    static func cueScore(_ topic: Topic, _ sentence: CandidateSentence) -> Double {
        switch topic {
        case .happened:
            return sentence.paragraph == 0 ? 1 : sentence.paragraph == 1 ? 0.6 : 0
        case .numbers:
            let figures = sentence.figures.filter { $0.kind != .date && $0.kind != .duration }.count
            return min(1, 0.45 * Double(figures))
        case .changed:
            return 0  // scored by the composer, which knows what earlier articles said
        case .exchange:
            // Who gives what: a commitment word next to an amount or a capacity.
            let hits = cueHits(topic, sentence)
            let amounts = sentence.figures.filter { [.money, .capacity, .energy, .count].contains($0.kind) }.count
            return amounts > 0 ? min(1, 0.5 * Double(hits)) : min(0.4, 0.2 * Double(hits))
        case .matters, .next, .risks:
            return min(1, 0.5 * Double(cueHits(topic, sentence)))
        }
    }

    /// How many of the topic's cue phrases the sentence contains, on word boundaries.
    static func cueHits(_ topic: Topic, _ sentence: CandidateSentence) -> Int {
        let padded = " " + Terms.words(in: sentence.text).joined(separator: " ") + " "
        return (cues[topic] ?? []).filter { padded.contains(" \($0) ") }.count
    }

    static func question(_ topic: Topic, figures: [Figure]) -> String {
        switch topic {
        case .happened: return "What happened?"
        case .numbers:
            if figures.contains(where: { $0.kind == .money }) { return "How much money is involved?" }
            if figures.contains(where: { $0.kind == .capacity || $0.kind == .energy }) { return "How much capacity is at stake?" }
            return "What are the numbers?"
        case .exchange: return "Who gives what to whom?"
        case .matters: return "Why does it matter?"
        case .changed: return "What changed since yesterday?"
        case .next: return "What happens next?"
        case .risks: return "What are the risks?"
        }
    }
}
