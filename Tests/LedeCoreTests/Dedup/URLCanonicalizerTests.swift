import LedeCore
import Testing

@Suite struct URLCanonicalizerTests {
    @Test(arguments: [
        ("https://News.Example.com/a/b/?utm_source=x&utm_medium=y&id=3", "https://news.example.com/a/b?id=3"),
        ("https://news.example.com/a?fbclid=abc", "https://news.example.com/a"),
        ("https://news.example.com/a?gclid=abc&b=2&a=1", "https://news.example.com/a?a=1&b=2"),
        ("https://news.example.com:443/a#comments", "https://news.example.com/a"),
        ("http://news.example.com:80/a/", "http://news.example.com/a"),
        ("https://news.example.com/amp/story/1", "https://news.example.com/story/1"),
        ("https://news.example.com/story/1/amp", "https://news.example.com/story/1"),
        ("https://news.example.com/story/1.amp.html", "https://news.example.com/story/1.html"),
        ("https://amp.news.example.com/story/1", "https://news.example.com/story/1"),
        ("https://news.example.com./story", "https://news.example.com/story"),
    ])
    func canonicalFormDropsTrackingAndVariants(input: String, expected: String) {
        #expect(URLCanonicalizer.canonical(input) == expected)
    }

    @Test func keyIgnoresSchemeAndWww() {
        #expect(URLCanonicalizer.key("http://www.example.com/a?utm_campaign=z") == URLCanonicalizer.key("https://example.com/a/"))
    }

    @Test func differentPagesKeepDifferentKeys() {
        #expect(URLCanonicalizer.key("https://example.com/a?id=1") != URLCanonicalizer.key("https://example.com/a?id=2"))
    }
}
