/// What an element's own markup (tag, `class`, `id`, `role`, `itemprop`, visibility) says
/// about its content, before any text is looked at.
struct ElementHint: OptionSet, Hashable {
    let rawValue: UInt8

    /// Named as the main text container (`itemprop="articleBody"`, `class="entry-content"`).
    static let content = ElementHint(rawValue: 1 << 0)
    /// Boilerplate that is dropped whatever it holds (comments, cookie notices, related links).
    static let boilerplate = ElementHint(rawValue: 1 << 1)
    /// Probably boilerplate (navigation, sidebars, meta lines, share bars), dropped unless it
    /// holds most of the page's text: such names also appear on wrappers around the article.
    static let likelyBoilerplate = ElementHint(rawValue: 1 << 2)
    /// Never part of the text (scripts, forms controls, media, hidden elements).
    static let excluded = ElementHint(rawValue: 1 << 3)
    /// The element is an `<article>`, `<main>` or has `role="main"`/`"article"`.
    static let articleElement = ElementHint(rawValue: 1 << 4)
    /// An element named as the page's comments (used to stop the main text there).
    static let comments = ElementHint(rawValue: 1 << 5)
}
