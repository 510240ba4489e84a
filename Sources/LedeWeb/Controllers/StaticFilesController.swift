import Foundation
import Hummingbird

/// The stylesheet and script, read once at start and served from memory with a long cache
/// lifetime (their URLs carry a version).
struct StaticFilesController: Sendable {
    struct File: Sendable {
        var body: ByteBuffer
        var contentType: String
        var etag: String
    }

    let files: [String: File]

    static func load() throws -> StaticFilesController {
        guard let folder = Bundle.module.url(forResource: "Public", withExtension: nil) else {
            throw WebError(status: .internalServerError, code: "assets_missing", message: "The web assets are missing from this build; rebuild Lede.")
        }
        var files: [String: File] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let type = switch (name as NSString).pathExtension {
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "svg": "image/svg+xml"
            case "png": "image/png"
            default: "application/octet-stream"
            }
            let etag = "\"" + String(data.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16) + "\""
            files[name] = File(body: ByteBuffer(bytes: data), contentType: type, etag: etag)
        }
        return StaticFilesController(files: files)
    }

    /// A short hash of every asset, put in their URLs so browsers fetch new ones after an upgrade.
    var version: String {
        String(files.values.map(\.etag).sorted().joined().hashValue & 0xFFFFFF, radix: 16)
    }

    func addRoutes(to router: RouterGroup<LedeRequestContext>) {
        router.get("/static/:name") { request, context -> Response in
            guard let name = context.parameters.get("name"), let file = files[name] else { throw WebError.notFound("file") }
            if request.headers[.ifNoneMatch] == file.etag {
                return Response(status: .notModified, headers: [.eTag: file.etag])
            }
            return Response(
                status: .ok,
                headers: [.contentType: file.contentType, .eTag: file.etag, .cacheControl: "public, max-age=86400"],
                body: ResponseBody(byteBuffer: file.body))
        }
    }
}
