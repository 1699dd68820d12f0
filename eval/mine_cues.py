"""Mine candidate cue verbs from the shared corpora, for review by hand (issue 14).

    python eval/mine_cues.py [--corpora ../shared/corpora] [--min 2]

Two constructions that only speech takes: a verb right after a closing quotation mark
and a dash («…», — съязвил он) and a finite verb right before ", что" whose subject is a
person or body (X возмутился, что …). Prints the verb lemmas that
citata/data/speech_verbs.tsv lacks, with how often each construction has them and an
example; what is kept after review goes into the data file with its class.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402

AFTER_QUOTE = re.compile(r"[»\"“”][,!?…]?\s*[—–‑-]\s+([а-яё]+)")
BEFORE_CHTO = re.compile(r"([А-ЯЁа-яё]+)\s*,\s+что\s")


def verb_lemma(word: str) -> str | None:
    for p in morph().parse(word):
        if p.tag.POS == "VERB":
            return p.normal_form
        if p.score > 0.5:
            break
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--min", type=int, default=2)
    args = ap.parse_args()
    known = {lemma.replace("ё", "е") for lemma, _ in lex._table("speech_verbs.tsv")}
    counts: dict[str, Counter] = defaultdict(Counter)
    example: dict[str, str] = {}
    for path in sorted(args.corpora.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for kind, rx in (("after «…», —", AFTER_QUOTE), ("before , что", BEFORE_CHTO)):
            for m in rx.finditer(text):
                lemma = verb_lemma(m.group(1).lower())
                if lemma is None or lemma.replace("ё", "е") in known:
                    continue
                counts[lemma][kind] += 1
                example.setdefault(lemma, " ".join(text[max(0, m.start() - 60):m.end() + 40].split()))
    rows = sorted(counts.items(), key=lambda kv: -sum(kv[1].values()))
    for lemma, c in rows:
        if sum(c.values()) >= args.min:
            print(f"{lemma}\t{c['after «…», —']}\t{c['before , что']}\t{example[lemma]}")


if __name__ == "__main__":
    main()
