"""Checks a corpus before and after rendering, and summarises it."""

from __future__ import annotations

import collections
import json
import pathlib
import re
import statistics
import xml.etree.ElementTree as ET

from sources import Corpus

ATOM = "{http://www.w3.org/2005/Atom}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RSS1 = "{http://purl.org/rss/1.0/}"
MIN_WORDS, MAX_WORDS = 250, 700
PROFILE_KEYS = {"name", "role", "industry", "interests", "mutes", "stories"}


def check_sources(corpus: Corpus) -> list[str]:
    """Problems in the sources that rendering would hide: unknown stories, wrong kinds, bad sizes."""
    problems = []
    stories = {story.id: story for story in corpus.stories}
    if len(stories) != len(corpus.stories):
        problems.append("stories.json lists a story id twice")
    by_story = collections.defaultdict(list)
    seen_urls = {}
    for article in corpus.articles:
        where = article.source_file
        if article.story not in stories:
            problems.append(f"{where}: story {article.story!r} is not in stories.json")
        by_story[article.story].append(article)
        url = corpus.outlet(article.outlet).url(article.path)
        if url in seen_urls:
            problems.append(f"{where}: same URL as {seen_urls[url]}")
        seen_urls[url] = where
        if corpus.days and article.published.strftime("%Y-%m-%d") not in corpus.days:
            problems.append(f"{where}: published outside the corpus days {corpus.days}")
        local_day = corpus.outlet(article.outlet).local_time(article.published).strftime("%Y-%m-%d")
        if local_day != article.published.strftime("%Y-%m-%d"):
            # Some pages show only a local date; keep it on the labelled (UTC) day.
            problems.append(f"{where}: the outlet's local date {local_day} differs from the UTC day")
        words = article.word_count()
        low = MIN_WORDS * 0.8 if article.syndicates else MIN_WORDS
        if not low <= words <= MAX_WORDS:
            problems.append(f"{where}: {words} words, expected {MIN_WORDS} to {MAX_WORDS}")
        if len(article.summary.split()) > 60:
            problems.append(f"{where}: the summary is a teaser, keep it to one or two sentences")
    for story in corpus.stories:
        members = by_story.get(story.id, [])
        outlets = {a.outlet for a in members}
        originals = [a for a in members if a.syndicates is None]
        if not members:
            problems.append(f"story {story.id}: no articles")
        elif story.kind == "multi" and not 2 <= len(outlets) <= 5:
            problems.append(f"story {story.id}: multi stories need 2 to 5 outlets, has {len(outlets)}")
        elif story.kind == "single" and len(members) != 1:
            problems.append(f"story {story.id}: single stories have one article, has {len(members)}")
        elif story.kind == "syndicated" and (len(originals) != 1 or len(members) < 2):
            problems.append(f"story {story.id}: syndicated stories have one original and copies")
        if story.kind != "syndicated" and len(originals) != len(members):
            problems.append(f"story {story.id}: only syndicated stories may hold copies")
    names = set()
    for profile in corpus.profiles:
        missing = PROFILE_KEYS - profile.keys()
        if missing:
            problems.append(f"profile {profile.get('name', '?')}: missing {sorted(missing)}")
        names.add(profile.get("name"))
    if len(names) != len(corpus.profiles):
        problems.append("profiles.json repeats a profile name")
    return problems


def check_output(corpus: Corpus, output: pathlib.Path) -> list[str]:
    """Problems in the rendered files: feeds that do not parse or link nowhere, unlabelled pages."""
    problems = []
    sites = output / "sites"
    labels = json.loads((output / "labels.json").read_text(encoding="utf-8"))
    labelled = collections.Counter(entry["url"] for entry in labels["articles"])
    for url, count in labelled.items():
        if count > 1:
            problems.append(f"labels.json lists {url} {count} times")
        if not _file_for(sites, url).is_file():
            problems.append(f"labels.json names {url}, which has no file")
    for page in sorted(sites.rglob("*.html")):
        host = page.relative_to(sites).parts[0]
        path = "/" + "/".join(page.relative_to(sites / host).parts)
        if path == "/index.html":
            continue
        if f"http://{host}{path}" not in labelled:
            problems.append(f"{page.relative_to(output)} is not in labels.json")
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r'(?:src|href)="(https?://[^/"]+)', text):
            if not match.group(1).endswith(".example"):
                problems.append(f"{page.relative_to(output)} loads {match.group(1)}")
    for outlet in corpus.outlets:
        feed_file = _file_for(sites, outlet.feed_url)
        where = str(feed_file.relative_to(output))
        try:
            links = _feed_links(outlet.format, feed_file)
        except (ValueError, ET.ParseError, KeyError) as error:
            problems.append(f"{where}: {error}")
            continue
        expected = len(corpus.articles_of(outlet.id))
        if len(links) != expected:
            problems.append(f"{where}: {len(links)} items, expected {expected}")
        for link in links:
            if not _file_for(sites, link).is_file():
                problems.append(f"{where}: item link {link} has no page")
        home = (sites / outlet.host / "index.html").read_text(encoding="utf-8")
        if f'href="{outlet.feed_url}"' not in home or 'rel="alternate"' not in home:
            problems.append(f"{outlet.host}/index.html does not point to its feed")
    return problems


def _file_for(sites: pathlib.Path, url: str) -> pathlib.Path:
    match = re.fullmatch(r"http://([^/]+)(/.*)", url)
    if not match:
        return sites / "__not_a_demo_url__"
    return sites / match.group(1) / match.group(2).lstrip("/")


def _feed_links(format_name: str, path: pathlib.Path) -> list[str]:
    if format_name == "jsonfeed":
        feed = json.loads(path.read_text(encoding="utf-8"))
        if feed.get("version") != "https://jsonfeed.org/version/1.1":
            raise ValueError("JSON Feed version is not 1.1")
        for item in feed["items"]:
            if not item.get("id") or not (item.get("content_text") or item.get("content_html")):
                raise ValueError("JSON Feed items need id and content")
        return [item["url"] for item in feed["items"]]
    root = ET.parse(path).getroot()
    if format_name == "rss2":
        channel = root.find("channel")
        if root.tag != "rss" or root.get("version") != "2.0" or channel is None:
            raise ValueError("not <rss version=\"2.0\"><channel>")
        for tag in ("title", "link", "description"):
            if channel.find(tag) is None:
                raise ValueError(f"channel without {tag}")
        items = channel.findall("item")
        for item in items:
            for tag in ("title", "link", "guid", "pubDate", "description"):
                if item.find(tag) is None:
                    raise ValueError(f"item without {tag}")
        return [item.findtext("link") for item in items]
    if format_name == "rss1":
        if root.tag != f"{RDF}RDF":
            raise ValueError("root is not rdf:RDF")
        sequence = root.find(f"{RSS1}channel/{RSS1}items/{RDF}Seq")
        if sequence is None:
            raise ValueError("channel without items/rdf:Seq")
        listed = [li.get(f"{RDF}resource") for li in sequence.findall(f"{RDF}li")]
        items = root.findall(f"{RSS1}item")
        abouts = [item.get(f"{RDF}about") for item in items]
        if listed != abouts:
            raise ValueError("rdf:Seq and items disagree")
        return [item.findtext(f"{RSS1}link") for item in items]
    if format_name == "atom":
        if root.tag != f"{ATOM}feed":
            raise ValueError("root is not an Atom feed")
        for tag in ("id", "title", "updated", "link"):
            if root.find(f"{ATOM}{tag}") is None:
                raise ValueError(f"feed without {tag}")
        links = []
        for entry in root.findall(f"{ATOM}entry"):
            for tag in ("id", "title", "updated"):
                if entry.find(f"{ATOM}{tag}") is None:
                    raise ValueError(f"entry without {tag}")
            link = entry.find(f"{ATOM}link[@rel='alternate']")
            links.append(link.get("href"))
        return links
    raise ValueError(f"unknown format {format_name}")


def summary(corpus: Corpus) -> str:
    lines = [f"corpus {corpus.name}: {len(corpus.outlets)} outlets, {len(corpus.articles)} article pages"]
    for outlet in corpus.outlets:
        lines.append(f"  {outlet.host:<28} {outlet.format:<9} {len(corpus.articles_of(outlet.id)):>3} pages")
    kinds = collections.Counter(story.kind for story in corpus.stories)
    lines.append("stories: " + ", ".join(f"{kinds[k]} {k}" for k in ("multi", "single", "syndicated")))
    copies = sum(1 for a in corpus.articles if a.syndicates)
    lines.append(f"syndicated copies: {copies}")
    lines.append("outlets per multi-outlet story:")
    for story in corpus.stories:
        if story.kind != "multi":
            continue
        members = [a for a in corpus.articles if a.story == story.id]
        outlets = sorted({a.outlet for a in members})
        days = sorted({a.published.strftime("%m-%d") for a in members})
        lines.append(f"  {story.id:<34} {len(outlets)} outlets, {len(members)} pages, days {' '.join(days)}")
    per_day = collections.Counter(a.published.strftime("%Y-%m-%d") for a in corpus.articles)
    lines.append("pages per day: " + ", ".join(f"{day} {per_day[day]}" for day in sorted(per_day)))
    words = [a.word_count() for a in corpus.articles]
    lines.append(f"words per article: min {min(words)}, median {statistics.median(words):.0f}, max {max(words)}")
    lines.append(f"profiles: {', '.join(p['name'] for p in corpus.profiles)}")
    return "\n".join(lines)
