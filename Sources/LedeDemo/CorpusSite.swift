import Foundation
import LedeCore

/// A folder of fictional web sites (`sites/<host>/<path>`), with its outlets, story labels
/// and reader profiles. The bundled demo corpus is one; evaluation corpora are others.
public struct CorpusSite: Sendable {
    /// An outlet of the corpus and its feed.
    public struct Outlet: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var host: String
        public var homepage: String
        public var feed: String
        public var format: String
        public var language: String?
        public var description: String?
    }

    /// Which story each article belongs to, for measuring clustering.
    public struct Labels: Sendable, Hashable, Codable {
        public struct LabelledStory: Sendable, Hashable, Codable {
            public var id: String
            public var title: String
            public var kind: String
        }

        public struct LabelledArticle: Sendable, Hashable, Codable {
            public var url: String
            public var outlet: String
            public var story: String
            public var published: String
            public var title: String
        }

        public var stories: [LabelledStory]
        public var articles: [LabelledArticle]
    }

    public let root: URL
    public let outlets: [Outlet]
    public let labels: Labels
    public let profiles: [Profile]

    /// Loads a corpus folder.
    /// - Throws: `CorpusError` when a required file is missing or malformed.
    public init(root: URL) throws {
        self.root = root
        outlets = try Self.load([Outlet].self, "outlets.json", in: root)
        labels = try Self.load(Labels.self, "labels.json", in: root)
        profiles = (try? Self.load([Profile].self, "profiles.json", in: root)) ?? []
    }

    /// The demo corpus shipped with Lede.
    public static func bundledDemo() throws -> CorpusSite {
        guard let root = Bundle.module.url(forResource: "Corpus", withExtension: nil) else {
            throw CorpusError.missing("the bundled demo corpus")
        }
        return try CorpusSite(root: root)
    }

    /// The hosts the corpus serves.
    public var hosts: [String] { outlets.map(\.host) }

    /// The latest publication time among the corpus's articles: "now" for a demo edition.
    public var latestPublication: Date? {
        let formatter = ISO8601DateFormatter()
        return labels.articles.compactMap { formatter.date(from: $0.published) }.max()
    }

    /// The bytes served for `http://<host><path>`, or `nil` when there is no such file.
    func file(host: String, path: String) -> Data? {
        var relative = path.split(separator: "?").first.map(String.init) ?? "/"
        if relative.hasSuffix("/") { relative += "index.html" }
        let components = relative.split(separator: "/").map(String.init)
        // Refuse anything that could climb out of the site's folder.
        guard !components.contains(where: { $0 == ".." || $0.hasPrefix(".") }), !host.contains("/"), !host.hasPrefix(".") else {
            return nil
        }
        var url = root.appendingPathComponent("sites").appendingPathComponent(host)
        for component in components { url.appendPathComponent(component) }
        return try? Data(contentsOf: url)
    }

    static func load<T: Decodable>(_ type: T.Type, _ name: String, in root: URL) throws -> T {
        let url = root.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { throw CorpusError.missing(name) }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw CorpusError.malformed(name, "\(error)")
        }
    }
}

public enum CorpusError: Error, Sendable, CustomStringConvertible {
    case missing(String)
    case malformed(String, String)

    public var description: String {
        switch self {
        case .missing(let what): "The corpus is missing \(what); rebuild it with scripts/corpus/build.py."
        case .malformed(let name, let detail): "The corpus file \(name) is malformed (\(detail)); rebuild it with scripts/corpus/build.py."
        }
    }
}
