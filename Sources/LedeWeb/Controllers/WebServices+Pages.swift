import Foundation
import Hummingbird
import LedeCore

extension WebServices {
    /// The layout of a signed-in reader's page.
    func layout(_ title: String, context: LedeRequestContext, current: String, notice: String? = nil, problem: String? = nil) -> Layout {
        var layout = Layout(title: title, notice: notice, problem: problem)
        if let reader = context.reader {
            layout.reader = Layout.chrome(name: reader.name, csrf: context.session?.csrfToken ?? "", current: current)
        }
        return layout
    }

    /// The reader's feedback by story.
    func feedbackByStory(userID: Int64) async throws -> [Int64: Feedback.Kind] {
        var byStory: [Int64: Feedback.Kind] = [:]
        for item in try await store.feedback(userID: userID) { byStory[item.storyID] = item.kind }
        return byStory
    }

    /// The profile a page is about: `?profile=NAME`, else the reader's usual one.
    func profile(for request: Request, userID: Int64) async throws -> Profile {
        try await editions.profile(named: request.uri.queryParameters["profile"].map(String.init), userID: userID)
    }
}

extension LedeRequestContext {
    /// The session's CSRF token, for forms.
    var csrf: String { session?.csrfToken ?? "" }

    /// The submitted form; empty for a request that had none.
    var submitted: FormFields { form ?? FormFields() }
}

extension Response {
    /// Back to a page after a form (303, so the browser does a GET).
    static func seeOther(_ location: String) -> Response {
        .redirect(to: location, type: .normal)
    }
}

/// Path parameters as ids.
extension Parameters {
    func id(_ name: String, what: String) throws -> Int64 {
        guard let text = self.get(name), let id = Int64(text), id > 0 else { throw WebError.notFound(what) }
        return id
    }
}

extension WebServices {
    /// The site's own address for links shown to the reader (feeds, shares).
    func baseURL(for request: Request) -> String {
        if let configured = configuration.publicURL, !configured.isEmpty {
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        let scheme = SessionCookie.isSecure(request, configured: configuration.secureCookies) ? "https" : "http"
        let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        return "\(scheme)://\(host)"
    }
}
