"""Where a report starts when its source phrase stands inside the sentence (issue 14): every source
phrase ("по словам / по данным / по мнению / по оценкам / по информации X", "согласно X", "как
сообщил X") over the raw texts of ../shared/corpora, by what stands before it in its sentence, with
the content citata gives it.

    python eval/survey_report_starts.py [--cache DIR] [--limit N] [--examples 4] [--show CLASS ...]

Reads every text `survey_quotes.corpus_texts` lists (BSNLP pages of every topic, the covid-19 whole
pages included, and FactRuEval's devset; 676), cleaned and analysed as the pipeline does. A phrase is
a preposition of a source phrase with a source noun after it (past a possessive pronoun and up to
two adjectives: "по последним данным"), any "согласно", or "как" with a speech verb right after it.
Its position is the nearest boundary before it in its sentence, outside quotation marks:
- `opens`: nothing but connectives before it (the phrase opens the sentence);
- `;`, `:`, `dash` (a spaced dash): that mark;
- `то`: a comma and "то" right before it, the sentence opened by a frame ("Если …, то", "Что касается
  …, то", "Хотя …, то");
- `comma:relative`, `comma:что`: a comma before it opening a relative clause ("воды, которая, по их
  мнению, …", "на что она, по утверждению …") or a что-clause ("заявили, что, по их данным, …");
- `comma`: anything else (a mid-sentence phrase after a comma: "A, по словам X, B").
Each row says where citata's report of that phrase starts (the quotation whose cue lies in the
phrase): `sentence` (at the sentence's first content word), `boundary` (right after the position's
boundary), `inside` (elsewhere before the phrase), `after` (at or after the phrase: the phrase opens
its report, or the report is what follows it), `none` (no report). `opens` rows are also split by
whether the report's first segment (up to its first comma) opens with no preposition and holds no
predicate, a noun phrase
continuing the phrase's name ("Как заявил X, глава ECA, представляющей …, польские пилоты …"):
`opens+np`. --show prints every context of the classes named (e.g. "то" or "opens+np").

The mirror, a cue inserted in the reported words ("Было бы неплохо, отмечает X, если бы …", "Ситуация,
считает эксперт, ухудшится"), is counted in a second table: every report whose cue (a speech or
opinion verb, or an impersonal one) stands right after a comma with reported words before it and
whose speaker's mention follows the cue and is followed by a comma and more words of the sentence;
`resumes` when citata's report runs from before the cue past the attribution, `ends before the cue` when it stops
at the comma, `after the attribution` when it holds the words after the mention alone ("Между тем,
сообщает X, число …"); the tune gold's quotation is classed the same way.

For a phrase in a tune-half gold article the row also says where the gold's quotation of it starts
(the gold quotation that holds the phrase's first word or starts within its sentence after it,
classed as citata's report is; `none` where no gold quotation does): the annotators' convention
for each position (nineteenth session, wt-answer14). A blind-half article's gold quotations are never
used and its contexts are never printed: its rows count citata's reports only ("—").
"""
from __future__ import annotations

import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import find  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.view import DASHES, DocView  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from quotes import CORPUS_FILES, entries, half  # noqa: E402
from survey_quotes import corpus_survey, surveyed_texts, view_of  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
CONNECTIVES = frozenset(("а", "и", "но", "однако", "также", "при", "этом", "между", "тем", "впрочем"))
FRAMES = frozenset(("если", "что", "хотя", "раз", "поскольку", "когда", "коль"))
PREDICATES = frozenset(("VERB", "PRTS", "ADJS", "PRED"))


def phrase_at(view: DocView, i: int, hi: int) -> int | None:
    """The last token of a source phrase opening at token i, or None."""
    w = view.lower[i]
    if w == "как" and i + 1 <= hi:
        for j in (i + 1, i + 2):
            c = j <= hi and cue_at(view, j)
            if c and c[2] in ("say", "think", "impersonal"):
                return c[0]
        return None
    if w == "согласно":
        return i + 1 if i + 1 <= hi and view.is_word(i + 1) else None
    width = {"по": 1, "судя": 2, "с": 2}.get(w)
    if width is None or (w == "судя" and view.lower[i + 1:i + 2] != ["по"]) or \
            (w == "с" and view.lower[i + 1:i + 2] != ["точки"]):
        return None
    j = i + width
    if j <= hi and view.lower[j] in lex.pronouns():
        j += 1
    for _ in range(3):
        if j > hi:
            return None
        if view.lower[j] in lex.source_nouns():
            return j
        if view.parses(j)[0].tag.POS not in ("ADJF", "PRTF"):
            return None
        j += 1
    return None


def position(view: DocView, lo: int, i: int) -> tuple[str, int]:
    """The position class of a phrase at token i in the sentence opening at lo, and the token after
    its boundary (lo for `opens`)."""
    if all(not view.is_word(x) or view.lower[x] in CONNECTIVES for x in range(lo, i)):
        return "opens", lo
    for k in range(i - 1, lo - 1, -1):
        if k in view.quoted:
            continue
        t = view.toks[k].text
        if t in (";", ":"):
            return t, k + 1
        if t in DASHES and view.toks[k].start > 0 and view.text[view.toks[k].start - 1] == " ":
            return "dash", k + 1
        if view.lower[k] == "то" and k - 1 >= lo and view.toks[k - 1].text == "," and \
                any(view.lower[x] in FRAMES for x in range(lo, min(lo + 3, k))):
            return "то", k + 1
    # the clause the phrase stands in, from the comma before it: a relative or subordinate one
    k = next((x for x in range(i - 1, lo - 1, -1) if view.toks[x].text == "," and x not in view.quoted), None)
    if k is not None and k + 1 < i:
        w = view.parses(k + 1)[0].normal_form
        if w == "который" or w in lex.relative_words():
            return "comma:relative", k + 1
        if view.lower[k + 1] in ("что", "чтобы", "будто"):
            return "comma:что", k + 1
    return "comma", lo


def where(view: DocView, start: int, lo: int, b: int, pos: str, i: int) -> str:
    s = view.tok_index(start)
    if s >= i:
        return "after"
    if s <= lo or all(not view.is_word(x) or view.lower[x] in CONNECTIVES for x in range(lo, s)):
        return "sentence"
    if pos not in ("opens", "comma") and s <= b + 1:
        return "boundary"
    return "inside"


def np_first(view: DocView, start: int, end: int) -> bool:
    """Does the report's first segment, up to a comma, hold no predicate (a noun phrase)?"""
    s = view.tok_index(start)
    e = view.tok_index(end - 1)
    if view.parses(s)[0].tag.POS == "PREP":
        return False
    for k in range(s, e + 1):
        if view.toks[k].text == "," and k not in view.quoted:
            return k > s
        if view.is_word(k) and view.parses(k)[0].tag.POS in PREDICATES:
            return False
    return False


def gold_starts(rel: str, view: DocView, quotes: list[dict]) -> list[tuple[int, int]]:
    """The tune gold's quotations of an article as token spans of the clean text (first token at or
    after the gold's start, last token before its end); a quotation cleaning cut away is left out."""
    doc = build_document(text_document(rel, decode((CORPORA / rel).read_bytes())))
    raw = [doc.raw_offset(t.start) for t in view.toks]
    out = []
    for q in quotes:
        s, e = q["content"]
        first = bisect_left(raw, s)
        if first < len(raw) and raw[first] < e:
            out.append((first, bisect_left(raw, e) - 1))
    return out


def gold_where(view: DocView, spans: list[tuple[int, int]], lo: int, hi: int, b: int, pos: str, i: int) -> str:
    """Where the tune gold's quotation of the phrase at token i starts (as `where` classes citata's)."""
    g = next((sp for sp in spans if sp[0] <= i <= sp[1]), None) or \
        next((sp for sp in spans if i < sp[0] <= hi), None)
    return "none" if g is None else where(view, view.toks[g[0]].start, lo, b, pos, i)


def inserted(view: DocView, f, lo: int, hi: int) -> bool:
    """Does report f's cue stand inside the sentence, after a comma with words before it, and its
    speaker's mention before a comma with more words after it ("A, отмечает X, B")?"""
    i = view.tok_index(f.cue[0])
    if f.type == "direct" or f.cue_cls not in ("say", "think", "impersonal") or i - 1 <= lo + 1 or \
            view.toks[i - 1].text != "," or i - 1 in view.quoted or f.ref is None or not f.ref.end:
        return False
    j = view.tok_index(f.ref.end - 1) + 1
    # the speaker named after the cue (an inverted attribution), not a subject before it whose
    # participle or apposition the comma closes ("Калоев, потерявший …, заявил, что …")
    return f.ref.start > view.toks[i].start and j + 1 <= hi and view.toks[j].text == "," and view.is_word(j + 1)


def inserted_class(view: DocView, span: tuple[int, int], cue: int) -> str:
    """Where a content span (start, end offsets) lies against an inserted cue: `after the
    attribution` (it starts past the cue: the words after the speaker's mention alone), `resumes`
    (it runs from before the cue past it), `ends before the cue`."""
    if span[0] > view.toks[cue].start:
        return "after the attribution"
    return "resumes" if span[1] > view.toks[cue].end else "ends before the cue"


def gold_inserted(view: DocView, spans: list[tuple[int, int]], hi: int, cue: int) -> str:
    """The tune gold's quotation around an inserted cue: one running past it (`resumes`), one ending
    before it, one starting after it in its sentence (`after the attribution`: the gold reports the
    words after the speaker's mention alone), or `none`."""
    if any(a < cue - 1 and b > cue for a, b in spans):
        return "resumes"
    if any(a < cue - 1 and cue - 3 <= b < cue for a, b in spans):
        return "ends before the cue"
    if any(cue < a <= hi for a, b in spans):
        return "after the attribution"
    return "none"


def main() -> None:
    ap = corpus_survey(__doc__, "position classes whose every context to print ('inserted' for the mirror)")
    ap.add_argument("--examples", type=int, default=4)
    args = ap.parse_args()
    rows: Counter = Counter()
    mirror: Counter = Counter()
    shown: dict[tuple[str, str], list[str]] = defaultdict(list)
    texts = surveyed_texts(args, CORPORA)
    gold = {e["file"]: e for e in entries(CORPUS_FILES)}
    for rel in texts:
        view = view_of(CORPORA, rel, args.cache)
        blind = rel in gold and half(gold[rel]) == "blind"
        spans = gold_starts(rel, view, gold[rel]["quotes"]) if rel in gold and not blind else None
        by_cue = {}
        for f in find(view):
            if f.type != "direct" and f.cue is not None:
                by_cue.setdefault(view.tok_index(f.cue[0]), f)
        for i, f in by_cue.items():
            si = view.tok_sent[i]
            lo, hi = view.sent_range(si).start, view.sent_range(si).stop - 1
            if not inserted(view, f, lo, hi):
                continue
            got = inserted_class(view, (f.start, f.end), i)
            want = "—" if spans is None else gold_inserted(view, spans, hi, i)
            mirror[got, want] += 1
            if not blind and ("inserted" in args.show or got == "ends before the cue"):
                shown["inserted", got].append(f"{rel}: {view.text[view.toks[lo].start:view.toks[hi].end][:300]!r}\n"
                                              f"      report: {view.text[f.start:f.end][:160]!r}"
                                              + (f"\n      tune gold: {want}" if spans is not None else ""))
        for si in range(len(view.sents)):
            rng = view.sent_range(si)
            if not rng:
                continue
            lo, hi = rng.start, rng.stop - 1
            for i in range(lo, hi):
                if i in view.quoted:
                    continue
                last = phrase_at(view, i, hi)
                if last is None:
                    continue
                pos, b = position(view, lo, i)
                f = next((by_cue[k] for k in range(i, last + 1) if k in by_cue), None)
                got = "none" if f is None else where(view, f.start, lo, b, pos, i)
                if pos == "opens" and f is not None and np_first(view, f.start, f.end):
                    pos = "opens+np"
                want = "—" if spans is None else gold_where(view, spans, lo, hi, b, pos, i)
                rows[pos, got, want] += 1
                if blind:
                    continue
                sent = view.text[view.toks[lo].start:view.toks[hi].end]
                ctx = f"{rel}: {sent[:300]!r}"
                if f is not None:
                    ctx += f"\n      report: {view.text[f.start:f.end][:160]!r}"
                if spans is not None:
                    ctx += f"\n      tune gold starts: {want}"
                if pos in args.show or len(shown[pos, got]) < args.examples:
                    shown[pos, got].append(ctx)
    print(f"{len(texts)} texts\n")
    print("| position | citata's report starts | tune gold starts | phrases |\n|---|---|---|---:|")
    for (pos, got, want), n in sorted(rows.items()):
        print(f"| {pos} | {got} | {want} | {n} |")
    print("\n| a cue inserted in the reported words: citata's report | tune gold | reports |\n|---|---|---:|")
    for (got, want), n in sorted(mirror.items()):
        print(f"| {got} | {want} | {n} |")
    for (pos, got), ctxs in sorted(shown.items()):
        if pos == "opens" and pos not in args.show:
            continue
        print(f"\n## {pos} / {got}")
        for c in ctxs:
            print("  " + c)


if __name__ == "__main__":
    main()
