import Foundation
import Testing
@testable import LedeWeb

@Suite struct FormAndLinkTests {
    @Test func urlEncodedFormsKeepRepeatedFieldsAndDecodeSpaces() {
        let form = FormFields.urlEncoded("a=1&b=hello+world&a=2&c=%3Cx%3E&empty=")
        #expect(form.all("a") == ["1", "2"])
        #expect(form["b"] == "hello world")
        #expect(form["c"] == "<x>")
        #expect(form.trimmed("empty") == nil)
    }

    @Test func multipartFormsGiveFieldsAndFiles() throws {
        let body = "--xyz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken\r\n"
            + "--xyz\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"a.opml\"\r\nContent-Type: text/xml\r\n\r\n<opml>\r\n</opml>\r\n--xyz--\r\n"
        let form = try FormFields.parse(Array(body.utf8), contentType: "multipart/form-data; boundary=xyz")
        #expect(form["csrf"] == "token")
        let file = try #require(form.file("opml"))
        #expect(file.filename == "a.opml")
        #expect(String(decoding: file.data, as: UTF8.self) == "<opml>\r\n</opml>")
    }

    @Test func multipartWithoutBoundaryIsRefused() {
        #expect(throws: WebError.self) { try FormFields.parse([], contentType: "multipart/form-data") }
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example", "", "mailto:a@b.c"])
    func onlyWebLinksBecomeHrefs(url: String) {
        #expect(SafeLink.href(url) == nil)
    }

    @Test func webLinksStay() {
        #expect(SafeLink.href("https://harbor-ledger.example/a?b=1") == "https://harbor-ledger.example/a?b=1")
        #expect(SafeLink.href("http://127.0.0.1:8080/") != nil)
    }

    @Test func cursorsRoundTripAndRejectJunk() {
        #expect(Pagination.offset(fromCursor: Pagination.cursor(offset: 40)) == 40)
        #expect(Pagination.offset(fromCursor: "bogus!") == nil)
        #expect(Pagination.offset(fromCursor: SecretToken.base64URL(Data("o-5".utf8))) == nil)
    }

    @Test func apiPathsKnowTheirMethods() throws {
        let table = try APIRouteTable.load()
        #expect(table.methods(for: "/api/v1/sources") == ["GET", "POST"])
        #expect(table.methods(for: "/api/v1/sources/12") == ["DELETE", "GET"])
        #expect(table.methods(for: "/api/v1/nowhere") == nil)
        #expect(table.methods(for: "/sources") == nil)
    }
}
