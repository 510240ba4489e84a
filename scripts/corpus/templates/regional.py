"""A regional newspaper: article:published_time meta, visible local times, inline "READ MORE" paragraphs."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, clock_12h, comment_time,
    esc, insert_point, iso_utc, legal_links, long_us_date, nav_links,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    inserts = {}
    point = insert_point(article, 2)
    if point and ctx.earlier_related:
        pick = ctx.earlier_related[0]
        inserts[point] = f'<p class="read-more"><strong>READ MORE:</strong> <a href="{pick.path}">{esc(pick.title)}</a></p>'
    ad_point = insert_point(article, 5)
    if ad_point and ad_point != point:
        ad = ad_text(outlet, article.id, "in-story")
        inserts[ad_point] = (
            f'<div class="ad-slot in-story"><p class="ad-tag">ADVERTISEMENT</p><p>{esc(ad["advertiser"])} — {esc(ad["text"])}</p></div>'
        )
    body = "\n".join(body_html(article.blocks, inserts=inserts))
    comments = "\n".join(
        '<div class="fb-comment">\n'
        f'<span class="commenter-name">{esc(c.author)}</span>\n'
        f"<p>{esc(c.text)}</p>\n"
        f'<span class="comment-when">Like · Reply · {comment_time(c.posted, outlet)}</span>\n'
        "</div>"
        for c in ctx.comments
    )
    deals = "".join(f"<li>{esc(item)}</li>" for item in outlet.settings.get("local_deals", []))
    latest = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in ctx.latest[:4])
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} - {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article.summary)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:image" content="{ctx.image_url}">
<meta property="article:published_time" content="{iso_utc(article.published)}">
<meta name="author" content="{attr(article.author)}">
<link rel="canonical" href="{ctx.url}">
{alternate_feed_link(outlet)}
</head>
<body class="story-page">
<div class="privacy-prompt"><p>{esc(outlet.settings["cookie_text"])}</p><button>Continue</button></div>
<div class="weather-bar">{esc(outlet.settings["weather"])}</div>
<header class="site-head">
<div class="logo"><a href="/">{esc(outlet.name)}</a></div>
<nav class="site-nav">{nav_links(outlet)}</nav>
<a class="subscribe-btn" href="/subscribe">Subscribe for $1</a>
</header>
<div class="ad-slot leaderboard"><p class="ad-tag">ADVERTISEMENT</p></div>
<div class="story-wrap">
<h1 class="story-headline">{esc(article.title)}</h1>
<div class="byline">By <span class="author">{esc(article.author)}</span></div>
<div class="timestamps">Published {clock_12h(local, "am")} {outlet.zone_label} {long_us_date(local)}</div>
<div class="story-text">
{body}
</div>
<div class="newsletter-signup"><h3>{esc(outlet.settings["newsletter_title"])}</h3><p>{esc(outlet.settings["newsletter_text"])}</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>
<div class="comments-wrap"><h3>Join the conversation</h3>
{comments}
</div>
</div>
<aside class="right-rail">
<div class="rail-module"><h3>Latest headlines</h3><ul>{latest}</ul></div>
<div class="rail-module local-deals"><h3>Local deals</h3><ul>{deals}</ul></div>
</aside>
<footer class="site-foot">
<p>{legal_links(outlet)}</p>
<p>© 2026 {esc(outlet.settings["publisher"].rstrip('.'))}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>
</footer>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    rows = "\n".join(
        f'<div class="headline-row"><a href="{a.path}">{esc(a.title)}</a>'
        f'<p class="blurb">{esc(a.summary)}</p>'
        f'<span class="stamp">{long_us_date(outlet.local_time(a.published))}</span></div>'
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
<body class="front">
<div class="weather-bar">{esc(outlet.settings["weather"])}</div>
<header class="site-head"><div class="logo"><a href="/">{esc(outlet.name)}</a></div><nav class="site-nav">{nav_links(outlet)}</nav></header>
<main class="front-page">
{rows}
</main>
<footer class="site-foot"><p>{legal_links(outlet)}</p></footer>
</body>
</html>
"""
