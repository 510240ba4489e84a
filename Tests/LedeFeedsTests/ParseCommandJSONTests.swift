import Foundation
import Testing

@testable import LedeFeeds

@Suite struct ParseCommandJSONTests {
    @Test func writesTheParseCommandShape() throws {
        let rss = """
            <rss version="2.0"><channel><title>T "q"</title><link>https://t.example/</link><language>en</language>
            <item><title>A</title><link>https://t.example/a</link><guid>a</guid>
            <pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate><author>me@t.example (Me)</author>
            <description>&lt;p&gt;Hi&lt;/p&gt;</description></item>
            <item><title>B</title></item>
            </channel></rss>
            """
        let feed = try FeedParser().parse(Array(rss.utf8), url: nil)
        let json = String(decoding: feed.parseCommandJSON(), as: UTF8.self)
        #expect(
            json == #"{"title":"T \"q\"","link":"https://t.example/","language":"en","items":["#
                + #"{"id":"a","title":"A","link":"https://t.example/a","published":"2025-06-10T04:00:00Z","updated":null,"#
                + #""author":"Me","summary":"<p>Hi</p>","content":null},"#
                + #"{"id":null,"title":"B","link":null,"published":null,"updated":null,"author":null,"summary":null,"content":null}]}"#)
        #expect(try JSONSerialization.jsonObject(with: feed.parseCommandJSON()) is [String: Any])
    }

    @Test func writesDatesBeforeTheEpochAndFarAhead() {
        #expect(DateWriting.iso8601(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
        #expect(DateWriting.iso8601(Date(timeIntervalSince1970: 7_258_118_399)) == "2199-12-31T23:59:59Z")
        #expect(DateWriting.iso8601(Date(timeIntervalSince1970: 0.75)) == "1970-01-01T00:00:00Z")
    }
}
