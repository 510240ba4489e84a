@testable import LedeCore
import Testing

@Suite struct TermsTests {
    @Test func dropsStopwordsAndFoldsPlurals() {
        #expect(Terms.terms(in: "The chips and the Chip's makers") == ["chip", "chip", "maker"])
    }

    @Test func removesPossessives() {
        #expect(Terms.words(in: "Amazon's deal, Anthropic’s chips") == ["amazon", "deal", "anthropic", "chips"])
    }

    /// The byte-level reading of ASCII text gives exactly the words the Character-level one does.
    @Test func asciiFastPathAgreesWithTheGeneralReading() {
        let alphabet = Array("abcXYZ019 .,'-\"$%()\n\r\t;:!?/&")
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 58) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            #expect(Terms.asciiWords(in: text.utf8) == Terms.characterWords(in: text), "\(text.debugDescription)")
        }
        let sentence = "U.S. regulators fined O'Neil's next-generation chip-maker $5.2bn -- on Monday's call."
        #expect(Terms.asciiWords(in: sentence.utf8) == Terms.characterWords(in: sentence))
    }
}
