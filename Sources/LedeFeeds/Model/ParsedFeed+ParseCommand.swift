import Foundation

extension ParsedFeed {
    /// The JSON `lede parse` prints:
    /// `{"title", "link", "language", "items": [{"id", "title", "link", "published", "updated",
    /// "author", "summary", "content"}]}`, keys in that order, dates in ISO 8601 UTC, `null`
    /// where a value is absent. Summary and content are HTML as the feed gave it (not sanitized).
    public func parseCommandJSON() -> Data {
        let json = JSONWriter()
        json.object {
            json.field("title", title)
            json.field("link", link)
            json.field("language", language)
            json.key("items")
            json.array(items) { item in
                json.object {
                    json.field("id", item.id)
                    json.field("title", item.title)
                    json.field("link", item.link)
                    json.field("published", item.published.map(DateWriting.iso8601))
                    json.field("updated", item.updated.map(DateWriting.iso8601))
                    json.field("author", item.authors.first.flatMap { $0.name ?? $0.email })
                    json.field("summary", item.summary)
                    json.field("content", item.content)
                }
            }
        }
        return Data(json.output.utf8)
    }
}
