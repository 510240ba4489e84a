import Foundation
import Testing

@testable import LedeHTML

@Suite struct HTMLCharsetTests {
    /// "Café" in windows-1252: not valid UTF-8 because of the lone 0xE9.
    static let cafeLatin1: [UInt8] = Array("<p>Caf".utf8) + [0xE9] + Array("</p>".utf8)

    private func detect(_ bytes: [UInt8], contentType: String? = nil) -> (HTMLCharset, HTMLCharset.Evidence) {
        bytes.withUnsafeBufferPointer { HTMLCharset.detect($0, contentType: contentType) }
    }

    private func paragraphText(_ bytes: [UInt8], contentType: String? = nil) -> String {
        let tree = HTMLTree(bytes: bytes, contentType: contentType)
        return tree.firstElement(.p).map { tree.textContent(of: $0) } ?? ""
    }

    @Test func byteOrderMarkWinsOverDeclarations() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"iso-8859-1\"><p>Café</p>".utf8)
        let (charset, evidence) = detect(bytes, contentType: "text/html; charset=windows-1251")
        #expect(charset == .utf8)
        #expect(evidence == .byteOrderMark)
        #expect(paragraphText(bytes) == "Café")
    }

    @Test func utf16LittleEndianWithByteOrderMarkIsDecoded() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>Grüße</p>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(detect(bytes).0 == .utf16LE)
        #expect(paragraphText(bytes) == "Grüße")
    }

    @Test func utf16BigEndianWithByteOrderMarkIsDecoded() {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "<p>Grüße</p>".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(paragraphText(bytes) == "Grüße")
    }

    @Test func utf16DeclaredWithoutByteOrderMarkIsRecognisedFromTheBytes() {
        var bytes: [UInt8] = []
        for unit in "<p>Grüße aus Köln</p>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(paragraphText(bytes, contentType: "text/html; charset=utf-16") == "Grüße aus Köln")
    }

    @Test func httpHeaderCharsetDecodesLegacyBytes() {
        let (charset, evidence) = detect(Self.cafeLatin1, contentType: "text/html; charset=ISO-8859-1")
        #expect(charset == .windows1252)
        #expect(evidence == .httpHeader)
        #expect(paragraphText(Self.cafeLatin1, contentType: "text/html; charset=ISO-8859-1") == "Café")
    }

    @Test func metaCharsetDecodesLegacyBytes() {
        // "Привет" in windows-1251.
        let bytes: [UInt8] = Array("<html><head><meta charset=\"windows-1251\"></head><body><p>".utf8)
            + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2] + Array("</p></body></html>".utf8)
        let (charset, evidence) = detect(bytes)
        #expect(charset.name == "windows-1251")
        #expect(evidence == .metaTag)
        #expect(paragraphText(bytes) == "Привет")
    }

    @Test func httpEquivContentTypeIsRead() {
        let bytes: [UInt8] = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>".utf8)
            + [0x93, 0xFA, 0x96, 0x7B] + Array("</p>".utf8)  // 日本
        #expect(detect(bytes).0.name == "shift_jis")
        #expect(paragraphText(bytes) == "日本")
    }

    @Test func wrongUTF8DeclarationFallsBackToWindows1252() {
        let bytes: [UInt8] = Array("<meta charset=\"utf-8\">".utf8) + Self.cafeLatin1 + [0x93] + Array("x".utf8) + [0x94]
        #expect(detect(bytes).0 == .windows1252)
        #expect(paragraphText(bytes) == "Café")
    }

    @Test func validUTF8WinsOverAWrongLegacyDeclaration() {
        let bytes = Array("<meta charset=\"iso-8859-1\"><p>Grüße</p>".utf8)
        #expect(detect(bytes).0 == .utf8)
        #expect(paragraphText(bytes) == "Grüße")
    }

    @Test func undeclaredValidUTF8IsUTF8() {
        #expect(paragraphText(Array("<p>naïve – ok</p>".utf8)) == "naïve – ok")
    }

    @Test func undeclaredInvalidUTF8IsWindows1252() {
        #expect(detect(Self.cafeLatin1).0 == .windows1252)
        #expect(paragraphText(Self.cafeLatin1) == "Café")
    }

    @Test func mostlyUTF8WithAStrayByteKeepsUTF8AndRepairsTheByte() {
        let text = String(repeating: "Grüße ", count: 10)
        let bytes = Array("<p>\(text)".utf8) + [0xFF] + Array("</p>".utf8)
        #expect(detect(bytes).0 == .utf8)
        #expect(paragraphText(bytes).hasPrefix("Grüße Grüße"))
        #expect(paragraphText(bytes).hasSuffix("\u{FFFD}"))
    }

    @Test func nulBytesDoNotEndTheDocument() {
        let bytes: [UInt8] = Array("<p>before".utf8) + [0] + Array("after</p><p>second</p>".utf8)
        let tree = HTMLTree(bytes: bytes)
        #expect(tree.elements(.p).count == 2)
    }

    @Test func charsetNamesAreCanonical() {
        #expect(HTMLCharset(name: "ISO-8859-1") == .windows1252)
        #expect(HTMLCharset(name: " UTF8 ") == .utf8)
        #expect(HTMLCharset(name: "gb2312").name == "gb18030")
        #expect(HTMLCharset.charsetParameter("text/html; charset=\"utf-8\"") == "utf-8")
    }
}
