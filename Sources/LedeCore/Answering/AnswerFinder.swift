import Foundation

/// Finds the answer to an analysed question among search passages: the sentences that name
/// what the question is about, cover what it asks and give the kind of answer it wants.
/// Says plainly when no sentence does, rather than answering from nowhere.
public struct AnswerFinder: Sendable {
    public init() {}

    /// A sentence considered for the answer.
    public struct Candidate: Sendable, Hashable {
        public var sentence: String
        public var passage: Passage
        public var score: Double
        public var entityScore: Double
        public var focusScore: Double
        public var typeScore: Double
        /// The figure or name the answer leads with.
        public var lead: String?
    }

    public struct Finding: Sendable {
        public var answered: Bool
        /// The sentences to show: the answer when answered, else the closest passages.
        public var sentences: [Candidate]
        public var lead: String?
    }

    /// - Parameter preferredStory: the story of earlier turns; its sentences weigh a little more.
    public func find(_ question: QuestionAnalysis, in passages: [Passage], preferredStory: Int64? = nil) -> Finding {
        var candidates: [Candidate] = []
        let maxRelevance = passages.map(\.relevance).max() ?? 1
        // How common each focus stem is among the candidate sentences: rarer stems weigh more.
        var sentencesByPassage: [(Passage, [String])] = []
        for passage in passages {
            sentencesByPassage.append((passage, SentenceSplitter.sentences(in: passage.text)))
        }
        let allStems = sentencesByPassage.flatMap { $0.1 }.map { Set(Terms.terms(in: $0)) }
        let slotWeights = question.focus.map { slot -> Double in
            let containing = allStems.filter { !$0.isDisjoint(with: slot) }.count
            return log(1 + Double(allStems.count + 1) / Double(containing + 1))
        }
        let totalFocusWeight = slotWeights.reduce(0, +)

        for (passage, sentences) in sentencesByPassage {
            let titleWords = Set(Terms.words(in: passage.title))
            // Headings and captions (no closing punctuation) state nothing to quote.
            for sentence in sentences where sentence.split(separator: " ").count >= 5 && Self.endsLikeASentence(sentence) {
                let words = Terms.words(in: sentence)
                let wordSet = Set(words)
                let stems = Set(words.map(Terms.stem))
                let figures = FigureExtractor.figures(in: sentence)

                var entityScore = 1.0
                if !question.entityWords.isEmpty {
                    let inSentence = question.entityWords.filter { !$0.isEmpty && $0.allSatisfy(wordSet.contains) }.count
                    let inTitle = question.entityWords.filter { !$0.isEmpty && $0.allSatisfy(titleWords.contains) }.count
                    entityScore = (Double(inSentence) + 0.5 * Double(max(0, inTitle - inSentence))) / Double(question.entityWords.count)
                }
                var focusScore = 1.0
                if totalFocusWeight > 0 {
                    var covered = 0.0
                    for (slot, weight) in zip(question.focus, slotWeights) where !stems.isDisjoint(with: slot) { covered += weight }
                    focusScore = covered / totalFocusWeight
                }
                let (typeScore, lead) = Self.typeMatch(question, sentence: sentence, figures: figures)
                let relevance = maxRelevance > 0 ? passage.relevance / maxRelevance : 0
                let storyBonus = preferredStory != nil && passage.storyID == preferredStory ? 0.08 : 0
                let score = 0.45 * focusScore + 0.3 * entityScore + 0.15 * typeScore + 0.1 * relevance + storyBonus
                candidates.append(
                    Candidate(
                        sentence: sentence, passage: passage, score: score, entityScore: entityScore, focusScore: focusScore,
                        typeScore: typeScore, lead: lead))
            }
        }
        candidates.sort { ($0.score, $1.passage.articleID) > ($1.score, $0.passage.articleID) }
        guard let best = candidates.first, Self.answers(question, best) else {
            return Finding(answered: false, sentences: Self.distinct(candidates, limit: 2), lead: nil)
        }
        var chosen = [best]
        for candidate in candidates.dropFirst() where chosen.count < 3 {
            guard candidate.score >= best.score * 0.8, Self.answers(question, candidate) else { continue }
            if chosen.contains(where: { Self.overlap($0.sentence, candidate.sentence) > 0.5 }) { continue }
            chosen.append(candidate)
        }
        return Finding(answered: true, sentences: chosen, lead: Self.consensusLead(question, chosen: chosen, candidates: candidates) ?? best.lead)
    }

    static func endsLikeASentence(_ sentence: String) -> Bool {
        guard let last = sentence.last else { return false }
        return ".!?\"”’'".contains(last)
    }

    /// The figure to lead with: of the kind asked for, stated in the chosen sentences, and
    /// repeated most often across the good candidates (the deal's value rather than a per-share price).
    static func consensusLead(_ question: QuestionAnalysis, chosen: [Candidate], candidates: [Candidate]) -> String? {
        let kinds: Set<Figure.Kind>
        switch question.kind {
        case .money: kinds = [.money]
        case .count: kinds = [.count]
        case .percentage: kinds = [.percentage]
        case .capacity: kinds = [.capacity, .energy]
        default: return nil
        }
        let offered = chosen.flatMap { FigureExtractor.figures(in: $0.sentence) }.filter { kinds.contains($0.kind) && !question.figureKeys.contains($0.key) }
        guard !offered.isEmpty, let best = chosen.first else { return nil }
        var support: [String: Double] = [:]
        for candidate in candidates where candidate.score >= best.score * 0.6 {
            for figure in FigureExtractor.figures(in: candidate.sentence) where kinds.contains(figure.kind) {
                support[figure.key, default: 0] += candidate.score
            }
        }
        return offered.max { (support[$0.key] ?? 0, -Double(offered.firstIndex(of: $0) ?? 0)) < (support[$1.key] ?? 0, -Double(offered.firstIndex(of: $1) ?? 0)) }?.display
    }

    /// A sentence answers when it names what the question is about, covers most of what it
    /// asks, and (for how much, how many, when, who) holds that kind of answer.
    static func answers(_ question: QuestionAnalysis, _ candidate: Candidate) -> Bool {
        guard candidate.entityScore >= 0.5, candidate.focusScore >= 0.5 else { return false }
        switch question.kind {
        case .money, .count, .percentage, .capacity, .date, .duration, .person, .place:
            return candidate.typeScore > 0
        case .reason, .future, .general:
            return candidate.score >= 0.55
        }
    }

    /// How well a sentence holds the kind of answer asked for, and the figure or name to lead with.
    static func typeMatch(_ question: QuestionAnalysis, sentence: String, figures: [Figure]) -> (Double, String?) {
        func figure(_ kinds: Set<Figure.Kind>) -> (Double, String?) {
            let matching = figures.filter { kinds.contains($0.kind) }
            guard let first = matching.first(where: { !question.figureKeys.contains($0.key) }) ?? matching.first else { return (0, nil) }
            return (1, first.display)
        }
        let lowered = " " + Terms.words(in: sentence).joined(separator: " ") + " "
        switch question.kind {
        case .money: return figure([.money])
        case .count: return figure([.count, .money, .capacity])
        case .percentage: return figure([.percentage])
        case .capacity: return figure([.capacity, .energy])
        case .duration: return figure([.duration, .date])
        case .date:
            let result = figure([.date])
            if result.0 > 0 { return result }
            let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow"]
            if let day = days.first(where: { lowered.contains(" \($0) ") }) { return (0.8, day.prefix(1).uppercased() + day.dropFirst()) }
            return (0, nil)
        case .place:
            let asked = Set(question.entities)
            let names = EntityExtractor.entities(inSentences: [sentence]).filter { !asked.contains($0.key) && $0.kind == .place }
            return names.first.map { (1, $0.name) } ?? (0, nil)
        case .person:
            // Prefer a person's name (two or three words, no company words) to an organisation's.
            let asked = Set(question.entities)
            let names = EntityExtractor.entities(inSentences: [sentence]).filter { !asked.contains($0.key) && $0.kind != .place }
            let people = names.filter { name in
                let words = name.name.split(separator: " ")
                return (2...3).contains(words.count) && name.kind == .other && words.allSatisfy { $0.first?.isUppercase == true }
            }
            if let person = people.first { return (1, person.name) }
            return names.first.map { (0.7, $0.name) } ?? (0, nil)
        case .reason:
            let cues = [" because ", " as ", " since ", " due to ", " after ", " means ", " so that ", " in order to ", " to ", " driven by ", " citing "]
            return (cues.contains { lowered.contains($0) } ? 1 : 0.3, nil)
        case .future:
            let cues = [" will ", " would ", " expected ", " plans ", " if ", " could ", " next ", " by "]
            return (cues.contains { lowered.contains($0) } ? 1 : 0.3, nil)
        case .general:
            if !question.figureKeys.isEmpty {
                return (figures.contains { question.figureKeys.contains($0.key) } ? 1 : 0.2, nil)
            }
            return (0.5, nil)
        }
    }

    static func overlap(_ first: String, _ second: String) -> Double {
        let a = Set(Terms.terms(in: first))
        let b = Set(Terms.terms(in: second))
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    static func distinct(_ candidates: [Candidate], limit: Int) -> [Candidate] {
        var chosen: [Candidate] = []
        for candidate in candidates where chosen.count < limit {
            if chosen.contains(where: { overlap($0.sentence, candidate.sentence) > 0.5 }) { continue }
            chosen.append(candidate)
        }
        return chosen
    }
}
