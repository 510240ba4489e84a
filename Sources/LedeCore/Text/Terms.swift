/// Turns text into the terms that the clusterer, the ranker and the composer compare:
/// lowercased words without stopwords, lightly stemmed so "chips" and "chip" match.
public enum Terms {
    /// The words of a text in order, lowercased, possessives removed. Numbers are kept.
    public static func words(in text: some StringProtocol) -> [String] {
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

    /// The content terms of a text: words without stopwords or one-letter words, stemmed.
    public static func terms(in text: some StringProtocol) -> [String] {
        words(in: text).compactMap { word in
            guard word.count > 1, !Stopwords.english.contains(word) else { return nil }
            return stem(word)
        }
    }

    /// The Porter stem of a word, so "chips" and "chip", or "fined" and "fine", match.
    public static func stem(_ word: String) -> String {
        PorterStemmer.stem(word)
    }
}
