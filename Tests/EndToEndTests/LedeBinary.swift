import Foundation

/// Runs the built `lede` executable as a separate process, as a user would.
struct LedeBinary {
    let url: URL

    /// The `lede` built beside the test bundle.
    static func locate() throws -> LedeBinary {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("lede")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return LedeBinary(url: candidate) }
            folder = folder.deletingLastPathComponent()
        }
        throw RunError(description: "The lede executable was not found beside the tests; run `swift build` before `swift test`.")
    }

    struct RunError: Error, CustomStringConvertible {
        var description: String
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `lede` with the arguments and an environment of its own.
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "LEDE_DATABASE")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes while the process runs so a full pipe cannot block it.
        let outputData = DataCollector(handle: output.fileHandleForReading)
        let errorData = DataCollector(handle: error.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw RunError(description: "lede \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, standardOutput: outputData.finish(), standardError: errorData.finish())
    }
}

/// Drains a pipe on a background thread.
final class DataCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                lock.unlock()
            }
            done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
