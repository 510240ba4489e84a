import Foundation

extension OPMLDocument {
    /// The document as OPML 2.0, UTF-8, indented.
    public func opmlData() -> Data {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
        if let title { xml += "    <title>\(Self.escaped(title))</title>\n" }
        if let dateCreated { xml += "    <dateCreated>\(DateWriting.rfc822(dateCreated))</dateCreated>\n" }
        if let ownerName { xml += "    <ownerName>\(Self.escaped(ownerName))</ownerName>\n" }
        if let ownerEmail { xml += "    <ownerEmail>\(Self.escaped(ownerEmail))</ownerEmail>\n" }
        xml += "  </head>\n  <body>\n"
        for outline in outlines { Self.write(outline, depth: 2, into: &xml) }
        xml += "  </body>\n</opml>\n"
        return Data(xml.utf8)
    }

    private static func write(_ outline: OPMLOutline, depth: Int, into xml: inout String) {
        let indent = String(repeating: "  ", count: depth)
        var attributes = [("text", outline.text)]
        if let title = outline.title { attributes.append(("title", title)) }
        if let type = outline.type { attributes.append(("type", type)) }
        if let xmlURL = outline.xmlURL { attributes.append(("xmlUrl", xmlURL)) }
        if let htmlURL = outline.htmlURL { attributes.append(("htmlUrl", htmlURL)) }
        if let category = outline.category { attributes.append(("category", category)) }
        xml += indent + "<outline"
        for (name, value) in attributes { xml += " \(name)=\"\(escaped(value, attribute: true))\"" }
        if outline.children.isEmpty {
            xml += "/>\n"
            return
        }
        xml += ">\n"
        for child in outline.children { write(child, depth: depth + 1, into: &xml) }
        xml += indent + "</outline>\n"
    }

    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            default:
                // Characters XML 1.0 cannot carry at all are dropped.
                if character.value < 0x20 && character != "\n" && character != "\t" && character != "\r" { continue }
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
