import Foundation
import LedeFeeds
import LedeHTML

// Developer tool for the feed parser: conformance suite, throughput and per-item output for
// comparison with other parsers. Used by scripts/feed-conformance and scripts/bench-feeds.

let usage = """
    usage:
      lede-feeds-dev conformance SUITE_DIR [--failures FILE]
          run the feedparser conformance suite in SUITE_DIR (with expectations.json)
      lede-feeds-dev bench DIR [--repeat N] [--items FILE]
          parse every file in DIR on one thread; print feeds/s, MB/s, items/s;
          with --items, write one JSON line per feed with each item's title, link, published
      lede-feeds-dev parse FILE [--url URL] [--content-type TYPE]
          print the `lede parse` JSON of one feed
      lede-feeds-dev dates
          read one date per line on standard input; print its Unix time, or "nil"
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail(usage) }

switch command {
case "conformance":
    guard arguments.count >= 2 else { fail(usage) }
    ConformanceCommand(suite: URL(fileURLWithPath: arguments[1]), failures: option("--failures", in: arguments)).run()
case "bench":
    guard arguments.count >= 2 else { fail(usage) }
    BenchCommand(
        directory: URL(fileURLWithPath: arguments[1]), repeats: option("--repeat", in: arguments).flatMap(Int.init) ?? 1,
        itemsOutput: option("--items", in: arguments)
    ).run()
case "parse":
    guard arguments.count >= 2 else { fail(usage) }
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: arguments[1])) else { fail("cannot read \(arguments[1])") }
    do {
        let feed = try FeedParser().parse(
            data, url: option("--url", in: arguments).flatMap(URL.init(string:)),
            contentType: option("--content-type", in: arguments))
        FileHandle.standardOutput.write(feed.parseCommandJSON())
        FileHandle.standardOutput.write(Data("\n".utf8))
        let status = feed.parseIssue.map { "not well-formed: \($0)" } ?? "well-formed"
        FileHandle.standardError.write(Data("\(feed.format.rawValue), \(feed.encoding), \(status)\n".utf8))
    } catch {
        fail("\(arguments[1]): \(error)")
    }
case "dates":
    while let line = readLine(strippingNewline: true) {
        print(FeedDateParser.parse(line).map { String(Int64(floor($0.timeIntervalSince1970))) } ?? "nil")
    }
default:
    fail(usage)
}
