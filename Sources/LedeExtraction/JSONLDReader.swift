import Foundation

/// Reads schema.org JSON-LD blocks into `ArticleStructuredData`: the first object typed as an
/// article (`NewsArticle`, `BlogPosting`, `Report`, …), looked for through arrays, `@graph`
/// and nested objects. Tolerates the usual damage (HTML comments, CDATA wrappers, raw line
/// breaks in strings).
enum JSONLDReader {
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle",
        "livebloggposting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
        "socialmediaposting", "discussionforumposting", "posting", "medicalscholarlyarticle", "review",
        "recipe", "howto", "satiricalarticle", "advertisercontentarticle",
    ]

    struct Result {
        var article: ArticleStructuredData?
        /// The article's `articleBody`, its text as the page states it.
        var body: String?
        /// The publication and modification dates of a `WebPage` object, as a fallback.
        var pageDates: (published: String?, modified: String?)
    }

    /// The article facts of a page's JSON-LD blocks.
    static func read(_ blocks: [String]) -> Result {
        var article: ArticleStructuredData?
        var body: String?
        var pagePublished: String?
        var pageModified: String?
        for block in blocks {
            guard let root = parse(block) else { continue }
            var pending: [Any] = [root]
            var visited = 0
            while let value = pending.popLast(), visited < 2000 {
                visited += 1
                if let array = value as? [Any] {
                    pending.append(contentsOf: array.reversed())
                    continue
                }
                guard let object = value as? [String: Any] else { continue }
                let types = typeNames(object["@type"])
                if article == nil, types.contains(where: { articleTypes.contains($0) }) {
                    article = structuredData(object, type: typeName(object["@type"]) ?? "Article")
                    body = object["articleBody"] as? String
                } else if types.contains(where: { $0.hasSuffix("page") }) {
                    pagePublished = pagePublished ?? string(object["datePublished"])
                    pageModified = pageModified ?? string(object["dateModified"])
                }
                for key in ["@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "subjectOf"] {
                    if let nested = object[key] { pending.append(nested) }
                }
            }
        }
        return Result(article: article, body: body, pageDates: (pagePublished, pageModified))
    }

    private static func parse(_ block: String) -> Any? {
        var text = Text.trimmed(block)
        if Text.contains(text, "<!--") || Text.contains(text, "cdata") {
            for wrapper in ["<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"] {
                text = text.replacingOccurrences(of: wrapper, with: "")
            }
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
            return object
        }
        // Raw control characters inside strings are the commonest damage.
        let repaired = String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return try? JSONSerialization.jsonObject(with: Data(repaired.utf8), options: [.fragmentsAllowed])
    }

    private static func structuredData(_ object: [String: Any], type: String) -> ArticleStructuredData {
        var data = ArticleStructuredData(type: type)
        data.headline = string(object["headline"]) ?? string(object["name"])
        data.description = string(object["description"])
        let authors = names(object["author"])
        data.authors = authors.isEmpty ? names(object["creator"]) : authors
        data.publisher = names(object["publisher"]).first
        data.datePublished = string(object["datePublished"]) ?? string(object["dateCreated"])
        data.dateModified = string(object["dateModified"])
        data.image = url(object["image"]) ?? url(object["thumbnailUrl"])
        data.section = string(object["articleSection"]) ?? (object["articleSection"] as? [Any]).flatMap { string($0.first) }
        data.keywords = keywords(object["keywords"])
        data.language = string(object["inLanguage"]) ?? names(object["inLanguage"]).first
        data.url = string(object["url"]) ?? url(object["mainEntityOfPage"])
        if let free = object["isAccessibleForFree"] {
            if let flag = free as? Bool {
                data.isAccessibleForFree = flag
            } else if let text = string(free) {
                data.isAccessibleForFree = text.lowercased() == "true"
            }
        }
        return data
    }

    static func typeNames(_ value: Any?) -> [String] {
        if let single = value as? String { return [single.lowercased()] }
        if let list = value as? [Any] { return list.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func typeName(_ value: Any?) -> String? {
        if let single = value as? String { return single }
        return (value as? [Any])?.compactMap { $0 as? String }.first
    }

    static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let normalized = Text.normalized(text)
            return normalized.isEmpty ? nil : normalized
        }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// Names from a string, a `Person`/`Organization` object or a list of either.
    static func names(_ value: Any?) -> [String] {
        if let text = string(value) { return [text] }
        if let object = value as? [String: Any] {
            if let name = string(object["name"]) { return [name] }
            let parts = [string(object["givenName"]), string(object["familyName"])].compactMap { $0 }
            return parts.isEmpty ? [] : [parts.joined(separator: " ")]
        }
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        return []
    }

    /// A URL from a string, an `ImageObject`/`WebPage` object or the first of a list.
    static func url(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        if let object = value as? [String: Any] {
            return string(object["url"]) ?? string(object["contentUrl"]) ?? string(object["@id"])
        }
        if let list = value as? [Any] { return list.lazy.compactMap { url($0) }.first }
        return nil
    }

    private static func keywords(_ value: Any?) -> [String] {
        if let text = string(value) {
            return text.split(separator: ",").map { Text.normalized(String($0)) }.filter { !$0.isEmpty }
        }
        if let list = value as? [Any] { return list.compactMap { string($0) } }
        return []
    }
}
