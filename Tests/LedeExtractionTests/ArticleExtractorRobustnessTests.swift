import Foundation
import Testing

import LedeExtraction

@Suite struct ArticleExtractorRobustnessTests {
    static let paragraph = """
        The council met on Tuesday evening to discuss the new budget, which includes funds for \
        schools, roads and the library. Members debated for three hours before agreeing on a plan.
        """

    static func page(body: String, head: String = "") -> String {
        "<!doctype html><html lang=\"en\"><head><title>Budget agreed</title>\(head)</head><body>\(body)</body></html>"
    }

    static let articleBody = """
        <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
        <article><h1>Budget agreed</h1>
        <p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></article>
        <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
        """

    private func extract(_ html: String, contentType: String? = nil) throws -> ExtractedArticle {
        try ArticleExtractor().extract(Array(html.utf8), url: URL(string: "https://example.com/news/budget"), contentType: contentType)
    }

    private func reason(_ html: String) -> String? {
        do throws(ExtractionError) {
            _ = try ArticleExtractor().extract(Array(html.utf8), url: URL(string: "https://example.com/news/budget"))
            return nil
        } catch {
            guard case .noArticle(let reason) = error else { return nil }
            return reason
        }
    }

    @Test func extractsTheArticleAndLeavesNavigationAndFooter() throws {
        let article = try extract(Self.page(body: Self.articleBody))
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[0] == "Budget agreed")
        #expect(!article.text.contains("Copyright"))
        #expect(!article.text.contains("Home"))
    }

    @Test func malformedMarkupStillGivesTheText() throws {
        let html = "<html><body><div><p>\(Self.paragraph)<p>\(Self.paragraph)</b></i><div><p>\(Self.paragraph)</span>"
        let article = try extract(html)
        #expect(article.paragraphs.count == 3)
    }

    @Test func emptyPageHasNoArticle() {
        #expect(reason("") != nil)
        #expect(reason("<html><body></body></html>") != nil)
    }

    @Test func pageOfTeasersHasNoArticle() {
        var body = "<main>"
        for index in 0..<40 {
            body += "<div class=\"card\"><h3><a href=\"/story/\(index)\">Headline number \(index) about the city council and its plans</a></h3>"
            body += "<p><a href=\"/story/\(index)\">Read more</a></p></div>"
        }
        body += "</main>"
        #expect(reason(Self.page(body: body)) != nil)
    }

    @Test func loginWallHasNoArticle() {
        let body = """
            <form><h2>Sign in to continue reading</h2><input type="email" name="email">
            <input type="password" name="password"><button>Log in</button></form>
            <p>Subscribers get unlimited access.</p>
            """
        #expect(reason(Self.page(body: body)) != nil)
    }

    @Test func hundredThousandNestedDivsAreHandledInBoundedTime() throws {
        let depth = 100_000
        let html = Self.page(body: String(repeating: "<div>", count: depth) + "<p>\(Self.paragraph)</p><p>\(Self.paragraph)</p>"
            + String(repeating: "</div>", count: depth))
        let start = ContinuousClock.now
        let article = try extract(html)
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(article.text.contains("The council met"))
    }

    @Test func tenMegabytePageIsHandledInBoundedTime() throws {
        var body = Self.articleBody
        let filler = "<div class=\"item\"><a href=\"/x\">Another story in the archive list</a> <span>more words here</span></div>\n"
        body += String(repeating: filler, count: 10_000_000 / filler.utf8.count)
        let start = ContinuousClock.now
        let article = try extract(Self.page(body: body))
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(article.text.contains("The council met"))
    }

    @Test func utf16PageWithByteOrderMarkIsExtracted() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.page(body: Self.articleBody.replacingOccurrences(of: "council", with: "Gemeinderät")).utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let article = try ArticleExtractor().extract(bytes, url: nil)
        #expect(article.text.contains("Gemeinderät"))
    }

    @Test func headerCharsetDecidesLegacyBytes() throws {
        let html = Self.page(body: Self.articleBody.replacingOccurrences(of: "council", with: "conseil élu"))
        // The same page in windows-1252: é is the single byte 0xE9.
        let latin1 = html.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let article = try ArticleExtractor().extract(latin1, url: nil, contentType: "text/html; charset=windows-1252")
        #expect(article.text.contains("conseil élu"))
        // Without any declaration the invalid UTF-8 is read as windows-1252 too.
        let undeclared = try ArticleExtractor().extract(latin1, url: nil)
        #expect(undeclared.text.contains("conseil élu"))
    }

    @Test func metaCharsetIsHonoured() throws {
        let html = Self.page(
            body: Self.articleBody.replacingOccurrences(of: "council", with: "conseil élu"),
            head: "<meta charset=\"iso-8859-1\">")
        let latin1 = html.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let article = try ArticleExtractor().extract(latin1, url: nil)
        #expect(article.text.contains("conseil élu"))
    }
}
