/// Turns text into the terms that the clusterer, the ranker and the composer compare:
/// lowercased words without stopwords, lightly stemmed so "chips" and "chip" match.
public enum Terms {
    /// The words of a text in order, lowercased, possessives removed. Numbers are kept.
    public static func words(in text: some StringProtocol) -> [String] {
        // Most text is ASCII; reading its bytes is several times faster than its Characters.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(in: text.utf8) }
        return characterWords(in: text)
    }

    /// `words(in:)` for any text, Character by Character.
    static func characterWords(in text: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            var word = current
            if word.hasSuffix("'s") || word.hasSuffix("’s") { word.removeLast(2) }
            word = word.trimming("'’.-")
            if !word.isEmpty { words.append(word) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(contentsOf: character.lowercased())
            } else if (character == "'" || character == "’" || character == "." || character == "-"), !current.isEmpty {
                // Keep "u.s", "o'neil" and "next-generation" together; trimmed above.
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// `words(in:)` for ASCII text, byte by byte, with the same rules.
    static func asciiWords(in bytes: some Sequence<UInt8>) -> [String] {
        let apostrophe = UInt8(ascii: "'"), dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        // No array literal per check: this runs on every word of every article.
        func isJoiner(_ byte: UInt8) -> Bool { byte == apostrophe || byte == dot || byte == hyphen }
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            var end = current.count
            if end >= 2 && current[end - 2] == apostrophe && current[end - 1] == UInt8(ascii: "s") { end -= 2 }
            var start = 0
            while start < end, isJoiner(current[start]) { start += 1 }
            while end > start, isJoiner(current[end - 1]) { end -= 1 }
            if start < end { words.append(String(decoding: current[start..<end], as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case apostrophe, dot, hyphen:
                // Keep "u.s", "o'neil" and "next-generation" together; trimmed in flush.
                if current.isEmpty { flush() } else { current.append(byte) }
            default: flush()
            }
        }
        flush()
        return words
    }

    /// The content terms of a text: words without stopwords or one-letter words, stemmed.
    public static func terms(in text: some StringProtocol) -> [String] {
        words(in: text).compactMap { word in
            guard word.count > 1, !Stopwords.english.contains(word) else { return nil }
            return stem(word)
        }
    }

    /// `terms(in:)`, remembering stems in `stems` across calls: an article repeats many of its
    /// words, and stemming was most of the cost of finding its terms. (Short texts, such as the
    /// sentences the answer finder reads by the thousand, are better off without the map.)
    static func terms(in text: some StringProtocol, stems: inout [String: String]) -> [String] {
        words(in: text).compactMap { word in
            guard word.count > 1, !Stopwords.english.contains(word) else { return nil }
            if let known = stems[word] { return known }
            let stemmed = stem(word)
            stems[word] = stemmed
            return stemmed
        }
    }

    /// The Porter stem of a word, so "chips" and "chip", or "fined" and "fine", match;
    /// irregular verbs are first put in their base form ("lost" and "lose" meet).
    public static func stem(_ word: String) -> String {
        PorterStemmer.stem(irregularVerbs[word] ?? word)
    }

    /// Past forms of common irregular English verbs, to their base form.
    static let irregularVerbs: [String: String] = [
        "lost": "lose", "paid": "pay", "bought": "buy", "sold": "sell", "led": "lead", "won": "win", "spent": "spend",
        "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give", "held": "hold", "fell": "fall",
        "fallen": "fall", "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "began": "begin", "begun": "begin",
        "brought": "bring", "built": "build", "said": "say", "told": "tell", "thought": "think", "left": "leave", "met": "meet",
        "sent": "send", "struck": "strike", "went": "go", "gone": "go", "came": "come", "became": "become", "saw": "see",
        "seen": "see", "found": "find", "kept": "keep", "ran": "run", "drove": "drive", "driven": "drive", "wrote": "write",
        "written": "write", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw", "froze": "freeze",
        "frozen": "freeze", "stole": "steal", "stolen": "steal", "broke": "break", "broken": "break", "spoke": "speak",
        "spoken": "speak", "swung": "swing", "sank": "sink", "sunk": "sink", "wore": "wear", "worn": "wear", "withdrew": "withdraw",
        "withdrawn": "withdraw", "overtook": "overtake", "undertook": "undertake", "forecast": "forecast", "shed": "shed",
        "sought": "seek", "fought": "fight", "taught": "teach", "caught": "catch", "meant": "mean", "felt": "feel", "dealt": "deal",
        "lent": "lend", "bet": "bet", "understood": "understand", "stood": "stand", "hung": "hang", "laid": "lay", "knew": "know",
        "known": "know", "bid": "bid", "cut": "cut", "hit": "hit", "set": "set", "shut": "shut",
    ]
}
