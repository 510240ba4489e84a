import Foundation
import LedeFeeds

/// Parses every file of a folder on one thread and reports throughput; optionally writes each
/// feed's items for comparison with another parser.
struct BenchCommand {
    let directory: URL
    let repeats: Int
    let itemsOutput: String?

    func run() {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("LICENSE") }.sorted()
        let documents = names.compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { (name, [UInt8]($0)) }
        }
        let bytes = documents.reduce(0) { $0 + $1.1.count }
        let parser = FeedParser()
        var items = 0
        var notFeeds = 0
        let start = DispatchTime.now()
        for _ in 0..<max(1, repeats) {
            items = 0
            notFeeds = 0
            for (_, document) in documents {
                do {
                    items += try parser.parse(document, url: nil).items.count
                } catch {
                    notFeeds += 1
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 / Double(max(1, repeats))
        print(
            String(
                format: "lede: %d files (%d not feeds), %.1f MB, %d items in %.3f s: %.1f feeds/s, %.1f MB/s, %.0f items/s",
                documents.count, notFeeds, Double(bytes) / 1e6, items, seconds, Double(documents.count) / seconds,
                Double(bytes) / 1e6 / seconds, Double(items) / seconds))
        if let itemsOutput { writeItems(documents, to: itemsOutput) }
    }

    /// One JSON object per line: `{"file", "items": [{"title", "link", "published"}]}`.
    private func writeItems(_ documents: [(String, [UInt8])], to path: String) {
        var output = Data()
        for (name, document) in documents {
            let items = (try? FeedParser().parse(document, url: nil).items) ?? []
            let rows: [[String: Any]] = items.map { item in
                [
                    "title": item.title ?? NSNull(),
                    "link": item.link ?? NSNull(),
                    "published": item.published.map { $0.timeIntervalSince1970 } ?? NSNull(),
                ]
            }
            let line: [String: Any] = ["file": name, "items": rows]
            if let json = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) {
                output.append(json)
                output.append(0x0A)
            }
        }
        guard (try? output.write(to: URL(fileURLWithPath: path))) != nil else { fail("cannot write \(path)") }
    }
}
