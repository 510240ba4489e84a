import Foundation
import LedeHTML

/// Reads the hints in an element's tag and attributes. Class names and ids are split into
/// words (`article__body`, `shareButtons`, `post-meta` → article/body, share/buttons,
/// post/meta) and matched as words, so that `tag-politics` (a WordPress taxonomy class) is
/// not taken for a tag list, nor `masthead-date` for anything but a date.
struct ElementClassifier {
    // Pages repeat the same class values and names many times over.
    private var valueCache: [String: ElementHint] = [:]
    private var nameCache: [String: ElementHint] = [:]

    mutating func classify(_ tree: HTMLTree, _ node: Int) -> ElementHint {
        let tag = tree.tag(node)
        var hint = ElementClassifier.tagHint(tag)
        if hint.contains(.excluded) { return hint }
        let named = tag != .html && tag != .body
        for attribute in tree.attributes(of: node) {
            switch attribute.name {
            case "class":
                if named { hint.formUnion(hintForNames(attribute.value)) }
            case "id":
                // Ids made from heading text (`nav_nur_die_folie__1`) say nothing about the
                // element; only short ids are names.
                if named && attribute.value.utf8.count <= 24 { hint.formUnion(hintForNames(attribute.value)) }
            case "itemprop":
                if Text.contains(attribute.value, "articlebody") { hint.insert(.content) }
            case "role":
                hint.formUnion(ElementClassifier.roleHint(attribute.value.lowercased()))
            case "hidden":
                hint.insert(.excluded)
            case "aria-hidden":
                if attribute.value == "true" { hint.insert(.likelyBoilerplate) }
            case "style":
                if ElementClassifier.isHiddenStyle(attribute.value) { hint.insert(.likelyBoilerplate) }
            case "type":
                if tag == .input && attribute.value == "hidden" { hint.insert(.excluded) }
            default:
                break
            }
        }
        if hint.contains(.content) { hint.subtract([.boilerplate, .likelyBoilerplate]) }
        // `<article>` and `<main>` say what they hold more reliably than their class names
        // (`node-promoted`, `author-jane`, `has-sidebar`).
        if hint.contains(.articleElement) && !hint.contains(.comments) && (tag == .article || tag == .main) {
            hint.subtract([.boilerplate, .likelyBoilerplate])
        }
        return hint
    }

    static func tagHint(_ tag: HTMLTag) -> ElementHint {
        switch tag {
        case .script, .style, .noscript, .template, .svg, .rt, .rp, .math, .iframe, .object, .embed, .applet,
            .canvas, .audio, .video, .select, .option, .optgroup, .button, .input, .textarea,
            .head, .title, .meta, .link, .base, .dialog, .map, .area, .datalist, .frame, .frameset,
            .noframes, .noembed, .param, .source, .track, .meter, .progress, .output, .label, .slot:
            return .excluded
        case .nav, .aside, .footer, .menu, .search:
            return .likelyBoilerplate
        case .article, .main:
            return .articleElement
        default:
            return []
        }
    }

    static func roleHint(_ role: String) -> ElementHint {
        switch role {
        case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
            "toolbar", "tablist":
            return .likelyBoilerplate
        case "dialog", "alertdialog", "alert":
            return .boilerplate
        case "main", "article":
            return .articleElement
        default:
            return []
        }
    }

    static func isHiddenStyle(_ style: String) -> Bool {
        guard Text.contains(style, "none") || Text.contains(style, "hidden") else { return false }
        let compact = style.lowercased().filter { $0 != " " }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    private mutating func hintForNames(_ value: String) -> ElementHint {
        if let cached = valueCache[value] { return cached }
        var hint: ElementHint = []
        var name: [UInt8] = []
        // Digits never change a name's hint (`post-123`, `menu-item-4622924`), so names that
        // differ only in numbers share one cache entry.
        var key: [UInt8] = []
        func flush(_ hint: inout ElementHint, _ cache: inout [String: ElementHint]) {
            guard !name.isEmpty else { return }
            let keyString = String(decoding: key, as: UTF8.self)
            if let cached = cache[keyString] {
                hint.formUnion(cached)
            } else {
                let nameHint = ElementClassifier.nameHint(String(decoding: name, as: UTF8.self))
                cache[keyString] = nameHint
                hint.formUnion(nameHint)
            }
            name.removeAll(keepingCapacity: true)
            key.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                flush(&hint, &nameCache)
            } else {
                name.append(byte)
                if byte < 0x30 || byte > 0x39 { key.append(byte) }
            }
        }
        flush(&hint, &nameCache)
        valueCache[value] = hint
        return hint
    }

    /// Hints from the words of `class` and `id` values.
    static func nameHint(_ classAndID: some StringProtocol) -> ElementHint {
        var hint: ElementHint = []
        for fullName in classAndID.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            // A BEM modifier (`section--ads`, `teaser--wide`) tells a variant of the element,
            // not what it is.
            let name = ElementClassifier.withoutModifier(fullName)
            let words = splitWords(name)
            guard let first = words.first, let last = words.last else { continue }
            if ElementVocabulary.isContentName(words) {
                hint.insert(.content)
                continue
            }
            // Taxonomy and state classes (`tag-news`, `category-sport`, `has-sidebar`,
            // `no-comments`) describe the page, not the element.
            if words.count > 1, ElementVocabulary.stateOrTaxonomyPrefixes.contains(first) { continue }
            // `field-label-hidden`: about the element's label, not the element.
            if words.contains("label") { continue }
            // State classes (`modal-enabled`, `comments-open`) describe behaviour.
            if words.count > 1, ElementVocabulary.stateSuffixes.contains(last) { continue }
            if ElementVocabulary.leadingLikelyBoilerplateWords.contains(first) {
                hint.insert(.likelyBoilerplate)
            }
            for word in words {
                if ElementVocabulary.commentWords.contains(word) {
                    hint.insert([.boilerplate, .comments])
                } else if ElementVocabulary.boilerplateWords.contains(word) {
                    hint.insert(.boilerplate)
                } else if ElementVocabulary.likelyBoilerplateWords.contains(word) {
                    hint.insert(.likelyBoilerplate)
                }
            }
        }
        return hint
    }

    /// The part of a class name before a BEM `--` modifier.
    static func withoutModifier<Name: StringProtocol>(_ name: Name) -> Name.SubSequence {
        var previous: Character = " "
        for index in name.indices {
            if name[index] == "-" && previous == "-" { return name[..<name.index(before: index)] }
            previous = name[index]
        }
        return name[...]
    }

    /// `article__body-text`, `shareButtons`, `post_meta` → lowercase words.
    static func splitWords(_ name: some StringProtocol) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in name.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = (byte >= 0x61 && byte <= 0x7A)
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper || isLower || byte >= 0x80 {
                if isUpper && previousWasLower && !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(isUpper ? byte | 0x20 : byte)
                previousWasLower = isLower
            } else {
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                previousWasLower = false
                if isDigit { continue }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
