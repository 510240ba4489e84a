/// Kinds of news event and the (stemmed) words that signal them. Two articles about one
/// company are one story only if they report the same kind of event: an earnings report and
/// a factory fire share a name but not these words.
enum EventVocabulary {
    static let kinds: [String: [String]] = [
        "earnings": ["earn", "quarter", "quarterli", "revenu", "profit", "result", "forecast", "outlook", "guidanc", "estim", "analyst"],
        "deal": ["acquir", "acquisit", "merger", "merg", "takeov", "bid", "buyout", "deal", "offer", "sharehold", "premium", "bui", "buy"],
        "funding": ["rais", "round", "seri", "valuat", "investor", "ventur", "fund"],
        "listing": ["ipo", "list", "debut", "offer", "underwrit", "price"],
        "outage": ["outag", "disrupt", "restor", "incid", "failur", "downtim", "offlin"],
        "security": ["ransomwar", "breach", "hack", "attack", "stolen", "cyber"],
        "legal": ["fine", "penalti", "settl", "regul", "probe", "investig", "lawsuit", "court", "judg", "rule", "order", "sue", "su", "litig"],
        "labour": ["strike", "union", "worker", "walkout", "wage", "picket"],
        "layoffs": ["cut", "job", "layoff", "redund", "closur", "close", "shut"],
        "recall": ["recal", "defect", "safeti"],
        "leadership": ["ceo", "resign", "depart", "appoint", "successor", "exit", "interim", "board", "chief"],
        "approval": ["approv", "clearanc", "permit", "licens", "author"],
        "disaster": ["fire", "explos", "flood", "blaze", "damag"],
        "product": ["launch", "releas", "unveil", "model", "product"],
    ]

    static let kindOfStem: [String: [String]] = {
        var map: [String: [String]] = [:]
        for (kind, stems) in kinds {
            for stem in stems { map[stem, default: []].append(kind) }
        }
        return map
    }()

    /// How strongly the title (counted three times) and the lead signal each kind of event.
    static func profile(title: String, lead: [String]) -> [String: Double] {
        var profile: [String: Double] = [:]
        for term in Terms.terms(in: title) {
            for kind in kindOfStem[term] ?? [] { profile[kind, default: 0] += 3 }
        }
        for paragraph in lead {
            for term in Terms.terms(in: paragraph) {
                for kind in kindOfStem[term] ?? [] { profile[kind, default: 0] += 1 }
            }
        }
        return profile
    }
}
