"""Shapes of reported speech whose cue citata may not read (issue 14, the tune half's "none"
misses): how many places each has over every raw text of the shared corpora, how many citata
reads, and how many the tune half of the gold annotates.

    python eval/survey_fronted.py [--cache FILE] [--limit N] [--show SHAPE ...] [--examples 3] [--gold [SHAPE ...]]

Reads every text `survey_quotes.corpus_texts` lists (BSNLP pages of every topic with the covid-19
whole pages, FactRuEval's devset: 676), as eval/quotes.py extracts it. Each shape is a pattern over
the raw text with an anchor, the offset where its reported words start:
- `о том, что + cue`: a sentence opened by "О том, что …" (or "А / И / Но / Однако о том, что")
  with a speech verb after a later comma ("О том, что правительство …, Мэй заявляла 6 июля");
  `о том, что + other` the same with no speech verb ("О том, что произошло, знают все": not a
  report); `о том, WH + …` the same opened by "О том, как / почему / когда";
- `по NOUN X,` / `по NOUN X (no comma)` / `по NOUN, (no source)`: a source phrase (any noun of
  source_nouns.tsv after "по" or "согласно", a possessive or one of a few adjectives allowed before
  it) by whether a comma closes it before the first predicate after it ("по информации агентства AP
  причиной … стали" has none) and whether it names a source; `--by-noun`: a row per noun;
- `ask + ли` / `ask + wh-word`: an indirect question after спросить / поинтересоваться / спрашивать
  / интересоваться / задаться вопросом / уточнить ("поинтересовался, не боится ли премьер",
  "спросил, когда …", "уточнил, когда …"; not "спросил разрешения", no comma); `tell + ли` /
  `tell + wh-word`: the same after any other speech verb ("рассказал, опасна ли …", "рассказал о
  том, как …");
- `cue, parenthetical, что`: a speech verb, a parenthetical and its что ("показали, в частности, что");
- `как узнал/стало известно`: "Как узнали репортеры «Фразы», …";
- `сошлись во мнении` / `ссылаясь на то, что`;
- `cue что` (no comma): a speech verb form of the lexicon right before "что" ("заявили что");
- `дескать/мол`: a parenthetical marking reported words (мол only set off by a comma or dash of its
  own: bare, it may be the noun "мол", a pier);
- `якобы after a cue` / `якобы in a clause`: "якобы" after a speech verb and its comma (a
  complementizer, "заявил, якобы …") or anywhere else (the writer's hedge, "осуждена якобы за …");
- `– A, cue X. – B`: an interview's dash line interrupted by its attribution with no dash before
  the cue, going on after a dash ("– A, говорит врач X. – B");
- `verdict: …`: a verdict verb (назвать, считать, счесть, объявить, … : lexicons.verdict_verbs and
  the cue class "name") with an instrumental before the next punctuation, right after the verb or
  after its object ("считает недовольство работников необоснованным"), no preposition or "что" first.
(With no comma after a source phrase the anchor is the source's start: the pattern cannot tell
where the source ends.) A place is read when a quotation citata finds holds its anchor or starts
within 40 characters after it; annotated when a tune-half gold quotation does the same (blind-half articles are counted
in the places but their gold is never read, and their contexts are never shown).
--cache FILE keeps the predictions (JSON), so that a second run counts without extracting.
The last column counts the places in texts no gold holds (unannotated), and how many citata reads.
--gold [SHAPE ...] (twenty-eighth session) prints every tune-half place of those shapes with the gold
quotation that holds it (its type, words and speaker; "inside a quotation from N characters before"
when it starts before the place: the construction sits inside other words) or "left out", and
whether citata reads it.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.quotes.view import COMPLEMENTIZERS, PREPOSITIONS  # noqa: E402
from citata.source import decode  # noqa: E402
from quotes import CORPUS_FILES, NEW_FILES, entries, extract, half  # noqa: E402
from survey_quotes import corpus_texts, json_cache  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
W = r"[А-Яа-яЁёA-Za-z-]+"
SENT_START = r"(?:^|(?<=[.!?…»\"]\s)|(?<=[.!?…]\s\s)|(?<=\n))\s*"
# (twenty-eighth session: "задался вопросом", "уточнил" beside the verbs of asking)
ASK = (r"(?:спрос\w*|спрашива\w*|поинтересова\w*|интересу\w*ся|интересовал\w*ся|зада\w*с[яь]\s+вопрос\w*|"
       r"задава\w*с[яь]\s+вопрос\w*|уточн\w*)")
WH = r"(?:когда|почему|зачем|как|где|куда|откуда|кто|кого|кому|сколько|какой|какая|какое|какие|каким|какую|каких|чем|чего|насколько|каков\w*)"
PARENTHETICALS = (r"в частности|в том числе|в свою очередь|кроме того|тем не менее|при этом|однако|"
                  r"вместе с тем|в то же время|например|впрочем|к тому же|помимо этого|также")
SOURCE_NOUNS = "|".join(sorted(lex.source_nouns(), key=len, reverse=True))
SHAPES = {
    "о том, что": re.compile(SENT_START + r"((?:(?:А|И|Но|Однако)\s+о|О) том, (?:что|как|почему|когда)|То, что)"
                            r"[^.!?\n]{3,300}?,\s+((?:" + W + r"\s+){0,4}" + W + r")"),
    "source": re.compile(r"(?i)\b(?:по|согласно)\s+(?:(?:его|ее|её|их|последним|предварительным|официальным|"
                         r"неофициальным|первым|новым|имеющимся|другим|некоторым)\s+)?(" + SOURCE_NOUNS + r")\b"
                         r"([^.!?\n]{0,120})"),
    "ask": re.compile(r"(?i)\b(" + ASK + r")(?:\s+" + W + r"){0,4},\s+((?:не\s+)?" + W + r"(?:\s+" + W + r")?\s+ли\b|" + WH + r"\b)"),
    # (a lookahead: the verb may be any word of a run, "Врач рассказал, …")
    "tell": re.compile(r"(?i)\b(" + W + r")(?=(?:\s+" + W + r"){0,3},\s+((?:не\s+)?" + W + r"(?:\s+" + W + r")?\s+ли\b|" + WH + r"\b))"),
    "cue, parenthetical, что": re.compile(r"(?i)\b(" + W + r"),\s+(?:" + PARENTHETICALS + r"),\s+(что)\b"),
    "как узнал/стало известно": re.compile(r"\b(Как|как)\s+(узнал\w*|стало известно|выяснил\w*)\b"),
    "сошлись во мнении": re.compile(r"(?i)\b(сошл\w+|сходятся|сходится)\s+во\s+мнении(?:\s+о\s+том)?,?\s+(что)\b"),
    "ссылаясь на то, что": re.compile(r"(?i)\b(ссыла\w+|сосла\w+)\s+на\s+то,\s+(что)\b"),
    "cue что": re.compile(r"(?i)\b(" + W + r")\s+(что)\s+(?!-)"),
    # (мол set off by its own comma or dash: bare, it may be the noun, "у мола, мол длиной 200 метров")
    "дескать/мол": re.compile(r"(?i)[,—–-]\s+(дескать\b,?|мол\s*[,—–-])\s*"),
    "якобы": re.compile(r"(?i)(?:(" + W + r")\s*,\s+)?\b(якобы)\b\s*"),
    # an interview's dash line interrupted by its attribution with no dash before the cue, then going
    # on after a dash: "– A, говорит X. – B"
    "interrupted": re.compile(r"(?m)^[ \t]*[—–-][ \t]+[^\n]{3,400}?,[ \t]+(" + W + r")[ \t]+[^\n.!?—–]{1,80}[.!?][ \t]+[—–-][ \t]+(?=\S)"),
}


def _speech_verb(word: str) -> bool:
    hit = lex.speech_verbs().get(word.lower().replace("ё", "е"))
    return hit is not None and hit[1] in ("say", "think", "ask", "finding")


def first_predicate(tail: str) -> int | None:
    """The offset in `tail` of its first word whose first reading is a predicate, or None."""
    for m in re.finditer(W, tail):
        if parse(m.group())[0].tag.POS in ("VERB", "PRTS", "ADJS", "PRED"):
            return m.start()
    return None


@lru_cache(maxsize=1)
def _verdict_forms() -> frozenset[str]:
    """Every form of a verdict verb (назвать, считать, объявить, …: lexicons.verdict_verbs and the
    cue class "name")."""
    return frozenset(f for f, (lemma, cls) in lex.speech_verbs().items() if cls == "name" or lemma in lex.verdict_verbs())


def _ablt(word: str, readings: int) -> bool:
    return any("ablt" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO") for p in parse(word)[:readings])


def verdicts(text: str):
    """(shape, anchor, start) of a verdict verb with an instrumental after it, before any
    punctuation but quotation marks: right after the verb, or after its object."""
    for m in re.finditer(W, text):
        if m.group().lower().replace("ё", "е") not in _verdict_forms():
            continue
        stop = re.search(r"[,.;:!?()—–\n]", text[m.end():m.end() + 120])
        words = list(re.finditer(W, text[m.end():m.end() + (stop.start() if stop else 120)]))[:6]
        # (not a topic or a setting after a preposition: "объявил о своей отставке", "объявил
        # президент на совещании с правительством"; not a что-clause)
        if not words or words[0].group().lower() in PREPOSITIONS or words[0].group().lower() in COMPLEMENTIZERS:
            continue
        if _ablt(words[0].group(), 1):
            yield "verdict: instrumental right after the verb", m.end() + words[0].start(), m.start()
        elif any(_ablt(w.group(), 2) and v.group().lower() not in PREPOSITIONS for v, w in zip(words, words[1:])):
            yield "verdict: object, then instrumental", m.end() + words[0].start(), m.start()


def places(text: str):
    """(shape, anchor offset, context start) of every place of every shape in a raw text."""
    yield from verdicts(text)
    for name, rx in SHAPES.items():
        for m in rx.finditer(text):
            if name == "о том, что":
                cue = any(map(_speech_verb, m.group(2).split()))
                opener = "то, что" if m.group(1).startswith("То") else "о том, что" if m.group(1).endswith("что") else "о том, WH"
                shape = opener + (" + cue" if cue else " + other")
                yield shape, m.end(1), m.start(1)
            elif name == "source":
                tail = m.group(2)
                noun = m.group(1).lower()
                # a comma closing the phrase before the first predicate after it, or none
                pred = first_predicate(tail)
                comma = tail.find(",", 0, pred)
                if comma == 0:
                    shape, anchor = f"по {noun}, (no source)", m.end(1) + 1
                elif comma > 0:
                    shape, anchor = f"по {noun} X,", m.end(1) + comma + 1
                elif pred is not None:
                    shape, anchor = f"по {noun} X (no comma)", m.end(1)
                else:
                    continue  # "по версии Forbes.": the phrase closes its sentence, no content after it
                yield shape, anchor, m.start()
            elif name == "ask":
                shape = "ask + ли" if m.group(2).endswith("ли") else "ask + wh-word"
                yield shape, m.start(2), m.start()
            elif name == "tell":
                if _speech_verb(m.group(1)) and not re.fullmatch(ASK, m.group(1), re.I):
                    yield ("tell + ли" if m.group(2).lower().endswith("ли") else "tell + wh-word"), m.start(2), m.start()
            elif name in ("cue, parenthetical, что", "cue что"):
                if _speech_verb(m.group(1)):
                    yield name, m.end(2), m.start()
            elif name == "как узнал/стало известно":
                yield ("как стало известно" if m.group(2) == "стало известно" else "как узнал/выяснил"), m.end(), m.start()
            elif name == "дескать/мол":
                yield name, m.end(), m.start()
            elif name == "якобы":
                # after a speech verb and its comma "якобы" is a complementizer ("заявил, якобы …");
                # anywhere else the writer's hedge ("осуждена якобы за оскорбление")
                yield ("якобы after a cue" if m.group(1) and _speech_verb(m.group(1)) else "якобы in a clause"), m.end(), m.start()
            elif name == "interrupted":
                if _speech_verb(m.group(1)):
                    yield "– A, cue X. – B", m.end(), m.start()
            else:
                yield name, m.end(len(m.groups())), m.start()


def covers(spans: list[list[int]], anchor: int) -> bool:
    return any(a <= anchor < b or anchor <= a < anchor + 40 for a, b in spans)


def outside_blind() -> tuple[list[str], set[str], int]:
    """Every text `corpus_texts` lists but the blind half's (neither counted nor shown: issue 14's
    discipline), the tune half's files among them, and how many blind texts were left out."""
    every = entries(CORPUS_FILES + NEW_FILES)
    blind = {e["file"] for e in every if half(e) == "blind"}
    tune = {e["file"] for e in every if half(e) == "tune"}
    return [r for r in corpus_texts(CORPORA) if r not in blind], tune, len(blind)


def tune_contents() -> dict[str, list[list[int]]]:
    """Each tune article's annotated quotations' content spans (what `count_place` reads)."""
    return {e["file"]: [q["content"] for q in e["quotes"]] for e in entries(CORPUS_FILES + NEW_FILES, "tune")}


def count_place(row: Counter, rel: str, anchor: int, pred: dict, gold: dict) -> bool:
    """Count a place of a survey's row (`print_places`' columns): read by citata (`pred`) or not,
    and on a tune article, annotated (`gold`, `tune_contents`) or not. Returns whether citata read it."""
    row["places"] += 1
    read = covers(pred.get(rel, []), anchor)
    row["read"] += read
    if rel in gold:
        row["tune places"] += 1
        row["tune annotated"] += covers(gold[rel], anchor)
    return read


def predictions(rels: list[str], cache: Path | None) -> dict[str, list[list[int]]]:
    """Every text's predicted quotations' raw content spans, from `cache` if it holds them."""
    def run() -> dict[str, list[list[int]]]:
        out = {}
        for rel in rels:
            _, doc = extract(CORPORA / rel, rel)
            out[rel] = [[doc.raw_offset(q.content.start), doc.raw_offset(q.content.end)] for q in doc.quotes]
        return out
    return json_cache(cache, run)


def print_places(texts: int, first: str, rows: dict[str, Counter], shown: dict[str, list[str]], order,
                 extra: tuple[str, dict[str, str]] | None = None) -> None:
    """The survey's table, a row per `first` (sorted by `order` of its counts), with an `extra`
    column (its title, a cell per row) if given; then each row's unread contexts."""
    print(f"{texts} texts\n")
    print(f"| {first} | places | read by citata | unread | tune places | tune annotated |"
          + (f" {extra[0]} |" if extra else "") + "\n|---|---:|---:|---:|---:|---:|" + ("---|" if extra else ""))
    for name, row in sorted(rows.items(), key=lambda kv: order(kv[1])):
        print(f"| {name} | {row['places']} | {row['read']} | {row['places'] - row['read']} | "
              f"{row['tune places']} | {row['tune annotated']} |" + (f" {extra[1][name]} |" if extra else ""))
    for name, ctxs in sorted(shown.items()):
        print(f"\n## {name} (unread)")
        for c in ctxs:
            print("  " + c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="a JSON file keeping the predictions between runs")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", nargs="*", default=[], help="shapes whose every unread context to print")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--by-noun", action="store_true", help="a row per source noun (by default the nouns are pooled)")
    ap.add_argument("--gold", nargs="*", default=None,
                    help="print every tune-half place of these shapes (all if none given) with the gold's "
                         "quotation there (its words and speaker) or 'left out'")
    args = ap.parse_args()
    rels = corpus_texts(CORPORA)[:args.limit or None]
    pred = predictions(rels, args.cache)
    gold = {e["file"]: e["quotes"] for e in entries(CORPUS_FILES + NEW_FILES, "tune")}
    annotated = {e["file"] for e in entries(CORPUS_FILES + NEW_FILES)}
    contents = {rel: [q["content"] for q in quotes] for rel, quotes in gold.items()}
    blind = {e["file"] for e in entries(CORPUS_FILES + NEW_FILES) if half(e) == "blind"}
    rows: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    tune_rows: list[str] = []
    for rel in rels:
        text = decode((CORPORA / rel).read_bytes())
        for shape, anchor, start in places(text):
            if not args.by_noun:
                shape = re.sub(r"^по \w+(?=[ ,])", "по NOUN", shape)
            row = rows[shape]
            read = count_place(row, rel, anchor, pred, contents)
            if rel not in annotated:
                row["unannotated"] += 1
                row["unannotated read"] += read
            if rel in gold:
                there = [q for q in gold[rel] if covers([q["content"]], anchor)]
                if args.gold is not None and (not args.gold or shape in args.gold):
                    # a quotation that starts before the place holds it inside other words (an interview
                    # answer quoting what people ask), not as a report of its own
                    said = "; ".join(f"{q['type']} {text[q['content'][0]:q['content'][1]][:90]!r} — {q['speaker']}"
                                     + (f" (inside a quotation from {start - q['content'][0]} characters before)"
                                        if q["content"][0] < start - 2 else "")
                                     for q in there) or "left out"
                    tune_rows.append(f"{shape} | {rel} | {text[start:anchor + 60]!r} | gold: {said} | citata: "
                                     f"{'read' if read else 'unread'}".replace("\\n", " "))
            if not read and rel not in blind and (shape in args.show or len(shown.get(shape, ())) < args.examples):
                shown[shape].append(f"{rel}: {text[start:anchor + 100]!r}".replace("\\n", " "))
    print_places(len(rels), "shape", rows, shown, order=lambda row: -(row["places"] - row["read"]),
                 extra=("unannotated places (read)",
                        {name: f"{row['unannotated']} ({row['unannotated read']})" for name, row in rows.items()}))
    if tune_rows:
        print("\n## tune places and the gold there")
        for line in sorted(tune_rows):
            print("  " + line)


if __name__ == "__main__":
    main()
