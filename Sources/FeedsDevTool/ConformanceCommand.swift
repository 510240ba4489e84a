import Foundation
import LedeFeeds

/// Runs the conformance suite and prints the pass rate per folder and overall.
struct ConformanceCommand {
    let suite: URL
    let failures: String?

    func run() {
        let expectations = suite.appendingPathComponent("expectations.json")
        guard let data = try? Data(contentsOf: expectations),
            let cases = try? FeedConformanceSuite.cases(fromExpectations: data)
        else { fail("cannot read \(expectations.path)") }
        var results: [FeedConformanceSuite.Result] = []
        for testCase in cases where !testCase.checks.isEmpty {
            guard let document = try? Data(contentsOf: suite.appendingPathComponent(testCase.file)) else {
                fail("cannot read \(testCase.file)")
            }
            results += FeedConformanceSuite.run(testCase, document: document)
        }
        let summary = FeedConformanceSuite.Summary(results)
        func line(_ name: String, _ tally: FeedConformanceSuite.Summary.Tally) -> String {
            let rate = String(format: "%6.2f%%", tally.rate * 100)
            return "\(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(rate)  \(tally.passed)/\(tally.counted)"
                + (tally.notCarried > 0 ? "  (\(tally.notCarried) not carried)" : "")
        }
        for folder in summary.folders.keys.sorted() {
            print(line(folder, summary.folders[folder]!))
        }
        print(line("overall", summary.overall))
        if let failures {
            var report = ""
            for result in results {
                switch result.outcome {
                case .passed:
                    continue
                case .failed(let actual):
                    report += "FAIL \(result.file): \(result.check) — got \(actual)\n"
                case .notCarried(let reason):
                    report += "NOT CARRIED \(result.file): \(result.check) — \(reason)\n"
                }
            }
            let url = URL(fileURLWithPath: failures)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard (try? Data(report.utf8).write(to: url)) != nil else { fail("cannot write \(failures)") }
        }
    }
}
