"""What invisible characters and markup residue inside words cost who-said-what and cleaning (issue 15).

    python eval/invisible.py [--corpora ../shared/corpora] [--set tune|blind] [--classes shy,zwsp,...]

Pages from other outlets carry characters the gold texts rarely have: CMS hyphenation hints (soft
hyphen, U+00AD), zero-width spaces, (non-)joiners and word joiners (U+200B-U+200D, U+2060), a BOM
where files were concatenated (U+FEFF), combining stress marks (U+0301, "заяви́л"), variation
selectors (U+FE0F), bidi marks (U+200E/U+200F), and tags a scraper left in a text dump (<p>…</p>).
Each class is injected into the gold articles' text deterministically (a row per class; the
injection points below), the offsets mapped back so the gold spans still score, and the article
scored with eval/quotes.py's own matching (tally) and eval/cleaning.py's line scoring (score_page,
each character with the annotated line it came from, through eval/relayout.py's quote_rows and
clean_rows; on the cleaning gold's pages in the same half, with the older dumps of
eval/gold/cleaning.jsonl on the tune side). The blind half's totals only: read them at most twice.

Injection points (words: runs of letters; a BSNLP file's four header lines are left alone):
  shy      a soft hyphen after the second vowel-consonant boundary of every 3rd word of 6+ letters
  stress   U+0301 after the first vowel of every 5th Cyrillic word with 2+ vowels (a Latin word's
           accent is a letter's)
  zwsp     U+200B in the middle of every 2nd capitalised word of 4+ letters (names)
  joiners  U+200C, U+200D, U+2060 in turn in the middle of every 7th word of 4+ letters
  bom      U+FEFF at the start of every 4th non-empty line
  bidi     U+200E, U+200F in turn after every 5th word
  vs       U+FE0F after every 9th word
  tags     every non-empty line wrapped in <p>…</p>, with <br> after every 2nd sentence's full stop
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import cleaning  # noqa: E402  (eval/, this script's folder)
import quotes  # noqa: E402
import relayout  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_VOWELS = _CYRILLIC_VOWELS | set("aeiouyAEIOUY")
_LINE = re.compile(r"[^\n]+")


def _syllable_break(word: str) -> int | None:
    """A hyphenation point: after the second vowel followed by a consonant, inside the word."""
    seen = 0
    for i in range(1, len(word) - 2):
        if word[i - 1] in _VOWELS and word[i] not in _VOWELS:
            seen += 1
            if seen == 2:
                return i
    return None


def _words(text: str, first: int):
    for m in _WORD.finditer(text, first):
        yield m


def insertions(text: str, kind: str, first: int) -> list[tuple[int, str]]:
    """(offset, string) to insert into `text` for one class, from offset `first` on."""
    out = []
    if kind == "bom":
        lines = [m for m in _LINE.finditer(text, first) if m.group().strip()]
        return [(m.start(), "\ufeff") for m in lines[3::4]]
    if kind == "tags":
        for m in _LINE.finditer(text, first):
            if m.group().strip():
                out.append((m.start(), "<p>"))
                for n, stop in enumerate(re.finditer(r"\. ", m.group())):
                    if n % 2 == 1:
                        out.append((m.start() + stop.start() + 1, "<br>"))
                out.append((m.end(), "</p>"))
        return out
    n = 0
    for m in _words(text, first):
        w = m.group()
        if kind == "shy" and len(w) >= 6:
            n += 1
            cut = _syllable_break(w)
            if n % 3 == 0 and cut:
                out.append((m.start() + cut, "\u00ad"))
        elif kind == "stress" and sum(c in _CYRILLIC_VOWELS for c in w) >= 2:
            n += 1
            if n % 5 == 0:
                i = next(i for i, c in enumerate(w) if c in _CYRILLIC_VOWELS)
                out.append((m.start() + i + 1, "\u0301"))
        elif kind == "zwsp" and len(w) >= 4 and w[0].isupper():
            n += 1
            if n % 2 == 0:
                out.append((m.start() + len(w) // 2, "\u200b"))
        elif kind == "joiners" and len(w) >= 4:
            n += 1
            if n % 7 == 0:
                out.append((m.start() + len(w) // 2, "\u200c\u200d\u2060"[(n // 7) % 3]))
        elif kind == "bidi":
            n += 1
            if n % 5 == 0:
                out.append((m.end(), "\u200e\u200f"[(n // 5) % 2]))
        elif kind == "vs":
            n += 1
            if n % 9 == 0:
                out.append((m.end(), "\ufe0f"))
    return out


CLASSES = ("none", "shy", "stress", "zwsp", "joiners", "bom", "bidi", "vs", "tags")


def inject(text: str, kind: str, first: int) -> tuple[str, list[int]]:
    """The text with one class injected, and for every offset of it (and its end) the offset of the
    original text it stands for (an inserted character stands for the original character after it)."""
    parts, back, last = [], [], 0
    for at, s in sorted(insertions(text, kind, first), key=lambda x: x[0]) if kind != "none" else []:
        parts.append(text[last:at])
        back.extend(range(last, at))
        parts.append(s)
        back.extend([at] * len(s))
        last = at
    parts.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(parts), back


def _first(raw) -> int:
    """Where injection starts: after a BSNLP file's four header lines."""
    if raw.layout != "bsnlp":
        return 0
    pos = 0
    for _ in range(4):
        pos = raw.text.index("\n", pos) + 1
    return pos


def injected(raw, kind: str):
    text, back = inject(raw.text, kind, _first(raw))
    return dataclasses.replace(raw, text=text), back


def who_said_what(entries: list[dict], corpora: Path, kind: str) -> Counter:
    return relayout.quote_rows(entries, corpora, (kind,), read=injected)[kind]


def cleaning_result(pages: list[dict], corpora: Path, kind: str) -> dict:
    """eval/cleaning.py's counts over the pages read with `kind` injected, each character scored with
    the annotated line it came from."""
    return relayout.clean_rows(pages, corpora, (kind,), read=injected)[kind]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind"), default="tune")
    ap.add_argument("--classes", default=",".join(CLASSES))
    args = ap.parse_args()
    gold = quotes.entries(quotes.CORPUS_FILES, args.set)
    # the cleaning gold: its whole pages' half, and on the tune side the older dumps (all tuned on)
    pages = cleaning.load(cleaning.PAGES, args.set) + (cleaning.load(cleaning.GOLD) if args.set == "tune" else [])
    print(f"{args.set}: {len(gold)} articles with quotation gold, {len(pages)} pages with cleaning gold\n")
    print("| class | who said what P | R | F1 | drop | body F1 | drop | headline right |")
    print("|---|---|---|---|---|---|---|---|")
    base_w = base_b = None
    for kind in args.classes.split(","):
        s = quotes.summary(who_said_what(gold, args.corpora, kind))
        res = cleaning.scores(cleaning_result(pages, args.corpora, kind))
        if base_w is None:
            base_w, base_b = s["wf"], res["F1"]
        print(f"| {kind} | {s['wp']:.3f} | {s['wr']:.3f} | {s['wf']:.3f} | {s['wf'] - base_w:+.3f} "
              f"| {res['F1']:.4f} | {res['F1'] - base_b:+.4f} | {res['title']:.0%} |")


if __name__ == "__main__":
    main()
