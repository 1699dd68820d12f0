"""Reported words after a cue's colon or a bare comma, with no quotation mark and no "что" —
counted over every raw text of ../shared/corpora (BSNLP pages of all topics with the covid-19
pages, FactRuEval's devset), with how many of them citata already takes (issue 14, seventeenth
session).

    python eval/survey_colons.py [--cache DIR] [--show CLASS ...] [--limit N]

For every cue of citata's lexicon (`cue_at`, outside quotation marks) the words that follow it in
its sentence are read up to the first colon or comma, at most GAP words on:
  colon   "X заявил: <words>" / "X заявил журналистам: <words>": a colon, then a word that opens no
          quotation mark (a colon before a mark is the direct sieve's)
  comma   "X сказал, <words>": a comma, then a word that is no complementizer (что, будто, чтобы,
          якобы), no "как", "ли" or relative word (the constructions citata reads already)
Each place is classed by the words between the cue and the punctuation (none; an addressee, a
channel or adverbs, as citata's `find_addressee` / `find_channel` read them; other words) and by the
predicate of the words after it, the first of: a finite verb (VERB), a short participle (PRTS), a
short adjective (ADJS), a predicative (PRED, "нет", "можно"), none; for a comma also by the part of
speech of the word after it (a gerund, a participle, a conjunction, a cue opening a clause of its
own …). A place is *taken* when one of citata's quotations overlaps the words after the
punctuation. Every place is counted; a place is printed only from an unannotated article or a gold
article of the tune half (a blind-half article is counted, never shown), marked U or T.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.quotes import find, resolve  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.indirect import find_addressee, find_channel  # noqa: E402
from citata.quotes.view import COMPLEMENTIZERS, DASHES, OPEN_MARKS, TERMINAL  # noqa: E402
from quotes import half  # noqa: E402
from recall_sample import CORPORA  # noqa: E402
from survey_quotes import corpus_survey, surveyed_texts, view_of  # noqa: E402

GAP = 6  # words between the cue and the colon or comma
PREDICATES = ("VERB", "PRTS", "ADJS", "PRED")
# words after a comma that open what the complement's construction or another sieve reads, or no
# clause at all: written for this survey
NOT_BARE = COMPLEMENTIZERS | {"как", "ли", "когда", "где", "куда", "откуда", "почему", "зачем", "если", "хотя",
                              "поскольку", "потому", "так", "чем"}


def kinds() -> dict[str, str]:
    """Gold article → "T" (tune half) or "B" (blind half); an article of no gold file is "U"."""
    out = {}
    for gold in (ROOT / "eval" / "gold").glob("quotes_*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            out[entry["file"]] = "B" if half(entry) == "blind" else "T"
    return out


def predicate(view, first: int, last: int) -> str:
    """The first predicate-like word of tokens first..last outside quotation marks."""
    for k in range(first, last + 1):
        if k in view.quoted or not view.is_word(k):
            continue
        pos = view.parses(k)[0].tag.POS
        if pos in PREDICATES:
            return pos
    return "none"


def gap_kind(view, cue_end: int, punct: int) -> str:
    """The words between the cue and the colon or comma: none, an addressee ("журналистам"), a
    channel ("в интервью CNN"), adverbs only ("также", "коротко"), or other words (an object …)."""
    if punct == cue_end + 1:
        return "none"
    words = range(cue_end + 1, punct)
    if all(view.parses(k)[0].tag.POS == "ADVB" for k in words):
        return "adverb"
    for name, phrase in (("addressee", find_addressee(view, cue_end, punct - 1)),
                         ("channel", find_channel(view, cue_end, punct - 1))):
        if phrase and phrase[0] == view.toks[cue_end + 1].start and phrase[1] == view.toks[punct - 1].end:
            return name
    return "other"


def places(view):
    """(class, gap words, first word's class, predicate, cue token, punctuation token, sentence's last token)."""
    for si in range(len(view.sents)):
        rng = view.sent_range(si)
        if not rng:
            continue
        hi = rng.stop - 1
        i = rng.start
        while i <= hi:
            c = None if i in view.quoted else cue_at(view, i)
            if not c:
                i += 1
                continue
            cue_end = c[0]
            for j in range(cue_end + 1, min(hi, cue_end + 1 + GAP) + 1):
                t = view.toks[j].text
                if t in TERMINAL or t == ";" or t in DASHES or t in OPEN_MARKS or j in view.quoted \
                        or view.toks[j].text in "«»\"„“”()":
                    break
                if t not in (":", ","):
                    continue
                if j + 1 > hi or not view.is_word(j + 1) or j + 1 in view.quoted:
                    break
                gap = gap_kind(view, cue_end, j)
                nxt = view.lower[j + 1]
                if t == ":":
                    yield "colon", gap, "-", predicate(view, j + 1, hi), i, j, hi
                elif nxt not in NOT_BARE and nxt not in lex.relative_pronouns("nomn") and not nxt.startswith("котор"):
                    p = view.parses(j + 1)[0].tag
                    if cue_at(view, j + 1):
                        w = "cue"
                    elif p.POS in ("GRND", "PRTF", "CONJ", "PREP", "ADVB", "INFN", "NPRO"):
                        w = p.POS
                    elif p.POS == "NOUN" and "nomn" in p:
                        w = "NOUN nomn"
                    else:
                        w = p.POS or "other"
                    # the words after the comma up to the next comma or the end
                    k = next((m for m in range(j + 2, hi + 1) if view.toks[m].text in (",", ":", ";")), hi + 1)
                    yield "comma", gap, w, predicate(view, j + 1, k - 1), i, j, hi
                break
            i = cue_end + 1


def main() -> None:
    ap = corpus_survey(__doc__, "CLASS rows (e.g. colon/addressee, comma/none) whose places not taken are printed")
    ap.add_argument("--taken", action="store_true", help="print the places taken too")
    args = ap.parse_args()
    gold = kinds()
    files = surveyed_texts(args, CORPORA)
    rows: dict[tuple, Counter] = defaultdict(Counter)
    shown = []
    for rel in files:
        kind = gold.get(rel, "U")
        view = view_of(CORPORA, rel, args.cache)
        spans = [(q.content.start, q.content.end) for q in resolve(view, find(view))]
        for cls, gap, word, pred, i, j, hi in places(view):
            s, e = view.toks[j + 1].start, view.toks[hi].end
            taken = any(a < e and s < b for a, b in spans)
            rows[(cls, gap, word, pred)]["taken" if taken else "missed"] += 1
            rows[(cls, gap, word, pred)][kind] += 1
            if f"{cls}/{gap}" in args.show and kind != "B" and (args.taken or not taken):
                sent = view.toks[i].start
                shown.append(f"{cls}/{gap} {word} {pred} {'TAKEN' if taken else 'missed'} {kind} {rel}: "
                             f"{view.text[max(view.sents[view.tok_sent[i]].start, sent - 80):sent]!r} "
                             f"[[{view.text[sent:view.toks[j].end]}]] {view.text[view.toks[j].end:e][:200]!r}")
    print(f"{len(files)} texts ({sum(1 for r in files if gold.get(r, 'U') == 'U')} unannotated)")
    print("class\tgap\tword after\tpredicate\tplaces\ttaken\tmissed\tunannotated\ttune\tblind")
    for key, c in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1], -sum(kv[1][x] for x in "UTB"))):
        n = c["taken"] + c["missed"]
        print("\t".join(key) + f"\t{n}\t{c['taken']}\t{c['missed']}\t{c['U']}\t{c['T']}\t{c['B']}")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
