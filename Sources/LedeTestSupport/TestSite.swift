import Foundation

/// A one-outlet site folder in the layout `CorpusSite` serves, written for a test.
public enum TestSite {
    /// Writes `files` (path in the site → contents) under `sites/HOST/` of a new temporary
    /// folder, with empty outlet and label lists.
    /// - Returns: the folder; the caller removes it.
    public static func write(host: String, files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-site-\(UUID().uuidString)")
        let site = root.appendingPathComponent("sites/\(host)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("[]".utf8).write(to: root.appendingPathComponent("outlets.json"))
        try Data(#"{"stories": [], "articles": []}"#.utf8).write(to: root.appendingPathComponent("labels.json"))
        for (path, contents) in files {
            try Data(contents.utf8).write(to: site.appendingPathComponent(path))
        }
        return root
    }
}
