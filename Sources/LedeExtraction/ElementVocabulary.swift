/// The words in class names and ids that say what an element holds. General web vocabulary
/// (WordPress, Drupal, BEM naming, ad and comment platforms), never names of single sites.
enum ElementVocabulary {
    /// First words of class names that describe the page's state or taxonomy rather than
    /// the element (`tag-politics`, `category-news`, `has-sidebar`, `no-comments`).
    static let stateOrTaxonomyPrefixes: Set<String> = [
        "tag", "category", "categories", "cat", "has", "is", "no", "with", "without", "type",
        "format", "status", "template", "label", "term", "taxonomy", "parent", "theme", "js", "lang", "single",
        "page", "section", "topic", "level", "color", "bg", "hide", "show", "can", "logged",
    ]

    /// Last words of class names that describe a state (`modal-enabled`, `comments-open`).
    static let stateSuffixes: Set<String> = [
        "enabled", "disabled", "active", "inactive", "open", "opened", "closed", "visible", "loaded",
        "loading", "initialized", "ready", "on", "off", "expanded", "collapsed", "selected", "allowed",
        "count", "counter", "number",
    ]

    /// Likely boilerplate only as the first word of a class name (`widget_text`, not
    /// `elementor-widget-container`, which page builders put around everything).
    static let leadingLikelyBoilerplateWords: Set<String> = ["widget", "widgets"]

    /// Comments and the forms to write them.
    static let commentWords: Set<String> = [
        "comment", "comments", "commentlist", "commentform", "kommentar", "kommentare", "comentarios",
        "comentario", "commentaires", "commentaire", "commenti", "commento", "reacties", "disqus",
        "respond", "reply", "replies", "discussion",
    ]

    /// Always boilerplate, whatever it holds.
    static let boilerplateWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "cmp", "newsletter", "newsletters", "subscribe",
        "subscription", "signup", "related", "relatedposts", "recommended",
        "recommendations", "recommendation", "outbrain", "taboola", "plista", "ligatus", "breadcrumb",
        "breadcrumbs", "pagination", "pager", "popup", "modal", "overlay", "sharedaddy", "addtoany",
        "shariff", "skiplink", "advert", "adverts", "advertisement", "advertising", "adsense",
        "adslot", "adunit", "dfp", "sponsored", "sr", "screenreader",
        "visuallyhidden", "noprint", "mostpopular", "mostread", "trending", "akismet",
    ]

    /// Usually boilerplate, but the same words appear on wrappers around the article
    /// (`content-with-sidebar`, `main-nav-offset`), so they yield to a large share of text.
    static let likelyBoilerplateWords: Set<String> = [
        "share", "sharing", "shares", "sharebar", "socialshare", "social", "sociable", "socials",
        "nav", "navbar", "navigation", "menu", "submenu", "subnav", "topbar", "toolbar", "sidebar",
        "footer", "masthead", "byline", "author", "authors", "dateline",
        "timestamp", "date", "meta", "metadata", "postmetadata", "tags", "tagcloud", "taglist",
        "keywords", "email", "rating", "ratings", "vote", "reactions", "likes", "hidden",
        "invisible", "offscreen", "banner", "ad", "ads", "disclaimer", "copyright", "credit", "caption", "captions", "figcaption",
        "credits", "follow", "button", "buttons", "btn", "icon", "icons", "readmore", "syndication",
        "viral", "infoline", "paywall", "login", "promo", "promotion", "userinfo", "profile", "bio", "tools", "utility", "utilities",
    ]

    private static let contentFirstWords: Set<String> = [
        "article", "entry", "post", "story", "news", "blog", "main", "body", "rich", "text", "content",
        "page", "item", "single", "node", "field",
    ]
    private static let contentSecondWords: Set<String> = [
        "body", "content", "text", "entry", "copy", "bodycopy", "article",
    ]
    private static let contentCompounds: Set<String> = [
        "articlebody", "articlecontent", "articletext", "entrycontent", "entrybody", "postcontent",
        "postbody", "posttext", "postentry", "storybody", "storycontent", "storytext", "bodytext",
        "richtext", "maincontent", "newstext", "fulltext", "articletxt", "bodycopy", "postarea",
    ]

    /// `entry-content`, `articleBody`, `post__text`, `story-body`: names of a text container.
    static func isContentName(_ words: [String]) -> Bool {
        if words.contains(where: { commentWords.contains($0) }) { return false }
        for (index, word) in words.enumerated() {
            if contentCompounds.contains(word) { return true }
            if index + 1 < words.count, contentFirstWords.contains(word),
                contentSecondWords.contains(words[index + 1]), word != words[index + 1]
            {
                return true
            }
        }
        return false
    }
}
