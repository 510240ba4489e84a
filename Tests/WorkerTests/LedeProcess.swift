import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The built `lede` executable run as a separate process, as an operator would run it.
struct LedeProcess {
    let process: Process
    let log: URL

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The `lede` built beside the test bundle.
    static func executable() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("lede")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "The lede executable was not found beside the tests; run `swift build` before `swift test`.")
    }

    /// Starts `lede` with its output going to `log`.
    static func start(_ arguments: [String], log: URL) throws -> LedeProcess {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LEDE_DATABASE")
        process.environment = environment
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return LedeProcess(process: process, log: log)
    }

    /// Runs `lede` to the end.
    /// - Throws: when it fails or takes longer than `timeout`.
    @discardableResult
    static func run(_ arguments: [String], log: URL, timeout: TimeInterval = 300) async throws -> String {
        let running = try start(arguments, log: log)
        try await running.wait(timeout: timeout)
        let output = running.output
        guard running.process.terminationStatus == 0 else {
            throw Failure(description: "lede \(arguments.joined(separator: " ")) failed (\(running.process.terminationStatus)):\n\(output)")
        }
        return output
    }

    func wait(timeout: TimeInterval) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure(description: "lede \(process.arguments?.joined(separator: " ") ?? "") did not finish within \(Int(timeout)) s:\n\(output)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// `kill -9`: no chance to finish a transaction, release a lease or flush anything.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var output: String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }
}
