import Foundation

/// Reads `multipart/form-data` (RFC 7578) bodies: the OPML upload is the one form that sends a file.
struct MultipartFormParser: Sendable {
    let boundary: [UInt8]

    init(boundary: String) {
        self.boundary = Array(("--" + boundary).utf8)
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    func parse(_ body: [UInt8]) -> FormFields {
        var fields: [(name: String, value: String)] = []
        var files: [FormFields.File] = []
        var position = 0
        guard let first = Self.find(boundary, in: body, from: 0) else { return FormFields() }
        position = first + boundary.count
        while position < body.count {
            // After a boundary: "--" ends the body, else CRLF starts a part.
            if body[position...].starts(with: [0x2D, 0x2D]) { break }
            position = Self.skipLineBreak(body, position)
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: position) else { break }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Self.find([13, 10] + boundary, in: body, from: contentStart) else { break }
            let content = Array(body[contentStart..<next])
            if let disposition = Self.disposition(headers), let name = disposition.name {
                if let filename = disposition.filename {
                    files.append(FormFields.File(name: name, filename: filename, data: content))
                } else {
                    fields.append((name, String(decoding: content, as: UTF8.self)))
                }
            }
            position = next + 2 + boundary.count
        }
        return FormFields(fields: fields, files: files)
    }

    static func disposition(_ headers: String) -> (name: String?, filename: String?)? {
        for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            var name: String?
            var filename: String?
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                switch pair[0].lowercased() {
                case "name": name = value
                case "filename": filename = value
                default: break
                }
            }
            return (name, filename)
        }
        return nil
    }

    static func skipLineBreak(_ body: [UInt8], _ position: Int) -> Int {
        var position = position
        if position < body.count, body[position] == 13 { position += 1 }
        if position < body.count, body[position] == 10 { position += 1 }
        return position
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
