import Foundation

/// The fields of a submitted form, URL-encoded or multipart, in order; a name may repeat.
struct FormFields: Sendable {
    struct File: Sendable {
        var name: String
        var filename: String
        var data: [UInt8]
    }

    private(set) var fields: [(name: String, value: String)] = []
    private(set) var files: [File] = []

    init(fields: [(name: String, value: String)] = [], files: [File] = []) {
        self.fields = fields
        self.files = files
    }

    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The field's value with surrounding whitespace removed, `nil` when empty.
    func trimmed(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func file(_ name: String) -> File? {
        files.first { $0.name == name }
    }

    /// Parses a body by its content type.
    /// - Throws: `WebError.badRequest` for a multipart body without a boundary.
    static func parse(_ body: [UInt8], contentType: String?) throws -> FormFields {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = MultipartFormParser.boundary(in: contentType ?? "") else {
                throw WebError.badRequest("The upload has no multipart boundary; submit the form from Lede's page.")
            }
            return MultipartFormParser(boundary: boundary).parse(body)
        }
        return urlEncoded(String(decoding: body, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) -> FormFields {
        var fields: [(String, String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields.append((name, value))
        }
        return FormFields(fields: fields)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
