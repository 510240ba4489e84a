import Foundation
import LedeCore
import Testing

/// The answer finder's honesty rules, on passages written for each case.
@Suite struct AnswerFinderTests {
    static func passage(_ text: String, title: String, id: Int64 = 1) -> Passage {
        Passage(
            articleID: id, storyID: 1, outlet: "wire.example", url: "https://wire.example/\(id)", title: title,
            published: Date(timeIntervalSince1970: 1_780_000_000), position: 0, text: text, relevance: 1)
    }

    static func find(_ question: String, _ passages: [Passage]) -> AnswerFinder.Finding {
        AnswerFinder().find(QuestionAnalysis(question: question), in: passages)
    }

    @Test func aSentenceAboutAnotherPersonDoesNotAnswer() {
        let passages = [
            Self.passage(
                "“Our customers don’t switch,” Philippa Strand, Cadmore’s chief executive, told analysts about the job cuts on Monday.",
                title: "Cadmore to cut 900 jobs after Tillhaven merger")
        ]
        let finding = Self.find("What did Tillhaven chief executive Rolf Jankowski say about the job cuts?", passages)
        #expect(!finding.answered)
    }

    @Test func aSurnameStandsForThePersonTheQuestionNames() {
        let passages = [
            Self.passage(
                "In a statement issued on Friday, Kellaway said he held a 14% stake in Tarrant Test Services through a family trust.",
                title: "Former Varnell chief says he disclosed his stake")
        ]
        let finding = Self.find("How large a stake did Stuart Kellaway say he held in Tarrant Test Services?", passages)
        #expect(finding.answered)
        #expect(finding.lead == "14%")
    }

    @Test func anotherSeriesOrAnotherMonthIsNotTheAnswer() {
        let round = [
            Self.passage(
                "Vesselwright Security has raised $140 million in a Series C round led by Tallow Creek Ventures, the company said.",
                title: "Vesselwright raises $140 million")
        ]
        #expect(!Self.find("Who led Vesselwright Security's Series B round?", round).answered)
        let value = [
            Self.passage(
                "The fund’s net asset value at the end of April was about $4.6 billion, Sallowmere Capital told investors.",
                title: "Sallowmere limits withdrawals")
        ]
        #expect(!Self.find("What was the net asset value of Sallowmere Capital's fund at the end of May?", value).answered)
        #expect(Self.find("What was the net asset value of Sallowmere Capital's fund at the end of April?", value).answered)
    }

    @Test func whichCompanyWantsAnOrganisationNotAPerson() {
        let passages = [
            Self.passage(
                "Chief Executive Philippa Strand said Cadmore had stopped running the subscriber database software that failed to fail over.",
                title: "Cadmore outage hearing")
        ]
        let finding = Self.find("Which company supplied the subscriber database software that failed during the Cadmore outage?", passages)
        #expect(finding.lead != "Philippa Strand")
        #expect(!finding.answered)
    }

    @Test func payingForACompanyIsAnsweredByTheSumNotAPercentage() {
        let passages = [
            Self.passage(
                "Ravensholt Asset Management agreed on Friday to buy Cobble Lane Funds, an issuer of exchange-traded funds, for $1.35 billion in cash.",
                title: "Ravensholt to buy Cobble Lane Funds", id: 1),
            Self.passage(
                "The price represents about 3.6% of Cobble Lane's assets under management, analysts said of what Ravensholt is paying.",
                title: "Ravensholt to buy Cobble Lane Funds", id: 2),
        ]
        let finding = Self.find("How much is Ravensholt Asset Management paying for Cobble Lane Funds?", passages)
        #expect(finding.answered)
        #expect(finding.lead == "$1.35B" || finding.lead?.contains("1.35") == true, "\(String(describing: finding.lead))")
    }
}

extension AnswerFinderTests {
    @Test func aPersonIsNamedWithoutTheTitleBeforeTheName() {
        let passages = [
            Self.passage(
                "Varnell Microsystems Chief Executive Stuart Kellaway resigned with immediate effect on Wednesday after a board review, the chipmaker said.",
                title: "Varnell chief executive Kellaway resigns after board review", id: 1),
            Self.passage(
                "Chief Financial Officer Nadia Frausto was named interim chief executive of Varnell Microsystems while the board searches for a replacement.",
                title: "Varnell chief executive Kellaway resigns after board review", id: 1),
        ]
        let finding = Self.find("Who became interim chief executive of Varnell Microsystems?", passages)
        #expect(finding.answered)
        #expect(finding.lead == "Nadia Frausto")
    }

    @Test func theOneASentenceDescribesIsNamedInTheNext() {
        var first = Self.passage(
            "A Swedish member of the European Parliament on Tuesday asked regulators to consider designating Quillon Cloud a critical provider.",
            title: "Lawmaker asks EU to weigh oversight of Quillon Cloud")
        var second = Self.passage(
            "In a letter reviewed by the Wire, Karin Ljungqvist argued that the outage showed how much depended on one provider.",
            title: "Lawmaker asks EU to weigh oversight of Quillon Cloud")
        second.position = 1
        first.position = 0
        let finding = Self.find("Which member of the European Parliament asked regulators to consider designating Quillon Cloud a critical provider?", [first, second])
        #expect(finding.answered)
        #expect(finding.lead == "Karin Ljungqvist")
    }

    @Test func aSearchStillUnderWayIsNotAnAnswer() {
        let passages = [
            Self.passage(
                "Chief Financial Officer Nadia Frausto was named interim chief executive of Varnell Microsystems while the board searches for a permanent replacement.",
                title: "Varnell chief executive Kellaway resigns")
        ]
        #expect(!Self.find("Who will be Varnell Microsystems' permanent chief executive?", passages).answered)
        #expect(Self.find("Who became interim chief executive of Varnell Microsystems?", passages).lead == "Nadia Frausto")
    }

    @Test func aClauseSayingWhenNeedNotBeRepeated() {
        let passages = [
            Self.passage(
                "The new term loan of $150 million comes from Granary Street Capital, a private credit firm, according to a filing by Hearthwell Home.",
                title: "Hearthwell Home extends its credit line")
        ]
        let finding = Self.find("Who lent Hearthwell Home $150 million after it announced its store closures?", passages)
        #expect(finding.answered)
        #expect(finding.lead == "Granary Street Capital")
    }
}

@Suite struct QuestionAnalysisTests {
    @Test func aRoleAfterWhichAsksForAPerson() {
        let commissioner = QuestionAnalysis(question: "Which commissioner voted against the Cottonwood Link permit in Kansas?")
        #expect(commissioner.kind == .person)
        #expect(commissioner.asksForPerson)
        let official = QuestionAnalysis(question: "Which state official subpoenaed Corrowind over its overdraft fees?")
        #expect(official.kind == .person)
        #expect(QuestionAnalysis(question: "Which state will host the new plant?").kind == .place)
    }

    @Test func aChangeInAnAmountAsksForAFigure() {
        let question = QuestionAnalysis(question: "What pay rise ended the strike at the Cerro Pallar copper mine?")
        #expect(question.kind == .money)
        #expect(!question.asksForMoneyOnly)
    }

    @Test func theClosingClauseSetsTheScene() {
        let question = QuestionAnalysis(question: "Where will Quillon Cloud open a second Nordic region after the Stockholm outage?")
        #expect(question.contextNames.contains("stockholm"))
        #expect(!question.contextNames.contains("quillon cloud"))
        #expect(zip(question.focus, question.contextSlots).contains { $0.0.contains("outag") && $0.1 })
    }
}
