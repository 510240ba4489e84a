/// An HTML element name as a small number, so that code walking a large tree compares
/// integers instead of strings. Names outside this list are `.other`; `HTMLTree.name(of:)`
/// still gives their spelling.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    // Not elements.
    case document, text, other

    case a, abbr, acronym, address, applet, area, article, aside, audio
    case b, base, basefont, bdi, bdo, big, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup
    case data, datalist, dd, del, details, dfn, dialog, dir, div, dl, dt
    case em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html
    case i, iframe, img, input, ins, kbd, label, legend, li, link, listing
    case main, map, mark, marquee, math, menu, meta, meter
    case nav, nobr, noembed, noframes, noscript
    case object, ol, optgroup, option, output, p, param, picture, plaintext, pre, progress
    case q, rp, rt, ruby, s, samp, script, search, section, select, slot, small, source, span
    case strike, strong, style, sub, summary, sup, svg
    case table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, track, tt
    case u, ul, `var`, video, wbr, xmp

    /// The tag for a lowercase element name; `.other` when it is not a standard HTML name.
    public init(name: String) {
        self = HTMLTag.byName[name] ?? .other
    }

    /// The element name as HTML spells it (empty for `.document` and `.text`, "" for `.other`).
    public var name: String { HTMLTag.names[Int(rawValue)] }

    private static let names: [String] = HTMLTag.allCases.map { tag in
        switch tag {
        case .document, .text, .other: ""
        default: String(describing: tag)
        }
    }

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for tag in HTMLTag.allCases where tag != .document && tag != .text && tag != .other {
            table[String(describing: tag)] = tag
        }
        return table
    }()

    /// Elements that start a new block of text when rendered (the HTML "flow" boundaries
    /// that matter for splitting a page into paragraphs).
    public var isBlock: Bool { HTMLTag.blockTags[Int(rawValue)] }

    /// Elements that have no content and no end tag.
    public var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param, .source,
            .track, .wbr:
            true
        default: false
        }
    }

    /// `h1` … `h6`.
    public var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }

    private static let blockTags: [Bool] = {
        let blocks: Set<HTMLTag> = [
            .address, .article, .aside, .blockquote, .body, .caption, .center, .dd, .details,
            .dialog, .dir, .div, .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form,
            .frameset, .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr, .html, .legend,
            .li, .listing, .main, .menu, .nav, .ol, .p, .plaintext, .pre, .search, .section,
            .summary, .table, .tbody, .td, .tfoot, .th, .thead, .tr, .ul, .xmp, .br, .title,
            .option, .select, .textarea, .iframe, .video, .audio, .canvas, .noscript, .document,
        ]
        var table = [Bool](repeating: false, count: Int(UInt8.max) + 1)
        for tag in blocks { table[Int(tag.rawValue)] = true }
        return table
    }()
}
