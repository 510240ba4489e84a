import LedeCore
import Testing

@Suite struct TermsTests {
    @Test func dropsStopwordsAndFoldsPlurals() {
        #expect(Terms.terms(in: "The chips and the Chip's makers") == ["chip", "chip", "maker"])
    }

    @Test func removesPossessives() {
        #expect(Terms.words(in: "Amazon's deal, Anthropic’s chips") == ["amazon", "deal", "anthropic", "chips"])
    }
}
