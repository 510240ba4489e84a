import Foundation

/// Runs feedparser's conformance suite (a folder of small feeds with an `expectations.json`
/// listing checks in feedparser's result shape) against `FeedParser`. Pure: the caller reads
/// the files.
public enum FeedConformanceSuite {
    public struct TestCase: Decodable, Sendable {
        public var file: String
        public var description: String?
        public var checks: [Check]
    }

    public struct Check: Decodable, Sendable, CustomStringConvertible {
        public var path: String?
        public var equals: Expected?
        public var bozo: Bool?

        public var description: String {
            if let bozo { return "bozo == \(bozo)" }
            return "\(path ?? "?") == \(equals.map { "\($0)" } ?? "?")"
        }
    }

    /// An expected value: the suite uses strings and a few integers.
    public enum Expected: Decodable, Sendable, CustomStringConvertible {
        case string(String)
        case integer(Int)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let integer = try? container.decode(Int.self) {
                self = .integer(integer)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public var text: String {
            switch self {
            case .string(let string): string
            case .integer(let integer): String(integer)
            }
        }

        public var description: String { text.debugDescription }
    }

    public enum Outcome: Sendable, Equatable {
        case passed
        case failed(actual: String)
        case notCarried(reason: String)
    }

    public struct Result: Sendable {
        public var file: String
        public var check: Check
        public var outcome: Outcome

        /// The folder of the case's file (`wellformed/atom10`).
        public var folder: String {
            guard let slash = file.lastIndex(of: "/") else { return "." }
            return String(file[..<slash])
        }
    }

    /// The cases in an `expectations.json`.
    public static func cases(fromExpectations data: Data) throws -> [TestCase] {
        try JSONDecoder().decode([TestCase].self, from: data)
    }

    /// Parses one case's document the way feedparser's test server delivers it (with the HTTP
    /// headers its leading comment declares) and evaluates its checks.
    public static func run(_ testCase: TestCase, document: Data) -> [Result] {
        let headers = declaredHeaders(in: document)
        // The suite serves the `http…` cases over HTTP (so they have a document address) and
        // reads the others from disk (so relative references stay relative).
        let name = testCase.file.split(separator: "/").last.map(String.init) ?? testCase.file
        var url = name.hasPrefix("http") ? URL(string: "http://127.0.0.1:8097/tests/" + testCase.file) : nil
        if let location = headers["content-location"], let resolved = URL(string: location, relativeTo: url) {
            url = resolved.absoluteURL
        }
        let parsed = try? FeedParser().parse(
            document, url: url, contentType: headers["content-type"], contentLanguage: headers["content-language"])
        let view = FeedparserResultView(feed: parsed)
        return testCase.checks.map { check in
            Result(file: testCase.file, check: check, outcome: evaluate(check, in: view))
        }
    }

    public static func evaluate(_ check: Check, in view: FeedparserResultView) -> Outcome {
        if let bozo = check.bozo {
            return view.bozo == bozo ? .passed : .failed(actual: "bozo == \(view.bozo)")
        }
        guard let path = check.path, let expected = check.equals else { return .failed(actual: "malformed check") }
        switch view.value(at: path) {
        case .notCarried(let reason):
            return .notCarried(reason: reason)
        case .missing:
            return .failed(actual: "missing")
        case .string(let actual):
            return actual == expected.text ? .passed : .failed(actual: actual.debugDescription)
        case .date(let actual):
            guard let expectedDate = referenceDate(expected.text) else {
                return .failed(actual: "date \(actual), expectation unreadable")
            }
            return floor(actual.timeIntervalSince1970) == floor(expectedDate.timeIntervalSince1970)
                ? .passed : .failed(actual: "\(actual)")
        }
    }

    /// feedparser keeps dates as written; Lede keeps the instant. The expected text is read
    /// with Foundation's formatters, independently of Lede's own date parser.
    static func referenceDate(_ text: String) -> Date? {
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: text) { return date }
        let rfc822 = DateFormatter()
        rfc822.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss Z"] {
            rfc822.dateFormat = format
            if let date = rfc822.date(from: text) { return date }
        }
        return nil
    }

    /// `Header: Name: value` lines in the document's leading comment, names lowercased.
    public static func declaredHeaders(in document: Data) -> [String: String] {
        let prefix = String(decoding: document.prefix(2048), as: UTF8.self)
        var headers: [String: String] = [:]
        for line in prefix.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: " \t")
            guard trimmed.hasPrefix("Header:") else { continue }
            let header = trimmed.dropFirst("Header:".count)
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].trimmingCharacters(in: " \t").lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: " \t")
            headers[name] = value
        }
        return headers
    }

    /// Pass rates per folder and overall, with not-carried checks excluded.
    public struct Summary: Sendable {
        public struct Tally: Sendable {
            public var passed = 0
            public var failed = 0
            public var notCarried = 0
            public var counted: Int { passed + failed }
            public var rate: Double { counted == 0 ? 1 : Double(passed) / Double(counted) }
        }

        public var folders: [String: Tally] = [:]
        public var overall = Tally()

        public init(_ results: [Result]) {
            for result in results {
                var tally = folders[result.folder] ?? Tally()
                switch result.outcome {
                case .passed:
                    tally.passed += 1
                    overall.passed += 1
                case .failed:
                    tally.failed += 1
                    overall.failed += 1
                case .notCarried:
                    tally.notCarried += 1
                    overall.notCarried += 1
                }
                folders[result.folder] = tally
            }
        }
    }
}
