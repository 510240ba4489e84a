/// A text construct being read: a title, summary, content or similar element whose text may be
/// plain, escaped HTML or inline XHTML.
struct TextConstruct {
    enum Field { case title, mediaTitle, subtitle, summary, content, rights, info, mediaDescription }

    var field: Field
    var kind: ParsedText.Kind
    var isBase64: Bool
    var language: String?
    var base: String?
    /// `frames.count` once the construct's own frame is pushed.
    var depth: Int
    var src: String?
    // Atom 1.0 wraps XHTML content in one `<div>` that is not part of the content.
    var hasLooseText = false
    var topLevelChildren = 0
    var wrapperContentStart: Int?
    var wrapperContentEnd: Int?
}
