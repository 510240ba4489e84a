import Foundation

/// A feed's (or an item's source feed's) description while it is being read.
struct HeaderFields {
    var title: ParsedText?
    var titleDepth = Int.max
    var link: String?
    var links: [ParsedLink] = []
    var subtitle: ParsedText?
    var language: String?
    var image: String?
    var icon: String?
    var logo: String?
    var updated: Date?
    var published: Date?
    var id: String?
    var rights: ParsedText?
    var info: ParsedText?
    var generator: ParsedGenerator?
    var authors: [ParsedAuthor] = []
    var contributors: [ParsedAuthor] = []
    var publisher: ParsedAuthor?
    var categories: [ParsedCategory] = []
    /// RSS `<source url="…">`.
    var feedURL: String?

    func feed(format: FeedFormat, encoding: String, issue: String?) -> ParsedFeed {
        ParsedFeed(
            format: format, title: title?.plainText.nilIfEmpty, titleDetail: title, link: link, links: links,
            subtitle: subtitle?.plainText.nilIfEmpty, subtitleDetail: subtitle, language: language, image: image,
            icon: icon, logo: logo, updated: updated, published: published, id: id, rights: rights, info: info,
            generator: generator, authors: authors.filter { !$0.isEmpty },
            contributors: contributors.filter { !$0.isEmpty }, publisher: publisher.flatMap { $0.isEmpty ? nil : $0 },
            categoryDetails: categories, encoding: encoding, isWellFormed: issue == nil, parseIssue: issue)
    }

    var source: ParsedSource {
        ParsedSource(
            id: id, title: title?.plainText.nilIfEmpty, titleDetail: title, link: link, links: links,
            subtitleDetail: subtitle, rights: rights, updated: updated, authors: authors.filter { !$0.isEmpty },
            contributors: contributors.filter { !$0.isEmpty }, generator: generator, icon: icon, logo: logo,
            categories: categories, feedURL: feedURL)
    }
}
