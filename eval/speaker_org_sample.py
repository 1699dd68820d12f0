"""Organisations, places-as-government and documents as speakers on new text (issue 14, fifteenth
session): sentences of the unannotated articles drawn by a pattern that reads no citata output, the
speaker of the report each pattern marks annotated by hand before citata's answer was printed, then
citata scored on them.

    python eval/speaker_org_sample.py draw --seed 27 --sizes 23 45 24 30 25 > eval/speaker_org_sample.tsv
    python eval/speaker_org_sample.py show eval/speaker_org_sample.tsv [--ids 0-39]   # no speaker shown
    python eval/speaker_org_sample.py score eval/speaker_org_sample.tsv [--out pred.jsonl] [--pred pred.jsonl]
    python eval/speaker_org_sample.py errors eval/speaker_org_sample.tsv --pred pred.jsonl

The population is eval/recall_sample.py's: every BSNLP raw page, FactRuEval devset text and covid-19
page in no eval/gold/quotes_*.jsonl file. Each article is cleaned as the pipeline does it and split
into sentences; a sentence enters a stratum when one of the patterns below (written for this sample,
not citata's lexicons) matches it; a sentence that overlaps a quotation of an earlier speaker sample
(eval/speaker_*sample*.tsv) is marked `earlier` (the population is small: 333 articles, 317
sentences matched, 209 of them near an earlier sample's quotation), so that a score can be read with
and without them. `draw` takes a
simple random sample of each stratum with the seed given (stratum sizes in the header).

Strata: `place` — a locative of a capitalised name or an organisation noun with a plural speech
verb ("В Кремле заявили", "в министерстве уточнили", "в Париже считают"); `document` — a report
phrased through a document ("говорится в заявлении", "в докладе отмечается", "согласно документу");
`data` — "по данным / по информации / по сведениям X"; `orgsubj` — an organisation noun or a
capitalised abbreviation followed within a few words by a singular speech verb ("Минобороны
сообщило", "Роспотребнадзор рекомендует", "компания заявила"); `source` — a relay verb before a
capitalised name, or "со ссылкой на" ("сообщает Reuters", "пишет The Guardian"). The place pattern
also takes the verb first ("сообщили в пресс-службе ведомства", "заявили в Минобороны").

The TSV (one sentence a row): id, stratum, file, start, end (raw offsets of the sentence), mstart,
mend (raw offsets of the pattern's match), seed, then the annotation — label (`quotation`; `no
quotation`: no report by the gold's conventions; `unclear`), speaker (the gold's convention: an
organisation's name, a place as written in the nominative, a document's phrase as the article
writes it, a person's fullest name), kind (person / organization / anonymous / document), note.

`convention` (added after the first score, the annotation columns left as they were): for the rows
whose annotation departs from a convention of the gold, checked on the tune half's gold, that
convention's `label|speaker|kind` — "X со ссылкой на Y" is Y's; "согласно заявлению / данным X" is
X's (the owner, as "Согласно данным … Института имени Роберта Коха" in the tune gold); an unnamed "по предварительным /
некоторым данным" is no quotation; a relay by an outlet `is_press` does not know is the outlet's
quotation (eval/gold_relays.py marks only the press's relays); a bare fact relayed by an outlet is the
outlet's. `score --convention` and `errors --convention` read it.

`score` runs citata on each sampled article and takes the quotation whose cue lies in the sentence
nearest the match (else one whose content overlaps the sentence): right / wrong by eval/quotes.py's
`speaker_right`, or lost (no quotation found there). `errors` prints the wrong and lost rows, except
those on articles annotated since the draw that fell into issue 14's blind half (eval/quotes.py's
split): those count in `score` only.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import sentences  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from recall_sample import CORPORA, population  # noqa: E402
from speaker_sample import wilson  # noqa: E402

FIELDS = ["id", "stratum", "file", "start", "end", "mstart", "mend", "seed", "earlier", "label", "speaker", "kind", "note",
          "convention"]
KINDS = ("person", "organization", "anonymous", "document")

# Words written for this sample (stems; not citata's lexicons).
_SPEECH_PLURAL = (r"(?:заявили|заявляют|сообщили|сообщают|считают|полагают|уверены|убеждены|отметили|отмечают|"
                  r"подчеркнули|подчеркивают|подчёркивают|рассказали|пояснили|поясняют|уточнили|уточняют|"
                  r"добавили|признали|признают|опасаются|ответили|отвечают|подтвердили|подтверждают|опровергли|"
                  r"прокомментировали|комментируют|настаивают|напомнили|напоминают|указали|указывают|"
                  r"предупредили|предупреждают|объяснили|объясняют|заверили|заверяют|говорят|обещают|пообещали|"
                  r"отказались|назвали|называют|критикуют|раскритиковали|надеются|ожидают|не исключают|"
                  r"рассчитывают|допускают|призвали|призывают|потребовали|требуют|выразили|высказались|"
                  r"утверждают|отрицают|заметили|констатировали|сочли|оценили|оценивают|прогнозируют|"
                  r"пригрозили|обвинили|обвиняют|возразили|согласились|не согласились)")
_SPEECH_SINGULAR = (r"(?:заявил[аои]?|заявляет|сообщил[аои]?|сообщает|считает|полагает|отметил[аои]?|отмечает|"
                    r"подчеркнул[аои]?|подчеркивает|подчёркивает|рассказал[аои]?|пояснил[аои]?|поясняет|"
                    r"уточнил[аои]?|уточняет|добавил[аои]?|признал[аои]?|признает|признаёт|опасается|"
                    r"ответил[аои]?|подтвердил[аои]?|подтверждает|опроверг(?:л[аои]?)?|прокомментировал[аои]?|"
                    r"настаивает|напомнил[аои]?|напоминает|указал[аои]?|указывает|предупредил[аои]?|"
                    r"предупреждает|объяснил[аои]?|объясняет|заверил[аои]?|обещает|пообещал[аои]?|"
                    r"рекомендует|рекомендовал[аои]?|призвал[аои]?|призывает|потребовал[аои]?|требует|"
                    r"выразил[аои]?|утверждает|отрицает|объявил[аои]?|объявляет|информирует|проинформировал[аои]?|"
                    r"опубликовал[аои]?|распространил[аои]?|констатировал[аои]?|прогнозирует|оценивает|"
                    r"оценил[аои]?|обвинил[аои]?|обвиняет|пригрозил[аои]?|раскритиковал[аои]?|критикует)")
_ORG_NOUNS = (r"(?:министерств|минист|ведомств|правительств|администраци|посольств|пресс-служб|"
              r"компани|авиакомпани|перевозчик|лоукостер|концерн|корпораци|банк|фонд|агентств|служб|"
              r"управлени|департамент|комитет|комисси|парти|профсоюз|союз|ассоциаци|организаци|"
              r"прокуратур|полици|суд|парламент|палат|совет|штаб|мэри|офис|центр|институт|университет|"
              r"Кремл|Белом доме|Белый дом|Госдеп|Минздрав|МИД|Минобороны|Роспотребнадзор|Еврокомисси|"
              r"ВОЗ|ООН|НАТО|ЕС|Евросоюз|Даунинг-стрит|Брюссел|Вашингтон|Москв|Пекин|Лондон|Киев|Берлин|Париж)")
_LOC = r"(?<![\w-])[Вв]о?\s+(?:[А-ЯЁA-Z][\w\"«»-]*|" + _ORG_NOUNS + r"\w*)(?:\s+[\w\"«».-]+){0,4}?\s+"
_DOC_NOUNS = (r"(?:заявлени|сообщени|доклад|докладе|письм|документ|пресс-релиз|релиз|коммюнике|отч[её]т|"
              r"резолюци|обращени|записк|постановлени|исследовани|публикаци|бюллетен|приказ|указ|"
              r"протокол|ответ|декларац|пост|твит|видеообращени|материал|статье|стать|интервью|"
              r"меморандум|уведомлени|оповещени|разъяснени|рекомендаци|решени|справк|плакат|памятк|"
              r"сайте|сайт|блог|телеграм|Telegram|канал|аккаунт|странице|страниц|релизе|отзыв)")
PATTERNS = {
    "place": re.compile(_LOC + r"(?:также\s+|уже\s+|тоже\s+|же\s+|не\s+)?" + _SPEECH_PLURAL + r"(?!\w)"
                       r"|(?<!\w)" + _SPEECH_PLURAL + r"\s+(?:\w+\s+){0,3}?(?:в|во|на)\s+(?:[А-ЯЁA-Z]|"
                       + _ORG_NOUNS + r"|пресс-|посольств|руководств|компани)"),
    "document": re.compile(
        r"(?:(?:говорит|сказан|отмечает|указан|указывает|подчеркивает|подчёркивает|сообщает|уточняет|"
        r"утверждает|поясняет|заявляет|признает|признаёт|констатирует|напоминает|добавляет)\w*"
        r"\s+(?:\w+\s+){0,2}?(?:в|во|на)\s+(?:\w+\s+){0,2}?" + _DOC_NOUNS + r"\w*)"
        r"|(?:(?<![\w-])(?:[Вв]|[Вв]о|[Нн]а)\s+(?:\w+\s+){0,2}?" + _DOC_NOUNS + r"\w*(?:\s+[\w\"«».-]+){0,5}?\s+"
        r"(?:говорит|сказан|отмечает|указан|указывает|подчеркивает|подчёркивает|сообщает|уточняет|"
        r"утверждает|поясняет|заявляет|признает|признаёт|констатирует|напоминает|добавляет)\w*)"
        r"|(?:[Сс]огласно\s+(?:\w+\s+){0,2}?" + _DOC_NOUNS + r"\w*)"),
    "data": re.compile(r"(?<![\w-])[Пп]о\s+(?:последним\s+|официальным\s+|предварительным\s+|\w+м\s+)?"
                       r"(?:данным|информации|сведениям|оценкам|подсчетам|подсчётам)(?!\w)"),
    "orgsubj": re.compile(r"(?<![\w-])(?:" + _ORG_NOUNS + r"\w*|[А-ЯЁA-Z]{2,}[а-яё]?)(?:\s+[\w\"«».-]+){0,4}?\s+"
                          r"(?:также\s+|уже\s+|не\s+)?" + _SPEECH_SINGULAR + r"(?!\w)"),
    "source": re.compile(r"(?<!\w)(?:(?:сообщает|сообщают|сообщило|сообщил[аи]?|передает|передаёт|передают|пишет|"
                         r"пишут|написал[аои]?|информирует|утверждает|цитирует)\s+(?:\w+\s+){0,2}?[\"«]?[А-ЯЁA-Z]"
                         r"|[Сс]о ссылкой на)"),
}
ORDER = ("place", "document", "data", "orgsubj", "source")


def clean(rel: str):
    return build_document(text_document(rel, decode((CORPORA / rel).read_bytes())))


def taken_spans() -> dict[str, list[tuple[int, int]]]:
    """Clean-text spans of the quotations earlier speaker samples hold (their offsets are clean)."""
    out: dict = defaultdict(list)
    for p in sorted((ROOT / "eval").glob("speaker_*sample*.tsv")):
        if p.name == "speaker_org_sample.tsv":
            continue
        with p.open(encoding="utf-8") as f:
            for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
                if r.get("file") and r.get("start") and r.get("end"):
                    out[r["file"]].append((int(r["start"]), int(r["end"])))
    return out


def draw(args) -> None:
    files = population([])
    taken = taken_spans()
    strata: dict = defaultdict(list)
    for rel in files:
        doc = clean(rel)
        for sent in sentences(doc.text):
            earlier = any(a < sent.end and b > sent.start for a, b in taken.get(rel, ()))
            body = doc.text[sent.start:sent.end]
            for name in ORDER:  # one stratum a sentence: the first pattern that matches
                m = PATTERNS[name].search(body)
                if m:
                    strata[name].append((rel, doc.raw_offset(sent.start), doc.raw_offset(sent.end),
                                         doc.raw_offset(sent.start + m.start()), doc.raw_offset(sent.start + m.end()),
                                         "yes" if earlier else "no"))
                    break
    rng = random.Random(args.seed)
    print(f"# seed={args.seed} articles={len(files)} " + " ".join(f"{n}={len(strata[n])}" for n in ORDER)
          + " drawn " + " ".join(f"{n}={k}" for n, k in zip(ORDER, args.sizes))
          + " command: python eval/speaker_org_sample.py draw --seed " + str(args.seed)
          + " --sizes " + " ".join(map(str, args.sizes)))
    print("\t".join(FIELDS))
    i = 0
    for name, size in zip(ORDER, args.sizes):
        for rel, s, e, ms, me, earlier in sorted(rng.sample(strata[name], min(size, len(strata[name])))):
            print("\t".join(map(str, [i, name, rel, s, e, ms, me, args.seed, earlier, "", "", "", ""])))
            i += 1


def load(p: Path) -> tuple[str, list[dict]]:
    lines = p.read_text(encoding="utf-8").splitlines()
    header = lines[0]
    rows = list(csv.DictReader(lines[1:], delimiter="\t"))
    return header, rows


def raw_of(rel: str) -> str:
    return text_document(rel, decode((CORPORA / rel).read_bytes())).text


def ids_of(spec: str | None) -> range | None:
    if not spec:
        return None
    a, b = spec.split("-")
    return range(int(a), int(b) + 1)


def show(args) -> None:
    """The raw text before each sentence, the sentence with the pattern's match marked ⟦…⟧."""
    _, rows = load(args.sample)
    ids = ids_of(args.ids)
    for r in rows:
        if ids is not None and int(r["id"]) not in ids:
            continue
        t = raw_of(r["file"])
        s, e, ms, me = (int(r[k]) for k in ("start", "end", "mstart", "mend"))
        left = t[max(0, s - args.before):s]
        print(f"## {r['id']} {r['stratum']} {r['file']} @{s}")
        print(("…" + left + " ▶" + t[s:ms] + "⟦" + t[ms:me] + "⟧" + t[me:e] + "◀" + t[e:e + 200] + "…")
              .replace("\n", " / "))
        print()


def predictions(rows: list[dict]) -> dict[str, list[dict]]:
    from citata.pipeline import annotate
    out = {}
    for rel in dict.fromkeys(r["file"] for r in rows):
        doc = annotate([clean(rel)])[0]
        out[rel] = [{"content": [doc.raw_offset(q.content.start), doc.raw_offset(q.content.end)],
                     "cue": q.cue and doc.raw_offset(q.cue.start),
                     "speaker": q.speaker and q.speaker.name, "kind": q.speaker and q.speaker.kind,
                     "type": q.type}
                    for q in doc.quotes]
    return out


def chosen(r: dict, preds: list[dict]) -> dict | None:
    s, e, ms = int(r["start"]), int(r["end"]), int(r["mstart"])
    by_cue = [p for p in preds if p["cue"] is not None and s <= p["cue"] < e]
    if by_cue:
        return min(by_cue, key=lambda p: abs(p["cue"] - ms))
    over = [p for p in preds if p["content"][0] < e and p["content"][1] > s]
    return max(over, key=lambda p: min(e, p["content"][1]) - max(s, p["content"][0])) if over else None


def judged(r: dict, preds: dict) -> tuple[str, dict | None]:
    from quotes import speaker_right
    p = chosen(r, preds.get(r["file"], []))
    if p is None:
        return "lost", None
    ok = speaker_right({"speaker": r["speaker"] or None, "speaker_kind": r["kind"]},
                       {"name": p["speaker"], "kind": p["kind"]} if p["speaker"] else None)
    return ("right" if ok else "wrong"), p


def loaded_preds(args, rows) -> dict:
    from survey_quotes import json_cache
    return json_cache(args.pred, lambda: predictions(rows))


def conventional(rows: list[dict]) -> list[dict]:
    """The rows with the gold's convention in place of the annotation where the two differ."""
    out = []
    for r in rows:
        if r.get("convention"):
            r = dict(r)
            r["label"], r["speaker"], r["kind"] = r["convention"].split("|")
        out.append(r)
    return out


def score(args) -> None:
    _, rows = load(args.sample)
    rows = conventional(rows) if args.convention else rows
    preds = loaded_preds(args, rows)
    labels = Counter(r["label"] for r in rows)
    res = Counter()
    kinds: dict = defaultdict(Counter)
    strata: dict = defaultdict(Counter)
    overlap: dict = defaultdict(Counter)
    for r in rows:
        if r["label"] != "quotation":
            continue
        v, _ = judged(r, preds)
        res[v] += 1
        kinds[r["kind"]][v] += 1
        strata[r["stratum"]][v] += 1
        overlap["near an earlier sample's quotation" if r["earlier"] == "yes" else "new to every sample"][v] += 1
    found = res["right"] + res["wrong"]
    lo, hi = wilson(res["right"], found)
    print(f"labels: {dict(labels)}")
    print(f"quotations {sum(res.values())}: found {found}, lost {res['lost']}; speaker right "
          f"{res['right']}/{found} = {res['right'] / max(found, 1):.3f} ({lo:.3f}–{hi:.3f})")
    print("by kind: " + ", ".join(f"{k} {kinds[k]['right']}/{kinds[k]['right'] + kinds[k]['wrong']}"
                                  f" (lost {kinds[k]['lost']})" for k in KINDS if kinds[k]))
    print("by stratum: " + ", ".join(f"{k} {v['right']}/{v['right'] + v['wrong']} (lost {v['lost']})"
                                     for k, v in strata.items()))
    print("by overlap: " + ", ".join(f"{k} {v['right']}/{v['right'] + v['wrong']} (lost {v['lost']})"
                                     for k, v in overlap.items()))


def errors(args) -> None:
    from quotes import blind_files
    _, rows = load(args.sample)
    rows = conventional(rows) if args.convention else rows
    preds = loaded_preds(args, rows)
    blind, hidden = blind_files(), 0
    for r in rows:
        if r["label"] != "quotation":
            continue
        v, p = judged(r, preds)
        if v != "right" and r["file"] in blind:
            hidden += 1
        elif v != "right":
            got = p and f"{p['speaker']!r} ({p['kind']})"
            print(f"{r['id']} {r['stratum']} {r['file']} @{r['start']}: {v}; gold {r['speaker']!r} ({r['kind']}), "
                  f"citata {got}  [{r['note']}]")
    if hidden:
        print(f"({hidden} wrong or lost rows are on blind-half articles: counted in `score`, not printed)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=("draw", "show", "score", "errors"))
    ap.add_argument("sample", type=Path, nargs="?")
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--sizes", type=int, nargs=5, default=[23, 45, 24, 30, 25])
    ap.add_argument("--ids", default=None)
    ap.add_argument("--before", type=int, default=500)
    ap.add_argument("--pred", type=Path, default=None)
    ap.add_argument("--convention", action="store_true", help="score against the gold's conventions (column 14)")
    args = ap.parse_args()
    {"draw": draw, "show": show, "score": score, "errors": errors}[args.cmd](args)


if __name__ == "__main__":
    main()
