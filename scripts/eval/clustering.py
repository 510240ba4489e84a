#!/usr/bin/env python3
"""Scores Lede's story clustering against a labelled corpus.

    scripts/eval/clustering.py STORIES_JSON LABELS_JSON [STORY_SOURCES...]

STORIES_JSON is the output of `lede stories --format json`; LABELS_JSON is a corpus's
labels.json. Prints B-cubed precision, recall and F1, pairwise precision, recall and F1, the
labelled stories that were split or merged, and (given the corpus's story files, whose
`entities` name each story's companies) merges across two labelled events of one company.
"""

import itertools
import json
import sys
from collections import defaultdict


def load(stories_path, labels_path):
    predicted = {}
    for story in json.load(open(stories_path))["stories"]:
        for article in story["articles"]:
            predicted[article["url"]] = story["id"]
    labels = json.load(open(labels_path))
    truth = {article["url"]: article["story"] for article in labels["articles"]}
    return predicted, truth, labels


def bcubed(predicted, truth):
    items = [url for url in truth if url in predicted]
    by_pred = defaultdict(set)
    by_true = defaultdict(set)
    for url in items:
        by_pred[predicted[url]].add(url)
        by_true[truth[url]].add(url)
    precision = recall = 0.0
    for url in items:
        same_pred = by_pred[predicted[url]]
        same_true = by_true[truth[url]]
        correct = len(same_pred & same_true)
        precision += correct / len(same_pred)
        recall += correct / len(same_true)
    n = len(items) or 1
    precision, recall = precision / n, recall / n
    return precision, recall, f1(precision, recall)


def pairwise(predicted, truth):
    items = sorted(url for url in truth if url in predicted)
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        same_pred = predicted[a] == predicted[b]
        same_true = truth[a] == truth[b]
        tp += same_pred and same_true
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, f1(precision, recall)


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    predicted, truth, labels = load(sys.argv[1], sys.argv[2])
    missing = [url for url in truth if url not in predicted]
    b = bcubed(predicted, truth)
    p = pairwise(predicted, truth)
    print(f"articles: {len(truth)} labelled, {len(truth) - len(missing)} clustered, {len(set(truth.values()))} labelled stories, {len(set(predicted[u] for u in truth if u in predicted))} predicted stories")
    print(f"B-cubed   precision {b[0]:.3f}  recall {b[1]:.3f}  F1 {b[2]:.3f}")
    print(f"pairwise  precision {p[0]:.3f}  recall {p[1]:.3f}  F1 {p[2]:.3f}")

    by_true = defaultdict(set)
    by_pred = defaultdict(set)
    for url, story in truth.items():
        if url in predicted:
            by_true[story].add(predicted[url])
            by_pred[predicted[url]].add(story)
    splits = {story: ids for story, ids in by_true.items() if len(ids) > 1}
    merges = {pid: stories for pid, stories in by_pred.items() if len(stories) > 1}
    for story, ids in sorted(splits.items()):
        print(f"  split: {story} -> {len(ids)} stories")
    for pid, stories in sorted(merges.items()):
        print(f"  merged in story {pid}: {', '.join(sorted(stories))}")
    for url in missing:
        print(f"  not clustered: {url}")

    entities = {}
    for path in sys.argv[3:]:
        for story in json.load(open(path)):
            entities[story["id"]] = {e.lower() for e in story.get("entities", [])}
    if entities:
        same_company = 0
        for pid, stories in merges.items():
            for a, b in itertools.combinations(sorted(stories), 2):
                if entities.get(a, set()) & entities.get(b, set()):
                    same_company += 1
                    print(f"  same-company merge: {a} + {b}")
        print(f"same-company merges: {same_company}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
