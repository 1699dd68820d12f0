"""Count the classes of false quotation on unannotated articles (issue 14, precision): how often
each construction that made a false quotation on the tune half occurs in text nobody annotated,
and in how many articles, with every instance printed (--show) to be judged by hand.

    python eval/survey_false.py [--corpora ../shared/corpora] [--sample 5000] [--cache DIR] [--show N]
    python eval/survey_false.py --tune-gold      # the same counts over the tune half (no examples),
                                                 # with how many of each class match a gold quotation

Classes (each over citata's own quotations of the sample, after `find`):
- nested: a quotation's cue inside another quotation's content, by the two constructions (a relay
  around a report, "в Кремле, по словам Пескова, считают", a report inside reported words);
- source phrase mid-sentence after a clause opener ("заявили, что, по их данным, …", "Что касается
  …, то она, по словам X, …"): the phrase's content then starts at the sentence, not the clause;
- furniture in the cue's sentence: a link or notice of the page ("Читайте также", "Смотрите также",
  "Ctrl+Enter", "Фото:") between the sentence's start and the cue, where the mention may be taken;
- glued sentence: a lower-case word followed by a capitalised common word (no entity, no proper-noun
  reading, not quoted) between the sentence's start and the cue, or inside non-direct content;
- earlier report: "Как сообщалось", "Ранее сообщалось", "заявлялось" with no speaker;
- bare verdict: a назвать / считать verdict of four words or fewer with nothing quoted;
- repeated content: two quotations of one article with the same words (a lead repeated as subtitle).

    python eval/survey_false.py --shapes [--cache DIR] [--show N]

--shapes counts instead the shapes of the writer's own voice and of set phrases at every cue (a
word `cue_at` takes for one, a cue of citata's quotations, a tune gold quotation's cue), over every
raw text of the shared corpora but the blind half (the unannotated articles and pages, and the tune
half): "как сказано выше" (the article refers to itself), "как говорится" (an idiom), "как
сообщалось" with no source (the outlet's earlier reports), "мы писали" (the outlet's own
reporting), "любой иммунолог скажет" (a generic speaker), a cue under "если" (a condition), a cue
in the future or the imperative. For each: how many places, how many citata quotes, and on the
tune half how many the gold annotates (evidence against filtering the shape); a cue inside
quotation marks is someone's words and is counted apart. --show N prints N places of each (Q:
citata quotes it, G: the gold does).
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from citata.nlp import analyse  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import document_view, find  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from quotes import CORPUS_FILES, corpus_path, entries, match, normalise_gold  # noqa: E402
from survey_quotes import articles as unannotated  # noqa: E402
from survey_quotes import cached_analysis, sample_arguments, sampled_articles, tune_gold, view_of  # noqa: E402

CLASSES = ("source phrase mid-sentence after a clause opener", "furniture in the cue's sentence",
           "glued sentence before the cue", "glued sentence inside the content", "earlier report, no speaker",
           "bare verdict", "repeated content")  # and "nested: …", one row per pair of constructions
FURNITURE = re.compile(r"Читайте также|Смотрите также|ЧИТАЙТЕ ТАКЖЕ|Ctrl\s*\+\s*Enter|Фото:|Подписывайтесь")
EARLIER = re.compile(r"(?i)\b(?:как|ранее)\s+сообщалось|сообщалось\s+ранее|заявлялось|говорилось")
OPENER = re.compile(r"(?:,\s*(?:что|то|чтобы|если|когда|поскольку)\s*,?\s)|[:;]\s")
PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}


def glued(view, k: int) -> bool:
    """Is token k a capitalised common word glued to a lower-case word before it (a sentence
    boundary a scrape lost)?"""
    w, p = view.toks[k].text, view.toks[k - 1].text
    if not (len(w) > 1 and "А" <= w[0] <= "Я" and w[1:].islower()):
        return False
    if not (p[:1].isalpha() and p.islower()) or k in view.ent_at or k in view.quoted:
        return False
    return not any(PROPER & set(str(t.tag).replace(" ", ",").split(",")) for t in view.parses(k)[:3])


def classes(view, found=None):
    """(class, the quotation it concerns, example) for each instance in one article."""
    t = view.text
    found = find(view) if found is None else found
    words = lambda f: re.sub(r"\W+", " ", t[f.start:f.end].lower()).strip()  # noqa: E731
    seen: dict[str, int] = {}
    for f in found:
        sieve = f.sieve.split(" / ")[0].split(" (")[0]
        content = t[f.start:f.end]
        key = words(f)
        if len(key.split()) >= 4 and key in seen and abs(seen[key] - f.start) > len(content):
            yield "repeated content", f, content[:120]
        seen.setdefault(key, f.start)
        if not f.cue:
            continue
        cue = t[f.cue[0]:f.cue[1]]
        for g in found:
            if g is not f and g.cue and f.start <= g.cue[0] < f.end:
                pair = f"{sieve} holds the cue of {g.sieve.split(' / ')[0].split(' (')[0]}"
                example = f"{cue!r} [{content[:90]!r}] holds {t[g.cue[0]:g.cue[1]]!r}"
                yield f"nested, the outer: {pair}", f, example
                yield f"nested, the inner: {pair}", g, example
        c0 = view.tok_index(f.cue[0])
        rng = view.sent_range(view.tok_sent[c0])
        head = t[view.toks[rng.start].start:f.cue[0]] if rng else ""
        if sieve == "indirect:source phrase" and f.start < f.cue[0] and OPENER.search(t[f.start:f.cue[0]]):
            yield "source phrase mid-sentence after a clause opener", f, f"{t[f.start:f.cue[1]][-120:]!r}"
        if FURNITURE.search(head):
            yield "furniture in the cue's sentence", f, f"{head[-120:]!r} ^ {cue!r}"
        if rng and any(glued(view, k) for k in range(rng.start + 1, c0)):
            yield "glued sentence before the cue", f, f"{head[-120:]!r} ^ {cue!r}"
        if f.type != "direct":
            toks = view.tokens_in(f.start, f.end)
            if any(glued(view, k) for k in toks if k > toks.start):
                yield "glued sentence inside the content", f, content[:120]
        if f.ref is None or f.ref.kind in ("none", "lost"):
            if EARLIER.search(t[max(0, f.cue[0] - 20):f.cue[1] + 10]):
                yield "earlier report, no speaker", f, f"{cue!r}: {content[:100]!r}"
        if sieve == "indirect:verdict" and len(content.split()) <= 4 and not re.search("[«\"“„]", content):
            yield "bare verdict", f, f"{cue!r}: {content!r}"


def tune_matches(corpora: Path):
    """Per tune article: its view, and the ids of the quotations `find` gives that match a gold
    quotation (eval/quotes.py's matching, content overlap of at least half of each)."""
    for entry in entries(CORPUS_FILES, "tune"):
        path = corpus_path(entry["file"], corpora)
        raw = text_document(entry["file"], decode(path.read_bytes()))
        doc = build_document(raw)
        analysis = analyse([doc.text])[0]
        view = document_view(doc.text, analysis)
        found = find(view)
        pred = [{"raw_content": [doc.raw_offset(f.start), doc.raw_offset(f.end)]} for f in found]
        gold = [normalise_gold(q, raw.text) for q in entry["quotes"]]
        yield entry["file"], view, {id(found[p]) for _, p in match(gold, pred)}, found


# --- the writer's own voice and set phrases (--shapes) ------------------------------------------
SHAPES = ("as said above / before", "set phrase: как говорится / как говорят", "earlier report, no source",
          "we: the outlet's own reporting", "generic quantified subject", "under если / когда бы",
          "future or imperative cue")
CLAUSE_BREAKS = frozenset(",;:.!?()—–«»\"„“”")
_SAID = r"(?:сказано|указано|отмечено|отмечалось|говорилось|упоминалось|писалось|упомянуто|написано)"
SELF_REFERENCE = re.compile(rf"(?i)^(?:как\s+)?(?:(?:уже|было)\s+)*{_SAID}\s+(?:выше|ранее)\b"
                            rf"|^как\s+(?:(?:уже|было)\s+)+{_SAID}\s*[,.]")
IDIOM = re.compile(r"(?i)^как\s+(?:говорится|говорят)\s*(?:[,.—–]|$)")
REPORTED_EARLIER = re.compile(r"(?i)^(?:как\s+(?:(?:уже|ранее|было)\s+)*|ранее\s+(?:уже\s+)?)сообщалось"
                              r"(?:\s+ранее)?\s*(?:,|что\b)|^сообщалось\s+ранее\s*,")
OUR = re.compile(r"^наш(?:а|е|и|его|ей|ему|им|ими|их|ую|ем)?$")
QUANTIFIERS = frozenset(("любой", "любая", "любое", "любые", "каждый", "каждая", "каждое", "всякий", "всякая"))


def clause_start(view, k: int) -> int:
    """The first token of the clause token k stands in: after the sentence's last comma, colon,
    dash, bracket or quotation mark before k."""
    j, first = k, view.sent_first[view.tok_sent[k]]
    while j > first and view.toks[j - 1].text not in CLAUSE_BREAKS:
        j -= 1
    return j


def shape_of(view, k: int) -> str | None:
    """The first of SHAPES the cue at token k has, if any."""
    c0 = clause_start(view, k)
    before = view.lower[c0:k]
    here = view.text[view.toks[c0].start:view.toks[k].end + 40]
    if SELF_REFERENCE.search(here):
        return SHAPES[0]
    if IDIOM.search(here):
        return SHAPES[1]
    if REPORTED_EARLIER.search(here):  # "Как сообщалось в заявлении X" names its source: not this shape
        return SHAPES[2]
    tag = view.parses(k)[0].tag
    if ("1per" in tag and "plur" in tag) or "мы" in before or any(OUR.match(w) for w in before[-4:]):
        return SHAPES[3]
    if QUANTIFIERS & set(before[-4:]) and "случай" not in before:  # not "на всякий случай"
        return SHAPES[4]
    if "если" in before or "когда бы" in " ".join(before):
        return SHAPES[5]
    if "futr" in tag or "impr" in tag:
        return SHAPES[6]
    return None


def gold_cue_tokens(doc, view, quotes: list[dict]) -> tuple[set[int], set[int]]:
    """The tokens a tune article's gold cues cover, and the first token of each (raw offsets mapped
    onto the clean text through the document's segments)."""
    covered, first = set(), set()
    for q in quotes:
        s, e = q.get("cue") or (0, 0)
        for seg in doc.segments:
            a, b = max(s, seg.raw_start), min(e, seg.raw_start + seg.length)
            if a < b:
                toks = view.tokens_in(seg.text_start + a - seg.raw_start, seg.text_start + b - seg.raw_start)
                covered |= set(toks)
                first |= set(toks[:1])
    return covered, first


def shapes(args) -> None:
    gold = {e["file"]: e["quotes"] for e in entries(CORPUS_FILES, "tune")}
    population = [(rel, "unannotated") for rel in unannotated(args.corpora, [], pages=True)]
    population += [(rel, "tune") for rel in sorted(tune_gold())]
    count: defaultdict = defaultdict(Counter)
    docs: defaultdict = defaultdict(set)
    shown: defaultdict = defaultdict(list)
    for rel, part in population:
        doc = build_document(text_document(rel, decode(corpus_path(rel, args.corpora).read_bytes())))
        view = document_view(doc.text, cached_analysis(rel, doc.text, args.cache))
        found = find(view)
        ours = {view.tok_index(f.cue[0]) for f in found if f.cue}
        annotated, firsts = gold_cue_tokens(doc, view, gold[rel]) if part == "tune" else (set(), set())
        seen = set()
        for k in sorted({k for k in range(len(view.toks)) if cue_at(view, k)} | ours | firsts):
            shape = shape_of(view, k)
            c0 = clause_start(view, k)
            if shape is None or (shape, c0) in seen:
                continue  # one place per clause: the gold's cue and citata's may start on different words
            seen.add((shape, c0))
            row = count[(shape, part)]
            if k in view.quoted:
                row["quoted"] += 1
                continue
            clause = range(c0, k + 1)
            q, g = any(j in ours for j in clause), any(j in annotated for j in clause)
            row["places"] += 1
            row["citata"] += q
            row["gold"] += g
            row["citata, not gold"] += q and not g
            docs[(shape, part)].add(rel)
            s = view.toks[c0].start
            mark = ("Q" if q else "-") + (("G" if g else "-") if part == "tune" else "")
            shown[(shape, part)].append(f"{mark} {rel}: {view.text[max(0, s - 40):view.toks[k].end + 70]!r}")
    print(f"{len(population)} texts (the blind half left out)\n")
    print("| shape | texts | places | articles | citata quotes | gold annotates | citata quotes, gold does not |"
          " inside quotation marks |\n|---|---|---:|---:|---:|---:|---:|---:|")
    for shape in SHAPES:
        for part in ("unannotated", "tune"):
            r = count[(shape, part)]
            gold_cells = f"{r['gold']} | {r['citata, not gold']}" if part == "tune" else "– | –"
            print(f"| {shape} | {part} | {r['places']} | {len(docs[(shape, part)])} | {r['citata']} | {gold_cells} | "
                  f"{r['quoted']} |")
    for key in sorted(shown) if args.show else ():
        print(f"\n### {key[0]}, {key[1]}")
        for line in shown[key][:args.show]:
            print("  -", line)


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=5000, seed=7)
    ap.add_argument("--cache", type=Path, default=None, help="a folder keeping the articles' analyses")
    ap.add_argument("--show", type=int, default=0, help="print up to N instances of each class")
    ap.add_argument("--tune-gold", action="store_true", help="count over the tune half instead (no examples)")
    ap.add_argument("--shapes", action="store_true", help="count the writer's-voice shapes at every cue instead")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    if args.shapes:
        shapes(args)
        return
    count: Counter = Counter()
    matched: Counter = Counter()
    docs: defaultdict = defaultdict(set)
    shown: defaultdict = defaultdict(list)
    if args.tune_gold:
        articles = list(tune_matches(args.corpora))
    else:
        articles = [(rel, view_of(args.corpora, rel, args.cache), None, None) for rel in sampled_articles(args)]
    for rel, view, hits, found in articles:
        for cls, f, example in classes(view, found):
            count[cls] += 1
            matched[cls] += hits is not None and id(f) in hits
            docs[cls].add(rel)
            shown[cls].append(f"{rel}: {example}")
    print(f"{len(articles)} articles ({'tune half' if args.tune_gold else 'unannotated'})\n")
    if args.tune_gold:
        print("| class | quotations | articles | match a gold quotation |\n|---|---:|---:|---:|")
    else:
        print("| class | quotations | articles |\n|---|---:|---:|")
    for cls in sorted(set(CLASSES) | set(count)):
        tail = f" {matched[cls]} |" if args.tune_gold else ""
        print(f"| {cls} | {count[cls]} | {len(docs[cls])} |{tail}")
    if args.show and not args.tune_gold:
        for cls in sorted(shown):
            print(f"\n### {cls}")
            for line in shown[cls][:args.show]:
                print("  -", line)


if __name__ == "__main__":
    main()
