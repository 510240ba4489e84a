import LedeCore
import Testing

@Suite struct FigureExtractorTests {
    /// Written forms and the normalised figure each must give.
    static let forms: [(String, String)] = [
        ("Amazon will invest $5B now.", "$5B"),
        ("Amazon will invest $5 billion now.", "$5B"),
        ("Amazon will invest US$5bn now.", "$5B"),
        ("Amazon will invest US$ 5 billion now.", "$5B"),
        ("Amazon will invest $5bn now.", "$5B"),
        ("Amazon will invest 5 billion dollars now.", "$5B"),
        ("It raised $1.5 billion in the round.", "$1.5B"),
        ("It raised $450 million in the round.", "$450M"),
        ("It raised $450m in the round.", "$450M"),
        ("It raised $450mn in the round.", "$450M"),
        ("It raised USD 450 million in the round.", "$450M"),
        ("The fund holds $2 trillion.", "$2T"),
        ("The deal is worth $33,000,000,000 in all.", "$33B"),
        ("Tickets cost $25,000 each.", "$25,000"),
        ("The plant costs €3.2bn to build.", "€3.2B"),
        ("The plant costs €3.2 billion to build.", "€3.2B"),
        ("The plant costs 3.2 billion euros to build.", "€3.2B"),
        ("The fine was £40m last year.", "£40M"),
        ("The fine was £40 million last year.", "£40M"),
        ("The fine was 40 million pounds last year.", "£40M"),
        ("Revenue rose 12% from a year earlier.", "12%"),
        ("Revenue rose 12 percent from a year earlier.", "12%"),
        ("Revenue rose 12 per cent from a year earlier.", "12%"),
        ("Margins fell 0.5 percentage points in the quarter.", "0.5 pp"),
        ("The site will draw 5 GW of power.", "5 GW"),
        ("The site will draw 5GW of power.", "5 GW"),
        ("The site will draw 5 gigawatts of power.", "5 GW"),
        ("The site will draw five gigawatts of power.", "5 GW"),
        ("The site will draw 300 MW of power.", "300 MW"),
        ("The site will draw 300 megawatts of power.", "300 MW"),
        ("The site will draw 1.2 GW of power.", "1.2 GW"),
        ("The farm produces 2 TWh a year.", "2 TWh"),
        ("It will spend the money over 10 years.", "10 years"),
        ("It signed a 10-year contract.", "10 years"),
        ("It will spend the money over the next decade.", "10 years"),
        ("The trial lasted 18 months.", "18 months"),
        ("More than 100,000 customers use the service.", "100,000 customers"),
        ("The company will add 1,200 jobs.", "1,200 jobs"),
        ("The company will add 1,500 new jobs.", "1,500 jobs"),
        ("The company has 3 million users.", "3,000,000 users"),
        ("The deal was announced on April 20.", "April 20"),
        ("The deal was announced on April 20, 2026.", "April 20, 2026"),
        ("The deal was announced on 20 April 2026.", "April 20, 2026"),
        ("The deal was announced on 2026-04-20.", "April 20, 2026"),
        ("Shareholders vote on Aug. 19.", "August 19"),
        ("The rule took effect on Sept. 3, 2025.", "September 3, 2025"),
        ("The rules take effect by 2030.", "2030"),
    ]

    @Test(arguments: forms)
    func normalisesWrittenForm(sentence: String, expected: String) {
        let figures = FigureExtractor.figures(in: sentence)
        #expect(figures.map(\.display).contains(expected), "\(sentence) gave \(figures.map(\.display))")
    }

    @Test func equalAmountsInDifferentFormsShareAKey() {
        let keys = ["$5B", "$5 billion", "US$5bn", "5 billion dollars", "$5,000,000,000"].map {
            FigureExtractor.figures(in: "They paid \($0) for it.").first?.key
        }
        #expect(Set(keys).count == 1)
        #expect(keys.first != nil)
    }

    @Test func qualifiersAreKept() {
        let figures = FigureExtractor.figures(in: "Amazon may invest up to $25 billion more, for more than $100 billion in all.")
        #expect(figures.map(\.qualifier) == [.upTo, .moreThan])
        #expect(figures.first?.asWritten == "up to $25 billion")
    }

    @Test func namesWithNumbersAreNotFigures() {
        #expect(FigureExtractor.figures(in: "Nvidia's H100 chips and the Airbus A320 were discussed in Q3.").isEmpty)
    }

    @Test func ordinaryWordsAfterNumbersAreNotCounts() {
        #expect(FigureExtractor.figures(in: "The two companies said it was the best of times.").isEmpty)
    }

    @Test func lowercaseMayIsNotAMonth() {
        #expect(FigureExtractor.figures(in: "Amazon may invest 5 more times.").allSatisfy { $0.kind != .date })
    }
}
