/// What a question asks for: the kind of answer, the names it is about and the other
/// words ("focus") an answering sentence must cover.
public struct QuestionAnalysis: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case money, count, percentage, capacity, date, duration, person, place, reason, future, general
    }

    public var question: String
    public var kind: Kind
    /// Entity keys the question names (or, for a follow-up, inherited from earlier turns).
    public var entities: [String]
    /// The entities' own words, lowercased, for matching in sentences.
    public var entityWords: [[String]]
    /// Each focus slot is a set of alternative stems; a sentence covers the slot with any of them.
    public var focus: [Set<String>]
    /// Keys of figures the question itself states ("is it really a $33 billion stake?").
    public var figureKeys: Set<String>
    /// The words to search for.
    public var searchTerms: [String]
    /// Whether the question leans on earlier turns ("it", "they", "the deal").
    public var isFollowUp: Bool

    /// Words that frame a question but say nothing about its subject.
    static let questionWords: Set<String> = [
        "how", "much", "many", "what", "which", "who", "whom", "whose", "when", "where", "why", "is", "are", "was",
        "were", "do", "does", "did", "will", "would", "could", "should", "can", "has", "have", "had", "really",
        "actually", "exactly", "happen", "happens", "happened", "say", "said", "tell", "know", "mean", "means",
        "about", "there", "get", "got", "this", "that", "these", "those", "it", "its", "they", "them", "their",
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "be",
        "been", "being", "so", "all", "any", "some", "whole", "kind", "sort", "else", "also", "more", "most",
        "big", "large", "long", "far", "well", "make", "made", "thing", "things", "part", "such", "if", "then",
        "now", "yet", "still", "go", "going", "come", "comes", "coming", "inside", "outside", "beyond", "into",
        "within", "across", "behind", "between", "under", "over", "up", "down", "out", "off", "just", "ever", "away",
    ]

    /// Words a reader uses in questions that sources put differently.
    static let related: [String: [String]] = [
        "give": ["return", "exchange", "commit", "pledg", "agre", "spend", "provid", "offer"],
        "back": ["return", "exchange"],
        "cost": ["pai", "pay", "price", "worth", "valu", "spend"],
        "worth": ["valu", "price", "pai"],
        "stake": ["invest", "stake", "sharehold", "equiti"],
        "lock": ["lock", "tie", "depend", "concentr", "exclus"],
        "matter": ["becaus", "signific", "sign", "import", "mean"],
        "fine": ["fine", "penalti"],
        "employ": ["job", "staff", "worker", "employe", "headcount"],
        "job": ["job", "staff", "worker", "employe", "posit", "role"],
        "buy": ["acquir", "acquisit", "purchas", "bui", "deal"],
        "sell": ["sale", "sell", "sold", "divest"],
        "rais": ["rais", "round", "fund", "invest"],
        "valu": ["valu", "valuat", "worth"],
        "start": ["begin", "start", "launch", "open"],
        "end": ["close", "complet", "finish", "end"],
        "miss": ["miss", "fail", "short", "not met"],
        "right": ["immedi", "now", "upfront", "initi", "right"],
        "cut": ["cut", "elimin", "reduc", "layoff", "lose", "loss", "shed"],
        "happen": ["result", "consequ"],
        "risk": ["risk", "concern", "worri", "warn", "threat"],
        "chip": ["chip", "semiconductor", "processor", "acceler", "silicon"],
        "power": ["power", "electr", "energi", "capac", "gigawatt", "megawatt"],
    ]

    static let followUpWords: Set<String> = ["it", "its", "they", "their", "them", "he", "she", "his", "her", "this", "that", "these", "those"]

    /// - Parameter context: entity names from earlier turns of the conversation.
    public init(question: String, context: [String] = []) {
        self.question = question
        let lowered = question.lowercased()
        let words = Terms.words(in: question)
        kind = Self.kind(of: lowered, words: words)

        var entities = EntityExtractor.entities(inSentences: [question]).map(\.key)
        let mentionsEarlierTurn = words.contains(where: Self.followUpWords.contains) || lowered.hasPrefix("and ")
            || lowered.contains("the deal") || lowered.contains("the company")
        isFollowUp = !context.isEmpty && (entities.isEmpty || mentionsEarlierTurn)
        if isFollowUp {
            for name in context where !entities.contains(name.lowercased()) { entities.append(name.lowercased()) }
        }
        self.entities = entities
        entityWords = entities.map { Terms.words(in: $0) }

        let entityWordSet = Set(entityWords.flatMap { $0 })
        var focus: [Set<String>] = []
        var seen = Set<String>()
        for word in words where !Self.questionWords.contains(word) && !Stopwords.english.contains(word)
            && !entityWordSet.contains(word) && !word.allSatisfy(\.isNumber) && word.count > 1
        {
            let stem = Terms.stem(word)
            guard seen.insert(stem).inserted else { continue }
            var alternatives: Set<String> = [stem]
            for (key, others) in Self.related where stem.hasPrefix(key) { alternatives.formUnion(others) }
            focus.append(alternatives)
        }
        self.focus = focus
        figureKeys = Set(FigureExtractor.figures(in: question).map(\.key))
        var terms = focus.flatMap { $0 }
        terms += entityWords.flatMap { $0 }
        var unique: [String] = []
        for term in terms where !unique.contains(term) { unique.append(term) }
        searchTerms = unique
    }

    static func kind(of lowered: String, words: [String]) -> Kind {
        func has(_ phrase: String) -> Bool { (" " + words.joined(separator: " ") + " ").contains(" \(phrase) ") }
        if has("how many") {
            if has("megawatts") || has("gigawatts") || has("mw") || has("gw") { return .capacity }
            return .count
        }
        if has("what percentage") || has("what share") || has("what percent") || has("by how much") || has("how much did") && (has("rise") || has("fall") || has("grow") || has("drop")) {
            return .percentage
        }
        if has("how much capacity") || has("how much power") || has("how much electricity") { return .capacity }
        if has("how much") || has("what price") || has("how big") || has("what is it worth") || has("what valuation") || has("how large") {
            return .money
        }
        if has("how long") { return .duration }
        if has("when") || has("what date") || has("what day") || has("which day") || has("what year") { return .date }
        if has("who") || has("whom") || has("which company") || has("which firm") || has("which bank") { return .person }
        if has("where") || has("which country") || has("which city") || has("which state") { return .place }
        if has("why") { return .reason }
        if has("what happens next") || has("what comes next") || has("what happens if") || has("what next") || has("what will") {
            return .future
        }
        return .general
    }
}
