import Foundation
import LedeHTML

/// Finds when an article was published and last modified, from the most to the least
/// deliberate evidence: a full date in the address, schema.org JSON-LD, publication
/// `<meta>` tags, microdata and `<time>` elements, then date lines near the headline.
struct PublicationDateFinder {
    let tree: HTMLTree
    let facts: PageFacts
    let structured: ArticleStructuredData?
    let pageDates: (published: String?, modified: String?)
    let url: URL?
    let dayFirst: Bool

    static let publishedMetaKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
        "published-date", "publication_date", "publication-date", "sailthru.date", "parsely-pub-date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "citation_publication_date",
        "citation_date", "citation_online_date", "article.published", "cxenseparse:recs:publishtime",
        "originalpublicationdate", "date_published", "article_date_original", "date.release", "release_date",
        "dc.date", "dcterms.date", "date", "datecreated", "created", "og:pubdate", "bt:pubdate",
        "article:post_date", "displaydate", "content_create_date", "publication-date",
    ]
    static let modifiedMetaKeys = [
        "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
        "datemodified", "dateupdated", "last-modified", "lastmod", "modified", "dc.date.modified",
        "dcterms.modified", "updated_time", "article.updated", "revised",
    ]

    func published() -> PageDate? {
        if let fromAddress = addressDate() { return fromAddress }
        if let value = structured?.datePublished, let date = DateParser.parse(value, dayFirst: dayFirst) {
            return date
        }
        for key in PublicationDateFinder.publishedMetaKeys {
            for value in facts.meta[key] ?? [] {
                if let date = DateParser.parse(value, dayFirst: dayFirst) { return date }
            }
        }
        for entry in facts.microdata["datepublished"] ?? [] {
            if let date = DateParser.parse(entry.value, dayFirst: dayFirst) { return date }
        }
        for time in facts.times where time.isPublication {
            if let date = DateParser.parse(time.value, dayFirst: dayFirst) { return date }
        }
        if let value = pageDates.published, let date = DateParser.parse(value, dayFirst: dayFirst) {
            return date
        }
        if let date = dateNearHeadline() { return date }
        return modified()
    }

    func modified() -> PageDate? {
        if let value = structured?.dateModified, let date = DateParser.parse(value, dayFirst: dayFirst) {
            return date
        }
        for key in PublicationDateFinder.modifiedMetaKeys {
            for value in facts.meta[key] ?? [] {
                if let date = DateParser.parse(value, dayFirst: dayFirst) { return date }
            }
        }
        for entry in facts.microdata["datemodified"] ?? [] {
            if let date = DateParser.parse(entry.value, dayFirst: dayFirst) { return date }
        }
        if let value = pageDates.modified { return DateParser.parse(value, dayFirst: dayFirst) }
        return nil
    }

    /// `/2016/12/23/`, `/2016-12-23-`, `/20161223/` in the path: set when the article was
    /// filed, so the most dependable evidence there is.
    func addressDate() -> PageDate? {
        guard let path = url?.path, !path.isEmpty else { return nil }
        let separators: Set<Character> = ["/", "-", "_", "."]
        let characters = Array(path)
        for start in characters.indices where separators.contains(characters[start]) {
            // The run of digits and separators after this separator.
            var end = start + 1
            while end < characters.count, end - start <= 11,
                characters[end].isASCII && (characters[end].isNumber || separators.contains(characters[end]))
            {
                end += 1
            }
            let run = characters[(start + 1)..<end]
            let parts = run.split(whereSeparator: { separators.contains($0) }).map { String($0) }
            guard let first = parts.first, run.first?.isNumber == true else { continue }
            if parts.count >= 3, first.count == 4, parts[1].count <= 2, parts[2].count <= 2,
                let year = Int(first), let month = Int(parts[1]), let day = Int(parts[2]),
                let date = PageDate(year: year, month: month, day: day)
            {
                return date
            }
            if first.count == 8, let value = Int(first),
                let date = PageDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
            {
                return date
            }
        }
        return nil
    }

    /// A date in a short element named for dates (`class="date"`, `published`, `byline`,
    /// `meta`) or a `<time>`/`<abbr>`, preferring the first one after the headline.
    func dateNearHeadline() -> PageDate? {
        let headline = tree.firstElement(.h1)
        var firstAnywhere: PageDate?
        var node = 1
        let end = tree.nodeCount
        while node < end {
            let tag = tree.tag(node)
            if tag == .text || tag == .script || tag == .style || tag == .head || tag == .nav || tag == .footer {
                node = tag == .text ? node + 1 : tree.subtreeEnd(node)
                continue
            }
            var candidate: String?
            if tag == .time || tag == .abbr {
                candidate = tree.attribute("datetime", of: node) ?? tree.attribute("title", of: node)
                if candidate.map({ DateParser.parse($0, dayFirst: dayFirst) == nil }) ?? true {
                    candidate = Text.normalized(tree.textContent(of: node))
                }
            } else if PublicationDateFinder.isNamedForDates(tree, node), tree.subtreeEnd(node) - node < 30 {
                candidate = Text.normalized(tree.textContent(of: node))
            }
            if let candidate, candidate.count <= 120, let date = DateParser.parse(candidate, dayFirst: dayFirst) {
                if let headline, node > headline { return date }
                if firstAnywhere == nil { firstAnywhere = date }
            }
            node += 1
        }
        return firstAnywhere
    }

    static func isNamedForDates(_ tree: HTMLTree, _ node: Int) -> Bool {
        for attribute in tree.attributes(of: node) where attribute.name == "class" || attribute.name == "id" {
            let value = attribute.value
            if Text.contains(value, "date") || Text.contains(value, "time") || Text.contains(value, "publi")
                || Text.contains(value, "posted") || Text.contains(value, "byline") || Text.contains(value, "datum")
                || Text.contains(value, "fecha") || Text.contains(value, "meta") || Text.contains(value, "info")
                || Text.contains(value, "zeit")
            {
                return true
            }
        }
        return false
    }
}
