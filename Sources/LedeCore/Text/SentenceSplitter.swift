/// Splits paragraphs into sentences, keeping each sentence exactly as written so that
/// a sentence quoted in a briefing can be found again in its source.
public enum SentenceSplitter {
    /// Words after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "col", "lt",
        "capt", "sgt", "inc", "corp", "co", "ltd", "plc", "llc", "bros", "vs", "etc", "e.g", "i.e", "approx",
        "no", "nos", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "est", "dept", "univ", "assn", "ave", "blvd",
    ]

    /// The sentences of one paragraph, whitespace-collapsed.
    public static func sentences(in paragraph: String) -> [String] {
        let text = TextNormalizer.collapseWhitespace(paragraph)
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" || character == "。" {
                // Take closing quotes and brackets with the sentence.
                var end = index + 1
                while end < characters.count, Self.closesSentence(characters[end]) { end += 1 }
                if isBoundary(characters, punctuation: index, end: end) {
                    let sentence = String(joining: characters[start..<end]).trimmingSpaces()
                    if !sentence.isEmpty { sentences.append(sentence) }
                    start = end
                    index = end
                    continue
                }
            }
            index += 1
        }
        let rest = String(joining: characters[start...]).trimmingSpaces()
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    // Switches rather than `"…".contains(character)`, which compared strings for every
    // full stop of every article.

    /// Quotes and brackets that close a sentence and go with it.
    private static func closesSentence(_ character: Character) -> Bool {
        switch character {
        case "\"", "'", "”", "’", ")", "]": true
        default: false
        }
    }

    /// Quotes and brackets a sentence may open with.
    private static func opensSentence(_ character: Character) -> Bool {
        switch character {
        case "\"", "'", "“", "‘", "(": true
        default: false
        }
    }

    private static func isBoundary(_ characters: [Character], punctuation: Int, end: Int) -> Bool {
        // The end of the paragraph always ends a sentence.
        guard end < characters.count else { return true }
        // A boundary needs a space followed by something that can start a sentence.
        guard characters[end] == " ", end + 1 < characters.count else { return false }
        let next = characters[end + 1]
        let startsSentence = next.isUppercaseQuickly || next.isNumber || Self.opensSentence(next) || !next.isLetterQuickly
        guard startsSentence else { return false }
        guard characters[punctuation] == "." else { return true }
        // "$5.5" has no space after the point, so it never reaches here; check abbreviations and initials.
        var wordStart = punctuation
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" {
            wordStart -= 1
        }
        let word = String(joining: characters[wordStart..<punctuation]).lowercased()
            .trimming("\"'“‘")
        if abbreviations.contains(word) { return false }
        // A single capital letter is an initial ("John F. Kennedy").
        if word.count == 1, let letter = word.first, letter.isLetter { return false }
        return true
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view = view.dropFirst() }
        while view.last?.isWhitespace == true { view = view.dropLast() }
        return String(view)
    }

    /// The string without any of `characters` (each one scalar) at either end.
    func trimming(_ characters: String) -> String {
        // Compared by scalar: comparing characters was a fifth of the entity extractor's time.
        func isTrimmed(_ character: Character) -> Bool {
            let scalars = character.unicodeScalars
            guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
            return characters.unicodeScalars.contains(scalar)
        }
        var view = Substring(self)
        while let first = view.first, isTrimmed(first) { view = view.dropFirst() }
        while let last = view.last, isTrimmed(last) { view = view.dropLast() }
        return String(view)
    }
}
