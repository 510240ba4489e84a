#!/usr/bin/env python3
"""Scores answers to a labelled question set.

    scripts/eval/questions.py ARTICLES_JSONL QUESTIONS_JSON... < ANSWERS_JSONL

ANSWERS_JSONL holds one `lede ask --format json` answer per line, in the order of the
questions. An answerable question counts as right when the answer contains one of its
expected phrases and cites an article that states it (the expected article or another
outlet's article with the same phrase); the strict count also requires the expected article
among the citations. Unanswerable questions count as declined when `answered` is false.
"""

import json
import re
import sys


def normalise(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def main():
    texts = {}
    for line in open(sys.argv[1]):
        article = json.loads(line)
        texts[article["url"]] = normalise(article["title"] + " " + article["text"])
    questions = []
    for path in sys.argv[2:]:
        questions.extend(json.load(open(path)))
    answers = [json.loads(line) for line in sys.stdin if line.strip()]
    assert len(answers) == len(questions), f"{len(answers)} answers for {len(questions)} questions"

    right = strict = wrongly_declined = declined = 0
    answerable = [q for q in questions if q["answerable"]]
    failures = []
    for question, answer in zip(questions, answers):
        text = normalise(answer["answer"])
        cited = [c["url"] for c in answer["citations"]]
        if question["answerable"]:
            expected = [normalise(e) for e in question["expected"]]
            phrase = next((e for e in expected if e in text), None)
            supported = phrase is not None and answer["answered"] and any(phrase in texts.get(url, "") for url in cited)
            if supported:
                right += 1
                strict += question.get("article") in cited
            else:
                failures.append(("WRONG" if answer["answered"] else "DECLINED", question["question"], answer["answer"][:160]))
            if not answer["answered"]:
                wrongly_declined += 1
        else:
            if not answer["answered"]:
                declined += 1
            else:
                failures.append(("ANSWERED", question["question"], answer["answer"][:160]))
    unanswerable = len(questions) - len(answerable)
    print(f"questions: {len(questions)} ({len(answerable)} answerable, {unanswerable} not)")
    print(f"accuracy: {right}/{len(answerable)} = {right / max(1, len(answerable)):.1%} (expected phrase in the answer, cited from an article that states it)")
    print(f"  of which citing the labelled article itself: {strict}")
    print(f"unanswerable declined: {declined}/{unanswerable} = {declined / max(1, unanswerable):.1%}")
    print(f"answerable wrongly declined: {wrongly_declined}/{len(answerable)} = {wrongly_declined / max(1, len(answerable)):.1%}")
    for kind, question, answer in failures:
        print(f"  {kind}: {question}\n      -> {answer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
