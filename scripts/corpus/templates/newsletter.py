"""A hardware newsletter: the date appears only as visible text; <span class="author">; sponsor blurbs."""

from __future__ import annotations

from pagekit import (
    HomeContext, PageContext, attr, ad_text, alternate_feed_link, body_html, comment_time, esc,
    insert_point, legal_links, long_us_date, stable_number, weekday,
)


def render_article(ctx: PageContext) -> str:
    outlet, article = ctx.outlet, ctx.article
    local = ctx.local_published
    sponsor = ad_text(outlet, article.id, "sponsor")
    inserts = {}
    point = insert_point(article, 4)
    if point:
        inserts[point] = (
            '<div class="subscribe-widget">\n'
            f"<p>{esc(outlet.settings['newsletter_text'])}</p>\n"
            '<form action="/subscribe"><input type="email" placeholder="Type your email..."><input type="submit" value="Subscribe"></form>\n'
            "</div>"
        )
    body = "\n".join(body_html(article.blocks, heading="<h3>{}</h3>", inserts=inserts))
    likes = 12 + stable_number(article.id, "likes") % 180
    discussion = "\n".join(
        '<div class="comment">\n'
        f'<div class="comment-meta"><span class="commenter">{esc(c.author)}</span> <span class="comment-date">{comment_time(c.posted, outlet)}</span></div>\n'
        f'<div class="comment-body"><p>{esc(c.text)}</p></div>\n'
        f'<div class="comment-footer">Like ({stable_number(article.id, c.author) % 20}) · Reply</div>\n'
        "</div>"
        for c in ctx.comments
    )
    more = "\n".join(
        f'<div class="post-preview"><a href="{item.path}">{esc(item.title)}</a><div class="preview-sub">{esc(item.summary)}</div></div>'
        for item in ctx.latest[:3]
    )
    return f"""<!DOCTYPE html>
<html lang="{outlet.language}">
<head>
<meta charset="utf-8">
<title>{esc(article.title)} - {esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{attr(article.title)}">
<meta property="og:description" content="{attr(article.summary)}">
<meta property="og:site_name" content="{attr(outlet.name)}">
<meta property="og:image" content="{ctx.image_url}">
<meta property="og:type" content="article">
<link rel="canonical" href="{ctx.url}">
{alternate_feed_link(outlet)}
</head>
<body>
<div class="cookie-notice">{esc(outlet.settings["cookie_text"])} <button>Got it</button></div>
<div class="navbar">
<a class="pub-name" href="/">{esc(outlet.name)}</a>
<a class="nav-link" href="/archive">Archive</a> <a class="nav-link" href="/about">About</a>
<a class="button primary" href="/subscribe">Subscribe</a> <a class="nav-link" href="/login">Sign in</a>
</div>
<div class="post-wrapper">
<div class="post">
<h1 class="post-title">{esc(article.title)}</h1>
<h3 class="subtitle">{esc(article.dek or article.summary)}</h3>
<div class="post-meta">
<img class="avatar" src="/avatars/{article.author.lower().replace(" ", "-")}.png" alt="">
<span class="author">{esc(article.author)}</span>
<div class="post-date">{weekday(local)}, {long_us_date(local)}</div>
</div>
<div class="post-actions"><a href="#">♥ {likes}</a> <a href="#discussion">💬 {len(ctx.comments)}</a> <a href="#">Share</a></div>
<div class="sponsor-block">
<p><strong>This post is sponsored by {esc(sponsor["advertiser"])}.</strong> {esc(sponsor["text"])}</p>
</div>
<div class="available-content">
<div class="post-body">
{body}
</div>
</div>
<div class="post-footer">
<p class="footer-cta">{esc(outlet.settings["newsletter_title"])}</p>
<form action="/subscribe"><input type="email" placeholder="Type your email..."><input type="submit" value="Subscribe"></form>
<div class="post-actions"><a href="#">♥ {likes}</a> <a href="#">Share</a> <a href="#">Restack</a></div>
</div>
</div>
<div class="discussion" id="discussion">
<h4>Discussion about this post</h4>
{discussion}
</div>
<div class="more-posts">
<h4>Ready for more?</h4>
{more}
</div>
</div>
<div class="site-footer">© 2026 {esc(outlet.settings["publisher"])} · {legal_links(outlet)}</div>
</body>
</html>
"""


def render_home(ctx: HomeContext) -> str:
    outlet = ctx.outlet
    posts = "\n".join(
        '<div class="post-preview">\n'
        f'<a class="post-preview-title" href="{a.path}">{esc(a.title)}</a>\n'
        f'<div class="post-preview-description">{esc(a.summary)}</div>\n'
        f'<div class="post-preview-meta">{long_us_date(outlet.local_time(a.published)).upper()} · {esc(a.author).upper()}</div>\n'
        "</div>"
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
<body>
<div class="navbar"><a class="pub-name" href="/">{esc(outlet.name)}</a> <a class="button primary" href="/subscribe">Subscribe</a></div>
<div class="homepage-hero"><p>{esc(outlet.description)}</p></div>
<div class="portable-archive-list">
{posts}
</div>
<div class="site-footer">{legal_links(outlet)}</div>
</body>
</html>
"""
