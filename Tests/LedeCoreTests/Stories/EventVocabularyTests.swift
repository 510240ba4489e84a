import Foundation
import Testing

@testable import LedeCore

@Suite struct EventVocabularyTests {
    @Test func titlesSignalTheirKindOfEvent() {
        #expect(EventVocabulary.profile(title: "Publishers sue Sable Labs over training data", lead: []).keys.contains("legal"))
        #expect(EventVocabulary.profile(title: "Sable Labs sued by fourteen publishers", lead: []).keys.contains("legal"))
        #expect(EventVocabulary.profile(title: "Corvane swings to a quarterly loss", lead: [])["earnings"] != nil)
        #expect(EventVocabulary.profile(title: "Halberd agrees to buy Luminal Optics", lead: [])["deal"] != nil)
    }
}
