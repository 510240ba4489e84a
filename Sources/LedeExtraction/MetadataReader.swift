import Foundation
import LedeHTML

/// Fills an article's metadata from what the page states: schema.org JSON-LD first, then
/// Open Graph and other `<meta>` tags, microdata, `<link>` relations and the markup itself.
struct MetadataReader {
    let tree: HTMLTree
    let url: URL?
    let facts: PageFacts
    let schema: JSONLDReader.Result

    func read(into article: inout ExtractedArticle, mainText: Substring) {
        let structured = schema.article
        let pageDates = schema.pageDates
        article.structuredData = structured

        article.siteName = facts.firstMeta(["og:site_name", "application-name", "al:ios:app_name"])
            ?? structured?.publisher
        article.title = cleanTitle(
            structured?.headline ?? facts.firstMeta(["og:title", "twitter:title", "dc.title", "title"])
                ?? headlineText() ?? facts.title,
            siteName: article.siteName)
        article.description =
            facts.firstMeta(["og:description", "description", "twitter:description", "dc.description"])
            ?? structured?.description
        article.image = absolute(
            facts.firstMeta([
                "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
                "thumbnail", "thumbnailurl",
            ]) ?? structured?.image ?? facts.links["image_src"]?.first)
        article.canonicalURL = absolute(facts.links["canonical"]?.first ?? facts.firstMeta(["og:url"]) ?? structured?.url)
        article.tags = tags(facts, structured)
        article.language = language(facts, structured, mainText: mainText)

        let byline = BylineFinder(tree: tree, facts: facts, structured: structured).find()
        article.byline = byline.byline
        article.authors = byline.authors

        let dayFirst = !(article.language == "en" && !(facts.htmlLanguage?.lowercased().contains("gb") ?? false))
        let dates = PublicationDateFinder(
            tree: tree, facts: facts, structured: structured, pageDates: pageDates, url: url, dayFirst: dayFirst)
        let published = dates.published()
        article.published = published?.date
        article.publishedDay = published?.dayString
        article.modified = dates.modified()?.date
    }

    private func headlineText() -> String? {
        guard let heading = tree.firstElement(.h1) else { return nil }
        let text = Text.normalized(tree.textContent(of: heading))
        return text.isEmpty ? nil : text
    }

    /// Drops the site name that titles often carry ("Headline | Site", "Site - Headline").
    private func cleanTitle(_ raw: String?, siteName: String?) -> String? {
        guard let raw else { return nil }
        let title = Text.normalized(raw)
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " » "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            if let siteName = siteName?.lowercased() {
                let kept = parts.filter { $0.lowercased() != siteName && !siteName.contains($0.lowercased()) }
                if kept.count < parts.count, !kept.isEmpty { return kept.joined(separator: separator) }
            }
            // Without a known site name, a short last part is the site's.
            if let last = parts.last, last.count * 3 < title.count, parts.count == 2 {
                return parts[0]
            }
        }
        return title.isEmpty ? nil : title
    }

    private func absolute(_ reference: String?) -> String? {
        guard let reference = reference.map(Text.trimmed), !reference.isEmpty else { return nil }
        let escaped = reference.utf8.contains(0x20) ? reference.replacingOccurrences(of: " ", with: "%20") : reference
        guard let resolved = URL(string: escaped, relativeTo: url)?.absoluteURL,
            let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return resolved.absoluteString
    }

    private func tags(_ facts: PageFacts, _ structured: ArticleStructuredData?) -> [String] {
        var found: [String] = facts.allMeta(["article:tag", "og:article:tag", "parsely-tags"])
        for value in facts.allMeta(["news_keywords", "keywords"]) {
            found += value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0) }
        }
        found += structured?.keywords ?? []
        var seen: Set<String> = []
        var result: [String] = []
        for tag in found {
            let cleaned = Text.normalized(tag)
            guard !cleaned.isEmpty, cleaned.count <= 60, seen.insert(cleaned.lowercased()).inserted else { continue }
            result.append(cleaned)
            if result.count == 30 { break }
        }
        return result
    }

    private func language(_ facts: PageFacts, _ structured: ArticleStructuredData?, mainText: Substring) -> String? {
        let declared =
            facts.htmlLanguage ?? facts.firstMeta(["content-language", "language", "dc.language", "og:locale"])
            ?? structured?.language
        if let declared {
            let primary = declared.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "," || $0 == " " }).first
                .map { $0.lowercased() }
            if let primary, (2...3).contains(primary.count), primary.allSatisfy(\.isLetter) { return primary }
        }
        return LanguageGuesser.guess(mainText)
    }
}
