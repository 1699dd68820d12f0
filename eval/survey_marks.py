"""Quotation marks as the wild writes them (issue 14, twenty-eighth session): how often each shape of
quotation mark stands in the raw texts of the shared corpora outside the blind half.

    python eval/survey_marks.py [--examples 2]

Reads every text `survey_quotes.corpus_texts` lists but the blind half's (neither counted nor shown).
Each shape is a pattern over the raw text (SHAPES): a pair within one line, so a count is of pairs (or
of marks where the shape is a single mark); examples come from the unannotated and tune texts only.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.source import decode  # noqa: E402
from survey_fronted import CORPORA, outside_blind  # noqa: E402

C = "А-ЯЁа-яё"
# A pair's inside: up to 300 characters of one line.
IN = r"[^\n]{1,300}?"
SHAPES = {
    "«…» guillemets": re.compile(r"«[^«»\n]{1,300}»"),
    '"…" straight': re.compile(r'(?<![\w"])"[^"\n]{1,300}?"(?![\w"])'),
    "“…” English": re.compile(r"“[^“”\n]{1,300}”"),
    "„…“ German": re.compile(r"„[^„“\n]{1,300}“"),
    "<<…>> mangled guillemets": re.compile(rf"<<{IN}>>"),
    "<…> around Cyrillic words": re.compile(rf"<(?=[{C}])[^<>\n]{{1,300}}>"),
    "‹…› single guillemets": re.compile(r"‹[^‹›\n]{1,300}›"),
    "''…'' doubled apostrophes": re.compile(rf"''{IN}''"),
    "‘’…’’ doubled single quotes": re.compile(rf"[‘’]’{IN}’’"),
    "'…' single straight around Cyrillic": re.compile(rf"(?<![\w'])'(?=[{C}])[^'\n]{{1,300}}?(?<=[{C}.!?…])'(?![\w'])"),
    "‘…’ single curly": re.compile(r"‘[^‘’\n]{1,300}’"),
    '«…" mixed (guillemet opens, straight closes)': re.compile(r'«[^«»"\n]{1,300}"(?=[\s,.;:!?)]|$)', re.M),
    '"…» mixed (straight opens, guillemet closes)': re.compile(r'(?:^|(?<=[\s(]))"[^«»"\n]{1,300}»', re.M),
    "«« »» doubled guillemets": re.compile(r"««|»»"),
    "„…«…»…“ nested the other way": re.compile(r"„[^„“\n]{0,300}«[^«»\n]{1,300}»[^„“\n]{0,300}“"),
    "HTML entity for a mark (&laquo; &quot; &#171; …)": re.compile(
        r"&(?:laquo|raquo|quot|ldquo|rdquo|bdquo|lsaquo|rsaquo|lsquo|rsquo|#171|#187|#34|#822[0-2]|#x[aAbB][bB]);"),
    "apostrophe in a Cyrillic name (О'Лири)": re.compile(rf"(?<=[{C}])['’](?=[{C}])"),
    "inch or minute mark after a digit (5')": re.compile(r"(?<=\d)['’]"),
    "< before a digit or a space (<100)": re.compile(r"<(?=[\d ])"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2)
    args = ap.parse_args()
    rels, tune, blind = outside_blind()
    rows: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        text = decode((CORPORA / rel).read_bytes())
        side = "tune" if rel in tune else "unannotated"
        for name, rx in SHAPES.items():
            hits = [m for m in rx.finditer(text)]
            rows[name][f"{side} places"] += len(hits)
            rows[name][f"{side} texts"] += bool(hits)
            if hits and len(shown[name]) < args.examples:
                m = hits[len(hits) // 2]
                shown[name].append(f"{rel}: {text[max(0, m.start() - 30):m.end() + 30][:200]!r}")
    n_tune = sum(r in tune for r in rels)
    print(f"{len(rels) - n_tune} unannotated texts, {n_tune} tune texts (the blind half's {blind} left out)\n")
    print("| shape | unannotated places | texts | tune places | texts |\n|---|---:|---:|---:|---:|")
    for name in SHAPES:
        row = rows[name]
        print(f"| {name} | {row['unannotated places']} | {row['unannotated texts']} | "
              f"{row['tune places']} | {row['tune texts']} |")
    for name, ctxs in shown.items():
        print(f"\n## {name}")
        for c in ctxs:
            print("  " + c)


if __name__ == "__main__":
    main()
