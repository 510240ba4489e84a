/// Guesses the language of a text when the page does not say: by script for the scripts that
/// belong to one language (or nearly), by frequent short words for the Latin-script ones.
enum LanguageGuesser {
    private static let stopwords: [(language: String, words: Set<String>)] = [
        ("en", ["the", "and", "of", "to", "is", "in", "that", "it", "for", "was", "with", "on", "are", "this", "be"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "auch", "auf", "für"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "un", "une", "du", "que", "pour", "dans", "pas", "sur", "qui"]),
        ("es", ["el", "la", "los", "las", "y", "que", "en", "del", "por", "con", "una", "para", "es", "se", "lo"]),
        ("it", ["il", "di", "che", "la", "e", "per", "un", "una", "non", "sono", "del", "della", "con", "gli", "è"]),
        ("pt", ["o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não"]),
        ("nl", ["de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "ook", "die"]),
        ("pl", ["i", "w", "na", "nie", "się", "z", "do", "to", "że", "jest", "jak", "po", "co", "od", "ale"]),
        ("sv", ["och", "att", "det", "som", "en", "är", "på", "för", "av", "med", "inte", "till", "den", "har", "om"]),
        ("da", ["og", "at", "det", "er", "en", "til", "på", "som", "med", "har", "for", "ikke", "af", "den", "de"]),
        ("no", ["og", "er", "det", "som", "på", "til", "ikke", "med", "har", "av", "for", "en", "jeg", "seg", "om"]),
        ("fi", ["ja", "on", "ei", "että", "se", "oli", "ovat", "kun", "mutta", "myös", "tai", "joka", "hän", "sen", "ole"]),
        ("cs", ["a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "jsou", "by", "jako", "ale", "pro"]),
        ("tr", ["ve", "bir", "bu", "da", "de", "için", "ile", "çok", "olarak", "daha", "gibi", "olan", "ne", "ama", "en"]),
        ("ro", ["și", "în", "de", "la", "că", "nu", "cu", "pe", "este", "un", "o", "din", "care", "mai", "pentru"]),
        ("hu", ["a", "az", "és", "hogy", "nem", "is", "egy", "meg", "van", "de", "már", "csak", "volt", "mint", "ez"]),
        ("id", ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "ke", "ada", "juga", "pada"]),
    ]

    /// A BCP 47 primary tag, or `nil` when the text is too short or mixed to tell.
    static func guess(_ text: Substring) -> String? {
        var scripts: [String: Int] = [:]
        var letters = 0
        for scalar in text.unicodeScalars.prefix(2000) where scalar.properties.isAlphabetic {
            letters += 1
            if let script = scriptLanguage(scalar) { scripts[script, default: 0] += 1 }
        }
        guard letters >= 20 else { return nil }
        if let (script, count) = scripts.max(by: { $0.value < $1.value }), count * 3 >= letters {
            if script == "zh", (scripts["ja"] ?? 0) * 10 >= count { return "ja" }
            return script
        }
        var counts: [String: Int] = [:]
        for word in text.prefix(2500).lowercased().split(whereSeparator: { !$0.isLetter }) {
            let word = String(word)
            for (language, words) in stopwords where words.contains(word) { counts[language, default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value < $1.value }), best.value >= 3 else { return nil }
        return best.key
    }

    /// The language a scalar's script points to, for scripts used by essentially one language.
    private static func scriptLanguage(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x3040...0x30FF: return "ja"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return "zh"
        case 0xAC00...0xD7AF, 0x1100...0x11FF: return "ko"
        case 0x0400...0x04FF: return "ru"
        case 0x0600...0x06FF: return "ar"
        case 0x0590...0x05FF: return "he"
        case 0x0370...0x03FF: return "el"
        case 0x0900...0x097F: return "hi"
        case 0x0980...0x09FF: return "bn"
        case 0x0E00...0x0E7F: return "th"
        case 0x10A0...0x10FF: return "ka"
        case 0x0530...0x058F: return "hy"
        default: return nil
        }
    }
}
