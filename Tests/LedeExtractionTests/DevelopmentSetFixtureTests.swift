import Foundation
import Testing

import LedeExtraction

/// Twenty-one pages of the extraction development set (with the `with`/`without` snippets
/// from `../shared/bench/extraction-dev/cases.json`) kept as regression fixtures: pages in
/// several languages and layouts that the extractor handles fully today.
@Suite struct DevelopmentSetFixtureTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let url: String
        let with: [String]
        let without: [String]
        let date: String?
        var testDescription: String { file }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "cases", withExtension: "json", subdirectory: "Resources/DevelopmentSet"),
            let data = try? Data(contentsOf: url)
        else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func fixturesArePresent() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func keepsTheArticleTextAndDropsTheBoilerplate(_ fixture: Case) throws {
        let url = try #require(Bundle.module.url(forResource: fixture.file, withExtension: nil, subdirectory: "Resources/DevelopmentSet"))
        let article = try ArticleExtractor().extract(try Data(contentsOf: url), url: URL(string: fixture.url))
        let text = Self.collapsed(article.text)
        for snippet in fixture.with {
            #expect(text.contains(Self.collapsed(snippet)), "missing: \(snippet)")
        }
        for snippet in fixture.without {
            #expect(!text.contains(Self.collapsed(snippet)), "boilerplate kept: \(snippet)")
        }
        if let date = fixture.date {
            #expect(article.publishedDay == date)
        }
    }
}
