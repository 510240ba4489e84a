import LedeCore
import Testing

@Suite struct SentenceSplitterTests {
    @Test func splitsOnFullStopsQuestionAndExclamationMarks() {
        #expect(SentenceSplitter.sentences(in: "One fact here. Another fact there! Is that all? Yes.") == [
            "One fact here.", "Another fact there!", "Is that all?", "Yes.",
        ])
    }

    @Test func keepsDecimalsAbbreviationsAndInitialsTogether() {
        let text = "Amazon.com Inc. will pay $5.5 billion, Mr. Smith said. John F. Kennedy was president of the U.S. in 1961."
        #expect(SentenceSplitter.sentences(in: text) == [
            "Amazon.com Inc. will pay $5.5 billion, Mr. Smith said.",
            "John F. Kennedy was president of the U.S. in 1961.",
        ])
    }

    @Test func keepsClosingQuotesWithTheirSentence() {
        #expect(SentenceSplitter.sentences(in: "\"We are ready.\" She left.") == ["\"We are ready.\"", "She left."])
    }

    @Test func collapsesWhitespaceSoSentencesMatchTheirSource() {
        #expect(SentenceSplitter.sentences(in: "  A  first\n sentence.   Then   more. ") == ["A first sentence.", "Then more."])
    }
}
