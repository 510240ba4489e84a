import Foundation
import Hummingbird
import LedeCore
import LedeEngine
import LedeFetch

/// A failure a reader or API client sees: a status, a stable code and one actionable sentence.
/// Pages show it as an HTML page, the API as `{"error": {"code", "message"}}`.
public struct WebError: Error, Sendable, HTTPResponseError {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Extra headers, such as `Retry-After` or `WWW-Authenticate`.
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public static func notFound(_ what: String) -> WebError {
        WebError(status: .notFound, code: "not_found", message: "No \(what) here; check the address or go back to the list.")
    }

    public static let unauthorized = WebError(
        status: .unauthorized, code: "unauthorized",
        message: "Sign in first, or send an API token as `Authorization: Bearer TOKEN` (create one with `lede tokens create USER`).",
        headers: [.wwwAuthenticate: "Bearer realm=\"lede\""])

    public static let csrf = WebError(
        status: .forbidden, code: "csrf_rejected",
        message: "This form has expired or did not come from Lede; reload the page and submit it again.")

    public static func badRequest(_ message: String) -> WebError {
        WebError(status: .badRequest, code: "bad_request", message: message)
    }

    public static func unprocessable(_ message: String) -> WebError {
        WebError(status: .unprocessableContent, code: "unprocessable", message: message)
    }

    public static func tooManyRequests(_ message: String, retryAfter: TimeInterval) -> WebError {
        WebError(
            status: .tooManyRequests, code: "rate_limited", message: message,
            headers: [.retryAfter: String(max(1, Int(retryAfter.rounded(.up))))])
    }

    /// Any error as readers should see it, without internals.
    public static func from(_ error: any Error) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as StoreError:
            switch error {
            case .notFound(let what): return WebError(status: .notFound, code: "not_found", message: "No \(what) found; check the address or id.")
            case .duplicateSource: return WebError(status: .conflict, code: "duplicate_source", message: error.description)
            case .duplicateUser: return WebError(status: .conflict, code: "duplicate_user", message: error.description)
            case .unavailable(let reason): return WebError(status: .serviceUnavailable, code: "store_unavailable", message: reason)
            }
        case let error as FetchError:
            return WebError(status: .unprocessableContent, code: "fetch_failed", message: error.description)
        case let error as IngestError:
            return WebError(status: .unprocessableContent, code: "not_a_feed", message: error.description)
        case let error as SourceImportError:
            return WebError(status: .unprocessableContent, code: "not_opml", message: error.description)
        case is DecodingError:
            return .badRequest("The request body is not the JSON this endpoint takes; see /api/openapi.json for its schema.")
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound("page or endpoint")
            case .methodNotAllowed:
                return WebError(status: .methodNotAllowed, code: "method_not_allowed", message: "This address does not take that method; see /api/openapi.json.")
            case .contentTooLarge:
                return WebError(status: .contentTooLarge, code: "too_large", message: "The upload is too large; send at most 4 MB.")
            default:
                return WebError(status: error.status, code: "http_\(error.status.code)", message: error.body ?? "The request could not be handled; check it and try again.")
            }
        default:
            return .internal
        }
    }

    public static let `internal` = WebError(
        status: .internalServerError, code: "internal",
        message: "Something went wrong on the server; try again, and check the server's log if it keeps failing.")

    /// `{"error": {"code": ..., "message": ...}}`
    public var jsonBody: String {
        JSONRendering.string(ErrorBody(error: .init(code: code, message: message)), pretty: false)
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }

        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: jsonBody + "\n")))
    }
}
