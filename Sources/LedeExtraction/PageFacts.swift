import LedeHTML

/// The facts a page states about itself in markup, gathered in one pass: `<meta>` tags,
/// `<link>` relations, the `<title>`, `<html lang>`, JSON-LD blocks and microdata
/// (`itemprop`) values. Raw strings; `ArticleMetadata` decides what they mean.
struct PageFacts {
    /// `<meta>` values by lowercased `property`, `name`, `itemprop` or `http-equiv`.
    private(set) var meta: [String: [String]] = [:]
    /// `<link>` targets by lowercased `rel` word.
    private(set) var links: [String: [String]] = [:]
    private(set) var title: String?
    private(set) var htmlLanguage: String?
    /// The raw text of each `<script type="application/ld+json">`.
    private(set) var jsonLD: [String] = []
    /// Microdata values by `itemprop` (from `content`, `datetime` or the text), document order.
    private(set) var microdata: [String: [(node: Int, value: String)]] = [:]
    /// `<time>` elements with their `datetime` (or text) values, document order.
    private(set) var times: [(node: Int, value: String, isPublication: Bool)] = []

    private static let microdataProperties: Set<String> = [
        "datepublished", "datemodified", "datecreated", "author", "headline", "name", "publisher",
        "description", "keywords", "image", "inlanguage",
    ]

    init(tree: HTMLTree) {
        for node in 0..<tree.nodeCount {
            switch tree.tag(node) {
            case .meta:
                readMeta(tree, node)
            case .link:
                if let rel = tree.attribute("rel", of: node), let href = tree.attribute("href", of: node) {
                    for word in rel.lowercased().split(separator: " ") { links[String(word), default: []].append(href) }
                }
            case .title:
                if title == nil { title = Text.normalized(tree.textContent(of: node)) }
            case .html:
                if htmlLanguage == nil { htmlLanguage = tree.attribute("lang", of: node) ?? tree.attribute("xml:lang", of: node) }
            case .script:
                if let type = tree.attribute("type", of: node), Text.contains(type, "ld+json") {
                    jsonLD.append(tree.textContent(of: node))
                }
            case .time:
                let datetime = tree.attribute("datetime", of: node)
                let value = datetime ?? Text.normalized(tree.textContent(of: node))
                let isPublication =
                    tree.attribute("pubdate", of: node) != nil
                    || tree.attribute("itemprop", of: node).map { Text.equals($0, "datepublished") } == true
                if !value.isEmpty { times.append((node, value, isPublication)) }
            case .text, .document:
                continue
            default:
                break
            }
            if tree.isElement(node), let property = tree.attribute("itemprop", of: node), tree.tag(node) != .meta {
                readMicrodata(tree, node, property: property.lowercased())
            }
        }
    }

    private mutating func readMeta(_ tree: HTMLTree, _ node: Int) {
        guard let content = tree.attribute("content", of: node) else { return }
        let value = Text.normalized(content)
        guard !value.isEmpty else { return }
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let name = tree.attribute(key, of: node), !name.isEmpty {
                meta[name.lowercased(), default: []].append(value)
            }
        }
    }

    private mutating func readMicrodata(_ tree: HTMLTree, _ node: Int, property: String) {
        guard PageFacts.microdataProperties.contains(property) else { return }
        var value = tree.attribute("content", of: node) ?? tree.attribute("datetime", of: node) ?? ""
        if value.isEmpty, tree.subtreeEnd(node) - node < 40 { value = Text.normalized(tree.textContent(of: node)) }
        guard !value.isEmpty, value.count < 500 else { return }
        microdata[property, default: []].append((node, value))
    }

    /// The first `<meta>` value among `keys`, in the order given.
    func firstMeta(_ keys: [String]) -> String? {
        for key in keys { if let value = meta[key]?.first { return value } }
        return nil
    }

    /// All `<meta>` values under `keys`.
    func allMeta(_ keys: [String]) -> [String] {
        keys.flatMap { meta[$0] ?? [] }
    }
}
