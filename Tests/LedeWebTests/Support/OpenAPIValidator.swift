import Foundation
@testable import LedeWeb

/// Checks real responses against the schemas of the OpenAPI document the server publishes:
/// the subset of JSON Schema the document uses (types, nullability, required, properties,
/// items, enum, oneOf, $ref, patterns, ranges, date-times).
/// Unchecked: the parsed document is never changed after loading.
struct OpenAPIValidator: @unchecked Sendable {
    let document: [String: Any]

    init() throws {
        document = try JSONSerialization.jsonObject(with: try OpenAPIController.documentData()) as? [String: Any] ?? [:]
    }

    var paths: [String: [String: Any]] {
        (document["paths"] as? [String: Any])?.compactMapValues { $0 as? [String: Any] } ?? [:]
    }

    /// Every documented (path, method) pair.
    var operations: [(path: String, method: String)] {
        paths.flatMap { path, operations in operations.keys.map { (path, $0) } }.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    /// The problems of a response body against the documented schema for its status (empty: it conforms).
    func problems(path: String, method: String, status: Int, body: String) -> [String] {
        guard let operation = paths[path]?[method.lowercased()] as? [String: Any],
            let responses = operation["responses"] as? [String: Any]
        else { return ["\(method.uppercased()) \(path) is not documented"] }
        guard let response = responses[String(status)] as? [String: Any] else {
            return ["\(method.uppercased()) \(path) returned \(status), which is not documented"]
        }
        guard let content = response["content"] as? [String: Any] else {
            return body.isEmpty ? [] : ["\(status) is documented without a body, but one came"]
        }
        guard let json = content["application/json"] as? [String: Any], let schema = json["schema"] as? [String: Any] else { return [] }
        guard let data = body.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return ["the body is not JSON: \(body.prefix(200))"]
        }
        return validate(value, schema, at: "$")
    }

    func validate(_ value: Any, _ schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String { return validate(value, resolve(reference), at: path) }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { validate(value, $0, at: path).isEmpty }.count
            return matching == 1 ? [] : ["\(path): matches \(matching) of the oneOf schemas"]
        }
        var problems: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }) {
            guard types.contains(where: { Self.isType(value, $0) }) else { return ["\(path): expected \(types.joined(separator: " or ")), got \(Self.typeName(value))"] }
        }
        if value is NSNull { return [] }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(allowed)")
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): “\(string)” does not match \(pattern)")
            }
            if schema["format"] as? String == "date-time", ISO8601DateFormatter().date(from: string) == nil {
                problems.append("\(path): “\(string)” is not a date-time")
            }
        }
        if let number = value as? NSNumber, !Self.isType(value, "boolean") {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): \(number) < \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): \(number) > \(maximum)") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key): required but missing") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    problems += validate(child, childSchema, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path).\(key): not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += validate(item, items, at: "\(path)[\(index)]") }
        }
        return problems
    }

    func resolve(_ reference: String) -> [String: Any] {
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    static func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        // JSONSerialization gives booleans their own NSNumber subclass.
        case "boolean": return value is NSNumber && String(describing: Swift.type(of: value)).contains("Boolean")
        case "integer":
            guard let number = value as? NSNumber, !isType(value, "boolean") else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isType(value, "boolean")
        default: return false
        }
    }

    static func typeName(_ value: Any) -> String {
        for type in ["null", "object", "array", "string", "boolean", "integer", "number"] where isType(value, type) { return type }
        return "\(Swift.type(of: value))"
    }
}
