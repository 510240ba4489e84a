import Foundation

/// An item while it is being read.
struct ItemFields {
    var id: String?
    var idDepth = Int.max
    var title: ParsedText?
    var titleDepth = Int.max
    var link: String?
    /// A link taken from a permalink guid, used only when the item has no link of its own.
    var permalink: String?
    var links: [ParsedLink] = []
    var published: Date?
    var updated: Date?
    var authors: [ParsedAuthor] = []
    var contributors: [ParsedAuthor] = []
    var summary: ParsedText?
    var summaryDepth = Int.max
    var content: ParsedText?
    /// Set once a content element has started; a second description is content only before.
    var hasContent = false
    var categories: [ParsedCategory] = []
    var enclosures: [ParsedEnclosure] = []
    var media: [ParsedEnclosure] = []
    var thumbnail: String?
    var image: String?
    var rights: ParsedText?
    var comments: String?
    var language: String?
    var source: ParsedSource?

    var item: ParsedItem {
        ParsedItem(
            id: id, title: title?.plainText.nilIfEmpty, titleDetail: title, link: link ?? permalink, links: links,
            published: published, updated: updated, authors: authors.filter { !$0.isEmpty },
            contributors: contributors.filter { !$0.isEmpty }, summaryDetail: summary, contentDetail: content,
            categoryDetails: categories, enclosures: enclosures, media: media,
            imageURL: thumbnail ?? media.first(where: { $0.type?.hasPrefix("image/") == true })?.url ?? image,
            rights: rights, commentsURL: comments, source: source)
    }
}
