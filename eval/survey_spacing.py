"""Spaces written wrong around punctuation (issue 14): how often each fault occurs in the raw texts of the
shared corpora outside the blind half, and how often near a cue or a quotation mark.

    python eval/survey_spacing.py [--examples 2]

Reads every text `survey_quotes.corpus_texts` lists but the blind half's (neither counted nor shown).
A fault is near a cue when a quotation mark or a form of a speech verb of the lexicon (say, think, ask,
finding) stands within 40 characters of it. Each fault is a pattern over the raw text (see FAULTS);
examples are printed from the unannotated and tune texts only.
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

from citata import lexicons as lex  # noqa: E402
from citata.source import decode  # noqa: E402
from quotes import CORPUS_FILES, NEW_FILES, entries, half  # noqa: E402
from survey_fronted import CORPORA  # noqa: E402
from survey_quotes import corpus_texts  # noqa: E402

L = "А-ЯЁа-яёA-Za-z"
FAULTS = {
    "no space after comma (',что')": re.compile(rf"(?<=[{L}»”]),(?=[{L}«])"),
    "no space after a stop ('он.Он')": re.compile(r"(?<=[а-яё]{2})[.!?…](?=[А-ЯЁ«„])"),
    "no space after a closing mark ('»сказал', '»Он')": re.compile(rf"(?<=\w)[»”](?=[{L}])"),
    "comma then dash, no space ('»,—', ',-')": re.compile(r",[—–-](?=[ \u00a0]?[а-яё])"),
    "dash glued to a word after it ('—сказал', '-сказал')": re.compile(r"(?:(?<=[»”,.!?…])|^)[ \u00a0]?[—–-](?=[а-яё]{3})", re.M),
    "dash glued both sides ('»—сказал')": re.compile(r"(?<=[»”,])[—–](?=[а-яёА-ЯЁ])"),
    "line opens with a dash glued to the words ('—Фраза')": re.compile(rf"^[—–](?=[{L}«])", re.M),
    "space before a comma or stop ('сказал , что')": re.compile(rf"(?<=[{L}»”]) [,.;:!?](?=\s|$)", re.M),
    "space inside guillemets ('« Фразы »')": re.compile(r"«[ \u00a0]|(?<=\S)[ \u00a0]»"),
    "space inside brackets ('( ТАСС )')": re.compile(r"\([ \u00a0]|(?<=\S)[ \u00a0]\)"),
    "double space inside a line": re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)"),
    "non-breaking space": re.compile("\u00a0"),
}
MARKS = re.compile("[«»“”„\"]")


def near_cue(text: str, at: int) -> bool:
    window = text[max(0, at - 40):at + 40]
    if MARKS.search(window):
        return True
    verbs = lex.speech_verbs()
    return any(verbs.get(w.lower().replace("ё", "е"), ("", ""))[1] in ("say", "think", "ask", "finding")
               for w in re.findall(r"[а-яёА-ЯЁ]+", window))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2)
    args = ap.parse_args()
    every = entries(CORPUS_FILES + NEW_FILES)
    blind = {e["file"] for e in every if half(e) == "blind"}
    tune = {e["file"] for e in every if half(e) == "tune"}
    rels = [r for r in corpus_texts(CORPORA) if r not in blind]
    rows: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        text = decode((CORPORA / rel).read_bytes())
        side = "tune" if rel in tune else "unannotated"
        for name, rx in FAULTS.items():
            hits = [m.start() for m in rx.finditer(text)]
            row = rows[name]
            near = [at for at in hits if near_cue(text, at)]
            row[f"{side} places"] += len(hits)
            row[f"{side} near"] += len(near)
            row[f"{side} texts"] += bool(near)
            if near and len(shown[name]) < args.examples:
                at = near[len(near) // 2]
                shown[name].append(f"{rel}: {text[max(0, at - 50):at + 50]!r}")
    n_tune = sum(r in tune for r in rels)
    print(f"{len(rels) - n_tune} unannotated texts, {n_tune} tune texts (the blind half's {len(blind)} left out)\n")
    print("| fault | unannotated places | near a cue or mark | texts with one near | tune places | near | texts |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for name, row in rows.items():
        print(f"| {name} | {row['unannotated places']} | {row['unannotated near']} | {row['unannotated texts']} | "
              f"{row['tune places']} | {row['tune near']} | {row['tune texts']} |")
    for name, ctxs in shown.items():
        print(f"\n## {name}")
        for c in ctxs:
            print("  " + c)


if __name__ == "__main__":
    main()
