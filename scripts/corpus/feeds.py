"""Feed writers for the four formats the corpus serves: RSS 2.0, RSS 1.0 (RDF), Atom 1.0, JSON Feed 1.1."""

from __future__ import annotations

import email.utils
import json
from xml.sax.saxutils import escape, quoteattr

from pagekit import body_html, iso_utc, plain
from sources import Article, Outlet


def render_feed(outlet: Outlet, articles: list[Article], comment_counts: dict[str, int]) -> str:
    """The outlet's feed, items newest first. Feeds carry teasers, so readers must fetch the page.

    `comment_counts` maps an article id to the number of comments its page shows.
    """
    settings = dict(outlet.settings.get("feed", {}), comment_counts=comment_counts)
    writer = {"rss2": rss2, "rss1": rss1, "atom": atom, "jsonfeed": json_feed}[outlet.format]
    return writer(outlet, articles, settings)


def _rfc822(article: Article) -> str:
    return email.utils.format_datetime(article.published, usegmt=True)


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss2(outlet: Outlet, articles: list[Article], settings: dict) -> str:
    namespaces = ['xmlns:atom="http://www.w3.org/2005/Atom"']
    if settings.get("creator") == "dc":
        namespaces.append('xmlns:dc="http://purl.org/dc/elements/1.1/"')
    if settings.get("content_paragraphs"):
        namespaces.append('xmlns:content="http://purl.org/rss/1.0/modules/content/"')
        namespaces.append('xmlns:slash="http://purl.org/rss/1.0/modules/slash/"')
    if settings.get("media"):
        namespaces.append('xmlns:media="http://search.yahoo.com/mrss/"')
    newest = articles[0] if articles else None
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<rss version="2.0" {" ".join(namespaces)}>',
        "<channel>",
        f"<title>{escape(outlet.feed_title)}</title>",
        f"<link>{outlet.homepage}</link>",
        f'<atom:link href="{outlet.feed_url}" rel="self" type="application/rss+xml"/>',
        f"<description>{escape(outlet.description)}</description>",
        f"<language>{outlet.language.lower()}</language>",
        f"<copyright>{escape('© 2026 ' + outlet.settings.get('publisher', outlet.name))}</copyright>",
    ]
    if newest:
        lines.append(f"<lastBuildDate>{_rfc822(newest)}</lastBuildDate>")
    if settings.get("generator"):
        lines.append(f"<generator>{escape(settings['generator'])}</generator>")
    if settings.get("ttl"):
        lines.append(f"<ttl>{settings['ttl']}</ttl>")
    for article in articles:
        url = outlet.url(article.path)
        lines.append("<item>")
        lines.append(f"<title>{escape(article.title)}</title>")
        lines.append(f"<link>{url}</link>")
        if settings.get("guid") == "opaque":
            guid = settings.get("guid_prefix", "") + article.published.strftime("%Y%m%d") + "-" + article.slug
            lines.append(f'<guid isPermaLink="false">{escape(guid)}</guid>')
        else:
            lines.append(f'<guid isPermaLink="true">{url}</guid>')
        lines.append(f"<pubDate>{_rfc822(article)}</pubDate>")
        if settings.get("creator") == "dc":
            lines.append(f"<dc:creator>{_cdata(article.author) if settings.get('cdata') else escape(article.author)}</dc:creator>")
        else:
            email_address = settings.get("author_email", f"newsroom@{outlet.host}")
            lines.append(f"<author>{escape(f'{email_address} ({article.author})')}</author>")
        for tag in article.tags:
            lines.append(f"<category>{_cdata(tag) if settings.get('cdata') else escape(tag)}</category>")
        if settings.get("content_paragraphs"):
            # A blog engine's excerpt: the teaser plus an ellipsis, then the opening paragraphs.
            teaser = article.summary + " [&#8230;]"
            lines.append(f"<description>{_cdata(teaser) if settings.get('cdata') else escape(teaser)}</description>")
            opening = [b for b in article.blocks if b.kind == "p"][: settings["content_paragraphs"]]
            excerpt = "\n".join(body_html(tuple(opening)))
            excerpt += f'\n<p><a href="{url}" class="more-link">Continue reading <span class="screen-reader-text">{escape(article.title)}</span> &#8594;</a></p>'
            lines.append(f"<content:encoded>{_cdata(excerpt)}</content:encoded>")
            lines.append(f"<comments>{url}#comments</comments>")
            lines.append(f"<slash:comments>{settings['comment_counts'].get(article.id, 0)}</slash:comments>")
        else:
            lines.append(f"<description>{escape(article.summary)}</description>")
        if settings.get("media"):
            stem = article.path.rsplit(".", 1)[0].strip("/").replace("/", "-")
            image = outlet.url(f"/images/{stem}.jpg")
            lines.append(f'<media:content url="{image}" medium="image" type="image/jpeg" width="1200" height="675"/>')
        lines.append("</item>")
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def rss1(outlet: Outlet, articles: list[Article], settings: dict) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<rdf:RDF",
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
        ' xmlns="http://purl.org/rss/1.0/"',
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
        ' xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">',
        f"<channel rdf:about={quoteattr(outlet.feed_url)}>",
        f"<title>{escape(outlet.feed_title)}</title>",
        f"<link>{outlet.homepage}</link>",
        f"<description>{escape(outlet.description)}</description>",
        f"<dc:language>{outlet.language}</dc:language>",
        f"<dc:publisher>{escape(outlet.settings.get('publisher', outlet.name))}</dc:publisher>",
    ]
    if articles:
        lines.append(f"<dc:date>{iso_utc(articles[0].published)}</dc:date>")
    lines += ["<sy:updatePeriod>hourly</sy:updatePeriod>", "<sy:updateFrequency>2</sy:updateFrequency>"]
    lines += ["<items>", "<rdf:Seq>"]
    lines += [f"<rdf:li rdf:resource={quoteattr(outlet.url(a.path))}/>" for a in articles]
    lines += ["</rdf:Seq>", "</items>", "</channel>"]
    for article in articles:
        url = outlet.url(article.path)
        lines.append(f"<item rdf:about={quoteattr(url)}>")
        lines.append(f"<title>{escape(article.title)}</title>")
        lines.append(f"<link>{url}</link>")
        lines.append(f"<description>{escape(article.summary)}</description>")
        lines.append(f"<dc:creator>{escape(article.author)}</dc:creator>")
        lines.append(f"<dc:date>{outlet.local_time(article.published).isoformat(timespec='seconds')}</dc:date>")
        for tag in article.tags:
            lines.append(f"<dc:subject>{escape(tag)}</dc:subject>")
        lines.append("</item>")
    lines += ["</rdf:RDF>", ""]
    return "\n".join(lines)


def atom(outlet: Outlet, articles: list[Article], settings: dict) -> str:
    updated = iso_utc(articles[0].published) if articles else "2026-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.language}">',
        f"<id>tag:{outlet.host},2026:{settings.get('feed_id', 'feed')}</id>",
        f"<title>{escape(outlet.feed_title)}</title>",
        f"<subtitle>{escape(outlet.description)}</subtitle>",
        f"<updated>{updated}</updated>",
        f'<link rel="alternate" type="text/html" href="{outlet.homepage}"/>',
        f'<link rel="self" type="application/atom+xml" href="{outlet.feed_url}"/>',
        f"<author><name>{escape(outlet.name)}</name></author>",
        f"<rights>{escape('© 2026 ' + outlet.settings.get('publisher', outlet.name))}</rights>",
    ]
    if settings.get("icon"):
        lines.append(f"<icon>{outlet.url(settings['icon'])}</icon>")
    for article in articles:
        url = outlet.url(article.path)
        stamp = iso_utc(article.published)
        lines += [
            "<entry>",
            f"<id>tag:{outlet.host},{article.published.strftime('%Y-%m-%d')}:{article.path}</id>",
            f'<title type="text">{escape(article.title)}</title>',
            f'<link rel="alternate" type="text/html" href="{url}"/>',
            f"<published>{stamp}</published>",
            f"<updated>{stamp}</updated>",
            f"<author><name>{escape(article.author)}</name></author>",
        ]
        for tag in article.tags:
            lines.append(f"<category term={quoteattr(tag)}/>")
        if settings.get("summary_type") == "html":
            lines.append(f'<summary type="html">{escape("<p>" + escape(article.summary) + "</p>")}</summary>')
        else:
            lines.append(f'<summary type="text">{escape(article.summary)}</summary>')
        lines.append("</entry>")
    lines += ["</feed>", ""]
    return "\n".join(lines)


def json_feed(outlet: Outlet, articles: list[Article], settings: dict) -> str:
    items = []
    for article in articles:
        url = outlet.url(article.path)
        stem = article.path.rsplit(".", 1)[0].strip("/").replace("/", "-")
        items.append({
            "id": url,
            "url": url,
            "title": article.title,
            "summary": plain(article.summary),
            "content_text": plain(article.summary),
            "date_published": outlet.local_time(article.published).isoformat(timespec="seconds"),
            "authors": [{"name": article.author}],
            "tags": list(article.tags),
            "image": outlet.url(f"/images/{stem}.jpg"),
        })
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": outlet.feed_title,
        "home_page_url": outlet.homepage,
        "feed_url": outlet.feed_url,
        "description": outlet.description,
        "language": outlet.language,
        "icon": outlet.url("/icon-512.png"),
        "authors": [{"name": outlet.settings.get("publisher", outlet.name), "url": outlet.homepage}],
        "items": items,
    }
    return json.dumps(feed, indent=2, ensure_ascii=False) + "\n"
