"""Mark the gold's relay wrappers (issue 14's convention for false quotations).

    python eval/gold_relays.py [--write]

Issue 14: "Макрон заявил, что …, передает РИА Новости" is one quotation, Макрон's, relayed by
РИА Новости — not a second one of the agency's. The gold files annotated both; this script finds
the wrappers by a rule and marks them (never deletes them), so that the scorers skip them:
`"relay": true` on the wrapper, `"relayed_by": <the wrapper's speaker>` on each quotation it
wraps. A gold quotation is a relay wrapper when all three hold:

1. its cue is a relay word (citata/data/relay_words.txt, the lexicon citata's own relay filter
   reads: the verbs of relay_verbs.txt and relay_cues.txt with their other aspect, the nouns of
   its "по данным", "по информации", "по сообщению"), or its speaker's first word is such a
   noun ("в сообщении Reuters говорится", "согласно информации, опубликованной в «КП»");
2. its speaker is the press (citata.quotes.filters.is_press, the test citata's relay filter
   makes): none (a link the text lost, "…, пишет "), a known outlet or a site's address, the
   press at large (media_at_large.txt: "СМИ"), a name whose first word is a media noun or a
   newsroom's staff ("газета …", "корреспондент РБК": media_nouns.txt, staff_nouns.txt), or a
   report that names an outlet ("сообщение Reuters");
3. its content holds the cue of another gold quotation of the same article whose speaker
   differs and is not the press relaying in turn ("МИД Пакистана подчеркнул, что …, сообщает
   ТАСС").

Not relays, and left as annotated: a person or a body reporting what others said ("прокуроры
утверждают, что женщины сказали …", "в заявлении AESA сообщается, что утверждение Ryanair …"),
a person's own words twice, a letter, eyewitnesses. Without --write it prints the tune half's
cases (for review) and the blind half's counts only (issue 14's blind discipline); with --write
it rewrites the gold files with the marks (run again, it changes nothing), the second
annotation of eval/gold/agreement/ too.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.lemmas import lemma  # noqa: E402
from citata.quotes.filters import is_press  # noqa: E402
from quotes import CORPUS_FILES, GOLD, half  # noqa: E402


def relay_cue(quote: dict) -> bool:
    cue = (quote.get("cue_lemma") or "").lower()
    if cue in lex.relay_words():
        return True
    head = re.findall(r"\w+", quote.get("speaker") or "")
    return bool(head) and lemma(head[0]) in lex.relay_words()


def press_speaker(quote: dict) -> bool:
    name = quote.get("speaker")
    if not name:
        return True
    words = re.findall(r"\w+", name)
    return is_press(name, lemma(words[0]) if words else None)


def _same(a: str | None, b: str | None) -> bool:
    return re.findall(r"\w+", (a or "").lower()) == re.findall(r"\w+", (b or "").lower())


def wrapped(quotes: list[dict], outer: dict) -> list[dict]:
    """The gold quotations whose cue stands in `outer`'s content and whose speaker differs, less
    the press relaying in turn ("По информации СМИ, …: местная пресса пишет, что …")."""
    s, e = outer["content"]
    return [q for q in quotes if q is not outer and q.get("cue") and s <= q["cue"][0] and q["cue"][1] <= e
            and not _same(q.get("speaker"), outer.get("speaker")) and not (relay_cue(q) and press_speaker(q))]


def relays(quotes: list[dict]) -> list[tuple[dict, list[dict]]]:
    """(wrapper, the quotations it wraps) for every relay wrapper among an article's quotations."""
    out = []
    for q in quotes:
        if relay_cue(q) and press_speaker(q):
            inner = wrapped(quotes, q)
            if inner:
                out.append((q, inner))
    return out


def mark(entry: dict) -> int:
    """Set the marks of an entry's quotations from scratch; the number of wrappers."""
    for q in entry["quotes"]:
        q.pop("relay", None)
        q.pop("relayed_by", None)
    found = relays(entry["quotes"])
    for outer, inner in found:
        outer["relay"] = True
        for q in inner:
            q["relayed_by"] = outer.get("speaker")
    return len(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="rewrite the gold files with the marks")
    args = ap.parse_args()
    counts = Counter()
    for name in CORPUS_FILES + ("quotes_seeds.jsonl", "agreement/quotes_e_second.jsonl"):
        path = GOLD / name
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        for line in lines:
            entry = json.loads(line)
            which = "seeds" if name == "quotes_seeds.jsonl" else half(entry)
            if name.startswith("agreement/"):  # the second annotation of articles of quotes_e
                which = f"second annotation, {which}"
            counts[which + " articles"] += 1
            counts[which + " quotations"] += len(entry["quotes"])
            for outer, inner in relays(entry["quotes"]):
                counts[which + " wrappers"] += 1
                counts[which + " wrapped"] += len(inner)
                if not which.endswith("blind"):
                    print(f"{which} {entry['file']}: [{outer.get('speaker')}] {outer.get('cue_lemma')} wraps "
                          + "; ".join(f"[{q.get('speaker')}] {q.get('cue_lemma')}" for q in inner))
            mark(entry)
            out.append(json.dumps(entry, ensure_ascii=False))
        if args.write and out != lines:
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")


if __name__ == "__main__":
    main()
