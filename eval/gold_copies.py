"""Mark gold quotations annotated twice on a page that carries the article twice.

    python eval/gold_copies.py [--write]

Some whole pages (RIA's) carry the article twice: a run-together copy (the page's articleBody
metadata, sentences glued ".В") and the article. The quotation gold annotated both copies; the
cleaning gold (eval/gold/cleaning_pages.jsonl) labels the copy boilerplate "so the article is
counted once", and citata's cleaning drops it, so every quotation of the copy counted as missed
although its twin in the article is the same quotation. A gold quotation is marked
`"copy": true` (never deleted; the scorers skip it, as they skip relay wrappers) when both hold:

1. its content lies on lines the cleaning gold labels boilerplate;
2. another gold quotation of the same article, on lines that are not boilerplate, says the same:
   the shorter content's words are at least 80% of the longer's and all inside it, in order.

Without --write it prints the tune half's cases and the blind half's counts only (issue 14's
blind discipline); with --write it rewrites the gold files (run again, it changes nothing).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.source import decode, text_document  # noqa: E402
from quotes import CORPUS_FILES, GOLD, half  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
SAME_SHARE = 0.8


def boilerplate_spans(text: str, labels: list[str]) -> list[tuple[int, int]]:
    """Character spans of the lines the cleaning gold labels boilerplate."""
    spans, start = [], 0
    for line, label in zip(text.split("\n"), labels):
        if label == "boilerplate":
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def on_boilerplate(span: list[int], spans: list[tuple[int, int]]) -> bool:
    s, e = span
    covered = sum(max(0, min(e, b) - max(s, a)) for a, b in spans)
    return e > s and covered >= (e - s) / 2


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def says_the_same(a: list[str], b: list[str]) -> bool:
    """The shorter word list is in the longer one, in order, and most of it."""
    short, long_ = sorted((a, b), key=len)
    if not short or len(short) < SAME_SHARE * len(long_):
        return False
    it = iter(long_)
    return all(word in it for word in short)


def copies(text: str, labels: list[str], quotes: list[dict]) -> list[tuple[dict, dict]]:
    """(copy, its twin in the article) for every quotation of a boilerplate copy."""
    spans = boilerplate_spans(text, labels)
    if not spans:
        return []
    words = [_words(text[q["content"][0]:q["content"][1]]) for q in quotes]
    inside = [on_boilerplate(q["content"], spans) for q in quotes]
    out = []
    for i, q in enumerate(quotes):
        if not inside[i]:
            continue
        twin = next((quotes[j] for j in range(len(quotes))
                     if not inside[j] and says_the_same(words[i], words[j])), None)
        if twin is not None:
            out.append((q, twin))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="rewrite the gold files with the marks")
    args = ap.parse_args()
    pages = {}
    for line in (GOLD / "cleaning_pages.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            pages[entry["file"]] = entry["labels"]
    copied, pages_with = Counter(), {"tune": set(), "blind": set()}
    for name in CORPUS_FILES:
        path = GOLD / name
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        for line in lines:
            entry = json.loads(line)
            for q in entry["quotes"]:
                q.pop("copy", None)
            labels = pages.get(entry["file"])
            source = CORPORA / entry["file"]
            if labels and source.exists():
                which = half(entry)
                text = text_document(entry["file"], decode(source.read_bytes())).text
                for q, twin in copies(text, labels, entry["quotes"]):
                    q["copy"] = True
                    copied[which] += 1
                    pages_with[which].add(entry["file"])
                    if which == "tune":
                        print(f"tune {entry['file']}: {text[q['content'][0]:q['content'][1]][:70]!r}"
                              f" = {text[twin['content'][0]:twin['content'][1]][:70]!r}")
            out.append(json.dumps(entry, ensure_ascii=False))
        if args.write and out != lines:
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
    for which in sorted(copied):
        print(f"{which} copies: {copied[which]}")
    for which in ("tune", "blind"):
        print(f"{which} pages with copies: {len(pages_with[which])}")


if __name__ == "__main__":
    main()
