import Foundation
import Testing

import LedeExtraction

@Suite struct DisplayHTMLTests {
    static let page = """
        <html><body><article>
        <h1>Title</h1>
        <p>First paragraph of the article, long enough to count as running text for the extractor, \
        with a <a href="/more">relative link</a> and <strong>bold</strong> words.</p>
        <h2>A section</h2>
        <p>Second paragraph of the article, also long enough to count as running text, so the \
        container is clear and the list below belongs to it.</p>
        <ul><li>First item of the list</li><li>Second item of the list</li></ul>
        <blockquote><p>A quotation that belongs to the article and says something.</p></blockquote>
        <img src="/pictures/photo.jpg" alt="A photo" onerror="alert(1)">
        <p onclick="steal()">Third paragraph closes the article with more running text, and \
        <script>alert(1)</script>nothing else.</p>
        </article></body></html>
        """

    @Test func writesCleanDisplayHTMLWithAbsoluteAddresses() throws {
        let article = try ArticleExtractor().extract(Array(Self.page.utf8), url: URL(string: "https://example.com/news/story"))
        let html = article.html
        #expect(html.contains("<h2>A section</h2>"))
        #expect(html.contains("<a href=\"https://example.com/more\">relative link</a>"))
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<li>First item of the list</li>"))
        #expect(html.contains("<ul>"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("https://example.com/pictures/photo.jpg"))
        #expect(!html.contains("script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
    }
}
