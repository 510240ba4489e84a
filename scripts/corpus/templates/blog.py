"""A markets blog on a WordPress-style theme: entry-content, sharing widgets, sidebar, comment list."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, comment_time, esc,
    legal_links, long_us_date, slugify, stable_number,
)


def post_id(article_id: str) -> int:
    return 4000 + stable_number(article_id, "post-id") % 5000


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    body = "\n".join(body_html(article.blocks, heading="<h3>{}</h3>"))
    categories = ", ".join(
        f'<a href="/category/{slugify(c)}/" rel="category tag">{esc(c)}</a>' for c in article.tags[:1]
    )
    tags = ", ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in article.tags[1:])
    comments = "\n".join(
        f'<li id="comment-{post_id(article.id) * 10 + index}" class="comment">\n'
        '<article class="comment-body">\n'
        f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(c.author)}</b> <span class="says">says:</span></div>\n'
        f'<div class="comment-metadata"><a href="#comment-{post_id(article.id) * 10 + index}">{comment_time(c.posted, outlet)}</a></div></footer>\n'
        f'<div class="comment-content"><p>{esc(c.text)}</p></div>\n'
        '<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div>\n'
        "</article>\n"
        "</li>"
        for index, c in enumerate(ctx.comments)
    )
    recent = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in ctx.latest[:5])
    previous = ctx.previous
    nav = (
        f'<div class="nav-previous"><a href="{previous.path}" rel="prev"><span class="meta-nav">←</span> {esc(previous.title)}</a></div>'
        if previous else ""
    )
    ad = ad_text(outlet, article.id, "widget")
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="UTF-8">
<title>{esc(article.title)} &#8211; {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{ctx.url}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:image" content="{ctx.image_url}">
{alternate_feed_link(outlet)}
<link rel="stylesheet" id="basis-style-css" href="/wp-content/themes/basis/style.css?ver=3.2" media="all">
</head>
<body class="post-template-default single single-post postid-{post_id(article.id)}">
<div id="cookie-law-info-bar"><span>{esc(outlet.settings["cookie_text"])} <a role="button" class="cli_action_button">ACCEPT</a> <a href="/privacy/">Read More</a></span></div>
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<p class="site-title"><a href="/" rel="home">{esc(outlet.name)}</a></p>
<p class="site-description">{esc(outlet.settings["tagline"])}</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{"".join(f'<li class="menu-item"><a href="/category/{slugify(s)}/">{esc(s)}</a></li>' for s in outlet.settings["sections"])}</ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-{post_id(article.id)}" class="post-{post_id(article.id)} post type-post status-publish format-standard hentry">
<header class="entry-header">
<h1 class="entry-title">{esc(article.title)}</h1>
<div class="entry-meta">
<span class="posted-on">Posted on <a href="{article.path}" rel="bookmark"><time class="entry-date published" datetime="{local.isoformat(timespec="seconds")}">{long_us_date(local)}</time></a></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{slugify(article.author)}/">{esc(article.author)}</a></span></span>
</div>
</header>
<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Share on X</a></li><li><a href="#">LinkedIn</a></li><li><a href="#">Email</a></li></ul></div>
<div class="sharedaddy sd-like"><h3 class="sd-title">Like this:</h3><span>Like</span> <span class="loading">Loading...</span></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in {categories}</span> <span class="tags-links">Tagged {tags}</span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">{nav}</div></nav>
<div id="comments" class="comments-area">
<h2 class="comments-title">{len(ctx.comments)} thoughts on &ldquo;{esc(article.title)}&rdquo;</h2>
<ol class="comment-list">
{comments}
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>
</div>
</main>
</div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" class="search-form"><input type="search" class="search-field" placeholder="Search &hellip;"></form></section>
<section class="widget widget_text"><h2 class="widget-title">Disclaimer</h2><div class="textwidget"><p>{esc(outlet.settings["disclaimer"])}</p></div></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul></section>
<section class="widget widget_email"><h2 class="widget-title">{esc(outlet.settings["newsletter_title"])}</h2><p>{esc(outlet.settings["newsletter_text"])}</p><input type="email" placeholder="Email Address"><button>Subscribe</button></section>
<section class="widget widget_custom_html"><div class="ad-widget"><small>Sponsored</small><p>{esc(ad["advertiser"])}: {esc(ad["text"])}</p></div></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2026/04/">April 2026</a></li><li><a href="/2026/03/">March 2026</a></li><li><a href="/2026/02/">February 2026</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">{legal_links(outlet)} | Proudly powered by an ordinary blog engine</div></footer>
</div>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    posts = "\n".join(
        f'<article id="post-{post_id(a.id)}" class="post">\n'
        f'<header class="entry-header"><h2 class="entry-title"><a href="{a.path}" rel="bookmark">{esc(a.title)}</a></h2>\n'
        f'<div class="entry-meta"><time class="entry-date published" datetime="{outlet.local_time(a.published).isoformat(timespec="seconds")}">{long_us_date(outlet.local_time(a.published))}</time> by {esc(a.author)}</div></header>\n'
        f'<div class="entry-summary"><p>{esc(a.summary)} <a class="more-link" href="{a.path}">Continue reading</a></p></div>\n'
        "</article>"
        for a in ctx.articles
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="UTF-8">
<title>{esc(outlet.name)} &#8211; {esc(outlet.settings["tagline"])}</title>
<meta name="description" content="{attr(outlet.description)}">
{alternate_feed_link(outlet)}
</head>
<body class="home blog">
<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">{esc(outlet.name)}</a></p><p class="site-description">{esc(outlet.settings["tagline"])}</p></header>
<main id="main" class="site-main">
{posts}
</main>
<footer id="colophon" class="site-footer"><div class="site-info">{legal_links(outlet)}</div></footer>
</body>
</html>
"""
