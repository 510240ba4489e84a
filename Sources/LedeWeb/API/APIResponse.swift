import Foundation
import Hummingbird
import LedeCore

/// JSON responses as the API writes them: sorted keys, ISO 8601 dates.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONRendering.encoder(pretty: false).encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func encode(_ value: some Encodable) -> String {
        JSONRendering.string(value, pretty: false)
    }

    /// JSON already encoded.
    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Reads a JSON request body.
    /// - Throws: `WebError.badRequest` naming what the body lacks.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: LedeRequestContext) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do {
            return try JSONRendering.decoder().decode(type, from: Data(body.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw WebError.badRequest("The JSON body lacks “\(key.stringValue)”; see /api/openapi.json for this endpoint's schema.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw WebError.badRequest("The JSON body's “\(context.codingPath.map(\.stringValue).joined(separator: "."))” has the wrong type; see /api/openapi.json.")
        } catch {
            throw WebError.badRequest("The request body is not the JSON this endpoint takes; see /api/openapi.json for its schema.")
        }
    }
}

/// One page of a list, with the cursor of the next page when there is one.
struct APIPage<Item: Encodable & Sendable>: Encodable, Sendable {
    struct Links: Encodable, Sendable {
        var this: String
        var next: String?

        enum CodingKeys: String, CodingKey {
            case this = "self"
            case next
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(this, forKey: .this)
            try container.encode(next, forKey: .next)
        }
    }

    var items: [Item]
    var nextCursor: String?
    var links: Links

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encode(links, forKey: .links)
    }

    enum CodingKeys: String, CodingKey { case items, nextCursor, links }
}

/// `?limit=&cursor=` over a list the server holds in order; the cursor is opaque to clients.
struct Pagination: Sendable {
    var limit: Int
    var offset: Int

    static let defaultLimit = 20
    static let maximumLimit = 100

    /// - Throws: `WebError.badRequest` for a limit out of range or a cursor Lede did not give.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let text = query["limit"] {
            guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                throw WebError.badRequest("limit must be a whole number from 1 to \(Self.maximumLimit).")
            }
            limit = value
        } else {
            limit = Self.defaultLimit
        }
        if let cursor = query["cursor"] {
            guard let offset = Self.offset(fromCursor: String(cursor)) else {
                throw WebError.badRequest("That cursor is not one Lede gave; use nextCursor from the previous page, or omit it.")
            }
            self.offset = offset
        } else {
            offset = 0
        }
    }

    static func cursor(offset: Int) -> String {
        SecretToken.base64URL(Data("o\(offset)".utf8))
    }

    static func offset(fromCursor cursor: String) -> Int? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.hasPrefix("o"),
            let offset = Int(text.dropFirst()), offset >= 0
        else { return nil }
        return offset
    }

    /// The page of `all` this pagination asks for, with links built on `path`.
    func page<Item: Encodable & Sendable>(_ all: [Item], path: String, query: [String: String] = [:]) -> APIPage<Item> {
        let start = min(offset, all.count)
        let end = min(start + limit, all.count)
        let next = end < all.count ? Self.cursor(offset: end) : nil
        func link(_ cursor: String?) -> String {
            var items = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            items.append(URLQueryItem(name: "limit", value: String(limit)))
            if let cursor { items.append(URLQueryItem(name: "cursor", value: cursor)) }
            var components = URLComponents()
            components.path = path
            components.queryItems = items
            return components.string ?? path
        }
        return APIPage(
            items: Array(all[start..<end]), nextCursor: next,
            links: .init(this: link(offset == 0 ? nil : Self.cursor(offset: offset)), next: next.map { link($0) }))
    }
}
