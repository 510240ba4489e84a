import LedeCore
import Testing

@Suite struct EntityExtractorTests {
    @Test func foldsCompanyNameVariants() {
        let entities = EntityExtractor.entities(inSentences: [
            "Amazon.com Inc. said on Monday it would invest more.",
            "The deal gives Amazon's cloud unit a big customer.",
            "Analysts said Amazon had little choice.",
        ])
        let amazon = entities.first { $0.key == "amazon" }
        #expect(amazon?.mentions == 3)
        #expect(entities.filter { $0.key.hasPrefix("amazon") }.count == 1)
    }

    @Test func tiesAcronymsAndSurnamesToFullNames() {
        let entities = EntityExtractor.entities(inSentences: [
            "Amazon Web Services will supply the chips, said Dario Amodei.",
            "AWS expects demand to grow, and Amodei agreed.",
        ])
        #expect(entities.first { $0.key == "amazon web services" }?.mentions == 2)
        #expect(entities.first { $0.key == "dario amodei" }?.mentions == 2)
        #expect(!entities.contains { $0.key == "aws" || $0.key == "amodei" })
    }

    @Test func ignoresCapitalisedSentenceOpeners() {
        let entities = EntityExtractor.entities(inSentences: ["However, the plan changed.", "Officials met on Monday in Brussels."])
        #expect(entities.map(\.key) == ["brussels"])
    }

    @Test func aPossessiveBeforeACompanyWordIsPartOfTheName() {
        let entities = EntityExtractor.entities(inSentences: ["Shoppers at Brouwer's Markets were told on Monday.", "Sales at McDonald's Corp. rose."])
        #expect(entities.contains { $0.name == "Brouwer's Markets" && $0.kind == .organization })
        #expect(entities.contains { $0.key == "mcdonalds" })
        let split = EntityExtractor.entities(inSentences: ["The outage hit Quillon Cloud's Stockholm region."])
        #expect(Set(split.map(\.key)) == ["quillon cloud", "stockholm"])
    }

    @Test func placesWrittenLikeAcronymsArePlaces() {
        let entities = EntityExtractor.entities(inSentences: ["Regulators in the EU and the U.S. asked Halden Micro for records."])
        #expect(entities.first { $0.key == "eu" }?.kind == .place)
        #expect(entities.first { $0.name == "U.S." }?.kind == .place)
    }
}
