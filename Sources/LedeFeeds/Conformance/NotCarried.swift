/// The feedparser result fields Lede does not keep, and why.
enum NotCarried {
    static let documentMetadata = "HTTP and parser metadata, not feed content"
    static let imageDetails = "only the image's address is kept, not its title, link, size or description"
    static let contentSource = "out-of-line content (Atom src) is not fetched or kept"

    static func reason(for key: String) -> String {
        if key.hasPrefix("itunes_") { return "iTunes directory flags (block, explicit, duration) are not news content" }
        if key.hasPrefix("psc_") { return "podcast chapter marks are not news content" }
        if key.hasPrefix("media_") { return "Media RSS credits, players and restrictions are not kept" }
        if key == "where" || key.hasPrefix("georss") || key.hasPrefix("gml") { return "geographic data is not kept" }
        if key.hasPrefix("thr_") || key.hasPrefix("wfw_") || key == "license" {
            return "comment threading and licence links are not kept"
        }
        switch key {
        case "cloud", "textinput", "docs", "ttl", "newlocation":
            return "RSS channel plumbing (cloud, text input, docs, ttl) is not news content"
        case "validity", "validity_start", "validity_end", "expired", "created":
            return "validity, expiry and creation dates are not kept; published and updated are"
        case "language":
            return "per-item language is not kept; the feed's is"
        case "subtitle", "subtitle_detail":
            return "per-item subtitles are not kept"
        default:
            return "element \(key) is not part of Lede's model"
        }
    }
}
