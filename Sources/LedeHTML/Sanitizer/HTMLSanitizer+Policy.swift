extension HTMLSanitizer {
    /// Elements kept (with their allowed attributes). Everything else loses its tags but keeps
    /// its text, except the elements in `droppedWithContent`.
    ///
    /// The list is the long-standing feed-reader set (text, lists, tables, media, HTML5 sections),
    /// minus what can run code, load other documents or collect input: `script`, `style`,
    /// `iframe`, `frame`, `object`, `embed`, `applet`, `form` and its controls, `base`, `meta`,
    /// `link`, SVG and MathML.
    static let allowedElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "br", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command",
        "datagrid", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source",
        "fieldset", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "i", "img", "ins", "kbd", "label", "legend", "li", "m", "main", "map", "mark", "menu",
        "meter", "multicol", "nav", "nextid", "ol", "output", "p", "picture", "pre", "progress", "q", "rp",
        "rt", "ruby", "s", "samp", "section", "small", "sound", "source", "spacer", "span", "strike",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr",
    ]

    /// Elements whose content is dropped along with their tags: executable or invisible text.
    static let droppedWithContent: Set<String> = ["script", "style", "template", "title"]

    /// Elements written without an end tag (`<br />`).
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Attributes kept on allowed elements: presentation and accessibility only. Event handlers
    /// (`on…`) are never in it; URL-valued ones are checked by `urlAttributes` first.
    static let allowedAttributes: Set<String> = [
        "abbr", "accept", "accept-charset", "accesskey", "align", "alt", "autocomplete", "autofocus", "axis",
        "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor", "bordercolordark",
        "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch", "challenge", "char",
        "charoff", "charset", "checked", "choff", "cite", "class", "clear", "color", "cols", "colspan",
        "compact", "contenteditable", "controls", "coords", "data", "datafld", "datapagesize", "datasrc",
        "datetime", "default", "delay", "dir", "disabled", "draggable", "dynsrc", "end", "face", "for",
        "frame", "galleryimg", "gutter", "headers", "height", "hidden", "hidefocus", "high", "href",
        "hreflang", "hspace", "icon", "id", "inputmode", "ismap", "keytype", "label", "lang", "leftspacing",
        "list", "longdesc", "loop", "loopcount", "loopend", "loopstart", "low", "lowsrc", "max", "maxlength",
        "media", "min", "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum", "pattern",
        "point-size", "poster", "pqg", "preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max",
        "repeat-min", "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules", "scope",
        "selected", "shape", "size", "sizes", "span", "src", "srcset", "start", "step", "style", "summary",
        "suppress", "tabindex", "target", "template", "title", "toppadding", "type", "unselectable", "urn",
        "usemap", "valign", "value", "variable", "volume", "vrml", "vspace", "width", "wrap", "xml:lang",
    ]

    /// Attributes holding a URL: only http, https and mailto (or a relative reference, made
    /// absolute) survive; anything else is emptied.
    static let urlAttributes: Set<String> = [
        "action", "background", "cite", "data", "dynsrc", "href", "icon", "longdesc", "lowsrc", "poster", "src",
        "usemap",
    ]

    /// Schemes a reader may follow or load.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]
}
