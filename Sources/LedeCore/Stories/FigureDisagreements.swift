import Foundation

/// Where a story's outlets give different figures for the same thing ("1,200 jobs" against
/// "1,500 jobs"): same kind and unit, different values, in sentences about the same thing.
public struct FigureDisagreement: Sendable, Hashable, Codable {
    /// What the figures measure, in a few words taken from the sentences ("jobs", "deal value").
    public var subject: String
    public var claims: [FigureMention]

    /// A one-line note for readers: "Sources disagree on jobs: 1,200 (a.example) vs 1,500 (b.example)."
    public var note: String {
        "Sources disagree on \(subject): " + claims.map { "\($0.figure.display) (\($0.outlet))" }.joined(separator: " vs ") + "."
    }
}

public enum FigureDisagreementFinder {
    /// - Parameter mentions: every figure of the story with its sentence and outlet.
    public static func disagreements(in mentions: [FigureMention]) -> [FigureDisagreement] {
        let comparable = mentions.filter { [.money, .count, .percentage, .capacity, .energy, .duration].contains($0.figure.kind) }
        var found: [FigureDisagreement] = []
        var used = Set<Int>()
        for (index, first) in comparable.enumerated() where !used.contains(index) {
            var claims = [first]
            var claimIndexes = [index]
            for (otherIndex, second) in comparable.enumerated() where otherIndex > index && !used.contains(otherIndex) {
                guard second.outlet != first.outlet, !claims.contains(where: { $0.outlet == second.outlet }),
                    conflict(first, second)
                else { continue }
                claims.append(second)
                claimIndexes.append(otherIndex)
            }
            guard claims.count > 1 else { continue }
            used.formUnion(claimIndexes)
            found.append(FigureDisagreement(subject: subject(of: claims), claims: claims))
        }
        return found
    }

    /// Two figures conflict when they measure the same thing with values that differ, but
    /// not so much that they are plainly different things (a price against a deal value).
    static func conflict(_ first: FigureMention, _ second: FigureMention) -> Bool {
        let a = first.figure
        let b = second.figure
        guard a.kind == b.kind, a.unit == b.unit, a.key != b.key, a.value > 0, b.value > 0 else { return false }
        let ratio = max(a.value, b.value) / min(a.value, b.value)
        guard ratio > 1.02, ratio < 1.6 else { return false }
        // "up to $20 billion" and "$15 billion" may both be true.
        if (a.qualifier == nil) != (b.qualifier == nil) { return false }
        if a.kind == .count { return true }
        return context(first).intersection(context(second)).count >= 2
    }

    /// The content words around a figure, without the figure's own words.
    static func context(_ mention: FigureMention) -> Set<String> {
        let own = Set(Terms.terms(in: mention.figure.asWritten))
        return Set(Terms.terms(in: mention.sentence)).subtracting(own).filter { !$0.allSatisfy(\.isNumber) }
    }

    static func subject(of claims: [FigureMention]) -> String {
        let figure = claims[0].figure
        if figure.kind == .count { return figure.unit }
        let shared = claims.dropFirst().reduce(context(claims[0])) { $0.intersection(context($1)) }
        let words = Terms.words(in: claims[0].sentence).filter { shared.contains(Terms.stem($0)) }
        var ordered: [String] = []
        for word in words where !ordered.contains(word) { ordered.append(word) }
        let label = ordered.prefix(3).joined(separator: " ")
        return label.isEmpty ? figure.kind.rawValue : label
    }
}
