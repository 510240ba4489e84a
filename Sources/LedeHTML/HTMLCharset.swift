import Foundation

/// The character encoding of an HTML page, decided from the evidence a browser uses
/// (byte order mark, HTTP header, `<meta>`), checked against the bytes themselves so that
/// a wrong or missing declaration does not garble the text.
public struct HTMLCharset: Sendable, Hashable, CustomStringConvertible {
    /// The canonical lowercase name ("utf-8", "windows-1252", "shift_jis", …).
    public let name: String

    public init(name: String) { self.name = HTMLCharset.canonicalName(name) }

    public static let utf8 = HTMLCharset(canonical: "utf-8")
    public static let utf16LE = HTMLCharset(canonical: "utf-16le")
    public static let utf16BE = HTMLCharset(canonical: "utf-16be")
    public static let windows1252 = HTMLCharset(canonical: "windows-1252")

    private init(canonical: String) { name = canonical }

    public var description: String { name }

    /// Where the decision came from, for diagnostics and tests.
    public enum Evidence: Sendable, Hashable {
        case byteOrderMark, httpHeader, metaTag, bytes
    }

    /// Decides how to decode a page.
    ///
    /// Rules, in order: a byte order mark wins. Bytes that are valid UTF-8 and contain
    /// multi-byte sequences are UTF-8 whatever the declaration says (no real text in a
    /// legacy charset forms valid UTF-8 by chance). Otherwise a declared legacy charset is
    /// used; a declaration of UTF-8 on bytes that are mostly not UTF-8, and no declaration,
    /// give windows-1252, the usual real encoding of such pages.
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - contentType: the HTTP `Content-Type` header, if known.
    public static func detect(
        _ bytes: UnsafeBufferPointer<UInt8>, contentType: String? = nil
    ) -> (charset: HTMLCharset, evidence: Evidence) {
        detect(bytes, contentType: contentType, validity: UTF8Validity(bytes))
    }

    static func detect(
        _ bytes: UnsafeBufferPointer<UInt8>, contentType: String?, validity: UTF8Validity
    ) -> (charset: HTMLCharset, evidence: Evidence) {
        if let bom = byteOrderMark(bytes) { return (bom.charset, .byteOrderMark) }
        var declared: (charset: HTMLCharset, evidence: Evidence)?
        if let header = contentType.flatMap(charsetParameter) {
            declared = (HTMLCharset(name: header), .httpHeader)
        } else if let meta = HTMLMetaCharsetScanner.scan(bytes) {
            declared = (HTMLCharset(name: meta), .metaTag)
        }
        if let utf16 = declared, utf16.charset.isUTF16 {
            // A UTF-16 declaration without a BOM: trust it only if the bytes look like UTF-16.
            if let guessed = guessUTF16(bytes) { return (guessed, utf16.evidence) }
            declared = nil
        }
        if validity.invalidSequences == 0 {
            if validity.multiByteSequences > 0 || declared == nil { return (.utf8, declared?.evidence ?? .bytes) }
            // Pure ASCII: every ASCII-compatible declaration decodes it the same way.
            return declared!.charset.isASCIICompatible ? declared! : (.utf8, .bytes)
        }
        if let declared, declared.charset != .utf8 { return declared }
        if validity.multiByteSequences >= 4 * validity.invalidSequences {
            // UTF-8 with a few stray bytes: keep UTF-8 and repair the strays.
            return (.utf8, declared?.evidence ?? .bytes)
        }
        return (.windows1252, .bytes)
    }

    var isUTF16: Bool { name.hasPrefix("utf-16") }

    var isASCIICompatible: Bool { !isUTF16 && !name.hasPrefix("utf-32") }

    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (charset: HTMLCharset, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 text that is mostly ASCII has a zero in every other byte.
    private static func guessUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> HTMLCharset? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for index in stride(from: 0, to: sample, by: 2) {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 3 > pairs, evenZeros * 10 < oddZeros { return .utf16LE }
        if evenZeros * 3 > pairs, oddZeros * 10 < evenZeros { return .utf16BE }
        return nil
    }

    /// The `charset` parameter of a `Content-Type` value.
    static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
            else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Maps the many spellings of a charset to one name, following the WHATWG Encoding
    /// standard's choices where they matter (Latin-1 and ASCII are decoded as windows-1252,
    /// GB2312 as its superset GB18030).
    static func canonicalName(_ raw: String) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        switch name {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii",
            "cp1252", "x-cp1252", "windows-1252", "ansi_x3.4-1968":
            return "windows-1252"
        case "utf-16", "utf16", "unicode", "ucs-2": return "utf-16le"
        case "utf-16le": return "utf-16le"
        case "utf-16be": return "utf-16be"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "gb18030": return "gb18030"
        case "shift-jis", "shift_jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932":
            return "shift_jis"
        case "ks_c_5601-1987", "euc-kr", "cp949", "windows-949", "korean": return "cp949"
        case "big5", "big5-hkscs", "x-x-big5": return "big5-hkscs"
        case "cp1251", "windows-1251", "x-cp1251": return "windows-1251"
        case "cp1250", "windows-1250", "x-cp1250": return "windows-1250"
        case "": return "utf-8"
        default: return name
        }
    }
}
