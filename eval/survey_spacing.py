"""Spaces written wrong around punctuation (issue 14): how often each fault occurs in the raw texts of the
shared corpora outside the blind half, and how often near a cue or a quotation mark.

    python eval/survey_spacing.py [--examples 2]
    python eval/survey_spacing.py --glued-stops [--examples 8]

--glued-stops counts, over the same texts, every stop glued to a capital ("сказал он.Он добавил": a
lower-case letter or a closing mark, then . ! ? …, then a capital with no space) by kind (GLUED_KINDS: a
sentence break, a domain or brand, an abbreviation, an initial, other), and whether `nlp.sentences`
ends a sentence there.

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
from survey_fronted import CORPORA, outside_blind  # noqa: E402

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


GLUED_STOP = re.compile(r"(?<=[a-zа-яё»”\")])[.!?…]+[»”)]*(?=[«\"„“]?[А-ЯЁA-Z])")
_RUN_BEFORE = re.compile(r"[\w.-]*[\w]$")
_WORD_AFTER = re.compile(r"[«\"„“]?([А-ЯЁA-Z][\w-]*)")
_DOMAIN_END = re.compile(r"(?i)(?:\.|^)(?:ru|com|org|net|info|рф|ру|инфо|tv|ua|by|kz|uk)$")
GLUED_KINDS = ("break", "domain or brand", "abbreviation", "initial", "other")


def glued_kind(text: str, at: int, end: int) -> str:
    """The kind of the glued stop text[at:end] (GLUED_STOP): what stands before it and after it."""
    from citata import nlp
    before = _RUN_BEFORE.search(text, max(0, at - 40), at)
    before = before.group() if before else ""
    word = before.rsplit(".", 1)[-1].split("-")[-1]
    after_m = _WORD_AFTER.match(text, end)
    after = after_m.group(1) if after_m else ""
    after_word = re.match(r"[^\W\d_]+", after)
    after_word = after_word.group() if after_word else ""
    if "." in before and not text[at - 1] in "»”\")" or _DOMAIN_END.search(after_word) and len(after_word) <= 4 \
            or after_m and text[after_m.end():after_m.end() + 1] == "." and text[after_m.end() + 1:after_m.end() + 2].isalpha():
        return "domain or brand"
    if text[at - 1] in "»”\")":
        return "break"
    if len(word) == 1 and word.isupper() or len(word) == 2 and word.istitle():
        return "initial"  # "В.Путин", "Дж.Хант"
    if nlp.NO_BREAK_BEFORE.search(text, max(0, at - nlp.ABBREVIATION_WIDTH), at + 1) or len(word) <= 2 and word.islower():
        return "abbreviation"
    readings = nlp.parse(after_word) if after_word else []
    if len(word) >= 2 and readings and (readings[0].is_known or after_word.isupper() or after_word.isascii()):
        return "break"
    return "other"


def glued_stops(rels: list[str], tune: set[str], examples: int) -> None:
    from citata import nlp
    rows: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        text = decode((CORPORA / rel).read_bytes())
        side = "tune" if rel in tune else "unannotated"
        ends = {s.end for s in nlp.sentences(text)}
        for m in GLUED_STOP.finditer(text):
            kind = glued_kind(text, m.start(), m.end())
            row = rows[kind]
            row[f"{side}"] += 1
            row[f"{side} split"] += m.end() in ends
            if len(shown[kind]) < examples:
                shown[kind].append(f"{rel}: {'|' if m.end() in ends else ' '} {text[max(0, m.start() - 40):m.end() + 30]!r}")
    print("| kind | unannotated | ended there | tune | ended there |\n|---|---:|---:|---:|---:|")
    for kind in GLUED_KINDS:
        row = rows[kind]
        print(f"| {kind} | {row['unannotated']} | {row['unannotated split']} | {row['tune']} | {row['tune split']} |")
    for kind in GLUED_KINDS:
        print(f"\n## {kind} ('|': a sentence ends there)")
        for c in shown[kind]:
            print("  " + c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--glued-stops", action="store_true", help="stops glued to a capital, by kind")
    args = ap.parse_args()
    rels, tune, blind = outside_blind()
    if args.glued_stops:
        glued_stops(rels, tune, args.examples)
        return
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
    print(f"{len(rels) - n_tune} unannotated texts, {n_tune} tune texts (the blind half's {blind} left out)\n")
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
