import Foundation
import Testing

/// Fixtures in this target's `Resources/` folder.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil) else {
            throw FixtureError.missing(name)
        }
        return try Data(contentsOf: url)
    }

    enum FixtureError: Error { case missing(String) }
}

/// The shared benchmark material (`../shared` beside the package), which CI provides but a
/// plain checkout may not: tests that need it are skipped, with this reason, when it is absent.
enum SharedMaterial {
    static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    static let feedsDev = packageRoot.appendingPathComponent("../shared/bench/feeds-dev").standardizedFileURL

    static var hasFeedsDev: Bool {
        FileManager.default.fileExists(atPath: feedsDev.appendingPathComponent("expectations.json").path)
    }

    static let missingReason: Comment = "../shared/bench/feeds-dev is absent: the conformance suite cannot run"
}
