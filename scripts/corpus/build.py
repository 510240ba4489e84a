#!/usr/bin/env python3
"""Renders a corpus of fictional news outlets from corpora/<name>/ into the files a demo server serves.

    python3 scripts/corpus/build.py demo            # write the output, check it, print a summary
    python3 scripts/corpus/build.py demo --verify   # exit 1 if the committed output is stale

The output folder comes from corpora/<name>/corpus.json ("output", relative to the repository
root). It holds sites/<host>/<path> for every served file, outlets.json, labels.json and
profiles.json. The same sources always give byte-identical output.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep the repository free of __pycache__ folders

import argparse
import dataclasses
import datetime as dt
import json
import pathlib
import shutil
import tempfile

from feeds import render_feed
from pagekit import HomeContext, PageContext, curl_quotes, iso_utc, stable_number
from sources import Article, Block, Comment, Corpus, CorpusError, load_corpus
from templates import TEMPLATES
import validate

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", help="corpus name: a folder under corpora/")
    parser.add_argument("--verify", action="store_true", help="compare with the existing output instead of writing")
    parser.add_argument("--output", help="write to this folder instead of the corpus's own output folder")
    arguments = parser.parse_args()
    try:
        corpus = load_corpus(REPO_ROOT, arguments.name)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if arguments.output:
        corpus = dataclasses.replace(corpus, output=pathlib.Path(arguments.output).resolve())
    problems = validate.check_sources(corpus)
    if problems:
        print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
        return 1
    files = render(corpus)
    if arguments.verify:
        return verify(corpus.output, files)
    write(corpus.output, files)
    problems = validate.check_output(corpus, corpus.output)
    if problems:
        print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
        return 1
    print(validate.summary(corpus))
    shown = corpus.output.relative_to(REPO_ROOT) if corpus.output.is_relative_to(REPO_ROOT) else corpus.output
    print(f"wrote {len(files)} files to {shown}")
    return 0


def render(corpus: Corpus) -> dict[str, str]:
    """Every output file as {path relative to the output folder: text}."""
    files: dict[str, str] = {}
    for outlet in corpus.outlets:
        template = TEMPLATES.get(outlet.template)
        if template is None:
            raise CorpusError(f"outlet {outlet.id}: no template named {outlet.template!r}")
        articles = corpus.articles_of(outlet.id)
        if outlet.settings.get("smart_quotes"):
            articles = [typeset(article) for article in articles]
        comment_counts = {}
        for article in articles:
            context = PageContext(
                corpus=corpus,
                outlet=outlet,
                article=article,
                related=tuple(related_articles(article, articles)),
                latest=tuple(a for a in articles if a.id != article.id)[:6],
                comments=comments_for(article, outlet.settings),
            )
            comment_counts[article.id] = len(context.comments)
            files[f"sites/{outlet.host}{article.path}"] = template.render_article(context)
        files[f"sites/{outlet.host}/index.html"] = template.render_home(
            HomeContext(corpus=corpus, outlet=outlet, articles=tuple(articles))
        )
        files[f"sites/{outlet.host}{outlet.feed_path}"] = render_feed(outlet, articles, comment_counts)
    files["outlets.json"] = dump_json([
        {
            "id": outlet.id,
            "name": outlet.name,
            "host": outlet.host,
            "homepage": outlet.homepage,
            "feed": outlet.feed_url,
            "format": outlet.format,
            "language": outlet.language,
            "description": outlet.description,
        }
        for outlet in corpus.outlets
    ])
    ordered = sorted(corpus.articles, key=lambda a: (a.published, corpus.outlet(a.outlet).url(a.path)))
    files["labels.json"] = dump_json({
        "stories": [{"id": s.id, "title": s.title, "kind": s.kind} for s in corpus.stories],
        "articles": [
            {
                "url": corpus.outlet(a.outlet).url(a.path),
                "outlet": a.outlet,
                "story": a.story,
                "published": iso_utc(a.published),
                "title": a.title,
            }
            for a in ordered
        ],
    })
    files["profiles.json"] = dump_json(list(corpus.profiles))
    return files


def typeset(article: Article) -> Article:
    """The article with typographic quotes in its body, as the outlet's copy desk prints it."""
    blocks = tuple(Block(block.kind, curl_quotes(block.text)) for block in article.blocks)
    return dataclasses.replace(article, blocks=blocks)


def related_articles(article: Article, siblings: list[Article], limit: int = 4) -> list[Article]:
    """Same-outlet articles that share the most tags, newest first among equals."""
    own = set(article.tags)
    others = [a for a in siblings if a.id != article.id]
    ranked = sorted(others, key=lambda a: (-len(own & set(a.tags)), -a.published.timestamp(), a.path))
    return ranked[:limit]


def comments_for(article: Article, settings: dict) -> tuple[Comment, ...]:
    """The article's own comments, or a few from the outlet's pool where the outlet has comments."""
    if not settings.get("comments", False):
        return ()
    if article.comments:
        return article.comments
    pool = settings.get("comment_pool", [])
    if not pool:
        return ()
    count = min(len(pool), 2 + stable_number(article.id, "comment-count") % 3)
    start = stable_number(article.id, "comment-start") % len(pool)
    picked = [pool[(start + step * 3) % len(pool)] for step in range(count)]
    comments = []
    minutes = 0
    for index, entry in enumerate(picked):
        minutes += 20 + stable_number(article.id, str(index)) % 140
        comments.append(Comment(entry["author"], article.published + dt.timedelta(minutes=minutes), entry["text"]))
    return tuple(comments)


def dump_json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write(output: pathlib.Path, files: dict[str, str]) -> None:
    """Replaces the output folder as a whole, so files of removed articles do not linger."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = pathlib.Path(tempfile.mkdtemp(prefix=".corpus-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes a private folder; the output is an ordinary one
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        if output.exists():
            shutil.rmtree(output)
        staging.rename(output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def verify(output: pathlib.Path, files: dict[str, str]) -> int:
    existing = {
        str(path.relative_to(output)): path.read_text(encoding="utf-8")
        for path in output.rglob("*") if path.is_file()
    } if output.is_dir() else {}
    stale = sorted(p for p in files.keys() | existing.keys() if files.get(p) != existing.get(p))
    if stale:
        print(f"{len(stale)} files differ from the sources, e.g. {stale[:5]}; run without --verify", file=sys.stderr)
        return 1
    print(f"{len(files)} files match the sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
