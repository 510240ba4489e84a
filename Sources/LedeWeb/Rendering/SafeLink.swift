import Foundation

/// Links taken from feeds go into `href` only when they are plain web addresses: escaping
/// stops markup injection but not a `javascript:` URL.
enum SafeLink {
    static func href(_ url: String?) -> String? {
        guard let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty,
            let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else { return nil }
        return url
    }
}
