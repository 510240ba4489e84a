import Foundation
import Testing

@testable import LedeHTML

/// The sanitisation cases of feedparser's conformance suite (`../shared/bench/feeds-dev/
/// wellformed/sanitize/`): the markup of each case's feed element, sanitized, against the
/// expected result. Lede's policy is deliberately stricter than feedparser's in a few places
/// (no form controls, no `<noscript>`, no SVG or MathML, elements always balanced), so a small
/// share of differences is expected; everything else must match.
@Suite struct SharedSanitizeCaseTests {
    static let suite: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/",
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("../shared/bench/feeds-dev").standardizedFileURL
    }()

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: suite.appendingPathComponent("expectations.json").path)
    }

    @Test(.enabled(if: isAvailable, "../shared/bench/feeds-dev is absent: the sanitize cases cannot run"))
    func matchesTheSuitesSanitizeCases() throws {
        let expectations =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.suite.appendingPathComponent("expectations.json"))) as? [[String: Any]] ?? []
        var compared = 0
        var failures: [String] = []
        for entry in expectations {
            guard let file = entry["file"] as? String, file.hasPrefix("wellformed/sanitize/"),
                let checks = entry["checks"] as? [[String: Any]]
            else { continue }
            let document = try String(decoding: Data(contentsOf: Self.suite.appendingPathComponent(file)), as: UTF8.self)
            for check in checks {
                guard let path = check["path"] as? String, let expected = check["equals"] as? String,
                    let markup = FeedElementMarkup.extract(for: path, from: document)
                else { continue }
                compared += 1
                let actual = HTMLSanitizer().sanitize(markup, baseURL: nil)
                if actual != expected { failures.append("\(file): \(actual.debugDescription) ≠ \(expected.debugDescription)") }
            }
        }
        #expect(compared > 300, "the suite should hold over 300 sanitize cases")
        let rate = Double(compared - failures.count) / Double(max(compared, 1))
        #expect(
            rate >= 0.95,
            Comment(rawValue: "\(failures.count) of \(compared) differ:\n" + failures.joined(separator: "\n")))
    }
}

/// Finds the markup a feed element holds, as a feed parser would hand it to the sanitizer.
enum FeedElementMarkup {
    static func extract(for path: String, from document: String) -> String? {
        let isEntry = path.hasPrefix("entries.")
        let names: [String]
        switch path.split(separator: ".").dropFirst(isEntry ? 2 : 1).first {
        case "title": names = ["title"]
        case "description", "summary": names = ["description", "summary", "encoded", "fullitem", "body", "content"]
        case "content": names = ["content", "encoded", "fullitem", "body"]
        case "tagline", "subtitle": names = ["tagline", "subtitle", "description"]
        case "copyright", "rights": names = ["copyright", "rights"]
        case "info": names = ["info"]
        default: return nil
        }
        guard let bodyStart = document.range(of: "-->")?.upperBound else { return nil }
        let body = document[bodyStart...]
        let entryStart = body.range(of: "<entry")?.lowerBound ?? body.range(of: "<item")?.lowerBound
        let scope = isEntry ? body[(entryStart ?? body.endIndex)...] : body[..<(entryStart ?? body.endIndex)]
        for name in names {
            guard let (attributes, inner) = element(named: name, in: scope) else { continue }
            if attributes.contains("base64") || attributes.contains(#"type="text""#) || attributes.contains("text/plain") {
                return nil
            }
            return unwrap(inner)
        }
        return nil
    }

    /// The first `<name …>…</name>` or `<prefix:name …>…</prefix:name>` in `text`.
    private static func element(named name: String, in text: Substring) -> (Substring, Substring)? {
        var search = text[...]
        while let open = search.range(of: "<") {
            let afterBracket = search[open.upperBound...]
            let tagName = afterBracket.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let local = tagName.split(separator: ":").last.map(String.init) ?? ""
            if local.lowercased() == name, let close = afterBracket.range(of: ">") {
                let attributes = afterBracket[..<close.lowerBound]
                let contentStart = close.upperBound
                guard let end = afterBracket[contentStart...].range(of: "</" + tagName + ">") else { return nil }
                return (attributes, afterBracket[contentStart..<end.lowerBound])
            }
            search = afterBracket
        }
        return nil
    }

    /// CDATA is literal; markup written as XML is taken as it stands; escaped markup unescaped.
    private static func unwrap(_ inner: Substring) -> String {
        let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("<![CDATA["), trimmed.hasSuffix("]]>") {
            return String(trimmed.dropFirst(9).dropLast(3))
        }
        if trimmed.contains("<") { return trimmed }
        return HTMLCharacterReferences.decode(trimmed)
    }
}
