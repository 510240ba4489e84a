"""A business daily: <article> with <p>, headline and byline in <header>, <time datetime>, Open Graph."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, clock_12h, comment_time,
    esc, insert_point, legal_links, long_us_date, nav_links, slugify,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    point = insert_point(article, 3)
    ad = ad_text(outlet, article.id, "inline")
    inserts = {}
    if point:
        inserts[point] = (
            '<aside class="ad ad-inline" aria-label="Advertisement">\n'
            '<span class="ad-label">Advertisement</span>\n'
            f'<p><strong>{esc(ad["advertiser"])}</strong> {esc(ad["text"])}</p>\n'
            "</aside>"
        )
    body = "\n".join(body_html(article.blocks, inserts=inserts))
    section = article.section or (article.tags[0] if article.tags else "Business")
    tags = " ".join(f'<a href="/topics/{slugify(tag)}">{esc(tag)}</a>' for tag in article.tags)
    related = "\n".join(
        f'<li><a href="{item.path}">{esc(item.title)}</a></li>' for item in ctx.related
    )
    comments = "\n".join(
        '<div class="comment">\n'
        f'<p class="comment-author">{esc(c.author)}</p>\n'
        f'<p class="comment-date">{comment_time(c.posted, outlet)}</p>\n'
        f'<p class="comment-text">{esc(c.text)}</p>\n'
        "</div>"
        for c in ctx.comments
    )
    top_ad = ad_text(outlet, article.id, "leaderboard")
    author_slug = slugify(article.author)
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} | {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article.summary)}">
<link rel="canonical" href="{ctx.url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:description" content="{attr(article.summary)}">
<meta property="og:url" content="{ctx.url}">
<meta property="og:image" content="{ctx.image_url}">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="/static/css/ledger.css">
{alternate_feed_link(outlet)}
</head>
<body class="article-page">
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite">
<p>{esc(outlet.settings["cookie_text"])} <a href="/legal/cookie-policy">Cookie policy</a></p>
<button type="button" class="accept">Accept all</button>
<button type="button" class="manage">Manage preferences</button>
</div>
<header class="site-header">
<a class="logo" href="/">{esc(outlet.name)}</a>
<nav class="primary-nav" aria-label="Sections">{nav_links(outlet)}</nav>
<div class="account"><a class="subscribe" href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
</header>
<div class="ad ad-leaderboard"><span class="ad-label">Advertisement</span> {esc(top_ad["advertiser"])}: {esc(top_ad["text"])}</div>
<main id="main">
<article class="story">
<header class="story-header">
<p class="kicker"><a href="/{slugify(section)}/">{esc(section)}</a></p>
<h1>{esc(article.title)}</h1>
<p class="standfirst">{esc(article.dek or article.summary)}</p>
<p class="byline">By <a href="/authors/{author_slug}">{esc(article.author)}</a></p>
<time datetime="{local.isoformat(timespec="seconds")}">{long_us_date(local)}, {clock_12h(local)} {outlet.zone_label}</time>
</header>
<figure class="lead-image">
<img src="{ctx.image_url}" alt="" width="1200" height="675">
<figcaption>Photograph: {esc(outlet.name)} archive</figcaption>
</figure>
<div class="story-content">
{body}
</div>
<footer class="story-tags">Topics: {tags}</footer>
</article>
<section class="newsletter-signup">
<h2>{esc(outlet.settings["newsletter_title"])}</h2>
<p>{esc(outlet.settings["newsletter_text"])}</p>
<form action="/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="Your work email"><button type="submit">Sign up</button></form>
</section>
<section class="related">
<h2>More from {esc(outlet.name)}</h2>
<ul>
{related}
</ul>
</section>
<section id="comments" class="comments">
<h2>Comments ({len(ctx.comments)})</h2>
{comments}
<p class="comment-policy">Comments are moderated. Read our <a href="/legal/community-guidelines">community guidelines</a>.</p>
</section>
</main>
<footer class="site-footer">
<nav class="footer-sections">{nav_links(outlet)}</nav>
<p class="legal">{legal_links(outlet)}</p>
<p class="copyright">&copy; 2026 {esc(outlet.settings["publisher"])}. All rights reserved.</p>
</footer>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    items = []
    for index, article in enumerate(ctx.articles):
        local = outlet.local_time(article.published)
        css = "lead-story" if index == 0 else "story-card"
        items.append(
            f'<li class="{css}">\n'
            f'<h2><a href="{article.path}">{esc(article.title)}</a></h2>\n'
            f"<p>{esc(article.summary)}</p>\n"
            f'<p class="meta">By {esc(article.author)} · <time datetime="{local.isoformat(timespec="seconds")}">{long_us_date(local)}</time></p>\n'
            "</li>"
        )
    listing = "\n".join(items)
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(outlet.name)} — {esc(outlet.settings["tagline"])}</title>
<meta name="description" content="{attr(outlet.description)}">
<link rel="canonical" href="{outlet.homepage}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<link rel="stylesheet" href="/static/css/ledger.css">
{alternate_feed_link(outlet)}
</head>
<body class="home">
<div id="cookie-consent" class="cookie-banner"><p>{esc(outlet.settings["cookie_text"])}</p><button type="button">Accept all</button></div>
<header class="site-header">
<a class="logo" href="/">{esc(outlet.name)}</a>
<nav class="primary-nav">{nav_links(outlet)}</nav>
</header>
<main>
<h1 class="visually-hidden">Latest news</h1>
<ul class="story-list">
{listing}
</ul>
</main>
<footer class="site-footer">
<p><a href="{outlet.feed_url}">RSS</a> · {legal_links(outlet)}</p>
<p>&copy; 2026 {esc(outlet.settings["publisher"])}</p>
</footer>
</body>
</html>
"""
