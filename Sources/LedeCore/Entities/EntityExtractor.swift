/// Finds the names in a text: runs of capitalised words that are not merely the first word
/// of a sentence, normalised so that `Amazon`, `Amazon.com Inc.` and `Amazon's` are one entity,
/// with acronyms ("AWS") and surnames ("Amodei") tied to the full names they stand for.
public enum EntityExtractor {
    /// - Parameters:
    ///   - sentences: the text, one sentence per element.
    ///   - tags: names the source itself attached to the article (feed categories, keywords).
    public static func entities(inSentences sentences: [String], tags: [String] = []) -> [Entity] {
        var mentions: [(name: String, sentenceStart: Bool)] = []
        for sentence in sentences {
            mentions.append(contentsOf: capitalisedRuns(in: sentence))
        }
        // Names recur, and each mention was normalised up to three times.
        var normalised: [String: (key: String, name: String)] = [:]
        func normalise(_ raw: String) -> (key: String, name: String) {
            if let known = normalised[raw] { return known }
            let result = Self.normalise(raw)
            normalised[raw] = result
            return result
        }
        // A capitalised word that opens a sentence counts only if the text also capitalises it elsewhere.
        let midSentence = Set(mentions.filter { !$0.sentenceStart }.map { normalise($0.name).key })
        var counts: [String: (names: [String: Int], count: Int)] = [:]
        func add(_ raw: String) {
            let (key, name) = normalise(raw)
            guard key.count > 1, !ignored.contains(key) else { return }
            counts[key, default: ([:], 0)].names[name, default: 0] += 1
            counts[key, default: ([:], 0)].count += 1
        }
        for mention in mentions {
            var name = mention.name
            let key = normalise(name).key
            if mention.sentenceStart && !midSentence.contains(key) {
                // "Shares of Corvane Systems rose": a capitalised opener joined to a name by a
                // connector is an ordinary word, unless the whole run is a name used elsewhere.
                let words = name.split(separator: " ")
                if words.count > 2, connectors.contains(words[1].lowercased()) {
                    name = words.dropFirst(2).joined(separator: " ")
                } else if !name.contains(" ") && !isAcronym(name) {
                    continue
                }
            }
            add(name)
        }
        // A tag confirms a name the text uses and so weighs it more; a tag the text never names
        // is most often a section or topic ("Trade", "Markets"), not something the article is about.
        for tag in tags where tag.first?.isUppercase == true && counts[normalise(tag).key] != nil { add(tag) }
        return merged(counts)
    }

    // MARK: - Finding names

    static let connectors: Set<String> = ["of", "de", "du", "del", "der", "van", "von", "la", "&", "and", "for"]
    /// Capitalised words that are never names on their own.
    static let ignored: Set<String> = [
        "the", "a", "an", "i", "it", "its", "in", "on", "at", "but", "and", "or", "if", "as", "this", "that",
        "these", "those", "he", "she", "they", "we", "you", "his", "her", "their", "our", "there", "here",
        "what", "when", "where", "why", "how", "who", "which", "while", "after", "before", "for", "with",
        "from", "by", "to", "of", "so", "yet", "still", "also", "then", "now", "today", "yesterday",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "mr", "mrs", "ms", "dr", "prof", "ceo", "cfo", "cto", "coo", "chief", "executive", "officer",
        "president", "chairman", "chair", "director", "analyst", "analysts", "minister", "senator",
        "spokesperson", "spokesman", "spokeswoman", "read", "more", "related", "advertisement", "update",
        "updated", "editor", "note", "photo", "image", "source", "sources", "people", "some", "one", "two",
        "under", "over", "about", "across", "despite", "although", "because", "since", "until", "during",
        "not", "no", "yes", "all", "both", "each", "every", "many", "most", "other", "such", "only", "just",
        "even", "already", "according", "meanwhile", "however", "instead", "together", "first", "last",
        "next", "new", "q1", "q2", "q3", "q4", "gw", "mw", "kw", "twh", "gwh", "usd", "eur", "gbp", "ai",
    ]
    static let corporateSuffixes: Set<String> = [
        "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "ltd", "ltd.", "limited", "plc", "llc",
        "co", "co.", "ag", "sa", "s.a.", "nv", "n.v.", "gmbh", "se", "holdings",
    ]

    /// Runs of capitalised words in one sentence, with whether the run opens the sentence.
    static func capitalisedRuns(in sentence: String) -> [(name: String, sentenceStart: Bool)] {
        var runs: [(String, Bool)] = []
        var current: [String] = []
        var currentStartsSentence = false
        var pendingConnectors: [String] = []
        var position = 0
        func flush() {
            if !current.isEmpty { runs.append((current.joined(separator: " "), currentStartsSentence)) }
            current = []
            pendingConnectors = []
        }
        let rawWords = sentence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "—" || $0 == "/" })
        for (index, rawWord) in rawWords.enumerated() {
            defer { position += 1 }
            // Most words start with a lowercase letter outside any name: such a word only ends a
            // run, and with no run open there is nothing to end, so the trimming and the tests
            // below are spared for most of the text.
            if current.isEmpty, let byte = rawWord.utf8.first, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { continue }
            let leading = rawWord.first.map(Self.opensQuote) ?? false
            var word = rawWord.trimming("\"“”‘’'()[]:;!?")
            // A possessive ends a name: "Quillon Cloud's Stockholm region" names two things;
            // but "Brouwer's Markets" and "McDonald's Corp." are one.
            let possessive =
                Self.endsPossessive(rawWord) && !(index + 1 < rawWords.count && Self.isCompanyWord(rawWords[index + 1]))
            if possessive { for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { word.removeLast(suffix.count) } }
            let endsClause = possessive || (rawWord.last.map(Self.endsClause) ?? false)
            // Keep "Inc." and "U.S." whole; drop a sentence's final full stop.
            if word.hasSuffix("."), !corporateSuffixes.contains(word.lowercased()), !isAcronym(word) { word.removeLast() }
            if word.hasSuffix(",") { word.removeLast() }
            if leading, !current.isEmpty { flush() }
            guard let first = word.first else {
                flush()
                continue
            }
            if first.isUppercaseQuickly || (first.isNumber && !current.isEmpty && word.contains(where: { $0.isLetter })) {
                if current.isEmpty { currentStartsSentence = position == 0 }
                current.append(contentsOf: pendingConnectors)
                pendingConnectors = []
                current.append(word)
            } else if !current.isEmpty, connectors.contains(word.lowercased()), !endsClause {
                pendingConnectors.append(word)
                continue
            } else {
                flush()
            }
            if endsClause { flush() }
        }
        flush()
        // Split runs that start with an ignorable word ("The Federal Reserve" → "Federal Reserve").
        return runs.compactMap { run in
            var words = run.0.split(separator: " ").map(String.init)
            var startsSentence = run.1
            while let first = words.first, ignored.contains(first.lowercased()) || connectors.contains(first.lowercased()) {
                words.removeFirst()
                startsSentence = false
            }
            while let last = words.last, connectors.contains(last.lowercased()) { words.removeLast() }
            return words.isEmpty ? nil : (words.joined(separator: " "), startsSentence)
        }
    }

    // Character tests as switches: `"…".contains(character)` walked the string's characters
    // for every word of every sentence.

    static func opensQuote(_ character: Character) -> Bool {
        switch character {
        case "\"", "“", "‘", "'", "(": true
        default: false
        }
    }

    static func endsClause(_ character: Character) -> Bool {
        switch character {
        case ",", ";", ":", ".", "!", "?", ")", "\"", "”": true
        default: false
        }
    }

    /// "Quillon's", "Quillon’s", "analysts'" (but not "s'" alone).
    static func endsPossessive(_ word: Substring) -> Bool {
        guard let last = word.last, last == "s" || last == "'" || last == "’" else { return false }
        return word.hasSuffix("'s") || word.hasSuffix("’s") || (word.count > 2 && (word.hasSuffix("s'") || word.hasSuffix("s’")))
    }

    /// A capitalised word that ends a company's name: "Markets", "Corp.", "Stores".
    static func isCompanyWord(_ raw: Substring) -> Bool {
        guard raw.first?.isUppercaseQuickly == true else { return false }
        let word = String(raw).trimming("\"“”‘’'()[]:;!?,.").lowercased()
        return organisationWords.contains(word) || corporateSuffixes.contains(word)
    }

    static func isAcronym(_ word: String) -> Bool {
        let letters = word.filter(\.isLetterQuickly)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercaseQuickly)
    }

    // MARK: - Normalising

    /// The key and the display name of a mention.
    static func normalise(_ raw: String) -> (key: String, name: String) {
        var words = raw.split(separator: " ").map(String.init)
        if var last = words.last {
            for suffix in ["'s", "’s", "'", "’"] where last.hasSuffix(suffix) {
                last.removeLast(suffix.count)
                break
            }
            words[words.count - 1] = last
        }
        while words.count > 1, let last = words.last, corporateSuffixes.contains(last.lowercased().trimming(",")) {
            words.removeLast()
        }
        words = words.map { word in
            var word = word.trimming(",")
            if word.lowercased().hasSuffix(".com"), word.count > 4 { word.removeLast(4) }
            return word
        }
        let name = words.joined(separator: " ")
        let key = name.lowercased().filter { $0.isLetterQuickly || $0.isNumber || $0 == " " || $0 == "&" }
        return (key, name)
    }

    /// Folds acronyms and surnames into the full names they stand for, and picks display names.
    static func merged(_ counts: [String: (names: [String: Int], count: Int)]) -> [Entity] {
        var target: [String: String] = [:]
        let multiWord = counts.keys.filter { $0.contains(" ") }
        for key in counts.keys where !key.contains(" ") {
            // An acronym of a multi-word name: "aws" → "amazon web services".
            if let full = multiWord.first(where: { initials($0) == key }) {
                target[key] = full
                continue
            }
            // A surname or short form: "amodei" → "dario amodei" when exactly one full name ends with it.
            let endings = multiWord.filter { $0.hasSuffix(" " + key) }
            if endings.count == 1 { target[key] = endings[0] }
        }
        var merged: [String: (names: [String: Int], count: Int)] = [:]
        for (key, value) in counts {
            let destination = target[key] ?? key
            merged[destination, default: ([:], 0)].count += value.count
            if destination == key {
                for (name, count) in value.names { merged[destination, default: ([:], 0)].names[name, default: 0] += count }
            }
        }
        return merged.map { key, value in
            let name = value.names.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? key
            return Entity(key: key, name: name, kind: kind(of: name), mentions: value.count)
        }.sorted { ($0.mentions, $1.key) > ($1.mentions, $0.key) }
    }

    static func initials(_ key: String) -> String {
        String(key.split(separator: " ").filter { !connectors.contains(String($0)) }.compactMap(\.first))
    }

    static let organisationWords: Set<String> = [
        "inc", "corp", "group", "bank", "capital", "partners", "technologies", "systems", "labs", "networks",
        "energy", "holdings", "ventures", "commission", "agency", "ministry", "department", "university",
        "authority", "council", "reserve", "services", "cloud", "power", "electric", "motors", "airlines",
        "fund", "securities", "exchange", "semiconductor", "semiconductors", "robotics", "therapeutics",
        "pharmaceuticals", "media", "court", "parliament", "congress", "senate", "office", "institute",
        "security", "health", "financial", "communications", "wireless", "microsystems", "foundry", "bio", "data",
        "resources", "management", "logistics", "outfitters", "goods", "steel", "insurance", "software", "solutions",
        "industries", "telecom", "mining", "foods", "brands", "stores", "investments", "analytics", "devices",
        "electronics", "cosmetics", "transmission", "utilities", "airways", "pharma", "materials", "chemicals",
        "grocers", "grocery", "markets", "supermarkets", "pharmacy", "hospital", "hospitals", "clinic", "college",
        "bancorp", "bancshares", "trust", "association", "federation", "foundation", "society", "company",
        "corporation", "partnership", "studios", "entertainment", "games", "automotive", "aerospace", "defense",
        "shipping", "railways", "railroad", "transit", "petroleum", "minerals", "metals", "biotech", "biosciences",
        "genomics", "medical", "healthcare", "dynamics", "instruments", "digital", "interactive", "mobile",
        "telecommunications", "broadcasting", "network", "laboratories", "consulting", "advisors", "advisers",
        "equity", "lending", "payments", "pay", "finance", "realty", "properties", "hotels", "resorts",
        "restaurants", "apparel", "farms", "board", "bureau", "administration", "tribunal", "committee",
    ]

    static func kind(of name: String) -> Entity.Kind {
        // "US", "EU" and "UK" are written like acronyms but name places.
        if let place = Gazetteer.places[name.lowercased()] { return place }
        let words = name.lowercased().split(separator: " ").map(String.init)
        if words.contains(where: organisationWords.contains) || isAcronym(name) { return .organization }
        return .other
    }
}

/// Well-known places, so that "Europe", "Texas" or "the EU" are not taken for companies or people.
enum Gazetteer {
    static let places: [String: Entity.Kind] = Dictionary(
        uniqueKeysWithValues: (regions + countries + states + cities).map { ($0, Entity.Kind.place) })

    static let regions = [
        "europe", "asia", "africa", "america", "americas", "north america", "south america", "latin america", "middle east",
        "scandinavia", "nordics", "baltics", "balkans", "caribbean", "oceania", "eu", "european union", "eurozone",
        "midwest", "new england", "gulf coast", "west coast", "east coast", "silicon valley", "wall street",
    ]

    static let countries = [
        "united states", "us", "u.s", "u.s.", "usa", "china", "japan", "india", "germany", "france", "britain",
        "great britain", "united kingdom", "uk", "u.k", "u.k.", "england", "scotland", "wales", "ireland",
        "netherlands", "belgium", "luxembourg", "spain", "portugal", "italy", "greece", "austria", "switzerland",
        "sweden", "norway", "denmark", "finland", "iceland", "poland", "czech republic", "hungary", "romania",
        "bulgaria", "ukraine", "russia", "turkey", "israel", "egypt", "saudi arabia", "united arab emirates", "uae",
        "qatar", "iran", "iraq", "pakistan", "bangladesh", "indonesia", "malaysia", "thailand", "vietnam",
        "philippines", "singapore", "taiwan", "korea", "south korea", "north korea", "australia", "new zealand",
        "canada", "mexico", "brazil", "argentina", "chile", "peru", "colombia", "venezuela", "nigeria", "kenya",
        "south africa", "ethiopia", "morocco", "ghana",
    ]

    static let states = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
        "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "ontario", "quebec",
        "british columbia", "alberta", "bavaria", "catalonia",
    ]

    static let cities = [
        "london", "paris", "berlin", "munich", "frankfurt", "hamburg", "madrid", "barcelona", "rome", "milan",
        "vienna", "zurich", "geneva", "brussels", "amsterdam", "rotterdam", "dublin", "stockholm", "oslo",
        "copenhagen", "helsinki", "warsaw", "prague", "budapest", "lisbon", "athens", "istanbul", "moscow", "kyiv",
        "dubai", "riyadh", "tel aviv", "cairo", "lagos", "nairobi", "johannesburg", "mumbai", "delhi", "new delhi",
        "bangalore", "bengaluru", "tokyo", "osaka", "seoul", "beijing", "shanghai", "shenzhen", "hong kong",
        "taipei", "jakarta", "sydney", "melbourne", "toronto", "vancouver", "montreal", "mexico city", "sao paulo",
        "buenos aires", "santiago", "new york city", "los angeles", "san francisco", "seattle", "chicago", "boston",
        "houston", "dallas", "austin", "atlanta", "miami", "denver", "phoenix", "detroit", "philadelphia",
        "pittsburgh", "san diego", "san jose", "portland", "minneapolis", "nashville", "las vegas", "washington, d.c.",
    ]
}
