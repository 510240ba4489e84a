"""A wire service: schema.org microdata (itemprop), dateline in the text, no comments."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, clock_12h, esc,
    insert_point, iso_utc, legal_links, long_us_date, nav_links,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    utc = article.published
    ad = ad_text(outlet, article.id, "mid")
    inserts = {}
    point = insert_point(article, 4)
    if point:
        inserts[point] = (
            '<div class="ad-container" data-slot="mid-article">'
            f'<div class="ad-label">Advertisement · Scroll to continue</div><div class="ad-creative">{esc(ad["advertiser"])}: {esc(ad["text"])}</div></div>'
        )
    body = "\n".join(body_html(article.blocks, paragraph='<p class="text-paragraph">{}</p>', heading='<h2 class="text-heading">{}</h2>', inserts=inserts))
    credit = f"Reporting by {esc(article.author)}"
    if article.editor:
        credit += f"; Editing by {esc(article.editor)}"
    trending = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in ctx.latest[:5])
    topics = " ".join(f'<a class="topic" href="/topic/{t.lower().replace(" ", "-")}">{esc(t)}</a>' for t in article.tags)
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} | {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article.summary)}">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:image" content="{ctx.image_url}">
<link rel="canonical" href="{ctx.url}">
{alternate_feed_link(outlet)}
</head>
<body>
<div class="consent-overlay" role="dialog"><div class="consent-box"><p>{esc(outlet.settings["cookie_text"])}</p><button>Accept</button> <button>Reject non-essential</button></div></div>
<header class="masthead">
<a class="wordmark" href="/">{esc(outlet.name)}</a>
<nav class="sections">{nav_links(outlet)}</nav>
<div class="market-strip"><span>{esc(outlet.settings["market_strip"])}</span></div>
</header>
<main class="page">
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="datePublished" content="{iso_utc(utc)}">
<meta itemprop="dateModified" content="{iso_utc(utc)}">
<div class="story-head">
<h1 itemprop="headline">{esc(article.title)}</h1>
<div class="byline-block">By <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{esc(article.author)}</span></span></div>
<div class="timestamp">{clock_12h(utc)} UTC · {long_us_date(utc)}</div>
</div>
<div class="story-body" itemprop="articleBody">
{body}
<p class="credit-line">{credit}</p>
</div>
<div class="trust"><a href="/trust-principles">Our Standards: The {esc(outlet.name)} Trust Principles.</a></div>
<div class="topics">{topics}</div>
</article>
<aside class="trending">
<h2>Trending on {esc(outlet.name)}</h2>
<ol>{trending}</ol>
</aside>
</main>
<footer class="page-footer">
<p>{esc(outlet.settings["footer_note"])}</p>
<p>{legal_links(outlet)}</p>
<p>© 2026 {esc(outlet.settings["publisher"])}</p>
</footer>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    rows = "\n".join(
        '<li class="wire-item">'
        f'<span class="time">{clock_12h(a.published)} UTC {long_us_date(a.published)}</span> '
        f'<a href="{a.path}">{esc(a.title)}</a>'
        f'<p>{esc(a.summary)}</p></li>'
        for a in ctx.articles
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(outlet.name)} | {esc(outlet.settings["tagline"])}</title>
<meta name="description" content="{attr(outlet.description)}">
{alternate_feed_link(outlet)}
</head>
<body>
<header class="masthead"><a class="wordmark" href="/">{esc(outlet.name)}</a><nav class="sections">{nav_links(outlet)}</nav></header>
<main class="page"><h1>Latest from the wire</h1><ul class="wire">
{rows}
</ul></main>
<footer class="page-footer"><p>{legal_links(outlet)}</p></footer>
</body>
</html>
"""
