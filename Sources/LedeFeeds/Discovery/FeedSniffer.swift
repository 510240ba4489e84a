/// Tells a feed from an HTML page (or anything else) by looking at the first bytes only.
public enum FeedSniffer {
    /// Whether `data` starts like an RSS, Atom, RDF or CDF document or a JSON Feed.
    public static func looksLikeFeed(_ data: some Collection<UInt8>) -> Bool {
        let prefix = Array(data.prefix(4096))
        return prefix.withUnsafeBufferPointer { buffer in
            switch kind(of: buffer) {
            case .empty:
                return false
            case .json:
                return containsASCII("jsonfeed.org/version", in: buffer)
            case .markup:
                guard let root = rootElementName(in: buffer) else { return false }
                return ["rss", "rdf:rdf", "feed", "channel"].contains(root)
                    || (root.hasSuffix(":rdf") || root.hasSuffix(":feed") || root.hasSuffix(":rss"))
            }
        }
    }

    enum Kind { case empty, json, markup }

    /// Whether the document is empty, JSON or markup, from its first significant character.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            return bytes.count > 2 ? .markup : .empty
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0 {
                index += 1
                continue
            }
            return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") ? .json : .markup
        }
        return .empty
    }

    /// The lowercased name of the first element, after the prolog (declaration, comments,
    /// processing instructions, doctype).
    static func rootElementName(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if XMLDeclaration.matches("<!--", in: bytes, at: index) {
                guard let end = find("-->", in: bytes, from: index + 4) else { return nil }
                index = end + 3
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") || bytes[index + 1] == UInt8(ascii: "!") {
                guard let end = find(">", in: bytes, from: index + 2) else { return nil }
                index = end + 1
                continue
            }
            var end = index + 1
            while end < bytes.count,
                !(bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0A || bytes[end] == 0x0D
                    || bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/"))
            {
                end += 1
            }
            guard end > index + 1 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self).lowercased()
        }
        return nil
    }

    private static func find(_ literal: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if XMLDeclaration.matches(literal, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func containsASCII(_ literal: String, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        find(literal, in: bytes, from: 0) != nil
    }
}
