import LedeCore
import Testing

@Suite struct StatementCheckerTests {
    static let source = """
        Amazon.com Inc. said on Monday it may invest up to $25 billion more in Anthropic.

        Anthropic committed to spend more than $100bn on AWS over ten years, Dario Amodei said.
        """
    let checker = StatementChecker(sourceTexts: ["https://a.example/1": StatementCheckerTests.source])

    @Test func quotedStatementsPass() {
        let check = checker.check("Anthropic committed to spend more than $100bn on AWS over ten years, Dario Amodei said.", citing: ["https://a.example/1"])
        #expect(check.passed)
        #expect(check.figures >= 1)
        #expect(check.names >= 2)
    }

    @Test func figuresAndNamesMatchInOtherWrittenForms() {
        let check = checker.check("Amazon's investment of $25bn more in Anthropic was announced.", citing: ["https://a.example/1"])
        #expect(check.passed, "\(check.failures)")
    }

    @Test func aFigureTheSourceDoesNotStateFails() {
        let check = checker.check("Amazon may invest up to $35 billion more in Anthropic.", citing: ["https://a.example/1"])
        #expect(check.failures.map(\.item) == ["up to $35 billion"])
        #expect(check.failures.first?.kind == .figure)
    }

    @Test func aNameTheSourceDoesNotStateFails() {
        let check = checker.check("Anthropic committed the money, Sundar Pichai said.", citing: ["https://a.example/1"])
        #expect(check.failures.map(\.item) == ["Sundar Pichai"])
    }

    @Test func aStatementCitingAnotherArticleFails() {
        let check = checker.check("Amazon may invest up to $25 billion more in Anthropic.", citing: ["https://b.example/2"])
        #expect(!check.passed)
    }
}
