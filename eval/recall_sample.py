"""Quotation recall on new text, from a sentence sample annotated without seeing citata's output
(issue 14, twelfth session).

    python eval/recall_sample.py draw [--size 400] [--cue-share 0.7] [--seed 16] [--out eval/recall_sample.tsv]
    python eval/recall_sample.py show eval/recall_sample.tsv [--from N] [--to M]   # sentences with context, to annotate
    python eval/recall_sample.py fill eval/recall_sample.tsv ANNOTATIONS              # anchors → offsets in the TSV
    python eval/recall_sample.py score eval/recall_sample.tsv [--misses] [--out pred.jsonl]

The population: every BSNLP raw page, FactRuEval devset text and covid-19 page that is in no
eval/gold/quotes_*.jsonl file, less the articles listed in --exclude (default: the 30 being
annotated as quotes_i in the twelfth session). An article is cleaned as the pipeline does it
(`build_document`), split into sentences by `citata.nlp.sentences`, and each sentence is mapped
back to the raw file's offsets. Two strata, by a test that uses no citata lexicon: "cue" = the
sentence holds a quotation mark, a dash line, or one of REPORT_WORDS (a long list of report-word
stems written for this sample); "rest" = all other sentences. `draw` takes a simple random sample
of each stratum (seed 16) and writes the stratum sizes, so that each sampled sentence carries the
weight N_h / n_h.

The TSV (one sampled sentence a row): index, file, raw sentence start, end, stratum, weight, the
quotations annotated on it as JSON (type, raw content offsets, speaker, speaker_kind), a note.
A quotation is annotated on a sentence when its content lies even partly in the sentence; its
content span follows eval/gold's conventions, so it may run past the sentence.

`score` runs citata on the sampled articles and matches the annotated quotations of each
sentence against citata's quotations whose content overlaps that sentence, with eval/quotes.py's
`match`: recall by type and precision, per stratum and weighted, with Wilson intervals.
--misses / --false print the rows' errors, except on articles annotated since the draw that fell
into issue 14's blind half (eval/quotes.py's split): those count in the totals only.
"""
from __future__ import annotations

import argparse
import json
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
from speaker_sample import wilson  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
PICKED = Path("/work/plan/s12/picked.txt")

# Report words, stems written for this sample (not citata's lexicon): verbs of saying, thinking,
# promising, asking; source phrases; report nouns. Broad on purpose: a sentence outside this
# stratum should rarely hold a quotation, and the rest stratum measures how rarely.
REPORT_WORDS = (
    "сказа сказал говор заяв сообщ отмет отмеч подчерк рассказ добав поясн объясн уточн призна "
    "указа указыв утвержд настаив предупред напомн пишет писал написа передает передаёт передал "
    "цитир слова мнени данным данных информаци сведени согласно ссылк источник считает считают "
    "считал полага уверен убежд опаса надеют надеет увер заверя заверил коммент замет выраз высказ "
    "обещ пригроз грози отрица опроверг ответ отвеч спрос спраш поинтерес интересу обрати "
    "прогноз оцени назвал назвав назыв называ констат резюм сету жалу возмущ возмут критик обвин "
    "призва призыв потреб требу заключ выясн показ свидетельств доклад докладыв известно говорит "
    "говорится отмечается информир продолж рассуд пояснен заявлен сообщени комментари интервью "
    "пресс-служб пресс-секретар представител официальн спикер признава уверя допуск допусти "
    "опасени сомнева сомнен подтверд подтвержд вспомин вспомн объяви объявл извест предполаг "
    "предлож предлага посовет совету решил решени убежден думает думают дума верит верят "
    "полагает полагают ожида прокоммент констатир поделил делится раскрыл признал признался "
    "уточнил подытож пожалова пообещ обещал угрожа настоял возраз возража ответил пишут "
    "твит твиттер твитт запис выступ цитат процитир процит фраз высказыв воскликн восклиц "
    "посчита уведом инфор по-мнению видимо кажется якобы дескать мол"
).split()
REPORT_RE = re.compile(r"(?<![а-яёa-z])(?:" + "|".join(map(re.escape, REPORT_WORDS)) + r")", re.I)
MARK_RE = re.compile(r'[«»"„“”]|^\s*[—–-]\s|\s[—–]\s', re.M)


def population(exclude: list[Path]) -> list[str]:
    from survey_quotes import articles
    return articles(CORPORA, exclude, pages=True)  # the covid-19 pages are among bsnlp-ru/*/raw


def sentence_rows(rel: str) -> list[tuple[int, int, str]]:
    """(raw start, raw end, stratum) of each sentence of an article's clean text."""
    doc = build_document(text_document(rel, decode((CORPORA / rel).read_bytes())))
    out = []
    for sent in sentences(doc.text):
        s, e = doc.raw_offset(sent.start), doc.raw_offset(sent.end)
        body = doc.text[sent.start:sent.end]
        stratum = "cue" if MARK_RE.search(body) or REPORT_RE.search(body) else "rest"
        out.append((s, e, stratum))
    return out


def raw_text(rel: str) -> str:
    return text_document(rel, decode((CORPORA / rel).read_bytes())).text


def draw(args) -> None:
    files = population(args.exclude)
    strata: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for rel in files:
        for s, e, stratum in sentence_rows(rel):
            strata[stratum].append((rel, s, e))
    rng = random.Random(args.seed)
    n_cue = round(args.size * args.cue_share)
    sizes = {"cue": n_cue, "rest": args.size - n_cue}
    rows = []
    for stratum in ("cue", "rest"):
        pop = strata[stratum]
        picked = rng.sample(pop, sizes[stratum])
        weight = len(pop) / sizes[stratum]
        rows += [(rel, s, e, stratum, weight) for rel, s, e in sorted(picked)]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# seed={args.seed} articles={len(files)} cue_sentences={len(strata['cue'])} "
                f"rest_sentences={len(strata['rest'])} drawn cue={sizes['cue']} rest={sizes['rest']}\n")
        f.write("idx\tfile\tstart\tend\tstratum\tweight\tquotes\tnote\n")
        for i, (rel, s, e, stratum, weight) in enumerate(rows):
            f.write(f"{i}\t{rel}\t{s}\t{e}\t{stratum}\t{weight:.3f}\t[]\t\n")
    print(f"{len(files)} articles; cue {len(strata['cue'])} sentences, rest {len(strata['rest'])}; "
          f"drew {sizes} → {args.out}")


def read_tsv(path: Path) -> tuple[str, list[dict]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header, cols = lines[0], lines[1].split("\t")
    rows = []
    for line in lines[2:]:
        r = dict(zip(cols, line.split("\t")))
        r["idx"], r["start"], r["end"] = int(r["idx"]), int(r["start"]), int(r["end"])
        r["weight"] = float(r["weight"])
        r["quotes"] = json.loads(r["quotes"])
        rows.append(r)
    return header, rows


def write_tsv(path: Path, header: str, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        f.write("idx\tfile\tstart\tend\tstratum\tweight\tquotes\tnote\n")
        for r in rows:
            f.write(f"{r['idx']}\t{r['file']}\t{r['start']}\t{r['end']}\t{r['stratum']}\t{r['weight']:.3f}\t"
                    f"{json.dumps(r['quotes'], ensure_ascii=False)}\t{r.get('note', '')}\n")


def show(args) -> None:
    _, rows = read_tsv(args.tsv)
    texts: dict[str, str] = {}
    for r in rows:
        if not (args.from_ <= r["idx"] < args.to):
            continue
        t = texts.setdefault(r["file"], raw_text(r["file"]))
        before = t[max(0, r["start"] - args.context):r["start"]]
        after = t[r["end"]:r["end"] + args.context]
        print(f"=== {r['idx']} {r['stratum']} {r['file']} {r['start']}-{r['end']}")
        print(f"{before}[[{t[r['start']:r['end']]}]]{after}".replace("\n", "⏎ "))


def fill(args) -> None:
    """Annotation lines `IDX | type | speaker | kind | head … tail` (or `IDX | -` for none, `IDX | # note`):
    the content is the text from `head` to `tail` (both literal), found near the sentence."""
    header, rows = read_tsv(args.tsv)
    by_idx = {r["idx"]: r for r in rows}
    done = set()
    for line in args.annotations.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        idx = int(parts[0])
        r = by_idx[idx]
        if idx not in done:
            r["quotes"], r["note"] = [], ""
            done.add(idx)
        if parts[1] == "-":
            continue
        if parts[1].startswith("#"):
            r["note"] = (r.get("note", "") + " " + parts[1][1:].strip()).strip()
            continue
        qtype, speaker, kind, span = parts[1], parts[2], parts[3], " | ".join(parts[4:])
        t = raw_text(r["file"])
        head, _, tail = span.partition(" … ")
        lo = max(0, r["start"] - 3000)
        candidates = [m.start() for m in re.finditer(re.escape(head), t[lo:r["end"] + len(head)])]
        # the occurrence nearest the sentence that still reaches into it
        s = -1
        for c in candidates:
            c += lo
            e = (t.find(tail, c + len(head) - len(tail)) + len(tail)) if tail else c + len(head)
            if e > r["start"] and c < r["end"]:
                s = c
                break
        if s < 0:
            raise SystemExit(f"{idx}: content {span!r} not found near its sentence")
        e = (t.find(tail, s + len(head) - len(tail)) + len(tail)) if tail else s + len(head)
        r["quotes"].append({"type": qtype, "content": [s, e], "speaker": None if speaker == "-" else speaker,
                            "speaker_kind": kind})
    missing = [i for i in by_idx if i not in done]
    write_tsv(args.tsv, header, rows)
    print(f"{len(done)} sentences annotated, {sum(len(r['quotes']) for r in rows)} quotations; "
          f"not yet annotated: {len(missing)}")


def predictions(files: list[str]) -> dict[str, list[dict]]:
    from quotes import predict
    out = {}
    for rel in files:
        _, pred = predict(CORPORA / rel, rel)
        out[rel] = pred
    return out


def score(args) -> None:
    from quotes import blind_files, match, speaker_right
    from survey_quotes import json_cache
    header, rows = read_tsv(args.tsv)
    # Articles annotated since the draw fell into issue 14's blind half: their totals count, their
    # errors are never printed.
    blind, hidden = blind_files(), 0
    files = sorted({r["file"] for r in rows})
    preds = json_cache(args.pred, lambda: predictions(files))
    c: dict[str, Counter] = defaultdict(Counter)
    w = {}
    for r in rows:
        st = r["stratum"]
        w[st] = r["weight"]
        gold = r["quotes"]
        pred = [p for p in preds[r["file"]] if p["raw_content"][0] < r["end"] and p["raw_content"][1] > r["start"]]
        pairs = match(gold, pred)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        c[st]["sents"] += 1
        c[st]["gold"] += len(gold)
        c[st]["pred"] += len(pred)
        c[st]["match"] += len(pairs)
        for g in gold:
            c[st]["gold_" + g["type"]] += 1
        for gi, pi in pairs:
            c[st]["match_" + gold[gi]["type"]] += 1
            c[st]["wsw"] += speaker_right(gold[gi], pred[pi]["speaker"])
        if (args.misses or args.false) and r["file"] in blind:
            hidden += 1
            continue
        t = raw_text(r["file"]) if args.misses or args.false else None
        if args.misses:
            for gi, g in enumerate(gold):
                if gi not in mg:
                    s, e = g["content"]
                    near = [p["raw_content"] for p in pred]
                    print(f"MISS {r['idx']} {g['type']} {r['file']} [{g['speaker']}] overlaps={near}: "
                          f"...{t[max(0, s - 80):s]!r} [[{t[s:e][:120]!r}]]")
        if args.false:
            for pi, p in enumerate(pred):
                if pi not in mp:
                    s, e = p["raw_content"]
                    print(f"FALSE {r['idx']} {p['type']} {r['file']} [{p['speaker'] and p['speaker']['name']}]: "
                          f"...{t[max(0, s - 60):s]!r} [[{t[s:e][:120]!r}]]")
    if hidden:
        print(f"({hidden} sampled sentences are on blind-half articles: counted, their errors not printed)")
    print(header)
    print("| stratum | sentences | weight | gold | found | recall | 95% (Wilson) | citata's | precision | 95% (Wilson) | direct | indirect | mixed | speaker right (matched) |")
    print("|---|---:|---:|---:|---:|---|---|---:|---|---|---|---|---|---|")
    for st in ("cue", "rest"):
        k = c[st]
        lo, hi = wilson(k["match"], k["gold"])
        plo, phi = wilson(k["match"], k["pred"])
        types = " | ".join(f"{k['match_' + t]}/{k['gold_' + t]}" for t in ("direct", "indirect", "mixed"))
        print(f"| {st} | {k['sents']} | {w.get(st, 0):.2f} | {k['gold']} | {k['match']} | "
              f"{k['match'] / k['gold'] if k['gold'] else 0:.3f} | {lo:.3f}–{hi:.3f} | {k['pred']} | "
              f"{k['match'] / k['pred'] if k['pred'] else 0:.3f} | {plo:.3f}–{phi:.3f} | {types} | {k['wsw']}/{k['match']} |")
    # weighted: each sentence counts N_h / n_h; the interval uses the effective sample size
    wg = sum(w[st] * c[st]["gold"] for st in c)
    wm = sum(w[st] * c[st]["match"] for st in c)
    wp = sum(w[st] * c[st]["pred"] for st in c)
    neff_g = wg * wg / sum(w[st] ** 2 * c[st]["gold"] for st in c) if wg else 0
    neff_p = wp * wp / sum(w[st] ** 2 * c[st]["pred"] for st in c) if wp else 0
    r_w, p_w = (wm / wg if wg else 0), (wm / wp if wp else 0)
    lo, hi = wilson(r_w * neff_g, neff_g)
    plo, phi = wilson(p_w * neff_p, neff_p)
    types = " | ".join(
        f"{sum(w[st] * c[st]['match_' + t] for st in c) / max(1e-9, sum(w[st] * c[st]['gold_' + t] for st in c)):.3f}"
        for t in ("direct", "indirect", "mixed"))
    print(f"| weighted | {sum(c[st]['sents'] for st in c)} | | {wg:.0f} | {wm:.0f} | {r_w:.3f} | {lo:.3f}–{hi:.3f} | "
          f"{wp:.0f} | {p_w:.3f} | {plo:.3f}–{phi:.3f} | {types} | |")
    print(f"(weighted rows: counts scaled to the population; intervals from the effective sample sizes "
          f"{neff_g:.0f} gold / {neff_p:.0f} found)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--size", type=int, default=400)
    d.add_argument("--cue-share", type=float, default=0.7)
    d.add_argument("--seed", type=int, default=16)
    d.add_argument("--exclude", type=Path, nargs="*", default=[PICKED] if PICKED.exists() else [])
    d.add_argument("--out", type=Path, default=ROOT / "eval" / "recall_sample.tsv")
    s = sub.add_parser("show")
    s.add_argument("tsv", type=Path)
    s.add_argument("--from", dest="from_", type=int, default=0)
    s.add_argument("--to", type=int, default=10 ** 9)
    s.add_argument("--context", type=int, default=300)
    f = sub.add_parser("fill")
    f.add_argument("tsv", type=Path)
    f.add_argument("annotations", type=Path)
    sc = sub.add_parser("score")
    sc.add_argument("tsv", type=Path)
    sc.add_argument("--misses", action="store_true")
    sc.add_argument("--false", action="store_true")
    sc.add_argument("--pred", type=Path, help="a JSON file of citata's output on the sampled articles (reused if it exists)")
    args = ap.parse_args()
    {"draw": draw, "show": show, "fill": fill, "score": score}[args.cmd](args)


if __name__ == "__main__":
    main()
