import Foundation
import Hummingbird

/// Serves the API's OpenAPI 3.1 description, shipped as a resource and kept true by tests.
struct OpenAPIController: Sendable {
    let document: ByteBuffer

    static func load() throws -> OpenAPIController {
        OpenAPIController(document: ByteBuffer(bytes: try documentData()))
    }

    static func documentData() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI") else {
            throw WebError(status: .internalServerError, code: "openapi_missing", message: "The API description is missing from this build; rebuild Lede.")
        }
        return try Data(contentsOf: url)
    }

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/api/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: ResponseBody(byteBuffer: document))
        }
    }
}

/// The API's paths and methods as the OpenAPI document lists them, so that a known path asked
/// with another method gets 405 and an `Allow` header rather than 404.
struct APIRouteTable: Sendable {
    struct Route: Sendable {
        var segments: [String]
        var methods: [String]
    }

    let prefix: String
    let routes: [Route]

    static func load() throws -> APIRouteTable {
        let data = try OpenAPIController.documentData()
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { return APIRouteTable(prefix: "/api/v1", routes: []) }
        let httpMethods: Set<String> = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]
        let routes = paths.map { path, operations in
            Route(
                segments: path.split(separator: "/").map(String.init),
                methods: ((operations as? [String: Any])?.keys.map { $0.uppercased() }.filter(httpMethods.contains) ?? []).sorted())
        }
        // Literal paths before templated ones, so `/sources/export` is not taken for `/sources/{id}`.
        let ordered = routes.sorted { lhs, rhs in
            let lhsTemplates = lhs.segments.filter { $0.hasPrefix("{") }.count
            let rhsTemplates = rhs.segments.filter { $0.hasPrefix("{") }.count
            return lhsTemplates != rhsTemplates ? lhsTemplates < rhsTemplates : lhs.segments.joined(separator: "/") < rhs.segments.joined(separator: "/")
        }
        return APIRouteTable(prefix: "/api/v1", routes: ordered)
    }

    /// The methods a path takes, or `nil` when the API has no such path.
    func methods(for path: String) -> [String]? {
        guard path.hasPrefix(prefix + "/") else { return nil }
        let segments = path.dropFirst(prefix.count).split(separator: "/").map(String.init)
        for route in routes where route.segments.count == segments.count {
            let matches = zip(route.segments, segments).allSatisfy { template, actual in
                template.hasPrefix("{") || template == actual
            }
            if matches { return route.methods }
        }
        return nil
    }
}
