import Foundation
import LedeHTML

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, documentBase: String?) throws(FeedParserError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: bytes), options: [.fragmentsAllowed])
        } catch {
            throw .notAFeed(reason: "it looks like JSON but does not parse as JSON")
        }
        guard let root = object as? [String: Any] else {
            throw .notAFeed(reason: "it is JSON but not a JSON object")
        }
        guard let version = root["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw .notAFeed(reason: "it is JSON without a JSON Feed \"version\"")
        }
        let format: FeedFormat = version.hasSuffix("/1") ? .jsonFeed10 : .jsonFeed11
        let feedURL = (root["feed_url"] as? String).map { URLReferenceResolver.resolve($0, against: documentBase) }
        let homePage = (root["home_page_url"] as? String).map { URLReferenceResolver.resolve($0, against: documentBase) }
        let base = feedURL ?? homePage ?? documentBase
        var links: [ParsedLink] = []
        if let homePage { links.append(ParsedLink(href: homePage, rel: "alternate", type: "text/html")) }
        if let feedURL { links.append(ParsedLink(href: feedURL, rel: "self", type: "application/feed+json")) }
        let title = (root["title"] as? String).map { ParsedText(value: $0, type: .text) }
        let subtitle = (root["description"] as? String).map { ParsedText(value: $0, type: .text) }
        var feed = ParsedFeed(
            format: format, title: title?.plainText.nilIfEmpty, titleDetail: title, link: homePage, links: links,
            subtitle: subtitle?.plainText.nilIfEmpty, subtitleDetail: subtitle, language: root["language"] as? String,
            image: url(root["icon"], base: base), icon: url(root["favicon"], base: base),
            authors: authors(in: root, base: base), encoding: "utf-8")
        for case let entry as [String: Any] in root["items"] as? [Any] ?? [] {
            feed.items.append(item(entry, base: base))
        }
        return feed
    }

    private static func item(_ entry: [String: Any], base: String?) -> ParsedItem {
        var item = ParsedItem()
        if let id = entry["id"] as? String {
            item.id = id
        } else if let number = entry["id"] as? NSNumber {
            item.id = number.stringValue
        }
        if let title = entry["title"] as? String {
            item.titleDetail = ParsedText(value: title, type: .text)
            item.title = item.titleDetail?.plainText.nilIfEmpty
        }
        if let link = url(entry["url"], base: base) {
            item.link = link
            item.links.append(ParsedLink(href: link, rel: "alternate", type: "text/html"))
        }
        if let external = url(entry["external_url"], base: base) {
            item.links.append(ParsedLink(href: external, rel: "related", type: "text/html"))
        }
        if let html = entry["content_html"] as? String {
            item.contentDetail = ParsedText(value: html, type: .html, base: base)
        } else if let text = entry["content_text"] as? String {
            item.contentDetail = ParsedText(value: text, type: .text, base: base)
        }
        if let summary = entry["summary"] as? String {
            item.summaryDetail = ParsedText(value: summary, type: .text, base: base)
        }
        item.published = (entry["date_published"] as? String).flatMap(FeedDateParser.parse)
        item.updated = (entry["date_modified"] as? String).flatMap(FeedDateParser.parse)
        item.authors = authors(in: entry, base: base)
        item.categoryDetails = (entry["tags"] as? [Any] ?? []).compactMap { ($0 as? String).map { ParsedCategory(term: $0) } }
        item.imageURL = url(entry["image"], base: base) ?? url(entry["banner_image"], base: base)
        for case let attachment as [String: Any] in entry["attachments"] as? [Any] ?? [] {
            guard let address = url(attachment["url"], base: base) else { continue }
            let type = attachment["mime_type"] as? String
            let size = (attachment["size_in_bytes"] as? NSNumber)?.intValue
            item.enclosures.append(ParsedEnclosure(url: address, type: type, length: size))
            item.links.append(ParsedLink(href: address, rel: "enclosure", type: type, length: size.map(String.init)))
        }
        return item
    }

    /// 1.1's `authors` array, or 1.0's single `author`.
    private static func authors(in object: [String: Any], base: String?) -> [ParsedAuthor] {
        var people = object["authors"] as? [Any] ?? []
        if people.isEmpty, let single = object["author"] { people = [single] }
        return people.compactMap { value -> ParsedAuthor? in
            guard let person = value as? [String: Any] else { return nil }
            let author = ParsedAuthor(name: person["name"] as? String, uri: url(person["url"], base: base))
            return author.isEmpty ? nil : author
        }
    }

    private static func url(_ value: Any?, base: String?) -> String? {
        guard let string = value as? String, !string.isEmpty else { return nil }
        return URLReferenceResolver.resolve(string, against: base)
    }
}
