"""Clauses that report speech or a stated position, by the parse, that citata finds no quotation
over — counted by construction and governing lemma over the unannotated articles (the population
of eval/recall_sample.py, without the covid-19 pages another helper annotates).

    python eval/survey_clauses.py [--cache DIR] [--top 40] [--examples 3] [--show CONSTRUCTION:LEMMA ...]

Constructions read from natasha's parse of every sentence:
  mark:<word>   a clause opened by что / будто / якобы / чтобы (the word's relation is `mark`),
                counted under the word its clause hangs on ("о том, что" climbs past "том")
  ли            a reported question: the verb "ли" stands on, under the verb that clause hangs on
  source:<noun> "по словам / по мнению / по данным …" and "согласно X": the noun after the preposition
  as:<verb>     "как заявил X": a clause opened by "как" whose verb is a speech verb of any lexicon
  bare:<rel>    a clause with its own subject and no conjunction (ccomp or parataxis) under a verb,
  inf:<verb>    an infinitive (xcomp) under one of the directive or promise-like verbs listed here
Each place is *covered* when a quotation of citata's overlaps the clause (for a source phrase
and a bare clause, its sentence). The table gives places / articles, and uncovered places / articles;
an `L` marks a governing lemma of citata's speech-verb lexicon.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.lemmas import lemma as word_lemma  # noqa: E402
from citata.quotes import find, resolve  # noqa: E402
from recall_sample import CORPORA, PICKED, population  # noqa: E402
from survey_quotes import view_of  # noqa: E402

MARKS = frozenset(("что", "будто", "якобы", "чтобы"))
# the nouns after "по" a source phrase may hold: wider than citata's source_nouns.tsv on purpose
# ("предположение", "мысль"), to find the ones it lacks
SOURCE_NOUNS = frozenset(("слово", "мнение", "данные", "информация", "оценка", "сведение", "сообщение",
                          "утверждение", "заявление", "признание", "версия", "расчет", "прогноз",
                          "подсчет", "предположение", "замечание", "убеждение", "выражение", "мысль"))
# verbs that may take their content as an infinitive; written for this survey, not citata's lexicon
INF_HEADS = frozenset(("потребовать", "требовать", "призвать", "призывать", "предложить", "предлагать",
                       "попросить", "просить", "посоветовать", "советовать", "рекомендовать",
                       "порекомендовать", "пообещать", "обещать", "пригрозить", "грозить", "поручить",
                       "поручать", "распорядиться", "велеть", "приказать", "умолять", "убеждать",
                       "убедить", "уговаривать", "настаивать", "поклясться",
                       "отказаться", "отказываться", "согласиться", "соглашаться", "обязаться",
                       "намереваться", "собираться", "планировать", "решить", "решать"))
VERBS = ("VERB", "INFN", "GRND", "PRTF")


def lemma(view, i: int) -> str:
    """The word's normal form with ё as е, as the cue lexicon's keys are written."""
    return word_lemma(view.toks[i].text.lower())


def subtree(tree: list[tuple[int, str]], first: int, root: int) -> tuple[int, int]:
    """First and last token index (document-wide) of the subtree under `root`."""
    kids = defaultdict(list)
    for k, (h, _) in enumerate(tree):
        if h >= 0:
            kids[h].append(first + k)
    lo = hi = root
    todo, seen = [root], {root}
    while todo:  # the parser's heads are an argmax per token and may form a cycle
        n = todo.pop()
        lo, hi = min(lo, n), max(hi, n)
        todo.extend(k for k in kids[n] if k not in seen)
        seen.update(kids[n])
    return lo, hi


def places(view):
    """(construction, lemma, first token, last token, sentence) of every candidate of the document."""
    sents = list(range(len(view.sents)))
    trees = view.trees(sents) if sents else {}
    speech = lex.speech_verbs()
    for si in sents:
        tree, first = trees[si], view.sent_range(si).start
        rel_of = lambda i: tree[i - first][1]  # noqa: E731
        head_of = lambda i: tree[i - first][0]  # noqa: E731
        for i in view.sent_range(si):
            w, (h, rel) = view.lower[i], tree[i - first]
            if h < 0:
                continue
            if w in MARKS and rel == "mark":
                g = head_of(h)
                if g < 0:
                    continue
                if lemma(view, g) in ("то", "тот") and head_of(g) >= 0:  # "о том, что" / "в том, что"
                    g = head_of(g)
                lo, hi = subtree(tree, first, h)
                yield f"mark:{w}", lemma(view, g), lo, hi, si
            elif w == "ли":
                g = head_of(h)
                if g >= 0 and rel_of(h) in ("ccomp", "advcl", "obj", "csubj", "nsubj", "obl", "acl"):
                    lo, hi = subtree(tree, first, h)
                    yield "ли", lemma(view, g), lo, hi, si
            elif w in ("по", "согласно") and rel == "case":
                noun = lemma(view, h)
                if w == "согласно" or noun in SOURCE_NOUNS:
                    lo, hi = view.sent_range(si).start, view.sent_range(si).stop - 1
                    yield f"source:{w}", noun, lo, hi, si
            elif w == "как" and rel == "mark" and lemma(view, h) in speech:
                g = head_of(h)
                lo, hi = (subtree(tree, first, g) if g >= 0 else (view.sent_range(si).start, view.sent_range(si).stop - 1))
                yield "as", lemma(view, h), lo, hi, si
        with_mark = {h for h, rel in tree if rel == "mark"}  # clauses a conjunction opens
        with_subject = {h for h, rel in tree if rel in ("nsubj", "nsubj:pass")}
        for i in view.sent_range(si):
            h, rel = tree[i - first]
            if rel in ("ccomp", "parataxis") and h >= 0 and i not in with_mark and i in with_subject \
                    and view.parses(i)[0].tag.POS == "VERB" and view.parses(h)[0].tag.POS in VERBS:
                # a clause with a subject of its own hanging on a verb with no conjunction:
                # "Он сказал, новая стратегия …", "…, негодовал Корбин"
                # either side may be the report ("«…», — объявил X" hangs the cue on the quoted
                # clause), so the place is the whole sentence
                lo, hi = view.sent_range(si).start, view.sent_range(si).stop - 1
                yield f"bare:{rel}", lemma(view, h), lo, hi, si
            if rel == "xcomp" and h >= 0 and lemma(view, h) in INF_HEADS \
                    and view.parses(i)[0].tag.POS == "INFN":
                lo, hi = subtree(tree, first, i)
                yield "inf", lemma(view, h), lo, hi, si


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--examples", type=int, default=2, help="uncovered examples printed per row")
    ap.add_argument("--show", nargs="*", default=[], help="CONSTRUCTION:LEMMA rows to print every uncovered place of")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    args = ap.parse_args()
    speech = lex.speech_verbs()
    rows = defaultdict(lambda: {"n": 0, "docs": set(), "un": 0, "undocs": set(), "ex": []})
    files = [r for r in population([PICKED] if PICKED.exists() else []) if "/covid-19/" not in r]
    if args.limit:
        files = files[:args.limit]
    for rel in files:
        view = view_of(CORPORA, rel, args.cache)
        spans = [(q.content.start, q.content.end) for q in resolve(view, find(view))]
        for cons, lem, lo, hi, si in places(view):
            s, e = view.toks[lo].start, view.toks[hi].end
            r = rows[(cons, lem)]
            r["n"] += 1
            r["docs"].add(rel)
            if not any(a < e and s < b for a, b in spans):
                r["un"] += 1
                r["undocs"].add(rel)
                sent = view.sents[si]
                r["ex"].append(f"{rel}: {view.text[sent.start:sent.end][:300]!r}")
    order = sorted(rows.items(), key=lambda kv: (-len(kv[1]["undocs"]), -kv[1]["un"]))
    print(f"{len(files)} articles")
    print("construction\tlemma\tin lexicon\tplaces\tarticles\tuncovered\tuncovered articles")
    for (cons, lem), r in order[:args.top]:
        print(f"{cons}\t{lem}\t{'L' if lem in speech else ''}\t{r['n']}\t{len(r['docs'])}\t{r['un']}\t{len(r['undocs'])}")
        for ex in r["ex"][:args.examples]:
            print("    " + ex)
    totals = defaultdict(lambda: [0, 0])
    for (cons, lem), r in rows.items():
        t = totals[(cons.split(":")[0], "lexicon" if lem in speech else "other")]
        t[0] += r["n"]
        t[1] += r["un"]
    print("\ntotals: construction, governing lemma in the lexicon or not: places / uncovered")
    for (cons, where), (n, un) in sorted(totals.items()):
        print(f"{cons}\t{where}\t{n}\t{un}")
    for key in args.show:
        cons, _, lem = key.rpartition(":")
        print(f"\n== {key}")
        for ex in rows[(cons, lem)]["ex"]:
            print("    " + ex)


if __name__ == "__main__":
    main()
