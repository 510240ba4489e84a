import Foundation
import LedeFeeds

/// The corpus as the web would serve it: RSS 2.0 feeds, article pages wrapped in the usual
/// navigation, related links and footer, and an OPML list of every feed.
extension SyntheticCorpus {
    public func feedDocument(_ feed: Int, port: Int) -> String? {
        guard feed >= 0, feed < feeds else { return nil }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
            <title>\(Self.escape(outlet(ofFeed: feed)))</title>
            <link>http://\(address(host: host(ofFeed: feed))):\(port)/</link>
            <description>Synthetic news for scale tests</description>
            <language>en</language>

            """
        for index in items(ofFeed: feed) {
            let article = article(index, paragraphCount: 1)
            let url = articleURL(index, port: port)
            xml += """
                <item><title>\(Self.escape(article.title))</title><link>\(url)</link><guid isPermaLink="true">\(url)</guid>\
                <pubDate>\(DateWriting.rfc822(article.published))</pubDate><author>\(Self.escape(article.author))</author>\
                <description>\(Self.escape(article.paragraphs[0]))</description></item>

                """
        }
        return xml + "</channel></rss>\n"
    }

    public func pageDocument(_ index: Int, port: Int) -> String? {
        guard index >= 0, index < articles else { return nil }
        let article = article(index)
        let feed = index % feeds
        let related = (1...4).map { offset in (index + offset * feeds) % max(articles, 1) }
        let published = DateWriting.iso8601(article.published)
        let body = article.paragraphs.map { "<p>\(Self.escape($0))</p>" }.joined(separator: "\n")
        let links = related.map { "<li><a href=\"/articles/\($0).html\">More from \(Self.escape(outlet(ofFeed: feed)))</a></li>" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(Self.escape(article.title)) | \(Self.escape(outlet(ofFeed: feed)))</title>
            <meta property="og:title" content="\(Self.escape(article.title))">
            <meta property="og:site_name" content="\(Self.escape(outlet(ofFeed: feed)))">
            <meta name="author" content="\(Self.escape(article.author))">
            <meta property="article:published_time" content="\(published)">
            <link rel="canonical" href="\(articleURL(index, port: port))">
            </head><body>
            <header><nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/tech">Technology</a> <a href="/markets">Markets</a> <a href="/subscribe">Subscribe</a></nav></header>
            <div class="ad">Advertisement: the quarterly outlook newsletter, free for thirty days.</div>
            <main><article>
            <h1>\(Self.escape(article.title))</h1>
            <p class="byline">By \(Self.escape(article.author)) · <time datetime="\(published)">\(published)</time></p>
            \(body)
            </article>
            <aside><h2>Related</h2><ul>\(links)</ul></aside></main>
            <footer><p>© \(Self.escape(outlet(ofFeed: feed))). All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
            </body></html>

            """
    }

    /// Every feed, for `lede sources import`.
    public func opmlDocument(port: Int) -> String {
        var opml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>Synthetic corpus</title></head><body>\n"
        for feed in 0..<min(feeds, max(articles, 1)) {
            opml += "<outline type=\"rss\" text=\"\(Self.escape(outlet(ofFeed: feed)))\" xmlUrl=\"\(feedURL(feed, port: port))\"/>\n"
        }
        return opml + "</body></opml>\n"
    }

    static func escape(_ text: String) -> String {
        // Most text has nothing to escape; looking at its bytes first is much cheaper than
        // rebuilding it Character by Character.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
