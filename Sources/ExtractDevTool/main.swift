import Foundation
@_spi(Diagnostics) import LedeExtraction
import LedeHTML

/// lede-extract-dev: runs Lede's extraction over a list of pages for scripts/bench-extract.
///
///   lede-extract-dev extract MANIFEST OUTPUT   MANIFEST: lines "path<TAB>url"; writes JSON
///                                              {file: {text, date, error}} and prints timing
///   lede-extract-dev parse MANIFEST            time the HTML parse alone (libxml2 tree, and
///                                              Lede's tree)
///   lede-extract-dev show FILE [URL]           print one page's extraction
///   lede-extract-dev blocks FILE [URL]         list every block and what became of it
///   lede-extract-dev path FILE TEXT            the ancestors of the text containing TEXT
func readManifest(_ path: String) -> [(path: String, url: String)] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        fatalError("cannot read manifest \(path)")
    }
    return text.split(separator: "\n").map { line in
        let fields = line.split(separator: "\t", maxSplits: 1)
        return (String(fields[0]), fields.count > 1 ? String(fields[1]) : "")
    }
}

/// CPU time of this thread: on a shared machine, fairer than wall time.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    print("usage: lede-extract-dev extract MANIFEST OUTPUT | parse MANIFEST | show FILE [URL]")
    exit(2)
}
let clock = ContinuousClock()
let extractor = ArticleExtractor()

switch command {
case "extract":
    let manifest = readManifest(arguments[1])
    var results: [String: [String: String]] = [:]
    var elapsed = Duration.zero
    var cpu = 0.0
    for entry in manifest {
        // One page in memory at a time, as in the pipeline; reading is not timed.
        let page = FileManager.default.contents(atPath: entry.path) ?? Data()
        let start = clock.now
        let cpuStart = cpuSeconds()
        let outcome = Result { () throws(ExtractionError) in
            try extractor.extract(page, url: URL(string: entry.url))
        }
        cpu += cpuSeconds() - cpuStart
        elapsed += clock.now - start
        switch outcome {
        case .success(let article):
            var result = ["text": article.text]
            if let day = article.publishedDay { result["date"] = day }
            results[entry.path] = result
        case .failure(.noArticle(let reason)):
            results[entry.path] = ["text": "", "error": reason]
        }
    }
    let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    try data.write(to: URL(fileURLWithPath: arguments[2]))
    print(String(format: "pages %d seconds %.4f cpu-seconds %.4f", manifest.count, seconds(elapsed), cpu))
case "parse":
    let manifest = readManifest(arguments[1])
    let pages = manifest.map { FileManager.default.contents(atPath: $0.path) ?? Data() }
    var start = cpuSeconds()
    var nodes = 0
    for page in pages where HTMLDocument(bytes: page).root != nil { nodes += 1 }
    let libxml2 = cpuSeconds() - start
    start = cpuSeconds()
    for page in pages { nodes += HTMLTree(bytes: page).nodeCount }
    let tree = cpuSeconds() - start
    print(String(format: "pages %d libxml2-tree-cpu-seconds %.4f lede-tree-cpu-seconds %.4f", pages.count, libxml2, tree))
case "show":
    let data = FileManager.default.contents(atPath: arguments[1]) ?? Data()
    let url = arguments.count > 2 ? URL(string: arguments[2]) : nil
    do {
        let article = try extractor.extract(data, url: url)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var shown = article
        shown.html = String(shown.html.prefix(2000))
        print(String(decoding: try encoder.encode(shown), as: UTF8.self))
        print("---- text ----")
        print(article.text)
    } catch {
        print("no article: \(error)")
    }
case "path":
    let data = FileManager.default.contents(atPath: arguments[1]) ?? Data()
    print(extractor.diagnosePath(data, containing: arguments[2]))
case "blocks":
    let data = FileManager.default.contents(atPath: arguments[1]) ?? Data()
    print(extractor.diagnose(data, url: arguments.count > 2 ? URL(string: arguments[2]) : nil))
default:
    print("unknown command \(command)")
    exit(2)
}
