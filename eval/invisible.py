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
  inline   inline tags only: every 4th word of 4+ letters wrapped in <b>, <a href="…">, <span class="…">,
           <em> in turn, the lines left as they are
  entities as tags, and « » — " written &laquo; &raquo; &mdash; &quot;, every 6th space &nbsp;
  script   as tags, inside <div class="article-body">…</div>, with a <script> (holding "<" and a
           "<p>" string) after the first line, a <style> after the second, and <!-- … --> after every
           5th line

The injected text is read as a file of it is read (citata.source.read: a text that looks like an
HTML page goes to trafilatura), and each character of what the reader gives is aligned back to the
injected text (`align`: the reader only drops, keeps or replaces characters), so a reader that
drops markup and decodes entities is scored on the same gold spans as one that passes them on.
"""
from __future__ import annotations

import argparse
import dataclasses
import io
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
from citata.model import RawDocument  # noqa: E402
from citata.source import STDIN, read  # noqa: E402

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


_INLINE = (("<b>", "</b>"), ('<a href="https://example.ru/news/2021/01/14/1234.html">', "</a>"),
           ('<span class="highlight">', "</span>"), ("<em>", "</em>"))
_ENTITIES = {"«": "&laquo;", "»": "&raquo;", "—": "&mdash;", '"': "&quot;"}
_SCRIPT_AFTER = {
    0: '<script type="text/javascript">window.dataLayer = window.dataLayer || []; if (n < 3 && m > 1) '
       '{ document.write("<p>Реклама</p>"); }</script>',
    1: "<style>.article-body p { margin: 0 0 1em; } .quote > b { color: #333; }</style>",
}


def insertions(text: str, kind: str, first: int) -> list[tuple]:
    """(offset, string) to insert into `text` for one class, from offset `first` on, or
    (offset, string, n) to write the string in place of the n characters there."""
    out = []
    if kind == "bom":
        lines = [m for m in _LINE.finditer(text, first) if m.group().strip()]
        return [(m.start(), "\ufeff") for m in lines[3::4]]
    if kind in ("tags", "entities", "script"):
        lines = [m for m in _LINE.finditer(text, first) if m.group().strip()]
        for k, m in enumerate(lines):
            out.append((m.start(), "<p>"))
            for n, stop in enumerate(re.finditer(r"\. ", m.group())):
                if n % 2 == 1:
                    out.append((m.start() + stop.start() + 1, "<br>"))
            out.append((m.end(), "</p>"))
            if kind == "script" and k < len(lines) - 1:
                out.append((m.end(), _SCRIPT_AFTER.get(k, "<!-- /.block -->" if k % 5 == 4 else "")))
        if kind == "script" and lines:
            out.insert(0, (lines[0].start(), '<div class="article-body">'))
            out.append((lines[-1].end(), "</div>"))
        if kind == "entities":
            spaces = 0
            for i in range(first, len(text)):
                if text[i] in _ENTITIES:
                    out.append((i, _ENTITIES[text[i]], 1))
                elif text[i] == " ":
                    spaces += 1
                    if spaces % 6 == 0:
                        out.append((i, "&nbsp;", 1))
        return [e for e in out if e[1]]
    if kind == "inline":
        n = 0
        for m in _words(text, first):
            if len(m.group()) >= 4:
                n += 1
                if n % 4 == 0:
                    opening, closing = _INLINE[(n // 4) % len(_INLINE)]
                    out += [(m.start(), opening), (m.end(), closing)]
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


CLASSES = ("none", "shy", "stress", "zwsp", "joiners", "bom", "bidi", "vs", "tags", "inline", "entities",
           "script")


def inject(text: str, kind: str, first: int) -> tuple[str, list[int], dict[int, int]]:
    """The text with one class injected; for every offset of it (and its end) the offset of the
    original text it stands for (an inserted character stands for the original character after it,
    a replacement's characters for the character replaced); and where each run of injected
    characters starts and ends in it."""
    parts, back, last, runs, size, start = [], [], 0, {}, 0, 0
    for at, s, *n in sorted(insertions(text, kind, first), key=lambda x: x[0]) if kind != "none" else []:
        parts.append(text[last:at])
        back.extend(range(last, at))
        if at > last or not runs:  # else this string goes on the run before it
            size += at - last
            start = size
        parts.append(s)
        back.extend([at] * len(s))
        size += len(s)
        runs[start] = size
        last = at + (n[0] if n else 0)
    parts.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(parts), back, runs


def _first(raw) -> int:
    """Where injection starts: after a BSNLP file's four header lines."""
    if raw.layout != "bsnlp":
        return 0
    pos = 0
    for _ in range(4):
        pos = raw.text.index("\n", pos) + 1
    return pos


_ANCHOR = 12  # characters that must agree for the alignment to pick up again after a difference
_WINDOW = 300  # how far on it looks for them (beyond the injected runs, a reader changes little)


def align(injected_text: str, runs: dict[int, int], read_text: str) -> list[int]:
    """For each character of `read_text` (what the reader made of `injected_text`: characters kept in
    order, runs dropped, short runs replaced by one or two others), the offset of the injected
    character it comes from: a replacement's characters the first replaced one, -1 for a line break
    the reader added or a character not found again. `runs` (start: end) are the injected runs: the
    reader drops, replaces or keeps each whole, which tells where to go on after one."""
    out, i, j = [], 0, 0
    t, r = injected_text, read_text
    starts = sorted(runs)
    nxt = 0  # the first injected run not behind i
    while j < len(r):
        while nxt < len(starts) and starts[nxt] < i:
            nxt += 1
        if nxt < len(starts) and starts[nxt] == i:
            end = runs[i]
            # what follows the run, up to the next one, is what the reader gives next
            follow = t[end:min(end + _ANCHOR, starts[nxt + 1] if nxt + 1 < len(starts) else len(t))]
            added = next((a for a in range(3) if follow and r.startswith(follow, j + a)), None)
            if added is not None:
                out.extend(-1 if r[j + k] == "\n" else i for k in range(added))
                i, j = end, j + added
                continue
        if i < len(t) and t[i] == r[j]:
            out.append(i)
            i, j = i + 1, j + 1
            continue
        if nxt < len(starts) and 0 < starts[nxt] - i <= 8 and not t[i:starts[nxt]].strip():  # spaces the reader
            # dropped before a run
            i = starts[nxt]
            continue
        best = None  # (characters dropped, characters added) to the nearest place both agree again
        for size in (_ANCHOR, _ANCHOR // 2, _ANCHOR // 4):
            for added in range(3):
                anchor = r[j + added:j + added + size]
                at = t.find(anchor, i, i + _WINDOW) if anchor else len(t)
                if at >= 0 and (best is None or at - i + added < best[0] + best[1]):
                    best = (at - i, added)
            if best is not None:
                break
        if best is None:
            out.append(-1)
            j += 1
            continue
        dropped, added = best
        for k in range(added):
            out.append(-1 if r[j + k] == "\n" or i >= len(t) else i)
        i, j = i + dropped, j + added
    return out


def injected(raw, kind: str):
    """The page with `kind` injected, read as a file of it is read, and the original character each of
    the read document's characters stands for."""
    text, back, runs = inject(raw.text, kind, _first(raw))
    items = list(read([STDIN], stdin=io.BytesIO(text.encode("utf-8"))))
    new = items[0] if items and isinstance(items[0], RawDocument) else RawDocument(raw.source, "")
    new = dataclasses.replace(new, source=raw.source)
    return new, [back[i] if i >= 0 else -1 for i in align(text, runs, new.text)]


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
