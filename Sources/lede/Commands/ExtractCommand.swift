import ArgumentParser
import Foundation
import LedeExtraction

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Extract the article from saved pages; one JSON object per line.")

    @Argument(help: "HTML files to extract.") var files: [String]
    @Option(help: "The page's address, for resolving relative links (applies to every file).") var url: String?

    func run() async throws {
        let extractor = ArticleExtractor()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failed = false
        for file in files {
            var line = ExtractLine(file: file, url: url)
            if let data = FileManager.default.contents(atPath: file) {
                do {
                    line.fill(try extractor.extract(data, url: url.flatMap(URL.init(string:))))
                } catch let ExtractionError.noArticle(reason) {
                    line.noArticle = reason
                }
            } else {
                line.error = "Cannot read \(file)."
                failed = true
            }
            printOut(String(decoding: try encoder.encode(line), as: UTF8.self) + "\n")
        }
        if failed { throw ExitCode.failure }
    }
}

/// One line of `lede extract`'s output. Absent values are written as `null`.
struct ExtractLine: Encodable {
    var file: String
    var url: String?
    var title: String?
    var byline: String?
    var published: String?
    var modified: String?
    var language: String?
    var image: String?
    var canonical: String?
    var siteName: String?
    var text: String?
    /// Why the page holds no article, when it holds none.
    var noArticle: String?
    var error: String?

    init(file: String, url: String?) {
        self.file = file
        self.url = url
    }

    mutating func fill(_ article: ExtractedArticle) {
        let formatter = ISO8601DateFormatter()
        title = article.title
        byline = article.byline
        published = article.published.map(formatter.string(from:))
        modified = article.modified.map(formatter.string(from:))
        language = article.language
        image = article.image
        canonical = article.canonicalURL
        siteName = article.siteName
        text = article.text
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(byline, forKey: .byline)
        try container.encode(published, forKey: .published)
        try container.encode(modified, forKey: .modified)
        try container.encode(language, forKey: .language)
        try container.encode(image, forKey: .image)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(siteName, forKey: .siteName)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(noArticle, forKey: .noArticle)
        try container.encodeIfPresent(error, forKey: .error)
    }

    enum CodingKeys: String, CodingKey {
        case file, url, title, byline, published, modified, language, image, canonical, siteName, text, noArticle, error
    }
}
