/// An HTTP `Content-Type` value split into the media type and its charset parameter.
struct ContentType: Equatable {
    /// Lowercased, e.g. `application/rss+xml`.
    var mediaType: String
    /// Lowercased charset without quotes, if given.
    var charset: String?

    init?(_ header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        mediaType = first.trimmingCharacters(in: " \t").lowercased()
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let key = parameter[..<equals].trimmingCharacters(in: " \t").lowercased()
            guard key == "charset" else { continue }
            let value = parameter[parameter.index(after: equals)...].trimmingCharacters(in: " \t\"'")
            if !value.isEmpty { charset = value.lowercased() }
        }
    }

    /// RFC 3023: `application/xml` and `application/*+xml` honour the document's own declaration.
    var isApplicationXML: Bool {
        mediaType == "application/xml" || mediaType == "application/xml-dtd"
            || mediaType == "application/xml-external-parsed-entity"
            || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+xml"))
    }

    /// RFC 3023: `text/xml` and `text/*+xml` default to US-ASCII whatever the document says.
    var isTextXML: Bool {
        mediaType == "text/xml" || mediaType == "text/xml-external-parsed-entity"
            || (mediaType.hasPrefix("text/") && mediaType.hasSuffix("+xml"))
    }
}
