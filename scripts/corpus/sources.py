"""Reads a corpus folder (manifest, outlets, stories, profiles, article files) into plain values.

An article file is Markdown with a small front matter block:

    ---
    story: amazon-anthropic-expansion
    title: Amazon lifts its Anthropic commitment to as much as $33bn
    author: Jane Doe
    published: 2026-04-20T13:05:00Z
    summary: One or two sentences for the feed.
    tags: Cloud, AI, Amazon
    ---
    First paragraph.

    ## A subheading

    Another paragraph.

    === comments ===
    Reader Name | 2026-04-20T15:10:00Z | What the reader wrote.

Syndicated copies name their original with `syndicates: <outlet>/<file stem>` and leave the body
empty; `drop_last`, `replace: old => new`, `note` and `note_position` describe the small edits
the republishing outlet made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import re

FRONT_MATTER_LIST_KEYS = {"replace"}
COMMENTS_MARKER = "=== comments ==="
STORY_KINDS = ("multi", "single", "syndicated")
FEED_FORMATS = ("rss2", "rss1", "atom", "jsonfeed")


class CorpusError(Exception):
    """A source file is missing, malformed or inconsistent with the rest of the corpus."""


@dataclasses.dataclass(frozen=True)
class Block:
    kind: str  # "p", "h2", "ul" (one item per line) or "note"
    text: str


@dataclasses.dataclass(frozen=True)
class Comment:
    author: str
    posted: dt.datetime
    text: str


@dataclasses.dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    slug: str
    story: str
    title: str
    author: str
    published: dt.datetime
    summary: str
    tags: tuple[str, ...]
    section: str
    dek: str
    editor: str
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    path: str
    syndicates: str | None
    source_file: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.blocks if block.kind == "p")

    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)


@dataclasses.dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    host: str
    format: str
    language: str
    description: str
    template: str
    feed_path: str
    feed_title: str
    url_pattern: str
    utc_offset_minutes: int
    zone_label: str
    settings: dict  # template- and feed-specific settings, read by the renderers

    @property
    def homepage(self) -> str:
        return f"http://{self.host}/"

    @property
    def feed_url(self) -> str:
        return f"http://{self.host}{self.feed_path}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def local_time(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(dt.timezone(dt.timedelta(minutes=self.utc_offset_minutes)))


@dataclasses.dataclass(frozen=True)
class Story:
    id: str
    title: str
    kind: str


@dataclasses.dataclass(frozen=True)
class Corpus:
    name: str
    root: pathlib.Path
    output: pathlib.Path
    days: tuple[str, ...]
    outlets: tuple[Outlet, ...]
    stories: tuple[Story, ...]
    articles: tuple[Article, ...]
    profiles: tuple[dict, ...]

    def outlet(self, outlet_id: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.id == outlet_id:
                return outlet
        raise CorpusError(f"unknown outlet {outlet_id!r}")

    def articles_of(self, outlet_id: str) -> list[Article]:
        """The outlet's articles, newest first (ties broken by path so the order never varies)."""
        own = [article for article in self.articles if article.outlet == outlet_id]
        return sorted(own, key=lambda a: (-a.published.timestamp(), a.path))


def load_corpus(repo_root: pathlib.Path, name: str) -> Corpus:
    root = repo_root / "corpora" / name
    if not root.is_dir():
        raise CorpusError(f"no corpus folder corpora/{name}")
    manifest = _read_json(root / "corpus.json")
    output = repo_root / manifest.get("output", f"corpora/{name}/generated")
    outlets = tuple(_outlet(entry) for entry in _read_json(root / "outlets.json"))
    stories = tuple(_story(entry) for entry in _read_story_entries(root))
    profiles = tuple(_read_json(root / "profiles.json")) if (root / "profiles.json").exists() else ()
    outlets_by_id = {outlet.id: outlet for outlet in outlets}
    drafts = [
        _read_article(path, root, outlets_by_id)
        for path in sorted((root / "articles").glob("*/*.md"))
    ]
    articles = _resolve_syndication(drafts)
    return Corpus(
        name=name,
        root=root,
        output=output,
        days=tuple(manifest.get("days", [])),
        outlets=outlets,
        stories=stories,
        articles=tuple(articles),
        profiles=profiles,
    )


def _read_story_entries(root: pathlib.Path) -> list:
    """Stories come from `stories.json`, or from every `stories/*.json` file (in name order)
    when a corpus is written in parts."""
    if (root / "stories.json").exists():
        return _read_json(root / "stories.json")
    entries = []
    for path in sorted((root / "stories").glob("*.json")):
        entries.extend(_read_json(path))
    if not entries:
        raise CorpusError(f"{root.name}: no stories.json and no stories/*.json")
    return entries


def _read_json(path: pathlib.Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CorpusError(f"missing {path.name}") from error
    except json.JSONDecodeError as error:
        raise CorpusError(f"{path.name}: {error}") from error


def _outlet(entry: dict) -> Outlet:
    fixed = {
        "id", "name", "host", "format", "language", "description", "template",
        "feed_path", "feed_title", "url_pattern", "utc_offset", "zone_label",
    }
    missing = sorted(fixed - entry.keys())
    if missing:
        raise CorpusError(f"outlet {entry.get('id', '?')}: missing {', '.join(missing)}")
    if entry["format"] not in FEED_FORMATS:
        raise CorpusError(f"outlet {entry['id']}: unknown feed format {entry['format']!r}")
    return Outlet(
        id=entry["id"],
        name=entry["name"],
        host=entry["host"],
        format=entry["format"],
        language=entry["language"],
        description=entry["description"],
        template=entry["template"],
        feed_path=entry["feed_path"],
        feed_title=entry["feed_title"],
        url_pattern=entry["url_pattern"],
        utc_offset_minutes=_offset_minutes(entry["utc_offset"]),
        zone_label=entry["zone_label"],
        settings={key: value for key, value in entry.items() if key not in fixed},
    )


def _offset_minutes(text: str) -> int:
    match = re.fullmatch(r"([+-])(\d\d):(\d\d)", text)
    if not match:
        raise CorpusError(f"utc_offset must look like -04:00, not {text!r}")
    minutes = int(match.group(2)) * 60 + int(match.group(3))
    return -minutes if match.group(1) == "-" else minutes


def _story(entry: dict) -> Story:
    if entry.get("kind") not in STORY_KINDS:
        raise CorpusError(f"story {entry.get('id')}: kind must be one of {STORY_KINDS}")
    return Story(id=entry["id"], title=entry["title"], kind=entry["kind"])


def parse_time(text: str, where: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise CorpusError(f"{where}: bad time {text!r}") from error
    if moment.tzinfo is None:
        raise CorpusError(f"{where}: time {text!r} needs a zone (end it with Z)")
    return moment.astimezone(dt.timezone.utc)


@dataclasses.dataclass
class _Draft:
    fields: dict
    lists: dict
    article: Article


def _read_article(path: pathlib.Path, root: pathlib.Path, outlets: dict[str, Outlet]) -> _Draft:
    where = str(path.relative_to(root))
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n?(.*)\Z", text, re.S)
    if not match:
        raise CorpusError(f"{where}: no front matter")
    fields, lists = _front_matter(match.group(1), where)
    body, _, comment_text = match.group(2).partition(COMMENTS_MARKER)
    outlet_id = path.parent.name
    if outlet_id not in outlets:
        raise CorpusError(f"{where}: folder {outlet_id!r} is not an outlet id")
    for key in ("story", "title", "author", "published", "summary"):
        if not fields.get(key):
            raise CorpusError(f"{where}: missing {key}")
    slug = re.sub(r"^\d{4}-\d\d-\d\d-", "", path.stem)
    published = parse_time(fields["published"], where)
    outlet = outlets[outlet_id]
    article = Article(
        id=f"{outlet_id}/{path.stem}",
        outlet=outlet_id,
        slug=slug,
        story=fields["story"],
        title=fields["title"],
        author=fields["author"],
        published=published,
        summary=fields["summary"],
        tags=tuple(tag.strip() for tag in fields.get("tags", "").split(",") if tag.strip()),
        section=fields.get("section", ""),
        dek=fields.get("dek", ""),
        editor=fields.get("editor", ""),
        blocks=_blocks(body),
        comments=_comments(comment_text, where),
        path=fields.get("path") or _path_for(outlet.url_pattern, slug, published, fields),
        syndicates=fields.get("syndicates"),
        source_file=where,
    )
    if article.syndicates is None and not article.blocks:
        raise CorpusError(f"{where}: empty body")
    return _Draft(fields=fields, lists=lists, article=article)


def _front_matter(text: str, where: str) -> tuple[dict, dict]:
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon:
            raise CorpusError(f"{where}:{number}: expected 'key: value'")
        key, value = key.strip(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]  # quotes are optional, for values that read better quoted
        if key in FRONT_MATTER_LIST_KEYS:
            lists.setdefault(key, []).append(value)
        elif key in fields:
            raise CorpusError(f"{where}:{number}: {key} given twice")
        else:
            fields[key] = value
    return fields, lists


def _blocks(body: str) -> tuple[Block, ...]:
    blocks = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(Block("ul", "\n".join(line[2:].strip() for line in lines)))
            continue
        text = " ".join(lines)
        if text.startswith("## "):
            blocks.append(Block("h2", text[3:].strip()))
        else:
            blocks.append(Block("p", text))
    return tuple(blocks)


def _comments(text: str, where: str) -> tuple[Comment, ...]:
    comments = []
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|", 2)]
        if len(parts) != 3:
            raise CorpusError(f"{where}: comment lines are 'name | time | text'")
        comments.append(Comment(parts[0], parse_time(parts[1], where), parts[2]))
    return tuple(comments)


def _path_for(pattern: str, slug: str, published: dt.datetime, fields: dict) -> str:
    values = {
        "yyyy": f"{published.year:04d}",
        "mm": f"{published.month:02d}",
        "dd": f"{published.day:02d}",
        "slug": slug,
        "section": _slugify(fields.get("section", "news")),
    }
    return pattern.format(**values)


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "news"


def _resolve_syndication(drafts: list[_Draft]) -> list[Article]:
    """Gives each syndicated copy the original's text with the republisher's edits applied."""
    by_id = {draft.article.id: draft.article for draft in drafts}
    resolved = []
    for draft in drafts:
        article = draft.article
        if article.syndicates is None:
            resolved.append(article)
            continue
        original = by_id.get(article.syndicates)
        if original is None or original.syndicates is not None:
            raise CorpusError(f"{article.source_file}: syndicates must name an original article")
        if original.story != article.story:
            raise CorpusError(f"{article.source_file}: a copy keeps its original's story id")
        blocks = list(original.blocks)
        drop = int(draft.fields.get("drop_last", "0"))
        for _ in range(drop):
            last_paragraph = max(i for i, block in enumerate(blocks) if block.kind == "p")
            del blocks[last_paragraph]
        for rule in draft.lists.get("replace", []):
            old, arrow, new = rule.partition("=>")
            old, new = old.strip(), new.strip()
            if not arrow or not any(old in block.text for block in blocks):
                raise CorpusError(f"{article.source_file}: replace text {old!r} not in original")
            blocks = [Block(block.kind, block.text.replace(old, new)) for block in blocks]
        note = draft.fields.get("note")
        if note:
            if draft.fields.get("note_position", "end") == "start":
                blocks.insert(0, Block("note", note))
            else:
                blocks.append(Block("note", note))
        resolved.append(dataclasses.replace(
            article,
            blocks=tuple(blocks),
            editor=article.editor or original.editor,
        ))
    return resolved
