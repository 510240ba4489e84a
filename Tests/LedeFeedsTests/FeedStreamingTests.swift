import Foundation
import Testing

@testable import LedeFeeds

@Suite struct FeedStreamingTests {
    /// A 50 MB RSS feed with 100,000 items of about 500 bytes each.
    static func hugeFeed(items: Int) -> [UInt8] {
        var text = #"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Huge</title>"#
        text.reserveCapacity(items * 520 + 200)
        let filler = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 6)
        for index in 0..<items {
            text += "<item><title>Item \(index)</title><link>https://huge.example/\(index)</link>"
            text += "<guid>huge-\(index)</guid><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>"
            text += "<description>\(filler)</description></item>\n"
        }
        text += "</channel></rss>"
        return Array(text.utf8)
    }

    @Test(.timeLimit(.minutes(2)))
    func streamsAHundredThousandItemsInBatches() throws {
        let document = Self.hugeFeed(items: 100_000)
        #expect(document.count > 50_000_000)
        let batchSize = 500
        var batches = 0
        var received = 0
        var largestBatch = 0
        var lastIndex = -1
        var inOrder = true
        let feed = try FeedParser().parse(document, url: nil, batchSize: batchSize) { batch in
            batches += 1
            received += batch.count
            largestBatch = max(largestBatch, batch.count)
            for item in batch {
                let index = Int(item.title?.split(separator: " ").last ?? "") ?? -2
                if index != lastIndex + 1 { inOrder = false }
                lastIndex = index
            }
        }
        #expect(feed.title == "Huge")
        #expect(feed.items.isEmpty, "streamed items are not kept")
        #expect(received == 100_000)
        #expect(inOrder)
        #expect(largestBatch <= 2 * batchSize)
        #expect(batches >= 100_000 / (2 * batchSize))
        // Memory is measured by `lede-bench feed` in a process of its own: other tests run in
        // this one at the same time, so its resident size says nothing about this parse.
    }

    @Test func deliversItemsAlreadyReadOnlyOnceWhenRecoveringFromAnError() throws {
        var text = #"<rss version="2.0"><channel>"#
        for index in 0..<3000 { text += "<item><title>\(index)</title></item>" }
        text += "<item><title>broken</b></title></item>"
        for index in 3000..<3010 { text += "<item><title>\(index)</title></item>" }
        text += "</channel></rss>"
        var titles: [String] = []
        var largestBatch = 0
        let feed = try FeedParser().parse(Array(text.utf8), url: nil, batchSize: 100) { batch in
            titles += batch.compactMap(\.title)
            largestBatch = max(largestBatch, batch.count)
        }
        #expect(largestBatch <= 100, "the forgiving pass hands items out in batches too")
        #expect(!feed.isWellFormed)
        #expect(titles.count == 3011)
        #expect(Set(titles).count == 3011)
        #expect(titles.last == "3009")
    }

    @Test func neverDeliversABatchForAnHTMLPage() {
        let page = "<html><body>" + String(repeating: "<item><title>x</title></item>", count: 3000) + "</body></html>"
        var batches = 0
        #expect(throws: FeedParserError.self) {
            try FeedParser().parse(Array(page.utf8), url: nil, batchSize: 10) { _ in batches += 1 }
        }
        #expect(batches == 0)
    }
}
