"""A policy outlet: article:published_time meta, <div class="entry-content">, "Read also" asides."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, comment_time, esc,
    insert_point, iso_local, legal_links, long_us_date, nav_links, slugify,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    inserts = {}
    point = insert_point(article, 3)
    if point and ctx.earlier_related:
        links = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in ctx.earlier_related[:2])
        inserts[point] = f'<aside class="read-also"><h4>Read also</h4><ul>{links}</ul></aside>'
    body = "\n".join(body_html(article.blocks, heading="<h3>{}</h3>", inserts=inserts))
    ad = ad_text(outlet, article.id, "sidebar")
    subjects = " | ".join(f'<a href="/issues/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in article.tags)
    documents = "".join(
        f"<li>{esc(item)}</li>" for item in outlet.settings.get("sidebar_documents", [])
    )
    comments = "\n".join(
        f'<li class="comment" id="comment-{index + 1}">\n'
        f'<cite class="fn">{esc(c.author)}</cite> <span class="says">says:</span>\n'
        f'<div class="comment-meta">{comment_time(c.posted, outlet)}</div>\n'
        f"<p>{esc(c.text)}</p>\n"
        "</li>"
        for index, c in enumerate(ctx.comments)
    )
    latest = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in ctx.latest[:5])
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} — {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article.summary)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:url" content="{ctx.url}">
<meta property="og:image" content="{ctx.image_url}">
<meta property="article:published_time" content="{iso_local(local)}">
<meta property="article:author" content="{attr(article.author)}">
<meta property="article:section" content="{attr(article.section or 'Policy')}">
<link rel="canonical" href="{ctx.url}">
<link rel="stylesheet" href="/wp-content/themes/circuit/style.css">
{alternate_feed_link(outlet)}
</head>
<body class="single single-post">
<div id="gdpr-banner"><p>{esc(outlet.settings["cookie_text"])}</p><a href="#" class="gdpr-accept">I agree</a> <a href="/privacy-policy/">Privacy policy</a></div>
<div id="masthead">
<div class="site-branding"><p class="site-title"><a href="/">{esc(outlet.name)}</a></p><p class="site-description">{esc(outlet.settings["tagline"])}</p></div>
<nav id="site-navigation" class="main-navigation">{nav_links(outlet, "menu")}</nav>
</div>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<div class="post-header">
<span class="cat-links"><a href="/issues/{slugify(article.section or 'Policy')}/">{esc(article.section or 'Policy')}</a></span>
<h1 class="entry-title">{esc(article.title)}</h1>
<div class="entry-byline">By <a href="/author/{slugify(article.author)}/">{esc(article.author)}</a>, {esc(outlet.name)}</div>
</div>
<div class="entry-content">
{body}
</div>
<div class="entry-footer">
<p class="filed-under">Filed under: {subjects}</p>
<p class="corrections">Spotted an error? <a href="/corrections/">Request a correction</a>.</p>
</div>
<div class="newsletter-box">
<h3>{esc(outlet.settings["newsletter_title"])}</h3>
<p>{esc(outlet.settings["newsletter_text"])}</p>
<form><input type="email" name="EMAIL" placeholder="Email address"><input type="submit" value="Subscribe"></form>
</div>
<div id="comments" class="comments-area">
<h2 class="comments-title">{len(ctx.comments)} thoughts on “{esc(article.title)}”</h2>
<ol class="comment-list">
{comments}
</ol>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
</div>
</div>
<aside id="secondary" class="widget-area">
<section class="widget widget_ad"><p class="ad-label">Advertisement</p><p>{esc(ad["advertiser"])} — {esc(ad["text"])}</p></section>
<section class="widget widget_documents"><h2 class="widget-title">Key documents</h2><ul>{documents}</ul></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Recent coverage</h2><ul>{latest}</ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
<div class="site-info">{legal_links(outlet)}</div>
<div class="site-copyright">© 2026 {esc(outlet.settings["publisher"])}. Independent, nonpartisan policy journalism.</div>
</footer>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    entries = "\n".join(
        '<article class="post">\n'
        f'<h2 class="entry-title"><a href="{a.path}" rel="bookmark">{esc(a.title)}</a></h2>\n'
        f'<div class="entry-meta">{long_us_date(outlet.local_time(a.published))} · {esc(a.author)}</div>\n'
        f'<div class="entry-summary"><p>{esc(a.summary)}</p></div>\n'
        "</article>"
        for a in ctx.articles
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(outlet.name)} — {esc(outlet.settings["tagline"])}</title>
<meta name="description" content="{attr(outlet.description)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
{alternate_feed_link(outlet)}
</head>
<body class="home blog">
<div id="masthead"><p class="site-title"><a href="/">{esc(outlet.name)}</a></p><nav>{nav_links(outlet, "menu")}</nav></div>
<div id="content">
{entries}
</div>
<footer id="colophon"><div class="site-info">{legal_links(outlet)}</div></footer>
</body>
</html>
"""
