import Foundation
import LedeHTML

/// Finds who wrote an article: schema.org authors, author `<meta>` tags, microdata and the
/// visible byline ("By Jane Doe and John Roe").
struct BylineFinder {
    let tree: HTMLTree
    let facts: PageFacts
    let structured: ArticleStructuredData?

    private static let authorMetaKeys = [
        "author", "article:author", "dc.creator", "dcterms.creator", "byl", "sailthru.author",
        "parsely-author", "citation_author", "twitter:creator", "cxenseparse:author",
    ]
    private static let bylinePrefixes = [
        "by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "przez ", "autor: ", "author: ",
        "text: ", "texto: ", "written by ", "posted by ", "geschrieben von ", "veröffentlicht von ",
    ]

    /// The visible byline and the list of authors.
    func find() -> (byline: String?, authors: [String]) {
        let visible = visibleByline()
        var authors = structured?.authors ?? []
        if authors.isEmpty {
            authors = facts.allMeta(BylineFinder.authorMetaKeys).filter { !$0.contains("://") && !$0.hasPrefix("@") }
        }
        if authors.isEmpty {
            authors = (facts.microdata["author"] ?? []).map(\.value)
        }
        if authors.isEmpty, let visible { authors = [visible] }
        var cleaned: [String] = []
        for author in authors.flatMap(BylineFinder.split) where !cleaned.contains(author) {
            cleaned.append(author)
        }
        return (visible ?? (cleaned.isEmpty ? nil : cleaned.joined(separator: ", ")), cleaned)
    }

    /// The text of the first short element named as a byline or author (or linked with
    /// `rel="author"`), without its "By" prefix.
    func visibleByline() -> String? {
        for node in 0..<tree.nodeCount where tree.isElement(node) {
            let isAuthorLink = tree.tag(node) == .a && tree.attribute("rel", of: node).map { Text.equals($0, "author") } == true
            guard isAuthorLink || BylineFinder.isNamedAsByline(tree, node), tree.subtreeEnd(node) - node < 20 else {
                continue
            }
            let text = BylineFinder.strippingPrefix(Text.normalized(tree.textContent(of: node)))
            if text.count >= 3, text.count <= 80, DateParser.parse(text) == nil || text.count > 25,
                text.contains(where: \.isLetter)
            {
                return text
            }
        }
        return nil
    }

    private static func isNamedAsByline(_ tree: HTMLTree, _ node: Int) -> Bool {
        for attribute in tree.attributes(of: node) {
            switch attribute.name {
            case "class", "id":
                let value = attribute.value
                if Text.contains(value, "byline") || Text.contains(value, "author-name")
                    || Text.contains(value, "authorname")
                {
                    return true
                }
                if Text.contains(value, "author") {
                    let words = value.lowercased().split(separator: " ")
                    if words.contains("author") { return true }
                }
            case "itemprop":
                if Text.equals(attribute.value, "author") { return true }
            default:
                break
            }
        }
        return false
    }

    static func strippingPrefix(_ text: String) -> String {
        let lowered = text.lowercased()
        for prefix in bylinePrefixes where lowered.hasPrefix(prefix) {
            return Text.trimmed(String(text.dropFirst(prefix.count)))
        }
        return text
    }

    /// "Jane Doe and John Roe" → two names; "Doe, Jane" stays one.
    static func split(_ names: String) -> [String] {
        var parts = [strippingPrefix(Text.normalized(names))]
        for separator in [" and ", " und ", " & ", " et ", " y ", " e ", "; ", " | "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        let commaParts = parts.flatMap { $0.components(separatedBy: ", ") }
        if commaParts.count > parts.count, commaParts.allSatisfy({ $0.split(separator: " ").count >= 2 }) {
            parts = commaParts
        }
        return parts.map(Text.trimmed)
            .filter { !$0.isEmpty && $0.count <= 80 && !$0.contains("://") }
    }
}
