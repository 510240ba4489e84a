import Foundation

/// Writes compact JSON with keys in the order given. A class, so nested closures can write.
final class JSONWriter {
    private(set) var output = ""
    private var needsComma = false

    func object(_ body: () -> Void) {
        separate()
        output += "{"
        needsComma = false
        body()
        output += "}"
        needsComma = true
    }

    func array<T>(_ elements: [T], _ body: (T) -> Void) {
        output += "["
        needsComma = false
        for element in elements { body(element) }
        output += "]"
        needsComma = true
    }

    func key(_ name: String) {
        separate()
        output += Self.quoted(name) + ":"
        needsComma = false
    }

    func field(_ name: String, _ value: String?) {
        key(name)
        output += value.map(Self.quoted) ?? "null"
        needsComma = true
    }

    private func separate() {
        if needsComma { output += "," }
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
