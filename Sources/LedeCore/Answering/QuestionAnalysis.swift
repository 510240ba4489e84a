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
    /// A yes-or-no question ("Did the board approve it?"), whose verb must be in the answer.
    public var isYesNo: Bool
    /// A "who" question about a role ("who became chief executive?"): the answer is a person.
    public var asksForPerson: Bool
    /// How much each focus slot counts: verbs that carry little ("plan", "become") count less.
    public var focusWeights: [Double]
    /// Whether each focus slot is in a closing clause that says when ("after it announced its
    /// store closures"): it counts for a sentence that has it, and is not missed in one that has not.
    public var contextSlots: [Bool]
    /// The names the question itself states, rather than inherits from earlier turns. An
    /// answer must name each of these, or its paragraph or title must.
    public var ownNames: [Entity]
    /// The names in the closing clause that says when ("after the Stockholm outage"), by key
    /// and by their words: an answer need not name them.
    public var contextNames: Set<String>
    /// "Which company…", "what bank…": the answer is an organisation, not a person.
    public var asksForOrganization: Bool
    /// Months the question names ("at the end of May"); an answer about another month is not one.
    public var months: Set<String>
    /// "How much is it paying?": only a sum of money answers, not a percentage or a count.
    public var asksForMoneyOnly: Bool

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
        "give": ["return", "exchang", "commit", "pledg", "agre", "spend", "provid", "offer"],
        "back": ["return", "exchang"],
        "cost": ["pai", "pay", "price", "worth", "valu", "spend", "charg", "fee"],
        "charg": ["charg", "price", "cost", "fee", "cent", "rate"],
        "worth": ["valu", "price", "pai", "pay"],
        "price": ["price", "offer", "pai", "pay", "valu", "cost", "bid"],
        // Paying for a company is buying it.
        "pai": ["pai", "pay", "price", "offer", "valu", "cost", "bid", "spend", "bui", "acquir", "purchas"],
        "pay": ["pai", "pay", "price", "offer", "valu", "cost", "bid", "spend", "bui", "acquir", "purchas"],
        "stake": ["invest", "stake", "sharehold", "equiti", "own", "hold"],
        "hold": ["hold", "own", "stake"],
        "own": ["own", "hold", "stake"],
        "lock": ["lock", "tie", "depend", "concentr", "exclus"],
        "matter": ["becaus", "signific", "sign", "import", "mean"],
        "fine": ["fine", "penalti", "settlement"],
        "penalti": ["penalti", "fine", "settlement", "sanction"],
        "impos": ["impos", "fine", "order", "levi"],
        "employ": ["job", "staff", "worker", "employe", "headcount"],
        "job": ["job", "staff", "worker", "employe", "posit", "role"],
        "worker": ["worker", "employe", "staff", "job"],
        "buy": ["acquir", "acquisit", "purchas", "bui", "deal", "takeov"],
        // "Who is buying X?" is answered by "X is being sold to Y".
        "bui": ["acquir", "acquisit", "purchas", "bui", "deal", "takeov", "sold", "sell", "sale"],
        "acquir": ["acquir", "acquisit", "purchas", "bui", "buy", "deal", "takeov"],
        "sell": ["sale", "sell", "sold", "divest", "wholesal"],
        "rais": ["rais", "round", "fund", "invest", "secur"],
        "valu": ["valu", "valuat", "worth"],
        "start": ["begin", "start", "launch", "open"],
        "end": ["close", "complet", "finish", "end"],
        "miss": ["miss", "fail", "short", "not met"],
        "cut": ["cut", "elimin", "reduc", "layoff", "lose", "loss", "shed", "close"],
        "close": ["close", "shut", "closur"],
        "happen": ["result", "consequ"],
        "risk": ["risk", "concern", "worri", "warn", "threat"],
        "chip": ["chip", "semiconductor", "processor", "acceler", "silicon"],
        "power": ["power", "electr", "energi", "capac", "gigawatt", "megawatt"],
        "gain": ["gain", "rise", "rose", "jump", "climb", "increas", "up", "soar", "surg"],
        "rise": ["rise", "rose", "gain", "jump", "climb", "increas", "up", "add"],
        "add": ["add", "rise", "increas", "boost", "lift", "more"],
        "fall": ["fall", "fell", "drop", "declin", "slide", "slid", "down", "lose", "lost", "plung", "sank"],
        "drop": ["fall", "fell", "drop", "declin", "slide", "down", "lose"],
        "lose": ["lose", "lost", "loss", "fall", "drop", "declin"],
        "lend": ["lend", "loan", "credit", "financ", "lender", "debt"],
        "lent": ["lend", "loan", "credit", "financ", "lender", "debt"],
        // Sources write "CEO" where readers ask for the chief executive.
        "chief": ["chief", "ceo", "cfo", "coo"],
        "execut": ["execut", "ceo"],
        "earn": ["earn", "revenu", "incom", "profit", "fee"],
        "final": ["final", "rais", "revis", "new", "improv", "sweeten"],
        "agre": ["agre", "deal", "accept", "sign"],
        "deploi": ["deploi", "instal", "servic", "put", "roll"],
        "approv": ["approv", "clear", "grant", "author", "back"],
        "vote": ["vote", "ballot", "approv", "meet"],
        "sue": ["sue", "lawsuit", "su", "court", "complaint"],
        "strike": ["strike", "walkout", "union", "worker"],
        "cyberattack": ["cyberattack", "attack", "hack", "breach", "ransomwar", "intrus"],
        "hack": ["hack", "attack", "breach", "intrus"],
        "lead": ["lead", "led", "head", "anchor"],
        "right": ["immedi", "now", "upfront", "initi", "right"],
        "immedi": ["immedi", "now", "upfront", "initi"],
    ]

    /// Stems of verbs a question uses to frame rather than to ask ("plans to deploy", "became").
    static let lightVerbs: Set<String> = Set([
        "plan", "becom", "make", "get", "take", "show", "includ", "expect", "announc", "report", "use", "need", "want",
        "say", "tell", "call", "name", "give", "put", "set", "keep", "start", "begin", "seek", "caus", "monei", "cost",
        "amount", "total", "number", "figur", "happen", "mean", "result", "accord", "work",
    ])

    /// Words that make a "who" question ask for a person rather than an organisation.
    static let personRoles: Set<String> = [
        "ceo", "chief", "executive", "president", "chair", "chairman", "chairwoman", "founder", "head", "minister",
        "director", "governor", "mayor", "senator", "analyst", "spokesperson", "spokesman", "spokeswoman", "judge", "manager",
        "cfo", "commissioner", "official", "officials", "member", "lawmaker", "lawmakers", "legislator", "prosecutor",
        "attorney", "lawyer", "economist", "secretary", "representative", "candidate", "chancellor", "premier", "trustee",
    ]

    /// Nouns whose instances have names: "which bank", "what firm".
    static let nameNouns: Set<String> = [
        "company", "companies", "firm", "firms", "bank", "banks", "group", "chain", "fund", "lender", "lenders", "investor",
        "investors", "carrier", "carriers", "operator", "operators", "agency", "regulator", "judge", "official", "customer",
        "customers", "tenant", "supplier", "vendor", "plan", "partner", "partners", "buyer", "bidder", "startup", "manufacturer",
        "maker", "utility", "union", "court", "member", "lawmaker", "senator", "executive", "analyst", "brand", "retailer",
    ]

    /// Nouns whose instances are organisations: "which bank", "what firm".
    static let organizationNouns: Set<String> = [
        "company", "companies", "firm", "firms", "bank", "banks", "chain", "fund", "lender", "lenders", "carrier", "carriers",
        "operator", "operators", "agency", "regulator", "supplier", "suppliers", "vendor", "startup", "manufacturer", "maker",
        "utility", "retailer", "brand", "insurer", "automaker", "airline", "contractor",
    ]

    /// Words that open a clause saying when: "after", "following".
    static let contextWords: Set<String> = ["after", "following", "since", "amid", "despite"]

    /// The words of a figure the question states ("$150 million"), matched as a figure instead.
    static let magnitudes: Set<String> = ["million", "billion", "trillion", "thousand", "bn", "mn"]

    /// Nouns for a change in an amount: "what pay rise" asks for a sum or a percentage.
    static let changeNouns: Set<String> = [
        "rise", "raise", "increase", "hike", "discount", "premium", "markup", "surcharge", "reduction", "decrease",
    ]

    /// Words that ask about a sum paid, charged or earned.
    static let paymentWords: Set<String> = [
        "pay", "paying", "paid", "pays", "cost", "costs", "price", "charge", "charges", "spend", "spending", "fine", "fined",
        "penalty", "fee", "fees", "earn", "earned", "worth", "valuation", "raise", "raised", "ransom", "severance", "loan", "lend", "lent",
    ]

    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Month names written with a capital after the first word (so the verb "may" is not one).
    public static func months(in text: String) -> Set<String> {
        let words = text.split(whereSeparator: { !$0.isLetter })
        return Set(words.dropFirst().filter { $0.first?.isUppercase == true }.map { $0.lowercased() }.filter(monthNames.contains))
    }

    /// How much, how many, what share, how long, when: the answer is a figure or a date.
    public var asksForAFigure: Bool {
        [.money, .count, .percentage, .capacity, .duration, .date].contains(kind)
    }

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
        ownNames = EntityExtractor.entities(inSentences: [question])
        let names = ownNames.map(\.name)
        entityWords = names.map { Terms.words(in: $0) } + entities.dropFirst(names.count).map { Terms.words(in: $0) }
        // "… after it announced its store closures": a closing clause that says when sets the
        // scene; an answer need not repeat it.
        let contextStart = words.indices.dropFirst(3).first { Self.contextWords.contains(words[$0]) } ?? words.endIndex
        contextNames = Set(
            ownNames.filter { name in
                guard let first = Terms.words(in: name.name).first, let position = words.firstIndex(of: first) else { return false }
                return position > contextStart
            }.flatMap { [$0.key, Terms.words(in: $0.name).joined(separator: " ")] })
        if let which = words.firstIndex(where: { $0 == "which" || $0 == "what" }) {
            asksForOrganization = words[(which + 1)...].prefix(4).contains(where: Self.organizationNouns.contains)
        } else {
            asksForOrganization = false
        }
        months = Self.months(in: question)

        let entityWordSet = Set(entityWords.flatMap { $0 })
        var focus: [Set<String>] = []
        var inContext: [Bool] = []
        var seen = Set<String>()
        for (position, word) in words.enumerated() where !Self.questionWords.contains(word) && !Stopwords.english.contains(word)
            && !entityWordSet.contains(word) && !word.allSatisfy(\.isNumber) && word.count > 1 && !Self.magnitudes.contains(word)
        {
            let stem = Terms.stem(word)
            guard seen.insert(stem).inserted else { continue }
            var alternatives: Set<String> = [stem]
            for (key, others) in Self.related where stem.hasPrefix(key) { alternatives.formUnion(others) }
            focus.append(alternatives)
            inContext.append(position > contextStart)
        }
        self.focus = focus
        focusWeights = zip(focus, inContext).map { slot, inContext in slot.contains(where: Self.lightVerbs.contains) || inContext ? 0.3 : 1 }
        // A question that is all clause ("what happened after the vote?") keeps it as its focus.
        contextSlots = inContext.contains(false) ? inContext : inContext.map { _ in false }
        isYesNo = ["did", "does", "do", "is", "was", "were", "are", "will", "has", "have", "can", "could", "would"].contains(words.first ?? "")
        asksForPerson = kind == .person && words.contains(where: Self.personRoles.contains)
        asksForMoneyOnly = kind == .money && words.contains(where: Self.paymentWords.contains) && !words.contains(where: Self.changeNouns.contains)
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
        if has("what percentage") || has("what share") || has("what percent") || has("by how much") || has("what rate")
            || has("interest rate") || has("what margin") || has("how much did") && (has("rise") || has("fall") || has("grow") || has("drop"))
        {
            return .percentage
        }
        if has("how much capacity") || has("how much power") || has("how much electricity") { return .capacity }
        if has("how large a stake") || has("how big a stake") || has("what stake") || has("how large a share") { return .percentage }
        // "What floor price…", "what annual fee…": a sum of money, even with words between.
        if let which = words.firstIndex(where: { $0 == "what" || $0 == "which" }),
            words[(which + 1)...].prefix(3).contains(where: { ["price", "fee", "fees", "cost", "valuation"].contains($0) })
        {
            return .money
        }
        if has("how much") || has("what price") || has("how big") || has("what is it worth") || has("what valuation") || has("how large") {
            return .money
        }
        if has("how long") { return .duration }
        if has("when") || has("what date") || has("what day") || has("which day") || has("what year") { return .date }
        // "Which state official…" asks for a person, not a state.
        let asksForAPlace = ["country", "city", "state", "region"].contains { place in
            has("which \(place)") && !words.drop { $0 != place }.dropFirst().prefix(1).contains(where: { Self.personRoles.contains($0) || Self.nameNouns.contains($0) })
        }
        if has("where") || asksForAPlace { return .place }
        if has("who") || has("whom") { return .person }
        // "Which company…", "which two European operators…", "what firm…", "which commissioner…":
        // a name is the answer.
        if let which = words.firstIndex(where: { $0 == "which" || $0 == "what" }) {
            let following = words[(which + 1)...].prefix(4)
            if following.contains(where: { Self.nameNouns.contains($0) || Self.personRoles.contains($0) }) { return .person }
            // "What pay rise…", "what price increase…": the answer is an amount.
            if words[(which + 1)...].prefix(2).contains(where: Self.changeNouns.contains) { return .money }
        }
        if has("why") || has("what caused") || has("what led to") || has("what triggered") || has("what prompted") { return .reason }
        if has("what happens next") || has("what comes next") || has("what happens if") || has("what next") || has("what will") {
            return .future
        }
        return .general
    }
}
