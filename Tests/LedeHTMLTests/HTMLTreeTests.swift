import Foundation
import Testing

@testable import LedeHTML

@Suite struct HTMLTreeTests {
    @Test func buildsElementsTextAndAttributesInDocumentOrder() throws {
        let tree = HTMLTree(html: "<html><body><div id=a class='x y'><p>One <b>two</b></p><p>three &amp; four</p></div></body></html>")
        let div = try #require(tree.firstElement(.div))
        #expect(tree.attribute("id", of: div) == "a")
        #expect(tree.attribute("class", of: div) == "x y")
        let paragraphs = tree.elements(.p)
        #expect(paragraphs.count == 2)
        #expect(tree.children(of: div).map { tree.tag($0) } == [.p, .p])
        #expect(tree.textContent(of: paragraphs[0]) == "One two")
        #expect(tree.textContent(of: paragraphs[1]) == "three & four")
        #expect(tree.parent(of: paragraphs[0]) == div)
        #expect(tree.contains(div, paragraphs[1]))
    }

    @Test func repairsMalformedMarkup() {
        let tree = HTMLTree(html: "<div><p>open paragraph<p>second</b></i><ul><li>one<li>two</ul></span></div></div><p>after")
        #expect(tree.elements(.p).count == 3)
        #expect(tree.elements(.li).count == 2)
        #expect(tree.textContent(of: HTMLTree.documentNode).contains("after"))
    }

    @Test func keepsJSONLDButNotOtherScripts() {
        let tree = HTMLTree(html: """
            <head><script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script>var secret = 1;</script><style>p{}</style></head><body><p>x</p></body>
            """)
        let scripts = tree.elements(.script)
        #expect(scripts.count == 2)
        #expect(tree.textContent(of: scripts[0]).contains("NewsArticle"))
        #expect(tree.textContent(of: scripts[1]).isEmpty)
        #expect(tree.textContent(of: tree.elements(.style)[0]).isEmpty)
    }

    @Test func keepsUnknownElementNames() throws {
        let tree = HTMLTree(html: "<body><amp-img src=a.jpg></amp-img></body>")
        let element = try #require((0..<tree.nodeCount).first { tree.tag($0) == .other })
        #expect(tree.name(of: element) == "amp-img")
    }

    @Test func emptyInputGivesAnEmptyTree() {
        let tree = HTMLTree(bytes: [UInt8]())
        #expect(tree.nodeCount == 1)
        #expect(tree.firstElement(.body) == nil)
    }

    @Test func veryDeepNestingIsFlattenedWithoutLosingText() {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth) + "<p>after</p></body></html>"
        let start = ContinuousClock.now
        let tree = HTMLTree(html: html)
        #expect(ContinuousClock.now - start < .seconds(10))
        let deepest = (0..<tree.nodeCount).map { tree.depth(of: $0) }.max() ?? 0
        #expect(deepest <= HTMLTreeBuilder.maximumDepth + 1)
        #expect(tree.textContent(of: HTMLTree.documentNode).contains("deep text"))
        #expect(tree.textContent(of: HTMLTree.documentNode).contains("after"))
    }

    @Test func tenMegabytePageParsesInBoundedTime() {
        let paragraph = "<p>" + String(repeating: "word ", count: 200) + "</p>\n"
        let html = "<html><body>" + String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count) + "</body></html>"
        let start = ContinuousClock.now
        let tree = HTMLTree(html: html)
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(tree.elements(.p).count > 9_000)
    }

    @Test func htmlDocumentDetectsCharsetWhenNotGiven() throws {
        let document = HTMLDocument(bytes: HTMLCharsetTests.cafeLatin1)
        let paragraph = try #require(document.root?.firstDescendant(named: "p"))
        #expect(paragraph.textContent == "Café")
    }
}
