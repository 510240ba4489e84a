"""Building blocks shared by the outlet page templates: escaping, inline markup, dates, stable choices."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import json
import re

from sources import Article, Block, Comment, Corpus, Outlet

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclasses.dataclass(frozen=True)
class PageContext:
    """Everything a template needs to render one article page."""

    corpus: Corpus
    outlet: Outlet
    article: Article
    related: tuple[Article, ...]  # same outlet, most shared tags first
    latest: tuple[Article, ...]  # same outlet, newest first, without this article
    comments: tuple[Comment, ...]

    @property
    def earlier_related(self) -> tuple[Article, ...]:
        """Related articles that existed when this one was published: what an editor could link inline."""
        return tuple(a for a in self.related if a.published < self.article.published)

    @property
    def previous(self) -> Article | None:
        """The outlet's article published just before this one."""
        earlier = [a for a in self.latest if a.published < self.article.published]
        return earlier[0] if earlier else None

    @property
    def url(self) -> str:
        return self.outlet.url(self.article.path)

    @property
    def image_url(self) -> str:
        stem = self.article.path.rsplit(".", 1)[0].strip("/").replace("/", "-")
        return self.outlet.url(f"/images/{stem}.jpg")

    @property
    def local_published(self) -> dt.datetime:
        return self.outlet.local_time(self.article.published)


@dataclasses.dataclass(frozen=True)
class HomeContext:
    corpus: Corpus
    outlet: Outlet
    articles: tuple[Article, ...]  # newest first


def esc(text: str) -> str:
    """Escapes text content; quotes stay readable, as most publishing systems leave them."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escapes an attribute value."""
    return html.escape(text, quote=True)


def curl_quotes(text: str) -> str:
    """Typographic quotes, as outlets with a copy desk print them."""
    text = re.sub(r'(^|[\s(\[—-])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(^|[\s(\[—-])'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def inline(text: str) -> str:
    """Escapes text, then turns [label](url) into links and *words* into emphasis."""
    escaped = esc(text)
    escaped = re.sub(
        r"\[([^\]]+)\]\(([^)\s]+)\)",
        lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>',
        escaped,
    )
    return re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"<em>\1</em>", escaped)


def plain(text: str) -> str:
    """The text as a reader sees it: link labels kept, markup dropped."""
    text = re.sub(r"\[([^\]]+)\]\([^)\s]+\)", r"\1", text)
    return re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", text)


def stable_number(*keys: str) -> int:
    """A number that depends only on the keys, so every run picks the same clutter."""
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()
    return int(digest[:12], 16)


def iso_utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_local(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def clock_12h(moment: dt.datetime, style: str = "PM") -> str:
    hour = moment.hour % 12 or 12
    suffix = ("AM" if moment.hour < 12 else "PM") if style == "PM" else (
        "a.m." if moment.hour < 12 else "p.m.")
    return f"{hour}:{moment.minute:02d} {suffix}"


def long_us_date(moment: dt.datetime) -> str:
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}"


def short_us_date(moment: dt.datetime) -> str:
    return f"{MONTHS[moment.month - 1][:3]} {moment.day}, {moment.year}"


def long_uk_date(moment: dt.datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def weekday(moment: dt.datetime) -> str:
    return WEEKDAYS[moment.weekday()]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def json_ld(data: dict) -> str:
    # "</" would end the script element early, so it is escaped the way CMSs do it.
    text = json.dumps(data, indent=2, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def reading_minutes(article: Article) -> int:
    return max(1, round(article.word_count() / 230))


def body_html(
    blocks: tuple[Block, ...],
    paragraph: str = "<p>{}</p>",
    heading: str = "<h2>{}</h2>",
    note: str = '<p class="editors-note"><em>{}</em></p>',
    inserts: dict[int, str] | None = None,
) -> list[str]:
    """Renders body blocks; `inserts` maps a paragraph count to clutter placed after it."""
    inserts = inserts or {}
    lines: list[str] = []
    paragraphs_seen = 0
    for block in blocks:
        if block.kind == "ul":
            items = "".join(f"<li>{inline(item)}</li>" for item in block.text.split("\n"))
            lines.append(f"<ul>{items}</ul>")
            continue
        pattern = {"p": paragraph, "h2": heading, "note": note}[block.kind]
        lines.append(pattern.format(inline(block.text)))
        if block.kind == "p":
            paragraphs_seen += 1
            if paragraphs_seen in inserts:
                lines.append(inserts.pop(paragraphs_seen))
    return lines


def insert_point(article: Article, preferred: int) -> int | None:
    """Where mid-article clutter goes: after `preferred` paragraphs, if text follows it."""
    count = len(article.paragraphs)
    if count < 4:
        return None
    return min(preferred, count - 2)


def nav_links(outlet: Outlet, css_class: str = "") -> str:
    class_attr = f' class="{css_class}"' if css_class else ""
    items = "".join(
        f'<li><a href="/{slugify(section)}/">{esc(section)}</a></li>'
        for section in outlet.settings.get("sections", [])
    )
    return f"<ul{class_attr}>{items}</ul>"


def ad_text(outlet: Outlet, *keys: str) -> dict:
    ads = outlet.settings.get("ads") or [{"advertiser": "Advertiser", "text": "Your ad here."}]
    return ads[stable_number(outlet.id, *keys) % len(ads)]


def legal_links(outlet: Outlet) -> str:
    labels = outlet.settings.get(
        "legal", ["Terms of Use", "Privacy Policy", "Cookie Settings", "Accessibility", "Contact"]
    )
    return " ".join(f'<a href="/legal/{slugify(label)}">{esc(label)}</a>' for label in labels)


def alternate_feed_link(outlet: Outlet) -> str:
    media = {
        "rss2": "application/rss+xml",
        "rss1": "application/rdf+xml",
        "atom": "application/atom+xml",
        "jsonfeed": "application/feed+json",
    }[outlet.format]
    return f'<link rel="alternate" type="{media}" title="{attr(outlet.feed_title)}" href="{outlet.feed_url}">'


def comment_time(moment: dt.datetime, outlet: Outlet) -> str:
    local = outlet.local_time(moment)
    return f"{short_us_date(local)} at {clock_12h(local)}"
