import Foundation
import Hummingbird
import Mustache
import Synchronization

/// Renders pages from the mustache templates shipped with the target. Values are escaped by
/// `{{ }}`; the only unescaped insertion (`{{{content}}}` in the layout) is another template's
/// output, never text from a feed.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    private let shells = LayoutShells()

    /// - Throws: `WebError` when the templates are missing from the build.
    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebError(status: .internalServerError, code: "templates_missing", message: "The web templates are missing from this build; rebuild Lede.")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder.path))
    }

    func render(_ template: String, _ object: Any) -> String {
        library.render(object, withTemplate: template) ?? ""
    }

    /// A whole page: the template's output inside the layout.
    func page(_ template: String, _ object: Any, layout: Layout, status: HTTPResponse.Status = .ok) -> Response {
        var layout = layout
        layout.content = render(template, object)
        return html(render("layout", layout), status: status)
    }

    /// A page whose content was rendered (and maybe cached) already. The layout around it is
    /// rendered once per kind of page and reader and then only filled in, which keeps the
    /// busiest page (today's briefing) free of template work.
    /// - Parameter contentParts: the content, split where the session's CSRF token goes.
    func page(contentParts: [String], layout: Layout, status: HTTPResponse.Status = .ok) -> Response {
        let csrf = layout.reader?.csrf ?? ""
        let shell = shells.shell(for: layout) { marked in render("layout", marked) }
        var buffer = ByteBufferAllocator().buffer(capacity: shell.size + contentParts.reduce(0) { $0 + $1.utf8.count } + 512)
        for (index, part) in shell.parts.enumerated() {
            if index > 0 {
                if shell.slots[index - 1] == .content {
                    for (partIndex, contentPart) in contentParts.enumerated() {
                        if partIndex > 0 { buffer.writeString(csrf) }
                        buffer.writeString(contentPart)
                    }
                } else {
                    buffer.writeString(csrf)
                }
            }
            buffer.writeString(part)
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: buffer))
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// What every page shows around its content.
struct Layout: Sendable {
    struct NavItem: Sendable {
        var href: String
        var label: String
        var current: Bool
    }

    struct Chrome: Sendable {
        var name: String
        var csrf: String
        var nav: [NavItem]
    }

    var title: String
    var reader: Chrome?
    var notice: String?
    var problem: String?
    var content = ""
    /// A page read without signing in (shared stories) shows no navigation.
    var isPublic = false
    /// Reload every few seconds when scripts are off (a fetch is running).
    var refresh = false

    init(title: String, reader: Chrome? = nil, notice: String? = nil, problem: String? = nil) {
        self.title = title
        self.reader = reader
        self.notice = notice
        self.problem = problem
    }

    static let sections: [(href: String, label: String)] = [
        ("/", "Today"), ("/briefings", "Past editions"), ("/conversations", "Questions"), ("/sources", "Sources"),
        ("/profile", "Profile"), ("/account", "Account"),
    ]

    /// The chrome for a signed-in reader, with the current section marked.
    static func chrome(name: String, csrf: String, current: String) -> Chrome {
        Chrome(name: name, csrf: csrf, nav: sections.map { NavItem(href: $0.href, label: $0.label, current: $0.href == current) })
    }
}

/// Rendered layouts with holes where the content and the CSRF token go, by everything else
/// the layout shows.
final class LayoutShells: Sendable {
    enum Slot: Sendable { case content, csrf }

    struct Shell: Sendable {
        var parts: [String]
        var slots: [Slot]
        var size: Int
    }

    static let contentMarker = "\u{1}LEDE-CONTENT\u{1}"
    static let csrfMarker = "\u{1}LEDE-CSRF\u{1}"
    private let shells = Mutex<[String: Shell]>([:])

    func shell(for layout: Layout, render: (Layout) -> String) -> Shell {
        let key = [
            layout.title, layout.reader?.name ?? "", layout.reader?.nav.first(where: \.current)?.href ?? "", layout.notice ?? "",
            layout.problem ?? "", layout.isPublic ? "public" : "", layout.refresh ? "refresh" : "",
        ].joined(separator: "\u{1}")
        if let shell = shells.withLock({ $0[key] }) { return shell }
        var marked = layout
        marked.content = Self.contentMarker
        if marked.reader != nil { marked.reader?.csrf = Self.csrfMarker }
        let shell = Self.split(render(marked))
        shells.withLock { shells in
            if shells.count > 1_000 { shells.removeAll() }
            shells[key] = shell
        }
        return shell
    }

    /// Splits a rendered layout at its markers.
    static func split(_ text: String) -> Shell {
        var parts: [String] = []
        var slots: [Slot] = []
        var rest = Substring(text)
        while true {
            let content = rest.range(of: contentMarker)
            let csrf = rest.range(of: csrfMarker)
            guard let next = [content.map { ($0, Slot.content) }, csrf.map { ($0, Slot.csrf) }].compactMap({ $0 })
                .min(by: { $0.0.lowerBound < $1.0.lowerBound })
            else { break }
            parts.append(String(rest[..<next.0.lowerBound]))
            slots.append(next.1)
            rest = rest[next.0.upperBound...]
        }
        parts.append(String(rest))
        return Shell(parts: parts, slots: slots, size: text.utf8.count)
    }
}
