import Foundation
import Testing

@testable import LedeFeeds

@Suite struct ConformanceSuiteTests {
    /// The feedparser conformance suite: at least 95% of the checks on fields Lede keeps must
    /// pass (`scripts/feed-conformance` lists the failures).
    @Test(.enabled(if: SharedMaterial.hasFeedsDev, SharedMaterial.missingReason))
    func passesTheFeedparserConformanceSuite() throws {
        let suite = SharedMaterial.feedsDev
        let cases = try FeedConformanceSuite.cases(
            fromExpectations: Data(contentsOf: suite.appendingPathComponent("expectations.json")))
        var results: [FeedConformanceSuite.Result] = []
        for testCase in cases where !testCase.checks.isEmpty {
            let document = try Data(contentsOf: suite.appendingPathComponent(testCase.file))
            results += FeedConformanceSuite.run(testCase, document: document)
        }
        let summary = FeedConformanceSuite.Summary(results)
        #expect(summary.overall.counted > 3000, "the suite should hold over 3,000 checks Lede can answer")
        #expect(summary.overall.notCarried < 150, "the set of checks on fields Lede does not keep must stay small")
        #expect(
            summary.overall.rate >= 0.95,
            "conformance \(summary.overall.passed)/\(summary.overall.counted) = \(summary.overall.rate)")
    }
}
