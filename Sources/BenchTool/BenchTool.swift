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
///                                                              (`--database PATH` reuses a store `clustering` filled)
///   lede-bench feed [--items 100000]                           one huge feed fetched over loopback and stored
///   lede-bench backfill [--articles 200000] [--feeds 1000]     clustering while many busy feeds are first imported
///   lede-bench signature [--articles 20000]                    article signatures built per second, with a checksum
///
/// Each prints peak memory. Run in release mode: `swift run -c release lede-bench clustering`.
@main
enum BenchTool {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let mode = arguments.first else {
            say("usage: lede-bench clustering|ask|feed|backfill|signature [--articles N] [--batch N] [--questions N] [--items N] [--database PATH]")
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
        // `--database PATH` keeps the store, so `ask` can reuse the one `clustering` filled.
        let databaseIndex = arguments.firstIndex(of: "--database")
        let path = databaseIndex.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
            ?? folder.appendingPathComponent("bench.sqlite").path
        let store = try SQLiteStore.open(path: path)
        switch mode {
        case "clustering":
            try await ClusteringBenchmark(store: store, articles: articles, batch: option("--batch", 1000)).run()
        case "feed":
            try await FeedBenchmark(store: store, items: option("--items", 100_000), folder: folder.appendingPathComponent("site")).run()
        case "signature":
            SignatureBenchmark(articles: option("--articles", 20_000)).run()
        case "backfill":
            try await BackfillBenchmark(store: store, articles: option("--articles", 200_000), feeds: option("--feeds", 1000)).run()
        case "ask":
            try await AskBenchmark(store: store, articles: articles, questions: option("--questions", 200)).run()
        default:
            say("unknown benchmark \(mode); use clustering, ask, feed, backfill or signature")
        }
        say(String(format: "peak memory: %.0f MB", Double(peakResidentKilobytes()) / 1024))
    }

    /// The memory resident now (peak memory says nothing of growth along the way).
    static func residentKilobytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}

/// Prints a line at once, even when the output goes to a file (print buffers it).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
