import Foundation
import LedeCore
import LedeEngine
import LedeSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// Benchmarks of Lede's own code on synthetic news (no network):
///
///   lede-bench clustering [--articles 100000] [--batch 1000]   articles clustered per second as the store grows
///   lede-bench ask [--articles 100000] [--questions 200]       question answering latency on a store of that size
///
/// Both print peak memory. Run in release mode: `swift run -c release lede-bench clustering`.
@main
enum BenchTool {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let mode = arguments.first else {
            print("usage: lede-bench clustering|ask [--articles N] [--batch N] [--questions N] [--database PATH]")
            return
        }
        arguments.removeFirst()
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
            return value
        }
        let articles = option("--articles", 100_000)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("bench.sqlite").path)
        switch mode {
        case "clustering":
            try await ClusteringBenchmark(store: store, articles: articles, batch: option("--batch", 1000)).run()
        case "ask":
            try await AskBenchmark(store: store, articles: articles, questions: option("--questions", 200)).run()
        default:
            print("unknown benchmark \(mode); use clustering or ask")
        }
        print(String(format: "peak memory: %.0f MB", Double(peakResidentKilobytes()) / 1024))
    }

    static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}
