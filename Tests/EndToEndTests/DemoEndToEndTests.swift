import Foundation
import LedeCore
import Testing

/// Drives the real `lede` binary through the README's run command and checks the briefing
/// it writes against the promises of the briefing format.
@Suite(.serialized) struct DemoEndToEndTests {
    struct Export: Decodable {
        var url: String
        var outlet: String
        var title: String
        var text: String
    }

    static func runDemo() throws -> (briefing: Briefing, articles: [Export], result: LedeBinary.Result) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LedeBinary.locate().run(["demo", "--format", "json", "--output", folder.path])
        guard result.status == 0 else {
            throw LedeBinary.RunError(description: "lede demo failed (\(result.status)): \(result.standardError)")
        }
        let briefing = try JSONRendering.decoder().decode(Briefing.self, from: Data(contentsOf: folder.appendingPathComponent("briefing.json")))
        let lines = try String(contentsOf: folder.appendingPathComponent("articles.jsonl"), encoding: .utf8).split(separator: "\n")
        let articles = try lines.map { try JSONDecoder().decode(Export.self, from: Data($0.utf8)) }
        for name in ["briefing.md", "briefing.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        }
        return (briefing, articles, result)
    }

    @Test func demoPrintsACitedBriefingThatHoldsItsPromises() throws {
        let (briefing, articles, result) = try Self.runDemo()
        // stdout is the same JSON as briefing.json.
        let printed = try JSONRendering.decoder().decode(Briefing.self, from: Data(result.standardOutput.utf8))
        #expect(printed == briefing)
        #expect(briefing.stories.count >= 5)

        let textByURL = Dictionary(articles.map { ($0.url, TextNormalizer.collapseWhitespace($0.text)) }, uniquingKeysWith: { first, _ in first })
        for story in briefing.stories {
            let sourceOutlets = Set(story.sources.map(\.outlet))
            #expect(story.keyPoints.count == 3, "\(story.headline): key points")
            #expect(story.sections.count >= 3 && story.sections.count <= 6, "\(story.headline): sections")
            for section in story.sections {
                #expect(!section.citations.isEmpty, "\(story.headline) / \(section.question) cites nothing")
                for paragraph in section.paragraphs {
                    #expect(paragraph.citations.allSatisfy { sourceOutlets.contains($0.outlet) })
                    #expect(section.answer.contains(paragraph.renderedWithOutlets))
                    expectQuoted(paragraph.text, from: paragraph.citations, in: textByURL, story.headline)
                }
            }
            #expect(!story.bottomLine.citations.isEmpty, "\(story.headline): bottom line cites nothing")
            #expect(story.bottomLine.citations.allSatisfy { sourceOutlets.contains($0.outlet) })
            expectQuoted(story.bottomLine.text, from: story.bottomLine.citations, in: textByURL, story.headline)
            for (point, citations) in zip(story.keyPoints, story.keyPointCitations) {
                expectQuoted(point, from: citations, in: textByURL, story.headline)
            }
        }

        let amazon = try #require(briefing.stories.first { $0.headline.contains("Anthropic") || $0.keyPoints.joined().contains("Anthropic") })
        #expect(Set(amazon.sources.map(\.outlet)).count >= 3)
        let figures = Set(amazon.figures.map(\.text))
        for expected in ["$33B", "$5B", "$20B", "$100B", "5 GW"] {
            #expect(figures.contains(expected), "Amazon and Anthropic figures lack \(expected): \(figures.sorted())")
        }
    }

    /// Each sentence of `text` must appear in the extracted text of one of the cited articles.
    func expectQuoted(_ text: String, from citations: [Citation], in textByURL: [String: String], _ story: String) {
        let sources = citations.compactMap { textByURL[$0.url] }
        #expect(!sources.isEmpty, "\(story): cites no exported article")
        for sentence in SentenceSplitter.sentences(in: text) {
            #expect(sources.contains { $0.contains(sentence) }, "\(story): \"\(sentence)\" is not in its cited source")
        }
    }

    @Test func helpListsTheEverydayCommands() throws {
        let result = try LedeBinary.locate().run(["--help"])
        #expect(result.status == 0)
        for command in ["demo", "sources", "fetch", "brief", "profile", "parse", "extract"] {
            #expect(result.standardOutput.contains(command))
        }
    }
}
