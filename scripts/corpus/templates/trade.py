"""A tech trade site: JSON-LD NewsArticle, <div class="story-body"> of <div>s, rel="author" byline."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, comment_time, esc,
    insert_point, iso_utc, json_ld, legal_links, nav_links, reading_minutes, short_us_date, slugify,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    author_url = outlet.url(f"/people/{slugify(article.author)}")
    metadata = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": iso_utc(article.published),
        "dateModified": iso_utc(article.published),
        "author": [{"@type": "Person", "name": article.author, "url": author_url}],
        "publisher": {
            "@type": "Organization",
            "name": outlet.name,
            "logo": {"@type": "ImageObject", "url": outlet.url("/assets/logo-512.png")},
        },
        "image": [ctx.image_url],
        "keywords": list(article.tags),
        "mainEntityOfPage": ctx.url,
    }
    inserts = {}
    point = insert_point(article, 2)
    if point and ctx.earlier_related:
        pick = ctx.earlier_related[0]
        inserts[point] = (
            '<div class="read-also">\n'
            '<span class="read-also-label">Read also</span>\n'
            f'<a href="{pick.path}">{esc(pick.title)}</a>\n'
            "</div>"
        )
    body = "\n".join(body_html(
        article.blocks,
        paragraph='<div class="paragraph">{}</div>',
        heading='<div class="subhead"><h2>{}</h2></div>',
        note='<div class="paragraph note">{}</div>',
        inserts=inserts,
    ))
    tags = "".join(f'<a class="tag" href="/tag/{slugify(tag)}">{esc(tag)}</a>' for tag in article.tags)
    latest = "\n".join(
        f'<li><a href="{item.path}">{esc(item.title)}</a><span class="when">{short_us_date(outlet.local_time(item.published))}</span></li>'
        for item in ctx.latest
    )
    discussion = "\n".join(
        '<li class="comment">\n'
        f'<div class="comment-head"><b class="handle">{esc(c.author)}</b> <span class="ago">{comment_time(c.posted, outlet)}</span></div>\n'
        f'<div class="comment-body">{esc(c.text)}</div>\n'
        '<div class="comment-actions"><a href="#">Reply</a> · <a href="#">Upvote</a></div>\n'
        "</li>"
        for c in ctx.comments
    )
    ad = ad_text(outlet, article.id, "rail")
    section = article.section or (article.tags[0] if article.tags else "News")
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} - {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article.summary)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:image" content="{ctx.image_url}">
<link rel="canonical" href="{ctx.url}">
<link rel="stylesheet" href="/assets/app.css">
{alternate_feed_link(outlet)}
{json_ld(metadata)}
</head>
<body>
<div class="consent-bar" id="consent">
<span>{esc(outlet.settings["cookie_text"])}</span>
<a class="btn" href="#" data-consent="yes">OK</a> <a href="/privacy#cookies">Learn more</a>
</div>
<div class="topbar">
<a class="brand" href="/">{esc(outlet.name)}</a>
<nav>{nav_links(outlet, "menu")}</nav>
<a class="cta" href="/newsletter">Get the daily brief</a>
</div>
<div class="layout">
<div class="main-column">
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/{slugify(section)}/">{esc(section)}</a></div>
<div class="headline-block">
<h1 class="headline">{esc(article.title)}</h1>
<div class="meta">
<a rel="author" href="{author_url}">{esc(article.author)}</a>
<span class="dot">·</span> <span class="date">{short_us_date(local)}</span>
<span class="dot">·</span> <span class="read-time">{reading_minutes(article)} min read</span>
</div>
</div>
<div class="share-row"><a href="#">Share</a> <a href="#">Post</a> <a href="#">Copy link</a> <a href="#">Save</a></div>
<div class="story-body">
{body}
</div>
<div class="tags">{tags}</div>
<div class="discussion" id="discussion">
<h3>Discussion ({len(ctx.comments)})</h3>
<ul class="comment-thread">
{discussion}
</ul>
<div class="login-to-comment"><a href="/login">Log in</a> to join the discussion.</div>
</div>
</div>
<div class="rail">
<div class="rail-ad"><span class="label">Sponsored</span><p><b>{esc(ad["advertiser"])}</b> {esc(ad["text"])}</p></div>
<div class="rail-box newsletter">
<h4>{esc(outlet.settings["newsletter_title"])}</h4>
<p>{esc(outlet.settings["newsletter_text"])}</p>
<input type="email" placeholder="you@company.com"><button>Subscribe</button>
</div>
<div class="rail-box latest">
<h4>Latest</h4>
<ul>
{latest}
</ul>
</div>
</div>
</div>
<div class="footer">
<div class="footer-links">{legal_links(outlet)}</div>
<div class="footer-copy">{esc(outlet.settings["publisher"])} © 2026 · <a href="{outlet.feed_url}">Atom feed</a></div>
</div>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    cards = "\n".join(
        '<div class="card">\n'
        f'<a class="card-title" href="{a.path}">{esc(a.title)}</a>\n'
        f'<div class="card-teaser">{esc(a.summary)}</div>\n'
        f'<div class="card-meta">{esc(a.author)} · {short_us_date(outlet.local_time(a.published))}</div>\n'
        "</div>"
        for a in ctx.articles
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(outlet.name)}: {esc(outlet.settings["tagline"])}</title>
<meta name="description" content="{attr(outlet.description)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<link rel="canonical" href="{outlet.homepage}">
{alternate_feed_link(outlet)}
</head>
<body>
<div class="topbar"><a class="brand" href="/">{esc(outlet.name)}</a><nav>{nav_links(outlet, "menu")}</nav></div>
<div class="cards">
{cards}
</div>
<div class="footer"><div class="footer-links">{legal_links(outlet)}</div></div>
</body>
</html>
"""
