import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A browser over the test client: keeps cookies, reads CSRF tokens from pages, posts forms.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had a form.
    private(set) var csrf: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        var location: String? { headers[.location] }
    }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a URL-encoded form, adding the page's CSRF token unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [String: String] = [:], csrf: String? = nil, headers: HTTPFields = [:]) async throws -> Page {
        var fields = fields
        if fields["csrf"] == nil { fields["csrf"] = csrf ?? self.csrf ?? "" }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        if let token = Self.firstMatch(#"name="csrf" value="([^"]+)""#, in: text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    /// Signs in through the form, as a person would.
    @discardableResult
    func signIn(_ name: String, _ password: String) async throws -> Page {
        try await get("/login")
        return try await post("/login", ["name": name, "password": password, "next": "/"])
    }

    func setCookie(_ name: String, _ value: String?) {
        cookies[name] = value
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), match.numberOfRanges > 1,
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

extension TestClientProtocol {
    /// An API call with a bearer token; returns status, headers and the body as JSON text.
    func api(_ path: String, method: HTTPRequest.Method = .get, token: String?, json: String? = nil, contentType: String = "application/json") async throws
        -> (status: HTTPResponse.Status, headers: HTTPFields, body: String)
    {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = contentType }
        let response = try await execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        return (response.status, response.headers, response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? "")
    }
}
