"""How far two annotators agree on the same articles: the ceiling the quotation scores live under.

    python eval/agreement.py [--corpora ../shared/corpora]

eval/gold/agreement/quotes_e_second.jsonl holds a second, independent annotation of some
articles of eval/gold/quotes_e.jsonl (an annotator who saw neither the first annotation
nor citata's output). The second annotation is scored against the first exactly as
eval/quotes.py scores citata (same matching, same speaker rule, same type convention),
and the other way round, so the table reads like eval/quotes.py's. Totals only: no
article of either half is printed.
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

SECOND = ROOT / "eval" / "gold" / "agreement" / "quotes_e_second.jsonl"
FIRST = ROOT / "eval" / "gold" / "quotes_e.jsonl"


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    first, second = _load(FIRST), _load(SECOND)
    both = [f for f in first if f in second]
    print(f"{len(both)} articles annotated twice\n")
    print("| reference | quotations ref / other | quotation P | R | F1 | who said what F1 | speaker agreement (matched) | type agreement |")
    print("|---|---|---|---|---|---|---|---|")
    for label, ref, oth in (("first annotator", first, second), ("second annotator", second, first)):
        c = compare({f: ref[f] for f in both}, oth, args.corpora)
        p, r, f = quote_eval.prf(c["match"], c["pred"], c["gold"])
        _, _, wf = quote_eval.prf(c["wsw"], c["pred"], c["gold"])
        print(f"| {label} | {c['gold']} / {c['pred']} | {p:.3f} | {r:.3f} | {f:.3f} | {wf:.3f} | "
              f"{c['wsw']}/{c['match']} = {c['wsw'] / max(c['match'], 1):.3f} | {c['type']}/{c['match']} |")


if __name__ == "__main__":
    main()
