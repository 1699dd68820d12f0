"""How far two annotators agree on the same articles: the ceiling the quotation scores live under.

    python eval/agreement.py [--corpora ../shared/corpora] [--citata]

eval/gold/agreement/quotes_e_second.jsonl holds a second, independent annotation of some
articles of eval/gold/quotes_e.jsonl (an annotator who saw neither the first annotation
nor citata's output); eval/gold/agreement/quotes_kl_second.jsonl the same for 12 tune articles of
quotes_k.jsonl and quotes_l.jsonl (twenty-fifth session). A table per pair of files, and both together. The second annotation is scored against the first exactly as
eval/quotes.py scores citata (same matching, same speaker rule, same type convention),
and the other way round, so the table reads like eval/quotes.py's. Totals only: no
article of either half is printed. --citata adds citata's own score against each annotation on the
tune-half articles of each pair (the blind half's are left out), so that the gap between two people
can be read beside the gap between citata and either of them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import quotes as quote_eval  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

GOLD = ROOT / "eval" / "gold"
# (what was annotated twice, the first annotation's files, the second annotation)
PAIRS = (("quotes_e", ("quotes_e.jsonl",), "agreement/quotes_e_second.jsonl"),
         ("quotes_k, quotes_l", ("quotes_k.jsonl", "quotes_l.jsonl"), "agreement/quotes_kl_second.jsonl"))


def _load(path: Path) -> dict[str, dict]:
    return {e["file"]: e for e in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _as_prediction(quote: dict) -> dict:
    return {"raw_content": quote["content"], "name": quote["speaker"], "kind": quote["speaker_kind"],
            "type": quote["type"]}


def compare(reference: dict[str, dict], other: dict[str, dict], corpora: Path) -> dict:
    counts = {"gold": 0, "pred": 0, "match": 0, "wsw": 0, "type": 0}
    for name, ref in reference.items():
        if name not in other:
            continue
        text = text_document(name, decode((corpora / name).read_bytes())).text
        gold = [quote_eval.normalise_gold(q, text) for q in quote_eval.scored(ref["quotes"])]
        pred = [_as_prediction(quote_eval.normalise_gold(q, text)) for q in quote_eval.scored(other[name]["quotes"])]
        pairs = quote_eval.match(gold, pred)
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["match"] += len(pairs)
        counts["wsw"] += sum(quote_eval.speaker_right(gold[g], pred[p]) for g, p in pairs)
        counts["type"] += sum(gold[g]["type"] == pred[p]["type"] for g, p in pairs)
    return counts


def citata_rows(first: dict[str, dict], second: dict[str, dict], corpora: Path) -> None:
    tune = [f for f in first if f in second and quote_eval.half(first[f]) == "tune"]
    for name, ann in (("citata against the first", first), ("citata against the second", second)):
        c = quote_eval.evaluate([{**ann[f], "quotes": quote_eval.scored(ann[f]["quotes"])} for f in tune], corpora)
        p, r, f = quote_eval.prf(c["match"], c["pred"], c["gold"])
        _, _, wf = quote_eval.prf(c["wsw"], c["pred"], c["gold"])
        print(f"| {name} ({len(tune)} tune articles) | {c['gold']} / {c['pred']} | {p:.3f} | {r:.3f} | {f:.3f} | "
              f"{wf:.3f} | {c['wsw']}/{c['match']} = {c['wsw'] / max(c['match'], 1):.3f} | {c['type_right']}/{c['match']} |")


def table(label: str, first: dict[str, dict], second: dict[str, dict], corpora: Path, citata: bool = False) -> None:
    both = [f for f in first if f in second]
    print(f"### {label}: {len(both)} articles annotated twice\n")
    print("| reference | quotations ref / other | quotation P | R | F1 | who said what F1 | speaker agreement (matched) | type agreement |")
    print("|---|---|---|---|---|---|---|---|")
    for name, ref, oth in (("first annotator", first, second), ("second annotator", second, first)):
        c = compare({f: ref[f] for f in both}, oth, corpora)
        p, r, f = quote_eval.prf(c["match"], c["pred"], c["gold"])
        _, _, wf = quote_eval.prf(c["wsw"], c["pred"], c["gold"])
        print(f"| {name} | {c['gold']} / {c['pred']} | {p:.3f} | {r:.3f} | {f:.3f} | {wf:.3f} | "
              f"{c['wsw']}/{c['match']} = {c['wsw'] / max(c['match'], 1):.3f} | {c['type']}/{c['match']} |")
    if citata:
        citata_rows(first, second, corpora)
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--citata", action="store_true", help="citata's score against each annotation (tune articles)")
    args = ap.parse_args()
    all_first, all_second = {}, {}
    for label, first_files, second_file in PAIRS:
        if not (GOLD / second_file).exists():
            continue
        first = {k: v for f in first_files for k, v in _load(GOLD / f).items()}
        second = _load(GOLD / second_file)
        table(label, first, second, args.corpora, args.citata)
        all_first.update(first)
        all_second.update(second)
    table("all", all_first, all_second, args.corpora, args.citata)


if __name__ == "__main__":
    main()
