import Foundation

/// The figure and name check: every figure and every proper name a briefing states must
/// appear, normalised, in a sentence of the source it cites. Figures compare by value and
/// unit (`$5bn` matches `$5 billion`); names compare by their normalised key (`Amazon's`
/// matches `Amazon.com Inc.`).
public struct StatementChecker: Sendable {
    /// The cited sources' texts, by URL (title and text).
    let sources: [String: SourceIndex]

    struct SourceIndex {
        var figureKeys: Set<String>
        var entityKeys: Set<String>
        var normalisedText: String
    }

    public init(sourceTexts: [String: String]) {
        var sources: [String: SourceIndex] = [:]
        for (url, text) in sourceTexts {
            let sentences = text.components(separatedBy: "\n\n").flatMap(SentenceSplitter.sentences(in:))
            let figures = Set(sentences.flatMap { FigureExtractor.figures(in: $0).map(\.key) })
            var entities = Set<String>()
            for sentence in sentences {
                for entity in EntityExtractor.capitalisedRuns(in: sentence) { entities.insert(EntityExtractor.normalise(entity.name).key) }
            }
            sources[url] = SourceIndex(figureKeys: figures, entityKeys: entities, normalisedText: Self.normalise(text))
        }
        self.sources = sources
    }

    static func normalise(_ text: String) -> String {
        " " + Terms.words(in: TextNormalizer.comparable(text)).joined(separator: " ") + " "
    }

    /// Checks one statement against the sources it cites; returns what was checked and what failed.
    public func check(_ statement: String, citing urls: [String]) -> BriefingCheck {
        var result = BriefingCheck()
        let cited = urls.compactMap { sources[$0] }
        for sentence in SentenceSplitter.sentences(in: statement) {
            for figure in FigureExtractor.figures(in: sentence) {
                result.figures += 1
                if !cited.contains(where: { $0.figureKeys.contains(figure.key) }) {
                    result.failures.append(.init(statement: sentence, item: figure.asWritten, kind: .figure, urls: urls))
                }
            }
            let names = Set(EntityExtractor.entities(inSentences: [sentence]).map(\.name))
            for name in names.sorted() {
                result.names += 1
                let key = EntityExtractor.normalise(name).key
                let words = Self.normalise(name)
                if !cited.contains(where: { $0.entityKeys.contains(key) || $0.normalisedText.contains(words) }) {
                    result.failures.append(.init(statement: sentence, item: name, kind: .name, urls: urls))
                }
            }
        }
        return result
    }

    /// Checks every statement of a story's explainer. Answer paragraphs that fail are removed
    /// by the composer; what remains is reported here, so a failure is never shown as checked.
    public func check(_ story: StoryBriefing) -> BriefingCheck {
        var total = BriefingCheck()
        for (point, citations) in zip(story.keyPoints, story.keyPointCitations) { total.add(check(point, citing: citations.map(\.url))) }
        total.add(check(story.intro, citing: story.introCitations.map(\.url)))
        for section in story.sections {
            for paragraph in section.paragraphs { total.add(check(paragraph.text, citing: paragraph.citations.map(\.url))) }
        }
        total.add(check(story.bottomLine.text, citing: story.bottomLine.citations.map(\.url)))
        for figure in story.figures { total.add(check(figure.sentence, citing: [figure.url])) }
        return total
    }
}

/// What the figure and name check found: how many figures and names it checked, and each
/// one it could not find in the cited source.
public struct BriefingCheck: Sendable, Hashable, Codable {
    public struct Failure: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable { case figure, name }
        public var statement: String
        public var item: String
        public var kind: Kind
        public var urls: [String]
    }

    public var figures = 0
    public var names = 0
    public var failures: [Failure] = []

    public init() {}

    public var passed: Bool { failures.isEmpty }

    public mutating func add(_ other: BriefingCheck) {
        figures += other.figures
        names += other.names
        failures += other.failures
    }
}
