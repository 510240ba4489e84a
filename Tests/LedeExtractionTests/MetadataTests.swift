import Foundation
import Testing

import LedeExtraction

@Suite struct MetadataTests {
    static let body = """
        <article><h1>Rail strike ends</h1>
        <p>The strike that halted trains across the region for three days ended on Monday, after \
        the union and the operator agreed on a new pay deal covering the next two years.</p>
        <p>Commuters returned to crowded platforms, and the operator said full service would resume \
        by Wednesday once the rolling stock was back in place.</p></article>
        """

    private func extract(head: String = "", body: String = MetadataTests.body, url: String = "https://news.example.org/a/rail")
        throws -> ExtractedArticle
    {
        let html = "<html lang=\"en-GB\"><head>\(head)</head><body>\(body)</body></html>"
        return try ArticleExtractor().extract(Array(html.utf8), url: URL(string: url))
    }

    @Test func readsJSONLDNewsArticle() throws {
        let head = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
             {"@type":"NewsArticle","headline":"Rail strike ends after three days",
              "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
              "publisher":{"@type":"Organization","name":"Example News"},
              "datePublished":"2024-03-04T23:30:00+01:00","dateModified":"2024-03-05T08:00:00Z",
              "image":{"@type":"ImageObject","url":"/img/train.jpg"},"keywords":"rail, strike",
              "articleSection":"Transport","isAccessibleForFree":"True"}]}
            </script>
            """
        let article = try extract(head: head)
        #expect(article.title == "Rail strike ends after three days")
        #expect(article.authors == ["Jane Doe", "John Roe"])
        #expect(article.siteName == "Example News")
        // The day the page names, in its own time zone, though it is the 4th at 22:30 UTC.
        #expect(article.publishedDay == "2024-03-04")
        #expect(article.published == Date(timeIntervalSince1970: 1_709_591_400))
        #expect(article.modified == Date(timeIntervalSince1970: 1_709_625_600))
        #expect(article.tags == ["rail", "strike"])
        let data = try #require(article.structuredData)
        #expect(data.type == "NewsArticle")
        #expect(data.section == "Transport")
        #expect(data.isAccessibleForFree == true)
        #expect(data.image == "/img/train.jpg")
    }

    @Test func readsOpenGraphAndLinks() throws {
        let head = """
            <meta property="og:title" content="Rail strike ends | Example News">
            <meta property="og:site_name" content="Example News">
            <meta property="og:description" content="Trains run again.">
            <meta property="og:image" content="//cdn.example.org/t.jpg">
            <meta property="article:published_time" content="2024-03-04">
            <meta property="article:tag" content="Rail"><meta property="article:tag" content="Unions">
            <meta name="author" content="Jane Doe">
            <link rel="canonical" href="/a/rail-strike">
            """
        let article = try extract(head: head)
        #expect(article.title == "Rail strike ends")
        #expect(article.siteName == "Example News")
        #expect(article.description == "Trains run again.")
        #expect(article.image == "https://cdn.example.org/t.jpg")
        #expect(article.canonicalURL == "https://news.example.org/a/rail-strike")
        #expect(article.publishedDay == "2024-03-04")
        #expect(article.tags == ["Rail", "Unions"])
        #expect(article.authors == ["Jane Doe"])
        #expect(article.language == "en")
    }

    @Test func readsTimeElementAndVisibleByline() throws {
        let body = """
            <article><h1>Rail strike ends</h1>
            <p class="byline">By Jane Doe and John Roe</p>
            <time datetime="2024-03-04T09:15:00+00:00" pubdate>4 March 2024</time>
            \(MetadataTests.body)</article>
            """
        let article = try extract(body: body)
        #expect(article.publishedDay == "2024-03-04")
        #expect(article.byline == "Jane Doe and John Roe")
        #expect(article.authors == ["Jane Doe", "John Roe"])
    }

    @Test func takesTheDateFromTheAddress() throws {
        let article = try extract(url: "https://blog.example.org/2019/11/17/rail-strike/")
        #expect(article.publishedDay == "2019-11-17")
    }

    @Test func readsAWrittenDateNearTheHeadline() throws {
        let body = """
            <article><h1>Bahnstreik beendet</h1><div class="post-date">Montag, 4. März 2024</div>
            \(MetadataTests.body)</article>
            """
        let article = try extract(body: body)
        #expect(article.publishedDay == "2024-03-04")
    }

    @Test func guessesTheLanguageWhenThePageDoesNotSay() throws {
        let html = """
            <html><body><article><p>Der Streik, der die Züge in der Region drei Tage lang stoppte, ist \
            zu Ende. Die Gewerkschaft und der Betreiber haben sich auf einen neuen Tarifvertrag geeinigt, \
            der für die nächsten zwei Jahre gilt und auch die Pendler freut.</p></article></body></html>
            """
        let article = try ArticleExtractor().extract(Array(html.utf8), url: nil)
        #expect(article.language == "de")
    }
}
