"""Where a report's content starts and ends, and quotations that are none (issue 14): the shapes the
tune half's boundary, false and "taken" errors show (`eval/miss_classes.py --show miss:boundary
false:boundary false:none miss:taken false:taken`), counted over every text a session may read —
the unannotated articles and pages (eval/recall_sample.py's population) and the tune half's
articles; the blind half's are not read.

    python eval/survey_report_bounds.py [--cache DIR] [--show SHAPE ...] [--limit N]

For each shape: its places (articles), how many of them a quotation of citata's covers, and, in
tune articles, what the gold says of citata's quotation there — `match` (eval/quotes.py's rule:
content overlap of at least half of each), `boundary` (a gold quotation overlaps it, the rule
rejects the pair: citata's span is wrong by the gold's convention), `none` (no gold quotation
overlaps it). --show prints every place of the shapes named (all: every shape).

Shapes (each from one or more tune rows; the rows' other shapes are counted by earlier surveys —
survey_report_ends.py, survey_report_starts.py, survey_false.py, survey_interviews.py):
- "quoted name, then a dash copula": a direct quotation taken by its attribution after the closing
  mark where the quotation stands inside its sentence, the dash follows the mark with no
  punctuation, and a comma stands between the dash and the cue ('вакцины "Спутник V" — 92
  процента, заявили в РФПИ': the dash is the sentence's copula, the report is the whole sentence);
- "a series of quoted items": «A», «B» и «C» after one word (slogans shouted, charges brought);
- "an editor's note inside a quotation": "(…— “Ъ”)", "(… — прим. ред.)";
- "a colon, then a capital, inside a report": '…, что основой всех свобод является свобода слова:
  Этой женщине …' (a new sentence of the speaker's after the colon);
- "a gloss after a dash inside a report": '… polish a turd – идиома, которую …';
- "a report ending at a semicolon of a list": '…в четыре этапа: с января по апрель 2021; с апреля …';
- "page furniture in a report": a clock time with a "Фото:" / "Источник:" after it;
- "unmarked speech before ', — cue' after a first-person sentence": 'Мы предложим … . Только так
  можно …, - сказала …' (citata reports the last sentence only);
- "the speaker's gerund after a complement": '…, что эффективность вакцины - 60%, обосновав это …'
  (a perfective gerund at the report's top level, read by hand: whose is it);
- "a zero-width space between sentences": '…Новичок. \\u200b Уход …';
- "a lead repeated in the body": the same words reported twice in one article (the first copy is
  the place);
- "«Об этом» over several sentences": a backward "Об этом … сообщил" whose content holds more than
  one sentence.
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

from citata.nlp import morph  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import document_view, find  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from quotes import CORPUS_FILES, entries, match, normalise_gold  # noqa: E402
from recall_sample import CORPORA, population  # noqa: E402
from survey_quotes import cached_analysis  # noqa: E402

SHAPES = ("quoted name, then a dash copula", "a series of quoted items", "an editor's note inside a quotation",
          "a colon, then a capital, inside a report", "a gloss after a dash inside a report",
          "a report ending at a semicolon of a list", "page furniture in a report",
          "unmarked speech before ', — cue' after a first-person sentence",
          "the speaker's gerund after a complement", "a zero-width space between sentences",
          "a lead repeated in the body", "«Об этом» over several sentences")
SERIES = re.compile(r"«[^«»\n]{2,120}»(?:\s*,\s*«[^«»\n]{2,120}»)+\s*(?:и|или)\s*«[^«»\n]{2,120}»")
NOTE = re.compile(r"(?i)\([^()]{0,80}?(?:прим\.|примеч|[—–-]\s*ред\b|[—–-]\s*[“«\"]?Ъ[”»\"]?)[^()]{0,40}\)")
FURNITURE = re.compile(r"\b\d{1,2}:\d\d\b.{0,30}?(?:Фото|Источник)\s*:")
FIRST_PERSON = re.compile(r"(?i)(?<!\w)(?:я|мы|мне|нам|нас|наш\w*|мой|моя|мое|моё|мои)(?!\w)")
OPEN_CLOSE = {"«": "»", "“": "”", "„": "“", '"': '"'}


def _outside_marks(s: str) -> bool:
    """Does the end of `s` stand outside quotation marks?"""
    return s.count("«") <= s.count("»") and s.count('"') % 2 == 0


def places(t: str, found: list) -> list[tuple[str, int, int, object]]:
    """(shape, start, end, the quotation of `found` concerned or None) for every place of a shape."""
    out = []
    for m in SERIES.finditer(t):
        out.append((SHAPES[1], m.start(), m.end(), None))
    for m in NOTE.finditer(t):
        out.append((SHAPES[2], m.start(), m.end(), None))
    for m in re.finditer(r"[.!?…]\s*\u200b", t):
        out.append((SHAPES[9], m.start(), m.end(), None))
    seen: dict[str, object] = {}
    for f in found:
        c = t[f.start:f.end]
        sent0 = t.rfind("\n", 0, f.start) + 1
        if f.sieve == "direct:attribution after" and f.cue:
            before = t[sent0:f.start - 1].rstrip()
            before = before[max(before.rfind(". "), before.rfind("! "), before.rfind("? ")) + 1:].strip()
            after = t[f.end + 1:f.cue[0]]
            if before and before[-1] not in ".!?…:—–-\"«»" and re.match(r"[ \t]+[—–-]", after) and "," in after:
                out.append((SHAPES[0], f.start, f.end, f))
        if f.type == "direct":
            continue
        m = re.search(r":\s+[А-ЯЁ]", c)
        if m and _outside_marks(c[:m.start()]) and c[m.end() - 1:m.end() + 1][:1] not in OPEN_CLOSE:
            out.append((SHAPES[3], f.start, f.end, f))
        m = re.search(r"\s[—–]\s+[а-яё]+,\s+(?:котор|то есть)", c)
        if m and _outside_marks(c[:m.start()]):
            out.append((SHAPES[4], f.start, f.end, f))
        if t[f.end:f.end + 2].lstrip()[:1] == ";" and ":" in c:
            out.append((SHAPES[5], f.start, f.end, f))
        if FURNITURE.search(c):
            out.append((SHAPES[6], f.start, f.end, f))
        if f.cue and f.cue[0] >= f.end and re.fullmatch(r"[\s,.!?…]*[—–-]\s*", t[f.end:f.cue[0]]):
            pre = t[sent0:f.start].strip()
            last = re.split(r"(?<=[.!?…])\s+", pre)[-1] if pre else ""
            if pre and pre[-1] in ".!?…" and FIRST_PERSON.search(last):
                out.append((SHAPES[7], f.start, f.end, f))
        if f.sieve == "indirect:complement":
            for m in re.finditer(r",\s+([а-яё]+)", c):
                p = morph().parse(m.group(1))[0]
                if p.tag.POS == "GRND" and "perf" in p.tag and _outside_marks(c[:m.start()]):
                    out.append((SHAPES[8], f.start, f.end, f))
                    break
        key = re.sub(r"\W+", " ", c).strip().lower()
        if len(key) >= 25:
            if key in seen:  # the first copy is the lead the gold leaves
                out.append((SHAPES[10], seen[key].start, seen[key].end, seen[key]))
            seen.setdefault(key, f)
        if f.cue and f.cue[0] >= f.end and re.match(r"(?i)[\s.,]*об этом\b", t[f.end:f.cue[0] + 1]) \
                and re.search(r"[.!?…]\s+[А-ЯЁA-Z«\"]", c):
            out.append((SHAPES[11], f.start, f.end, f))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--show", nargs="*", default=[], help="shapes to print every place of (all: every one)")
    ap.add_argument("--limit", type=int, default=0, help="first N texts only")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    tune = {e["file"]: e for e in entries(CORPUS_FILES, "tune")}
    rels = sorted(set(population([])) | set(tune))
    if args.limit:
        rels = rels[:args.limit]
    n: dict[str, Counter] = defaultdict(Counter)
    texts: dict[str, set] = defaultdict(set)
    for rel in rels:
        raw = text_document(rel, decode((CORPORA / rel).read_bytes()))
        doc = build_document(raw)
        view = document_view(doc.text, cached_analysis(rel, doc.text, args.cache))
        found = find(view)
        gold, matched = [], {}
        if rel in tune:
            gold = [normalise_gold(q, raw.text) for q in tune[rel]["quotes"]]
            pred = [{"raw_content": [doc.raw_offset(f.start), doc.raw_offset(f.end)]} for f in found]
            matched = {id(found[p]) for _, p in match(gold, pred)}
        t = view.text
        for shape, s, e, f in places(t, found):
            if f is None:  # a shape of the text: the quotation holding it, if any
                f = next((q for q in found if q.start <= s < q.end), None)
            n[shape]["places"] += 1
            texts[shape].add(rel)
            n[shape]["quoted"] += f is not None
            verdict = ""
            if rel in tune:
                n[shape]["tune"] += 1
                if f is not None:
                    rs, re_ = doc.raw_offset(f.start), doc.raw_offset(f.end)
                    overlaps = any(min(g["content"][1], re_) > max(g["content"][0], rs) for g in gold)
                    verdict = "match" if id(f) in matched else "boundary" if overlaps else "none"
                    n[shape]["tune " + verdict] += 1
            if shape in args.show or "all" in args.show:
                a, b = (f.start, f.end) if f is not None else (s, e)
                where = f"tune {verdict or 'not quoted'}" if rel in tune else "unannotated"
                print(f"{shape} | {where} | {rel} | "
                      f"{(t[max(0, a - 100):a] + '[[' + t[a:b][:400] + ']]' + t[b:b + 80])!r}")
    print(f"\n{len(rels)} texts ({sum(r in tune for r in rels)} tune, {sum(r not in tune for r in rels)} unannotated)\n")
    print("| shape | places (texts) | citata quotes | tune places | tune: match / boundary / none |")
    print("|---|---:|---:|---:|---|")
    for shape in SHAPES:
        c = n[shape]
        print(f"| {shape} | {c['places']} ({len(texts[shape])}) | {c['quoted']} | {c['tune']} | "
              f"{c['tune match']} / {c['tune boundary']} / {c['tune none']} |")


if __name__ == "__main__":
    main()
