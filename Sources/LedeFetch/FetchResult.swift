import Foundation

/// What to fetch: a feed or a page, with the validators of the previous fetch.
public struct FetchRequest: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case feed, page }

    public var url: String
    public var kind: Kind
    public var etag: String?
    public var lastModified: String?

    public init(url: String, kind: Kind, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.kind = kind
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// A completed fetch.
public struct FetchResponse: Sendable {
    /// The address the body came from, after redirects.
    public var finalURL: String
    public var status: Int
    /// `true` for a 304: the validators matched and `body` is empty.
    public var notModified: Bool
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var body: Data
    /// The address actually connected to for the final hop (after the SSRF check).
    public var connectedAddress: String

    public init(
        finalURL: String, status: Int, notModified: Bool, contentType: String?, etag: String?, lastModified: String?,
        body: Data, connectedAddress: String
    ) {
        self.finalURL = finalURL
        self.status = status
        self.notModified = notModified
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.body = body
        self.connectedAddress = connectedAddress
    }
}
