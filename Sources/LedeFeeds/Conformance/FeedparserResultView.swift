import Foundation
import LedeHTML

/// A `ParsedFeed` seen through the result paths of the Python feedparser (`feed.title`,
/// `entries.0.links.1.href`, `entries.0.summary_detail.base`…), so that feedparser's test
/// suite can be run against Lede.
///
/// Text constructs are given as feedparser gives them: markup sanitized (with `HTMLSanitizer`,
/// against the construct's base, as feedparser sanitizes and resolves it), plain text as is.
/// Paths for data Lede deliberately does not keep answer `.notCarried` with the reason.
public struct FeedparserResultView {
    public enum Value: Equatable, Sendable {
        case string(String)
        case date(Date)
        /// The path names something Lede keeps, but this feed does not have it.
        case missing
        /// The path names something Lede does not keep.
        case notCarried(reason: String)
    }

    public let feed: ParsedFeed?
    private let sanitizer = HTMLSanitizer()

    /// - Parameter feed: the parsed feed, or `nil` when `FeedParser` threw.
    public init(feed: ParsedFeed?) {
        self.feed = feed
    }

    /// feedparser's "bozo" flag: the document was not a well-formed feed.
    public var bozo: Bool { feed?.isWellFormed != true }

    public func value(at path: String) -> Value {
        var parts = path.split(separator: ".").map(String.init)[...]
        guard let head = parts.popFirst() else { return .missing }
        guard let feed else { return .missing }
        switch head {
        case "feed", "channel":
            return feedValue(feed, parts)
        case "entries", "items":
            guard let index = parts.popFirst().flatMap({ Int($0) }) else { return .missing }
            guard index < feed.items.count else { return .missing }
            return itemValue(feed.items[index], parts)
        case "version", "encoding", "headers", "namespaces", "href", "status", "etag", "modified":
            return .notCarried(reason: NotCarried.documentMetadata)
        default:
            return .missing
        }
    }

    // MARK: - Feed

    private func feedValue(_ feed: ParsedFeed, _ path: ArraySlice<String>) -> Value {
        var parts = path
        guard let key = parts.popFirst() else { return .missing }
        switch key {
        case "title": return text(feed.titleDetail, parts, field: key)
        case "title_detail": return detail(feed.titleDetail, parts)
        case "subtitle", "tagline", "description": return text(feed.subtitleDetail, parts, field: key)
        case "subtitle_detail", "tagline_detail", "description_detail": return detail(feed.subtitleDetail, parts)
        case "rights", "copyright": return text(feed.rights, parts, field: key)
        case "rights_detail", "copyright_detail": return detail(feed.rights, parts)
        case "info": return text(feed.info, parts, field: key)
        case "info_detail": return detail(feed.info, parts)
        case "link": return string(feed.link)
        case "links": return links(feed.links, parts)
        case "language": return string(feed.language)
        case "image":
            guard let field = parts.popFirst() else { return .missing }
            return field == "href" || field == "url" ? string(feed.image) : .notCarried(reason: NotCarried.imageDetails)
        case "icon": return string(feed.icon)
        case "logo": return string(feed.logo)
        case "updated", "modified", "date": return date(feed.updated)
        case "published", "issued": return date(feed.published)
        case "id", "guid": return string(feed.id)
        case "generator": return string(feed.generator?.name)
        case "generator_detail":
            switch parts.popFirst() {
            case "name": return string(feed.generator?.name)
            case "href", "url": return string(feed.generator?.uri)
            case "version": return string(feed.generator?.version)
            default: return .missing
            }
        case "author": return string(feed.authors.first?.displayName)
        case "author_detail": return person(feed.authors.first, parts)
        case "authors": return people(feed.authors, parts)
        case "contributors": return people(feed.contributors, parts)
        case "publisher": return string(feed.publisher?.displayName)
        case "publisher_detail": return person(feed.publisher, parts)
        case "tags": return categories(feed.categoryDetails, parts)
        case "category": return string(feed.categoryDetails.first?.term)
        default: return .notCarried(reason: NotCarried.reason(for: key))
        }
    }

    // MARK: - Items

    private func itemValue(_ item: ParsedItem, _ path: ArraySlice<String>) -> Value {
        var parts = path
        guard let key = parts.popFirst() else { return .missing }
        switch key {
        case "id", "guid": return string(item.id)
        case "title": return text(item.titleDetail, parts, field: key)
        case "title_detail": return detail(item.titleDetail, parts)
        case "link": return string(item.link)
        case "links": return links(item.links, parts)
        case "summary", "description": return text(summaryDetail(of: item), parts, field: key)
        case "summary_detail", "description_detail": return detail(summaryDetail(of: item), parts)
        case "content":
            guard let index = parts.popFirst().flatMap({ Int($0) }) else { return .missing }
            if parts.first == "src" { return .notCarried(reason: NotCarried.contentSource) }
            guard index == 0, let content = item.contentDetail else { return .missing }
            return detail(content, parts)
        case "rights", "copyright": return text(item.rights, parts, field: key)
        case "rights_detail", "copyright_detail": return detail(item.rights, parts)
        case "published", "issued": return date(item.published)
        // feedparser answers `updated` with `published` when an item has only the latter.
        case "updated", "modified", "date": return date(item.updated ?? item.published)
        case "author": return string(item.authors.first?.displayName)
        case "author_detail": return person(item.authors.first, parts)
        case "authors": return people(item.authors, parts)
        case "contributors": return people(item.contributors, parts)
        case "tags": return categories(item.categoryDetails, parts)
        case "category": return string(item.categoryDetails.first?.term)
        case "enclosures":
            guard let index = parts.popFirst().flatMap({ Int($0) }) else { return .missing }
            guard index < item.enclosures.count else { return .missing }
            let enclosure = item.enclosures[index]
            switch parts.popFirst() {
            case "href", "url": return .string(enclosure.url)
            case "type": return string(enclosure.type)
            case "length": return string(enclosure.length.map(String.init))
            default: return .missing
            }
        case "image":
            return parts.first == "href" ? string(item.imageURL) : .notCarried(reason: NotCarried.imageDetails)
        case "comments": return string(item.commentsURL)
        case "source": return sourceValue(item.source, parts)
        default: return .notCarried(reason: NotCarried.reason(for: key))
        }
    }

    /// feedparser copies an item's first content into its summary when there is none.
    private func summaryDetail(of item: ParsedItem) -> ParsedText? {
        item.summaryDetail ?? item.contentDetail
    }

    private func sourceValue(_ source: ParsedSource?, _ path: ArraySlice<String>) -> Value {
        var parts = path
        guard let key = parts.popFirst() else { return .missing }
        guard let source else { return .missing }
        switch key {
        case "title": return text(source.titleDetail, parts, field: key)
        case "title_detail": return detail(source.titleDetail, parts)
        case "subtitle": return text(source.subtitleDetail, parts, field: key)
        case "subtitle_detail": return detail(source.subtitleDetail, parts)
        case "rights": return text(source.rights, parts, field: key)
        case "rights_detail": return detail(source.rights, parts)
        case "link": return string(source.link)
        case "href", "url": return string(source.feedURL)
        case "links": return links(source.links, parts)
        case "id": return string(source.id)
        case "updated": return date(source.updated)
        case "icon": return string(source.icon)
        case "logo": return string(source.logo)
        case "author": return string(source.authors.first?.displayName)
        case "author_detail": return person(source.authors.first, parts)
        case "authors": return people(source.authors, parts)
        case "contributors": return people(source.contributors, parts)
        case "tags": return categories(source.categories, parts)
        case "generator": return string(source.generator?.name)
        case "generator_detail":
            switch parts.popFirst() {
            case "name": return string(source.generator?.name)
            case "href", "url": return string(source.generator?.uri)
            case "version": return string(source.generator?.version)
            default: return .missing
            }
        default: return .notCarried(reason: NotCarried.reason(for: key))
        }
    }

    // MARK: - Shapes

    private func text(_ construct: ParsedText?, _ rest: ArraySlice<String>, field: String) -> Value {
        guard rest.isEmpty else { return .missing }
        guard let construct else { return .missing }
        return .string(feedparserValue(construct))
    }

    /// The value feedparser gives a text construct: markup sanitized, plain text untouched.
    public func feedparserValue(_ construct: ParsedText) -> String {
        switch construct.type {
        case .text: construct.value
        case .html, .xhtml: sanitizer.sanitize(construct.value, base: construct.base)
        }
    }

    private func detail(_ construct: ParsedText?, _ path: ArraySlice<String>) -> Value {
        guard let construct else { return .missing }
        switch path.first {
        case "value": return .string(feedparserValue(construct))
        case "type":
            switch construct.type {
            case .text: return .string("text/plain")
            case .html: return .string("text/html")
            case .xhtml: return .string("application/xhtml+xml")
            }
        case "language": return string(construct.language)
        case "base": return string(construct.base)
        case "src": return .notCarried(reason: NotCarried.contentSource)
        default: return .missing
        }
    }

    private func links(_ links: [ParsedLink], _ path: ArraySlice<String>) -> Value {
        var parts = path
        guard let index = parts.popFirst().flatMap({ Int($0) }), index < links.count else { return .missing }
        let link = links[index]
        switch parts.popFirst() {
        case "href", "url": return .string(link.href)
        case "rel": return .string(link.rel)
        case "type": return string(link.type)
        case "title": return string(link.title)
        case "length": return string(link.length)
        case "hreflang": return string(link.hreflang)
        default: return .missing
        }
    }

    private func people(_ people: [ParsedAuthor], _ path: ArraySlice<String>) -> Value {
        var parts = path
        guard let index = parts.popFirst().flatMap({ Int($0) }), index < people.count else { return .missing }
        return person(people[index], parts)
    }

    private func person(_ person: ParsedAuthor?, _ path: ArraySlice<String>) -> Value {
        guard let person else { return .missing }
        switch path.first {
        case "name": return string(person.name)
        case "email": return string(person.email)
        case "href", "url", "uri": return string(person.uri)
        default: return .missing
        }
    }

    private func categories(_ categories: [ParsedCategory], _ path: ArraySlice<String>) -> Value {
        var parts = path
        guard let index = parts.popFirst().flatMap({ Int($0) }), index < categories.count else { return .missing }
        let category = categories[index]
        switch parts.popFirst() {
        case "term": return string(category.term)
        case "scheme": return string(category.scheme)
        case "label": return string(category.label)
        default: return .missing
        }
    }

    private func string(_ value: String?) -> Value {
        value.map(Value.string) ?? .missing
    }

    private func date(_ value: Date?) -> Value {
        value.map(Value.date) ?? .missing
    }
}
