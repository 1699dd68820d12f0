"""The gold pages in the layouts other scrapers write: does cleaning, metadata and who-said-what hold?

    python eval/relayout.py [--corpora ../shared/corpora] [--set tune|blind] [--no-quotes] [--variants "a;b"]

Each gold page is rewritten in several layouts (hard-wrapped at 78 columns, no blank lines, a blank
line after every line, lines indented, trailing spaces, CRLF, the whole page on one line, a line per
sentence, every name in running text on a line of its own…) whose every character is a character of the page as annotated (`Relaid.origin` maps it
back; a layout's own newlines and spaces map to -1). citata reads each variant as it reads a file,
and the variant is scored with eval/cleaning.py's scoring (score_page: a character counts with its
annotated line's label wherever the layout moved it) and eval/quotes.py's (the predicted quotations'
offsets mapped back to the annotated text). A BSNLP file's four header lines are its container, not
the page: they stay as they are.

--set tune (the default) prints a row per variant for the cleaning gold's tune half, the existing
gold and the quotation gold's tune half, with the drop against the original layout; --set blind
prints the cleaning gold's blind half and the quotation gold's blind half, totals only.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import cleaning  # noqa: E402  (eval/, this script's folder)
import quotes  # noqa: E402
from perturb import INLINE_NAME, SENTENCE_SPACE  # noqa: E402
from citata.clean.block import ends_sentence  # noqa: E402
from citata.model import RawDocument  # noqa: E402
from citata.pipeline import annotate, build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

WRAP = 78
HEADER_LINES = 4  # a BSNLP record's id, language, date and URL


@dataclass
class Relaid:
    """A page in another layout: `text`, and for each of its characters the annotated one it is."""

    text: str
    origin: list[int]


class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.origin: list[int] = []

    def copy(self, start: int, end: int) -> None:
        self.parts.append(self.source[start:end])
        self.origin.extend(range(start, end))

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.origin.extend([-1] * len(s))

    def done(self) -> Relaid:
        return Relaid("".join(self.parts), self.origin)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _wrap(b: _Builder, text: str, start: int, end: int, width: int) -> None:
    """One line hard-wrapped as fmt does: each break replaces the space before the word that would
    pass the width (a word longer than the width stays whole)."""
    while end - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        b.copy(start, cut)
        b.add("\n")
        start = cut + 1
    b.copy(start, end)


def relayout(text: str, variant: str, keep: int = 0) -> Relaid:
    """`text` in the layout `variant` (VARIANTS); its first `keep` lines stay as they are."""
    b = _Builder(text)
    spans = _lines(text)
    for i, (s, e) in enumerate(spans):
        last = i == len(spans) - 1
        blank = not text[s:e].strip()
        if i < keep:
            b.copy(s, e if last else e + 1)
            continue
        if variant == "wrap78":
            _wrap(b, text, s, e, WRAP)
        elif variant == "wrap78, no blank lines":
            if blank:
                continue
            _wrap(b, text, s, e, WRAP)
        elif variant == "no blank lines":
            if blank:
                continue
            b.copy(s, e)
        elif variant == "indent 4":
            if not blank:
                b.add("    ")
            b.copy(s, e)
        elif variant == "indent tab, trailing spaces":
            if not blank:
                b.add("\t")
            b.copy(s, e)
            b.add("  ")
        elif variant == "a line per sentence":
            # A <br> after every sentence (eval/perturb.py's layout of the same name, here over the
            # whole page: its furniture too).
            at = s
            for m in SENTENCE_SPACE.finditer(text, s, e):
                b.copy(at, m.start(1))
                b.add("\n")
                at = m.end(1)
            b.copy(at, e)
        elif variant.startswith("names on lines of their own"):
            # A page saved node by node: every name in running text on a line of its own (eval/perturb.py's
            # layout of the same name), in the lines that end a sentence (paragraphs: a headline, a menu
            # or a caption is one node), with or without the blank lines between paragraphs.
            if blank and variant.endswith("no blank lines"):
                continue
            at = s
            if ends_sentence(text[s:e].rstrip()):
                for m in INLINE_NAME.finditer(text, s, e):
                    b.copy(at, m.start())
                    b.add("\n")
                    at = m.start() + 1
                    if m.end() < e and text[m.end()] == " ":
                        b.copy(at, m.end())
                        b.add("\n")
                        at = m.end() + 1
            b.copy(at, e)
        elif variant == "one line":
            # A page saved without newlines, its paragraphs parted by two spaces.
            if blank:
                continue
            b.copy(s, e)
            if not last:
                b.add("  ")
            continue
        else:
            b.copy(s, e)
        if last:
            break
        if variant == "crlf":
            b.add("\r")
        b.copy(e, e + 1)
        if variant == "blank line after every line":
            b.add("\n")
    return b.done()


VARIANTS = ("original", "wrap78", "no blank lines", "wrap78, no blank lines", "blank line after every line",
            "indent 4", "indent tab, trailing spaces", "crlf", "one line", "a line per sentence",
            "names on lines of their own", "names on lines of their own, no blank lines")


def read_variant(raw: RawDocument, variant: str) -> tuple[RawDocument, list[int] | None]:
    """citata's raw document of a page relaid as `variant`, read as a file of that layout is read,
    and the origin of each of its characters (None for the original)."""
    if variant == "original":
        return raw, None
    relaid = relayout(raw.text, variant, HEADER_LINES if raw.layout == "bsnlp" else 0)
    new = text_document(raw.source, relaid.text)
    origin = relaid.origin
    if new.text != relaid.text:
        # The reader normalises newlines ("\r\n" -> "\n"): follow it character by character.
        if new.text != relaid.text.replace("\r\n", "\n"):
            raise SystemExit(f"{raw.source}: the reader changed the {variant} layout in another way")
        origin = [o for i, o in enumerate(origin) if not (relaid.text[i] == "\r" and relaid.text[i + 1:i + 2] == "\n")]
    return new, origin


def map_span(origin: list[int], start: int, end: int) -> list[int]:
    """A span of a relaid page as the annotated page's offsets (its first and last annotated character)."""
    first = next((origin[i] for i in range(start, end) if origin[i] >= 0), -1)
    last = next((origin[i] for i in range(end - 1, start - 1, -1) if origin[i] >= 0), -2)
    return [first, last + 1]


def clean_rows(entries: list[dict], corpora: Path, variants: tuple[str, ...], read=None) -> dict[str, dict]:
    """eval/cleaning.py's counts per variant; `read(raw, variant)` gives the variant's raw document and
    the origin of each of its characters (by default `read_variant`'s layouts; eval/invisible.py
    passes its injections)."""
    read = read or read_variant
    out = {v: cleaning.new_result() for v in variants}
    for entry in entries:
        raw = cleaning.read_page(entry, corpora)
        for v in variants:
            new, origin = read(raw, v)
            cleaning.score_page(out[v], entry, raw.text, build_document(new), origin)
    return out


def quote_rows(entries: list[dict], corpora: Path, variants: tuple[str, ...], read=None) -> dict[str, dict]:
    """eval/quotes.py's counts per variant, each prediction mapped back to the annotated offsets
    (`read` as in `clean_rows`)."""
    read = read or read_variant
    out = {v: Counter() for v in variants}
    for entry in entries:
        path = quotes.checked_path(entry, corpora)
        raw = text_document(entry["file"], decode(path.read_bytes()))
        for v in variants:
            new, origin = read(raw, v)
            doc = annotate([build_document(new)])[0]
            pred = [quotes.predicted(doc, q) for q in doc.quotes]
            if origin is not None:
                for p in pred:
                    p["raw_content"] = map_span(origin, *p["raw_content"])
            quotes.tally(out[v], entry, raw.text, pred)
    return out


def clean_table(rows: dict[str, dict]) -> str:
    base = cleaning.scores(rows["original"]) if "original" in rows else None
    lines = ["| layout | docs | body F1 | leakage | headline right | date right | dates invented | outlet right "
             "| drop: F1 / leakage / headline / date / outlet |", "|---|---|---|---|---|---|---|---|---|"]
    for v, res in rows.items():
        s = cleaning.scores(res)
        t, d, o = res["titles"], res["dates"], res["outlets"]
        outlet = f"{o['right']}/{o['n']}" if o["n"] else "—"
        drop = "" if base is None or v == "original" else (
            f"{s['F1'] - base['F1']:+.4f} / {s['leak'] - base['leak']:+.2%} / {s['title'] - base['title']:+.0%} "
            f"/ {s['date'] - base['date']:+.0%} / {s['outlet'] - base['outlet']:+.0%}")
        lines.append(f"| {v} | {res['docs']} | {s['F1']:.4f} | {s['leak']:.2%} | {t['right']}/{t['n']} "
                     f"| {d['right']}/{d['n']} | {d['spurious']}/{d['null_gold']} | {outlet} | {drop} |")
    return "\n".join(lines)


def quote_table(rows: dict[str, dict]) -> str:
    base = quotes.summary(rows["original"]) if "original" in rows else None
    lines = ["| layout | docs | gold | predicted | quotation F1 | who said what F1 | drop: quotation / who said what |",
             "|---|---|---|---|---|---|---|"]
    for v, c in rows.items():
        s = quotes.summary(c)
        drop = "" if base is None or v == "original" else f"{s['qf'] - base['qf']:+.3f} / {s['wf'] - base['wf']:+.3f}"
        lines.append(f"| {v} | {c.get('docs', 0)} | {c.get('gold', 0)} | {c.get('pred', 0)} | {s['qf']:.3f} "
                     f"| {s['wf']:.3f} | {drop} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind"), default="tune")
    ap.add_argument("--no-quotes", action="store_true", help="cleaning and metadata only")
    ap.add_argument("--variants", help="layouts parted by semicolons (default: all): " + "; ".join(VARIANTS))
    args = ap.parse_args()
    variants = tuple(v.strip() for v in args.variants.split(";")) if args.variants else VARIANTS
    if "original" not in variants:
        variants = ("original", *variants)
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        ap.error(f"unknown layouts: {', '.join(sorted(unknown))}")
    sets = [("whole pages: " + args.set, cleaning.load(cleaning.PAGES, args.set))]
    if args.set == "tune":
        sets.insert(0, ("existing gold", cleaning.load(cleaning.GOLD)))
    for name, entries in sets:
        print(f"## Cleaning and metadata, {name}\n")
        print(clean_table(clean_rows(entries, args.corpora, variants)))
        print()
    if not args.no_quotes:
        print(f"## Who said what, the quotation gold's {args.set} half\n")
        print(quote_table(quote_rows(quotes.entries(quotes.CORPUS_FILES, args.set), args.corpora, variants)))


if __name__ == "__main__":
    main()
