import Foundation
import Testing

@testable import LedeHTML

@Suite struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    @Test(arguments: [
        ("<p>Hello <b>world</b></p>", "<p>Hello <b>world</b></p>"),
        ("safe<script>alert(1)</script> text", "safe text"),
        ("<a href=\"/about\" title=\"About\" onclick=\"x()\">About</a>", #"<a href="https://site.example/about" title="About">About</a>"#),
        ("<img src=\"pic.png\" alt=\"A &amp; B\">", #"<img alt="A &amp; B" src="https://site.example/blog/pic.png" />"#),
        ("<p>unclosed <em>emphasis", "<p>unclosed <em>emphasis</em></p>"),
        ("stray </div> end", "stray  end"),
        ("<b><i>mis</b>nested</i>", "<b><i>mis</i></b>nested"),
        ("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
        ("a < b & c > d", "a &lt; b &amp; c > d"),
        ("&copy; &#169; &#xA9; &bogus;", "&copy; &#169; &#xA9; &amp;bogus;"),
        ("&#150;", "&#x2013;"),
        ("<br/><hr>", "<br /><hr />"),
        ("<div/>x", "<div></div>x"),
        ("<p style=\"color: red; position: absolute; background-image: url(x.png)\">x</p>", #"<p style="color: red;">x</p>"#),
        ("<span style=\"color: expression(alert(1))\">x</span>", "<span>x</span>"),
        ("<a href=\"mailto:me@example.com\">mail</a>", #"<a href="mailto:me@example.com">mail</a>"#),
        ("<a href=\"ftp://files.example.com/\">f</a>", #"<a href="">f</a>"#),
        (
            "<img srcset=\"a.png 1x, https://cdn.example/b.png 2x\">",
            #"<img srcset="https://site.example/blog/a.png 1x, https://cdn.example/b.png 2x" />"#
        ),
        ("<img srcset=\"javascript:alert(1) 1x\">", "<img />"),
        ("<title>Hidden</title>Shown", "Shown"),
        ("<!-- comment -->text<!-- unclosed", "text"),
        ("  \n padded \n ", "padded"),
    ])
    func sanitizes(_ input: String, _ expected: String) {
        #expect(sanitizer.sanitize(input, baseURL: URL(string: "https://site.example/blog/post")) == expected)
    }

    @Test func keepsRelativeURLsRelativeWithoutABase() {
        #expect(sanitizer.sanitize(#"<a href="/x">x</a>"#, baseURL: nil) == #"<a href="/x">x</a>"#)
    }

    @Test func writesPlainTextWithParagraphs() {
        let html = "<h2>Title</h2><p>Caf&eacute; <b>au</b>\n  lait</p><p>Next&nbsp;one<br>line two</p><script>x()</script>"
        #expect(HTMLSanitizer.plainText(fromHTML: html) == "Title\n\nCafé au lait\n\nNext\u{A0}one\nline two")
        #expect(HTMLSanitizer.plainText(fromHTML: "  plain   text \n") == "plain text")
        #expect(HTMLSanitizer.plainText(fromHTML: "AT&amp;T <br>rocks") == "AT&T\nrocks")
        #expect(HTMLSanitizer.plainText(fromHTML: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\n\nc")
        #expect(HTMLSanitizer.plainText(fromHTML: "<div><p>nested</p></div>\n\n<div>blocks</div>") == "nested\n\nblocks")
    }

    @Test func decodesCharacterReferences() {
        #expect(HTMLCharacterReferences.decode("&lt;&amp;&gt; &eacute;&#x1F600;&#0; &unknown; &amp") == "<&> é😀\u{FFFD} &unknown; &amp")
    }
}

/// Inputs built to make a careless tokenizer quadratic or recursive.
@Suite struct HTMLSanitizerResilienceTests {
    enum PathologicalMarkup: String, CaseIterable, Sendable {
        case unterminatedAttributes, unterminatedComment, lessThanSigns, openElements, endTags, ampersands
        case manyAttributes, scripts, cdataMarkers, bogusDeclarations

        var input: String {
            switch self {
            case .unterminatedAttributes: String(repeating: "<a b='", count: 50_000)
            case .unterminatedComment: "<!--" + String(repeating: "--", count: 100_000)
            case .lessThanSigns: String(repeating: "<", count: 200_000)
            case .openElements: String(repeating: "<div>", count: 100_000)
            case .endTags: String(repeating: "</div>", count: 100_000)
            case .ampersands: String(repeating: "&", count: 200_000)
            case .manyAttributes: "<a " + String(repeating: "x=1 ", count: 100_000) + ">"
            case .scripts: String(repeating: "<script>", count: 50_000)
            case .cdataMarkers: String(repeating: "<![CDATA[", count: 50_000)
            case .bogusDeclarations: String(repeating: "<!x", count: 50_000)
            }
        }
    }

    @Test(arguments: PathologicalMarkup.allCases)
    func sanitizesPathologicalInputQuickly(_ markup: PathologicalMarkup) {
        let input = markup.input
        let start = ContinuousClock.now
        let output = HTMLSanitizer().sanitize(input, baseURL: nil)
        _ = HTMLSanitizer.plainText(fromHTML: input)
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(output.utf8.count <= 8 * input.utf8.count + 16)
    }
}
