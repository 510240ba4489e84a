#!/usr/bin/env python3
"""Scores Lede's briefings on a labelled corpus.

    scripts/eval/briefing.py ARTICLES_JSONL LABELS_JSON STORY_FILES... -- BRIEFING_JSON...

Prints, over every story of every briefing given: the share of statements (key points,
opening, answer paragraphs, bottom line) whose every sentence is found in an article the
statement cites; the figure and name check's pass rate; redundancy of key points (the most
similar pair per story, word-set Jaccard, target at most 0.6); how different the top five
stories of the profiles are; and the share of each briefed story's labelled key facts that
its explainer states.
"""

import itertools
import json
import re
import sys

STOP = set("a an and are as at be by for from has have in is it its of on or that the to was were will with".split())


def normalise(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def words(text):
    return {w for w in re.findall(r"[a-z0-9$%.,]+", text.lower()) if w not in STOP}


def sentences(text):
    """Splits at a full stop, question or exclamation mark (with any closing quote) followed
    by a space and a capital, digit or opening quote."""
    parts = re.split(r"(?<=[.!?])([\"'”’)]?)\s+(?=[A-Z0-9\"“$])", normalise(text))
    # re.split keeps the captured closing quote as its own item: glue it back on.
    out = []
    for index in range(0, len(parts), 2):
        out.append(parts[index] + (parts[index + 1] if index + 1 < len(parts) else ""))
    return [s for s in out if s]


def main():
    args = sys.argv[1:]
    split = args.index("--")
    articles_path, labels_path, story_files, briefing_paths = args[0], args[1], args[2:split], args[split + 1:]
    texts = {}
    for line in open(articles_path):
        article = json.loads(line)
        texts[article["url"]] = normalise(article["title"] + "\n\n" + article["text"])
    labels = json.load(open(labels_path))
    label_of = {a["url"]: a["story"] for a in labels["articles"]}
    key_facts = {}
    for path in story_files:
        for story in json.load(open(path)):
            key_facts[story["id"]] = story.get("keyFacts", [])

    statements = found = 0
    missing = []
    checks_passed = checks = 0
    redundancy = []
    fact_shares = []
    tops = {}
    for path in briefing_paths:
        briefing = json.load(open(path))
        tops[briefing["profile"]] = [s["id"] for s in briefing["stories"][:5]]
        for story in briefing["stories"]:
            cited = []
            for point, citations in zip(story["keyPoints"], story["keyPointCitations"]):
                cited.append((point, citations))
            cited.append((story["intro"], story["introCitations"]))
            for section in story["sections"]:
                for paragraph in section["paragraphs"]:
                    cited.append((paragraph["text"], paragraph["citations"]))
            cited.append((story["bottomLine"]["text"], story["bottomLine"]["citations"]))
            for text, citations in cited:
                if not text:
                    continue
                statements += 1
                sources = [texts.get(c["url"], "") for c in citations]
                if all(any(s in source for source in sources) for s in sentences(text)):
                    found += 1
                else:
                    missing.append((story["headline"], text[:100]))
            check = story.get("check", {})
            checks += check.get("figures", 0) + check.get("names", 0)
            checks_passed += check.get("figures", 0) + check.get("names", 0) - len(check.get("failures", []))
            pairs = [len(words(a) & words(b)) / max(1, len(words(a) | words(b))) for a, b in itertools.combinations(story["keyPoints"], 2)]
            redundancy.append(max(pairs) if pairs else 0)
            # The labelled story this briefed story is about: the majority label of its sources.
            votes = {}
            for source in story["sources"]:
                label = label_of.get(source["url"])
                if label:
                    votes[label] = votes.get(label, 0) + 1
            if votes:
                label = max(votes, key=votes.get)
                facts = key_facts.get(label, [])
                if facts:
                    explainer = normalise(" ".join([story["headline"], story["intro"], " ".join(story["keyPoints"]), story["bottomLine"]["text"]]
                                                   + [p["text"] for s in story["sections"] for p in s["paragraphs"]])).lower()
                    stated = sum(1 for fact in facts if normalise(fact).lower() in explainer)
                    fact_shares.append(stated / len(facts))

    print(f"briefings: {len(briefing_paths)}, stories: {len(redundancy)}")
    print(f"statements found in their cited article: {found}/{statements} = {found / max(1, statements):.1%}")
    print(f"figure and name check: {checks_passed}/{checks} = {checks_passed / max(1, checks):.1%}")
    print(f"key-point redundancy: max {max(redundancy, default=0):.2f}, mean {sum(redundancy) / max(1, len(redundancy)):.2f}, stories over 0.6: {sum(r > 0.6 for r in redundancy)}")
    if fact_shares:
        print(f"labelled key facts stated by the explainer: mean {sum(fact_shares) / len(fact_shares):.1%} over {len(fact_shares)} stories")
    names = sorted(tops)
    for a, b in itertools.combinations(names, 2):
        overlap = len(set(tops[a]) & set(tops[b]))
        print(f"top 5 of {a} vs {b}: {overlap} stories in common, {5 - overlap} different")
    for headline, text in missing[:10]:
        print(f"  not found: {headline[:50]} | {text}")
    return 0 if found == statements and checks_passed == checks else 1


if __name__ == "__main__":
    sys.exit(main())
