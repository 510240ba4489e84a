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
        /// Whether every name the question states is in the sentence, its paragraph or its title.
        public var namesEveryName = true
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
        var sentencesByPassage: [(passage: Passage, sentences: [String], isHeadline: Bool)] = []
        var headlined = Set<Int64>()
        for passage in passages {
            sentencesByPassage.append((passage, SentenceSplitter.sentences(in: passage.text).map(Dateline.strip), false))
        }
        for passage in passages where question.asksForAFigure && headlined.insert(passage.articleID).inserted {
            // A headline states the story's main fact, often with its figure ("… fines Lumenfold
            // $212 million"): for a question asking for a figure it is quoted like a sentence.
            var headline = passage
            headline.text = passage.title
            sentencesByPassage.append((headline, [passage.title], true))
        }
        // The first sentence of each paragraph found, to read on from the paragraph before it.
        var openingSentences: [Passage.Location: String] = [:]
        for (passage, sentences, isHeadline) in sentencesByPassage where !isHeadline {
            openingSentences[passage.location] = sentences.first
        }
        let allStems = sentencesByPassage.flatMap(\.sentences).map { Set(Terms.terms(in: $0)) }
        let slotWeights = zip(question.focus, question.focusWeights).map { slot, weight -> Double in
            let containing = allStems.filter { !$0.isDisjoint(with: slot) }.count
            return weight * log(1 + Double(allStems.count + 1) / Double(containing + 1))
        }
        let totalFocusWeight = slotWeights.reduce(0, +)

        for (passage, sentences, isHeadline) in sentencesByPassage {
            let titleWords = Set(Terms.words(in: passage.title))
            let titleStems = Set(titleWords.map(Terms.stem))
            let paragraphWords = Set(Terms.words(in: passage.text))
            let paragraphAndTitle = [paragraphWords, titleWords].map(Self.withHyphenParts)
            // Headings and captions (no closing punctuation) state nothing to quote.
            for (index, first) in sentences.enumerated() where first.split(separator: " ").count >= 5 && (isHeadline || Self.endsLikeASentence(first)) {
                var sentence = first
                let words = Terms.words(in: sentence)
                let wordSet = Set(words)
                let stems = Set(words.map(Terms.stem))

                // A name counts fully in the sentence, nearly as much in its paragraph or its
                // article's title: "the lock reopened" is about the lock the title names.
                // Each name the question asks about counts by how close to the sentence it is named.
                var entityScore = 1.0
                let names = question.entityWords.filter { !$0.isEmpty }
                if !names.isEmpty {
                    let presence = names.map { words -> Double in
                        if words.allSatisfy(wordSet.contains) { return 1 }
                        if words.allSatisfy(paragraphWords.contains) { return 0.85 }
                        if words.allSatisfy(titleWords.contains) { return 0.75 }
                        let found = words.filter { wordSet.contains($0) || paragraphWords.contains($0) || titleWords.contains($0) }.count
                        return 0.6 * Double(found) / Double(words.count)
                    }
                    // A name that only sets the scene counts where it is found, and is not missed elsewhere.
                    let counted = zip(names, presence).filter { words, presence in
                        presence >= 0.75 || !question.contextNames.contains(words.joined(separator: " "))
                    }.map(\.1)
                    entityScore = counted.isEmpty ? 1 : counted.reduce(0, +) / Double(counted.count)
                }
                let namesEveryName = Self.namesEveryName(question, in: [Self.withHyphenParts(wordSet)] + paragraphAndTitle)
                var focusScore = 1.0
                if totalFocusWeight > 0 {
                    var covered = 0.0
                    var total = totalFocusWeight
                    for ((slot, weight), isContext) in zip(zip(question.focus, slotWeights), question.contextSlots) {
                        if !stems.isDisjoint(with: slot) {
                            covered += weight
                        } else if question.asksForAFigure && !titleStems.isDisjoint(with: slot) {
                            // A figure is read under its article's title ("740 people" under
                            // "… Lake County plant workers"): a title word half covers the slot.
                            covered += weight / 2
                        } else if isContext {
                            total -= weight
                        }
                    }
                    focusScore = total > 0 ? covered / total : 0
                }
                // A sentence about other names can neither answer nor stand for the sources'
                // silence, so the costly reading of its figures and names is skipped.
                var (typeScore, lead) =
                    namesEveryName ? Self.typeMatch(question, sentence: sentence, figures: FigureExtractor.figures(in: sentence), outlet: passage.outlet) : (0, nil)
                // "A Swedish member of the European Parliament asked… In a letter, Karin
                // Ljungqvist argued…": the one a sentence describes is often named in the next,
                // in its paragraph or opening the next one.
                let next = index + 1 < sentences.count
                    ? sentences[index + 1] : isHeadline ? nil : openingSentences[Passage.Location(articleID: passage.articleID, position: passage.position + 1)]
                if typeScore == 0, namesEveryName, question.kind == .person, !question.asksForOrganization, let next,
                    let name = Self.nameAnswering(question, in: next, outlet: passage.outlet)
                {
                    sentence += " " + next
                    (typeScore, lead) = (0.8, name)
                }
                let relevance = maxRelevance > 0 ? passage.relevance / maxRelevance : 0
                let storyBonus = preferredStory != nil && passage.storyID == preferredStory ? 0.08 : 0
                // A body sentence saying as much as the headline is the better quote.
                let headlinePenalty = isHeadline ? 0.03 : 0
                // News is written lead first: an article's opening paragraph states its main facts.
                let leadBonus = passage.position == 0 && !isHeadline ? 0.03 : 0
                let score = 0.45 * focusScore + 0.3 * entityScore + 0.15 * typeScore + 0.1 * relevance + storyBonus - headlinePenalty + leadBonus
                candidates.append(
                    Candidate(
                        sentence: sentence, passage: passage, score: score, entityScore: entityScore, focusScore: focusScore,
                        typeScore: typeScore, namesEveryName: namesEveryName, lead: lead))
            }
        }
        candidates.sort { ($0.score, $1.passage.articleID) > ($1.score, $0.passage.articleID) }
        // The best sentence that answers, unless a much better one fails (then the sources
        // talk about the question's subject without answering it).
        // Sentences about other names neither answer nor stand for the sources' silence.
        guard let top = candidates.first(where: \.namesEveryName),
            let best = candidates.first(where: { Self.answers(question, $0) }), best.score >= top.score - 0.15,
            // A close contender saying the sources do not know ("which it did not name") wins.
            !candidates.prefix(while: { $0.score >= best.score - 0.1 }).contains(where: {
                $0.entityScore >= 0.5 && $0.focusScore >= 0.3 && Self.saysItDoesNotKnow($0.sentence, question: question)
            })
        else {
            return Finding(answered: false, sentences: Self.distinct(candidates, limit: 2), lead: nil)
        }
        var chosen = [best]
        for candidate in candidates.dropFirst() where chosen.count < 3 {
            guard candidate.score >= best.score * 0.8, Self.answers(question, candidate) else { continue }
            if chosen.contains(where: { Self.overlap($0.sentence, candidate.sentence) > 0.5 }) { continue }
            chosen.append(candidate)
        }
        return Finding(answered: true, sentences: chosen, lead: best.lead)
    }

    static func endsLikeASentence(_ sentence: String) -> Bool {
        guard let last = sentence.last else { return false }
        return ".!?\"”’'".contains(last)
    }

    /// A sentence answers when it names what the question is about, covers most of what it
    /// asks, and (for how much, how many, when, who) holds that kind of answer.
    static func answers(_ question: QuestionAnalysis, _ candidate: Candidate) -> Bool {
        guard candidate.entityScore >= 0.5, candidate.namesEveryName else { return false }
        // "At the end of May" is not answered by a sentence about the end of April.
        let months = QuestionAnalysis.months(in: candidate.sentence)
        if !question.months.isEmpty && !months.isEmpty && question.months.isDisjoint(with: months) { return false }
        // The source itself says it does not know ("which it did not name").
        if Self.saysItDoesNotKnow(candidate.sentence, question: question) { return false }
        switch question.kind {
        case .money, .count, .percentage, .capacity, .date, .duration, .person, .place:
            // The kind of answer asked for carries the evidence; long questions are paraphrased.
            let needed = question.focus.count >= 3 ? 0.45 : 0.5
            return candidate.typeScore > 0 && candidate.focusScore >= needed
        case .reason, .future, .general:
            guard candidate.focusScore >= 0.5 else { return false }
            if question.isYesNo { return candidate.focusScore >= 0.75 && candidate.score >= 0.6 }
            return candidate.score >= 0.55
        }
    }

    /// Whether each name the question itself states is found in one of the word sets (the
    /// sentence, its paragraph, its article's title): a sentence about another person or
    /// another "Series C" does not answer about this one. Sources shorten names, so a person
    /// is found by the surname and an organisation by its first word ("Kellaway", "Orisaka");
    /// a lone abbreviation ("HBM") is not required, as sources often spell it out.
    static func namesEveryName(_ question: QuestionAnalysis, in places: [Set<String>]) -> Bool {
        var missing: [Entity] = []
        for name in question.ownNames where !question.contextNames.contains(name.key) {
            let words = Terms.words(in: name.name).flatMap { $0.split(separator: "-").map(String.init) }
                .filter { !Stopwords.english.contains($0) }
            guard let first = words.first, let last = words.last else { continue }
            if words.count == 1 && name.name.count <= 5 && name.name.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }
            let person = name.kind == .person || Self.looksLikeAPerson(name)
            let found = places.contains { place in
                if words.allSatisfy(place.contains) { return true }
                if name.kind == .organization { return place.contains(first) }
                return person && place.contains(last)
            }
            if !found { missing.append(name) }
        }
        // A question naming three or more things gives context a paragraph need not repeat
        // ("after Retivelle's approval"); one such name may be missing, but never a person.
        if missing.isEmpty { return true }
        return question.ownNames.count >= 3 && missing.count == 1 && !missing.contains { $0.kind == .person || Self.looksLikeAPerson($0) }
    }

    /// The words with the parts of hyphenated ones ("cadmore-tillhaven" also gives "cadmore", "tillhaven").
    static func withHyphenParts(_ words: Set<String>) -> Set<String> {
        var all = words
        for word in words where word.contains("-") { all.formUnion(word.split(separator: "-").map(String.init)) }
        return all
    }

    static let unknownMarkers = [
        "did not name", "does not name", "do not name", "would not name", "wouldn't name", "without naming", "has not named",
        "have not named", "not named", "did not disclose", "does not disclose", "did not say", "did not specify",
        "did not identify", "declined to", "would not say", "wouldn't say", "would not disclose", "not disclosed",
        "undisclosed", "unnamed", "not been disclosed", "did not give", "did not provide", "not yet known", "has not said",
        "have not said", "neither company has said", "did not respond", "not been announced", "has not been awarded",
        "has yet to", "have yet to", "is yet to", "are yet to", "not yet decided", "not yet been",
    ]

    /// Still being looked for: "while the board searches for a permanent replacement" does not
    /// know the permanent one, though it may name the interim one.
    static let searchMarkers = ["searches for a ", "search for a ", "searching for a ", "to find a ", "looking for a "]

    /// Markers about a sum kept secret ("an undisclosed conflict"), which say nothing about
    /// who did something.
    static let undisclosedMarkers: Set<String> = ["undisclosed", "not disclosed", "did not disclose", "does not disclose", "would not disclose", "not been disclosed"]

    static func saysItDoesNotKnow(_ sentence: String, question: QuestionAnalysis) -> Bool {
        let lowered = TextNormalizer.comparable(sentence).lowercased()
        if unknownMarkers.contains(where: { marker in
            lowered.contains(marker) && !(question.kind == .person && undisclosedMarkers.contains(marker))
        }) {
            return true
        }
        let focusStems = Set(question.focus.flatMap { $0 })
        return searchMarkers.contains { marker in
            guard let range = lowered.range(of: marker) else { return false }
            let sought = lowered[range.upperBound...].prefix { $0.isLetter }
            return !sought.isEmpty && focusStems.contains(Terms.stem(String(sought)))
        }
    }

    /// How well a sentence holds the kind of answer asked for, and the figure or name to lead with.
    static func typeMatch(_ question: QuestionAnalysis, sentence: String, figures: [Figure], outlet: String = "") -> (Double, String?) {
        let lowered = " " + Terms.words(in: sentence).joined(separator: " ") + " "
        let anchors = focusPositions(question, in: sentence)
        /// The figure of one of the kinds nearest the words the question asks about.
        func figure(_ kinds: Set<Figure.Kind>) -> (Double, String?) {
            let matching = figures.filter { kinds.contains($0.kind) && !question.figureKeys.contains($0.key) }
            guard let best = nearest(matching, text: \.asWritten, in: sentence, anchors: anchors) else { return (0, nil) }
            return (1, best.display)
        }
        switch question.kind {
        case .money:
            // "How much" is usually money, but "how much did the fund lose" may be per cent and
            // "how much copper" tonnes.
            let money = figure([.money])
            if money.0 > 0 || question.asksForMoneyOnly { return money }
            let other = figure([.percentage, .count, .capacity, .energy])
            return other.0 > 0 ? (0.8, other.1) : (0, nil)
        case .count:
            let counted = figure([.count, .capacity, .energy])
            if counted.0 > 0 { return counted }
            // "How many chips?" answered by "more than 40,000 Tern chips": any stated number.
            if let number = Self.bareNumber(in: sentence, excluding: question) { return (0.8, number) }
            return (0, nil)
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
            let names = otherNames(question, sentence).filter { $0.kind != .organization }
            if let place = nearest(names.filter { $0.kind == .place }, text: \.name, in: sentence, anchors: anchors) { return (1, place.name) }
            return nearest(names, text: \.name, in: sentence, anchors: anchors).map { (0.7, $0.name) } ?? (0, nil)
        case .person:
            // Prefer a person's name (two or three capitalised words, no company words) to an organisation's.
            // "Chief Financial Officer Nadia Frausto" is the person Nadia Frausto.
            var names = otherNames(question, sentence).filter { $0.kind != .place && !isOutlet($0, outlet) }.map(Self.withoutRoleWords)
            if question.asksForOrganization {
                // "Which company…" is not answered by a person's name.
                names = names.filter { $0.kind != .person && !Self.looksLikeAPerson($0) }
                if let organization = nearest(names.filter { $0.kind == .organization }, text: \.name, in: sentence, anchors: anchors) {
                    return (1, organization.name)
                }
                return nearest(names, text: \.name, in: sentence, anchors: anchors).map { (0.7, $0.name) } ?? (0, nil)
            }
            let people = names.filter(Self.looksLikeAPerson)
            if let person = nearest(people, text: \.name, in: sentence, anchors: anchors) { return (1, person.name) }
            // A role question ("who became chief executive?") wants a person, not a company.
            if question.asksForPerson { return (0, nil) }
            return nearest(names, text: \.name, in: sentence, anchors: anchors).map { (0.7, $0.name) } ?? (0, nil)
        case .reason:
            let cues = [" because ", " as ", " since ", " due to ", " after ", " means ", " so that ", " in order to ", " to ", " driven by ", " citing ", " when ", " caused ", " triggered "]
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

    /// The first person a sentence names, other than those the question names; for a "who"
    /// question not about a role ("who lent…"), an organisation will do too.
    static func nameAnswering(_ question: QuestionAnalysis, in sentence: String, outlet: String) -> String? {
        let names = otherNames(question, sentence).map(withoutRoleWords).filter { !isOutlet($0, outlet) }
        if let person = names.first(where: looksLikeAPerson) { return person.name }
        return question.asksForPerson ? nil : names.first { $0.kind == .organization }?.name
    }

    /// Whether a name is the outlet's own ("reviewed by the Harbor Ledger" in harbor-ledger.example).
    static func isOutlet(_ name: Entity, _ outlet: String) -> Bool {
        let host = outlet.lowercased().filter { $0.isLetter || $0.isNumber }
        let words = Terms.words(in: name.name)
        return !words.isEmpty && host.hasPrefix(words.joined())
    }

    /// Names in the sentence that the question does not already name ("Corrowind Financial
    /// Corp" is the question's "Corrowind").
    static func otherNames(_ question: QuestionAnalysis, _ sentence: String) -> [Entity] {
        let askedWords = Set(question.entityWords.flatMap { $0 })
        return EntityExtractor.entities(inSentences: [sentence]).filter { entity in
            let words = Terms.words(in: entity.name)
            return !question.entities.contains(entity.key) && !words.allSatisfy(askedWords.contains)
                && !(words.count > 1 && askedWords.contains(words[0]))
        }
    }

    /// Titles written before a person's name.
    static let roleWords: Set<String> = [
        "Chief", "Financial", "Operating", "Technology", "Executive", "Officer", "Commissioner", "Attorney", "General", "Senator",
        "President", "Chairman", "Chairwoman", "Chair", "Director", "Minister", "Judge", "Governor", "Mayor", "Representative",
        "Secretary", "Vice", "Deputy", "Interim", "Acting", "Former", "CEO", "CFO", "COO", "Dr", "Mr", "Mrs", "Ms",
    ]

    /// The name without the titles written before it ("Commissioner Dale Amundsen" is Dale Amundsen).
    static func withoutRoleWords(_ entity: Entity) -> Entity {
        let words = entity.name.split(separator: " ")
        let kept = words.drop { roleWords.contains(String($0).trimmingCharacters(in: .punctuationCharacters)) }
        guard kept.count >= 2, kept.count < words.count else { return entity }
        var trimmed = entity
        trimmed.name = kept.joined(separator: " ")
        // "Chief Financial Officer" made the whole run look like an organisation.
        trimmed.kind = EntityExtractor.kind(of: trimmed.name)
        return trimmed
    }

    /// Two or three capitalised words that are not known as an organisation or a place.
    static func looksLikeAPerson(_ entity: Entity) -> Bool {
        let words = entity.name.split(separator: " ")
        return entity.kind == .other && (2...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// Character offsets of the sentence's words that the question's focus asks about.
    static func focusPositions(_ question: QuestionAnalysis, in sentence: String) -> [Int] {
        let wanted = Set(question.focus.flatMap { $0 })
        var positions: [Int] = []
        var offset = 0
        for word in sentence.split(separator: " ", omittingEmptySubsequences: false) {
            if let term = Terms.words(in: word).first, wanted.contains(Terms.stem(term)) { positions.append(offset) }
            offset += word.count + 1
        }
        return positions
    }

    /// The item written nearest one of the anchors (the first item when there are none).
    static func nearest<Item>(_ items: [Item], text: (Item) -> String, in sentence: String, anchors: [Int]) -> Item? {
        guard !anchors.isEmpty else { return items.first }
        return items.min { first, second in
            distance(text(first), in: sentence, anchors: anchors) < distance(text(second), in: sentence, anchors: anchors)
        }
    }

    static func distance(_ needle: String, in sentence: String, anchors: [Int]) -> Int {
        guard let range = sentence.range(of: needle) else { return .max }
        let position = sentence.distance(from: sentence.startIndex, to: range.lowerBound)
        return anchors.map { abs($0 - position) }.min() ?? .max
    }

    /// The first number in a sentence that is not a year and not one the question states.
    static func bareNumber(in sentence: String, excluding question: QuestionAnalysis) -> String? {
        let questionNumbers = Set(Terms.words(in: question.question).filter { $0.allSatisfy(\.isNumber) })
        for word in sentence.split(separator: " ") {
            let digits = word.filter { $0.isNumber || $0 == "," || $0 == "." }
            let plain = digits.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "."))
            guard let value = Double(plain), !plain.isEmpty, !questionNumbers.contains(plain) else { continue }
            if value >= 1900 && value <= 2100 && !digits.contains(",") { continue }
            return digits.trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
        }
        return nil
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
