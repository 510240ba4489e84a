/// A feed's bytes as UTF-8, ready for the XML reader.
struct DecodedFeedBytes {
    /// The converted document when the input was not clean UTF-8; `nil` when the input bytes
    /// (from `start`) can be read as they are, which is the common case and costs no copy.
    var converted: [UInt8]?
    /// Where the document starts in the input when it is used as is (after a byte-order mark).
    var start: Int
    /// The encoding the bytes were read with.
    var encoding: String
    /// Why the bytes are not what they claim to be, when they are not. Such a document is
    /// reported as not well-formed.
    var problem: String?
}

/// Chooses a feed's character encoding and converts it to UTF-8.
///
/// The choice follows RFC 3023 and feedparser: a byte-order mark wins; `application/…xml`
/// honours the HTTP charset, then the XML declaration, then UTF-8; `text/xml` means the HTTP
/// charset or US-ASCII; without HTTP information the XML declaration, then UTF-8. When the bytes
/// do not decode as declared, the next plausible encoding is used and the document is flagged.
/// Bytes that are not valid UTF-8 in a UTF-8 document are read as windows-1252 one by one, so
/// a feed that mixes both (the common lie) loses nothing.
enum FeedTextDecoder {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, contentType: String?) -> DecodedFeedBytes {
        let (bomEncoding, start) = byteOrderMark(bytes)
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        if let bomEncoding, bomEncoding != "utf-8" {
            return decodeWide(body, start: start, encoding: bomEncoding)
        }
        // A UTF-16 or UTF-32 declaration in a document that is evidently not is a copy-paste slip.
        let declared = XMLDeclaration.encoding(in: body).map(normalizedName).flatMap { isWide($0) ? nil : $0 }
        let http = ContentType(contentType?.isEmpty == false ? contentType : nil)
        var primary = declared ?? "utf-8"
        var problem: String?
        if let http {
            if http.isApplicationXML {
                primary = http.charset.map(normalizedName).flatMap { isWide($0) ? nil : $0 } ?? declared ?? "utf-8"
            } else if http.isTextXML {
                primary = http.charset.map(normalizedName) ?? "us-ascii"
            } else {
                primary = http.charset.map(normalizedName) ?? (http.mediaType.hasPrefix("text/") ? "us-ascii" : primary)
                problem = "served as \(http.mediaType), which is not an XML media type"
            }
        }
        if bomEncoding == "utf-8" { primary = "utf-8" }
        var tried: Set<String> = []
        for candidate in [primary, declared, "utf-8"].compactMap({ $0 }) where tried.insert(candidate).inserted {
            guard var decoded = attempt(body, start: start, as: candidate) else { continue }
            if candidate != primary {
                decoded.problem = "declared as \(primary) but read as \(candidate)"
            }
            decoded.problem = decoded.problem ?? problem
            return decoded
        }
        // Unreachable: UTF-8 with repair always succeeds.
        return DecodedFeedBytes(converted: UTF8Validation.repaired(body), start: 0, encoding: "utf-8", problem: problem)
    }

    /// Decodes as `encoding`, or returns `nil` if the bytes are not in that encoding.
    private static func attempt(_ body: UnsafeBufferPointer<UInt8>, start: Int, as encoding: String) -> DecodedFeedBytes? {
        switch encoding {
        case "utf-8", "us-ascii":
            let validation = UTF8Validation(body)
            if encoding == "us-ascii" && !validation.isASCII { return nil }
            if validation.isCleanUTF8 {
                return DecodedFeedBytes(converted: nil, start: start, encoding: encoding, problem: nil)
            }
            if !validation.isValid && !validation.isMostlyUTF8 {
                // Not UTF-8 at all: the usual culprit is windows-1252 (or ISO-8859-1) undeclared.
                var decoded = attempt(body, start: start, as: "windows-1252")
                decoded?.problem = "declared as \(encoding) but read as windows-1252"
                return decoded
            }
            let problem = validation.isValid ? "contains characters XML does not allow" : "contains bytes that are not UTF-8"
            return DecodedFeedBytes(
                converted: UTF8Validation.repaired(body), start: 0, encoding: encoding, problem: problem)
        case "windows-1252":
            let validation = UTF8Validation(body)
            if validation.isASCII && !validation.hasForbiddenCharacters {
                return DecodedFeedBytes(converted: nil, start: start, encoding: encoding, problem: nil)
            }
            var output: [UInt8] = []
            output.reserveCapacity(body.count + body.count / 8)
            for byte in body where !UTF8Validation.isForbiddenControl(byte) {
                Windows1252.appendUTF8(of: byte, to: &output)
            }
            return DecodedFeedBytes(converted: output, start: 0, encoding: encoding, problem: nil)
        default:
            guard case .success(let converted) = IconvConverter.convert(body, from: encoding) else { return nil }
            return clean(converted, encoding: encoding)
        }
    }

    private static func decodeWide(_ body: UnsafeBufferPointer<UInt8>, start: Int, encoding: String) -> DecodedFeedBytes {
        if case .success(let converted) = IconvConverter.convert(body, from: encoding) {
            return clean(converted, encoding: encoding)
        }
        var decoded = DecodedFeedBytes(
            converted: UTF8Validation.repaired(body), start: 0, encoding: "utf-8", problem: nil)
        decoded.problem = "declared as \(encoding) by its byte-order mark but not decodable as such"
        return decoded
    }

    /// Converted text still has to be checked for characters XML forbids.
    private static func clean(_ converted: [UInt8], encoding: String) -> DecodedFeedBytes {
        let validation = converted.withUnsafeBufferPointer { UTF8Validation($0) }
        if validation.isCleanUTF8 {
            return DecodedFeedBytes(converted: converted, start: 0, encoding: encoding, problem: nil)
        }
        let repaired = converted.withUnsafeBufferPointer { UTF8Validation.repaired($0) }
        return DecodedFeedBytes(
            converted: repaired, start: 0, encoding: encoding, problem: "contains characters XML does not allow")
    }

    private static func isWide(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.hasPrefix("UTF-16") || upper.hasPrefix("UTF-32") || upper.hasPrefix("UCS-")
    }

    /// The encoding announced by a byte-order mark (or by the way `<?` is spelled in UTF-16
    /// and UTF-32), and the number of mark bytes to skip.
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (String?, Int) {
        func starts(with prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        if starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if starts(with: [0x00, 0x00, 0x00, 0x3C]) { return ("UTF-32BE", 0) }
        if starts(with: [0x3C, 0x00, 0x00, 0x00]) { return ("UTF-32LE", 0) }
        if starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return ("UTF-16BE", 0) }
        if starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return ("UTF-16LE", 0) }
        return (nil, 0)
    }

    /// Canonical names for the aliases feeds use; ISO-8859-1 is read as windows-1252, as
    /// browsers do, since that is what such feeds almost always contain.
    static func normalizedName(_ name: String) -> String {
        let lowered = name.lowercased()
        switch lowered {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us": return "us-ascii"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
            "windows-1252", "cp1252", "x-cp1252", "iso-8859-15", "iso8859-15", "latin9":
            return lowered.contains("15") || lowered == "latin9" ? "iso-8859-15" : "windows-1252"
        case "gb2312", "gbk", "x-gbk", "gb_2312-80": return "gb18030"
        case "utf-16", "utf16": return "UTF-16"
        default: return lowered
        }
    }
}
