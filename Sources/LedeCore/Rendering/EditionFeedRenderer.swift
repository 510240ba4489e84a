import Foundation

/// Editions as feeds any feed reader can follow: Atom 1.0 and JSON Feed 1.1, one entry per
/// story of each edition given (latest first).
public struct EditionFeedRenderer: Sendable {
    /// The feed's own address.
    public var feedURL: String
    /// Where a reader can open an edition (the web app), if anywhere.
    public var siteURL: String?
    public var title: String

    public init(feedURL: String, siteURL: String?, title: String = "Lede briefing") {
        self.feedURL = feedURL
        self.siteURL = siteURL
        self.title = title
    }

    public func atom(_ editions: [Briefing]) -> String {
        let html = HTMLRenderer()
        let updated = editions.first.map { Self.timestamp($0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(html.escape(title))</title>
            <id>\(html.escape(feedURL))</id>
            <link rel="self" href="\(html.escape(feedURL))"/>

            """
        if let siteURL { xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(html.escape(siteURL))\"/>\n" }
        xml += "<updated>\(updated)</updated>\n<author><name>Lede</name></author>\n<generator>Lede</generator>\n"
        for edition in editions {
            for story in edition.stories {
                xml += "<entry>\n<id>\(html.escape(entryID(edition, story)))</id>\n<title>\(html.escape(story.headline))</title>\n"
                xml += "<updated>\(Self.timestamp(edition.date))</updated>\n"
                if let first = story.sources.first { xml += "<link rel=\"alternate\" href=\"\(html.escape(first.url))\"/>\n" }
                xml += "<summary>\(html.escape(story.keyPoints.joined(separator: " ")))</summary>\n"
                xml += "<content type=\"html\">\(html.escape(html.article(story)))</content>\n</entry>\n"
            }
        }
        return xml + "</feed>\n"
    }

    public func jsonFeed(_ editions: [Briefing]) -> String {
        let html = HTMLRenderer()
        var items: [[String: Any]] = []
        for edition in editions {
            for story in edition.stories {
                var item: [String: Any] = [
                    "id": entryID(edition, story), "title": story.headline, "content_html": html.article(story),
                    "summary": story.keyPoints.joined(separator: " "), "date_published": Self.timestamp(edition.date),
                    "tags": [edition.profile],
                ]
                if let first = story.sources.first { item["url"] = first.url }
                items.append(item)
            }
        }
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1", "title": title, "feed_url": feedURL, "items": items,
            "authors": [["name": "Lede"]],
        ]
        if let siteURL { feed["home_page_url"] = siteURL }
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Stable per story and edition, so readers see each edition's stories once.
    func entryID(_ edition: Briefing, _ story: StoryBriefing) -> String {
        "urn:lede:\(edition.profile):\(edition.date):story-\(story.id)"
    }

    /// The edition's day as an RFC 3339 time (its end, in UTC).
    static func timestamp(_ day: String) -> String {
        guard let end = EditionDate.endOfDay(day) else { return day + "T00:00:00Z" }
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: end)
    }
}
