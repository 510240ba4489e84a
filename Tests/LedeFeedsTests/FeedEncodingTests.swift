import Foundation
import Testing

@testable import LedeFeeds

@Suite struct FeedEncodingTests {
    let parser = FeedParser()

    private func rss(title: String, declaration: String = #"<?xml version="1.0" encoding="utf-8"?>"#) -> String {
        declaration + #"<rss version="2.0"><channel><title>"# + title + "</title></channel></rss>"
    }

    @Test func readsUTF8WithAByteOrderMark() throws {
        let feed = try parser.parse([0xEF, 0xBB, 0xBF] + Array(rss(title: "Café").utf8), url: nil)
        #expect(feed.title == "Café")
        #expect(feed.isWellFormed)
    }

    @Test(arguments: [true, false])
    func readsUTF16WithAByteOrderMark(littleEndian: Bool) throws {
        let text = rss(title: "Grüße 日本", declaration: #"<?xml version="1.0" encoding="UTF-16"?>"#)
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title == "Grüße 日本")
        #expect(feed.isWellFormed)
    }

    @Test func readsTheEncodingTheXMLDeclarationNames() throws {
        var bytes = Array(rss(title: "Caf", declaration: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#).utf8)
        bytes.insert(0xE9, at: bytes.firstIndex(of: "</title>"))
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title == "Café")
        #expect(feed.isWellFormed)
    }

    @Test func readsWindows1252BytesDeclaredAsUTF8AndFlagsThem() throws {
        // "Smart quotes" from a word processor: 0x93 and 0x94 in windows-1252.
        var bytes = Array(rss(title: "Xsaid hiX").utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "X"))!] = 0x93
        bytes[bytes.lastIndex(of: UInt8(ascii: "X"))!] = 0x94
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title == "\u{201C}said hi\u{201D}")
        #expect(!feed.isWellFormed)
    }

    @Test func keepsValidUTF8NextToStrayWindows1252Bytes() throws {
        var bytes = Array(rss(title: "Café X").utf8)
        bytes[bytes.firstIndex(of: UInt8(ascii: "X"))!] = 0x85  // windows-1252 ellipsis
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title == "Café …")
    }

    @Test func letsTheHTTPCharsetOverrideTheDeclarationForApplicationXML() throws {
        var bytes = Array(rss(title: "Caf").utf8)
        bytes.insert(0xE9, at: bytes.firstIndex(of: "</title>"))
        let feed = try parser.parse(bytes, url: nil, contentType: "application/rss+xml; charset=windows-1252")
        #expect(feed.title == "Café")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.isWellFormed)
    }

    @Test func flagsTextXMLWithoutCharsetWhenTheBytesAreNotASCII() throws {
        let feed = try parser.parse(Array(rss(title: "Café").utf8), url: nil, contentType: "text/xml")
        #expect(feed.title == "Café", "the text is still read correctly")
        #expect(!feed.isWellFormed, "RFC 3023: text/xml without charset is US-ASCII")
    }

    @Test func flagsANonXMLMediaType() throws {
        let feed = try parser.parse(Array(rss(title: "t").utf8), url: nil, contentType: "text/plain")
        #expect(!feed.isWellFormed)
    }

    @Test func readsLegacyMultibyteEncodings() throws {
        // "日本" in Shift_JIS.
        var bytes = Array(rss(title: "", declaration: #"<?xml version="1.0" encoding="Shift_JIS"?>"#).utf8)
        bytes.insert(contentsOf: [0x93, 0xFA, 0x96, 0x7B], at: bytes.firstIndex(of: "</title>"))
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title == "日本")
        #expect(feed.encoding == "shift_jis")
    }

    @Test func replacesInvalidUTF8WithoutCrashing() throws {
        var bytes = Array(rss(title: "ab").utf8)
        bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xF0, 0x9F], at: bytes.firstIndex(of: "</title>"))
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title?.hasPrefix("ab") == true)
        #expect(!feed.isWellFormed)
    }

    @Test func dropsNULAndControlCharacters() throws {
        var bytes = Array(rss(title: "ab").utf8)
        bytes.insert(contentsOf: [0x00, 0x01, 0x0B, 0x1F], at: bytes.firstIndex(of: "</title>"))
        let feed = try parser.parse(bytes, url: nil)
        #expect(feed.title == "ab")
        #expect(!feed.isWellFormed)
    }

    @Test func readsNumericReferencesToC1ControlsAsWindows1252() throws {
        let feed = try parser.parse(Array(rss(title: "a&#150;b&#8212;c").utf8), url: nil)
        #expect(feed.title == "a\u{2013}b\u{2014}c")
    }

    @Test func fallsBackWhenTheDeclaredEncodingIsUnknown() throws {
        let feed = try parser.parse(
            Array(rss(title: "ok", declaration: #"<?xml version="1.0" encoding="x-no-such-charset"?>"#).utf8), url: nil)
        #expect(feed.title == "ok")
        #expect(!feed.isWellFormed)
    }
}

extension Array where Element == UInt8 {
    /// The index where `marker` (UTF-8) starts.
    func firstIndex(of marker: String) -> Int {
        let needle = Array(marker.utf8)
        return indices.first { self[$0...].starts(with: needle) } ?? endIndex
    }
}
