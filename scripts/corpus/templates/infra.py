"""An energy and data-centre trade title: JSON-LD metadata, BEM-style markup, visible UK-style dates."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, alternate_feed_link, body_html, comment_time, esc, insert_point,
    iso_local, json_ld, legal_links, long_uk_date, nav_links, slugify,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    metadata = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": iso_local(local),
        "author": {"@type": "Person", "name": article.author},
        "keywords": ", ".join(article.tags),
        "articleSection": article.section or "Infrastructure",
        "image": {"@type": "ImageObject", "url": ctx.image_url, "width": 1600, "height": 900},
        "publisher": {"@type": "Organization", "name": outlet.name},
        "url": ctx.url,
    }
    inserts = {}
    point = insert_point(article, 3)
    if point:
        inserts[point] = (
            '<div class="promo promo--event">\n'
            f'<p class="promo__title">{esc(outlet.settings["event_title"])}</p>\n'
            f'<p class="promo__text">{esc(outlet.settings["event_text"])} <a href="/events/summit-2026">Book your pass</a></p>\n'
            "</div>"
        )
    body = "\n".join(body_html(
        article.blocks,
        paragraph='<p class="article__para">{}</p>',
        heading='<h2 class="article__subhead">{}</h2>',
        inserts=inserts,
    ))
    most_read = "\n".join(
        f'<li class="most-read__item"><span class="most-read__rank">{i + 1}</span><a href="{r.path}">{esc(r.title)}</a></li>'
        for i, r in enumerate(ctx.latest[:5])
    )
    related = "\n".join(
        f'<a class="card card--small" href="{r.path}"><span class="card__title">{esc(r.title)}</span></a>'
        for r in ctx.related[:3]
    )
    comments = "\n".join(
        '<div class="comment">\n'
        f'<div class="comment__author">{esc(c.author)}</div>\n'
        f'<div class="comment__time">{comment_time(c.posted, outlet)}</div>\n'
        f'<div class="comment__text">{esc(c.text)}</div>\n'
        "</div>"
        for c in ctx.comments
    )
    keywords = ", ".join(f'<a href="/topics/{slugify(t)}">{esc(t)}</a>' for t in article.tags)
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} | {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article.summary)}">
<meta name="keywords" content="{attr(", ".join(article.tags))}">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:image" content="{ctx.image_url}">
<link rel="canonical" href="{ctx.url}">
{alternate_feed_link(outlet)}
{json_ld(metadata)}
</head>
<body class="page page--article">
<div class="cookie-modal" data-state="open"><div class="cookie-modal__inner"><p>{esc(outlet.settings["cookie_text"])}</p><button class="cookie-modal__accept">Accept and close</button><a href="/cookies">Settings</a></div></div>
<header class="masthead">
<div class="masthead__brand"><a href="/">{esc(outlet.name)}</a><span class="masthead__strap">{esc(outlet.settings["tagline"])}</span></div>
<nav class="masthead__nav">{nav_links(outlet, "nav__list")}</nav>
<div class="masthead__actions"><a href="/login">Log in</a> <a class="button" href="/membership">Become a member</a></div>
</header>
<div class="container">
<div class="article">
<header class="article__header">
<span class="article__section">{esc(article.section or "Infrastructure")}</span>
<h1 class="article__title">{esc(article.title)}</h1>
<p class="article__standfirst">{esc(article.dek or article.summary)}</p>
<div class="article__meta"><span class="article__author">Words by {esc(article.author)}</span> <span class="article__date">{long_uk_date(local)}</span></div>
</header>
<div class="article__hero"><img src="{ctx.image_url}" alt="{attr(article.title)}"></div>
<div class="article__body">
{body}
</div>
<div class="article__keywords">Keywords: {keywords}</div>
<div class="newsletter-panel">
<h3 class="newsletter-panel__title">{esc(outlet.settings["newsletter_title"])}</h3>
<p>{esc(outlet.settings["newsletter_text"])}</p>
<form class="newsletter-panel__form"><input type="email" placeholder="Email"><button>Sign me up</button></form>
</div>
<div class="related-cards"><h3>Related</h3>
{related}
</div>
<div class="comments" id="comments"><h3 class="comments__title">Reader comments</h3>
{comments}
<p class="comments__note">Members can comment on all articles. <a href="/membership">Join today</a>.</p>
</div>
</div>
<aside class="sidebar">
<div class="most-read"><h3 class="most-read__title">Most read</h3><ol class="most-read__list">
{most_read}
</ol></div>
</aside>
</div>
<footer class="footer">
<div class="footer__links">{legal_links(outlet)}</div>
<div class="footer__copy">© {esc(outlet.settings["publisher"])} 2026. Registered in England and Wales.</div>
</footer>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    cards = "\n".join(
        f'<a class="card" href="{a.path}"><span class="card__section">{esc(a.section or "Infrastructure")}</span>'
        f'<span class="card__title">{esc(a.title)}</span><span class="card__text">{esc(a.summary)}</span>'
        f'<span class="card__date">{long_uk_date(outlet.local_time(a.published))}</span></a>'
        for a in ctx.articles
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(outlet.name)} | {esc(outlet.settings["tagline"])}</title>
<meta name="description" content="{attr(outlet.description)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
{alternate_feed_link(outlet)}
</head>
<body class="page page--home">
<header class="masthead"><div class="masthead__brand"><a href="/">{esc(outlet.name)}</a></div><nav class="masthead__nav">{nav_links(outlet, "nav__list")}</nav></header>
<div class="container"><div class="card-grid">
{cards}
</div></div>
<footer class="footer"><div class="footer__links">{legal_links(outlet)}</div></footer>
</body>
</html>
"""
