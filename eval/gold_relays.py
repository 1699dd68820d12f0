"""Mark the gold's relay wrappers (issue 14's convention for false quotations).

    python eval/gold_relays.py [--write]

Issue 14: "Макрон заявил, что …, передает РИА Новости" is one quotation, Макрон's, relayed by
РИА Новости — not a second one of the agency's. The gold files annotated both; this script finds
the wrappers by a rule and marks them (never deletes them), so that the scorers skip them:
`"relay": true` on the wrapper, `"relayed_by": <the wrapper's speaker>` on each quotation it
wraps. A gold quotation is a relay wrapper when all three hold:

1. its cue is a relay word: a lemma of relay_verbs.txt, a verb of relay_cues.txt ("передает",
   "информирует", "цитирует"), the noun of one of its "по …" phrases ("по данным", "по
   информации", "по сообщению"), or a prefixed perfective of one of those verbs ("написать",
   "проинформировать"); or its speaker's first word is such a noun ("в сообщении Reuters
   говорится", "согласно информации, опубликованной в «КП»");
2. its speaker is the press: none (a link the text lost, "…, пишет "), a known outlet
   (citata.metadata.outlets.known_outlet, media.txt) or a site's address, the press at large
   (media_at_large.txt: "СМИ"), a name whose first word is a media noun or a newsroom's staff
   ("газета …", "корреспондент РБК": media_nouns.txt, staff_nouns.txt), or a document that
   names an outlet ("сообщение Reuters");
3. its content holds the cue of another gold quotation of the same article whose speaker
   differs ("МИД Пакистана подчеркнул, что …, сообщает ТАСС").

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
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.lemmas import lemma  # noqa: E402
from citata.metadata.outlets import DOMAIN, known_outlet  # noqa: E402
from quotes import CORPUS_FILES, GOLD, half  # noqa: E402

PERFECTIVE_PREFIXES = ("на", "про", "со", "пере")


@lru_cache(maxsize=None)
def relay_words() -> tuple[frozenset[str], frozenset[str]]:
    """(verb lemmas, noun lemmas) of the relay lexicon."""
    verbs, nouns = set(lex.relay_verbs()), set()
    for phrase in lex.relay_cues():
        words = phrase.split()
        if len(words) == 1:
            verbs.add(lemma(words[0]))
        elif words[0] == "по" and len(words) == 2:
            nouns.add(lemma(words[1]))
    return frozenset(verbs), frozenset(nouns)


def relay_cue(quote: dict) -> bool:
    verbs, nouns = relay_words()
    cue = (quote.get("cue_lemma") or "").lower().replace("ё", "е")
    if cue in verbs or cue in nouns:
        return True
    if any(cue.startswith(p) and cue[len(p):] in verbs for p in PERFECTIVE_PREFIXES):
        return True
    head = re.findall(r"\w+", quote.get("speaker") or "")
    return bool(head) and lemma(head[0]) in nouns


def _names_outlet(words: list[str]) -> bool:
    """Does a run of up to three words name a known outlet?"""
    for i in range(len(words)):
        for j in range(i + 1, min(i + 3, len(words)) + 1):
            run = " ".join(words[i:j])
            if known_outlet(run) or run in lex.media_names():
                return True
    return False


def press_speaker(quote: dict) -> bool:
    name = quote.get("speaker")
    if not name:
        return True
    if known_outlet(name) or name in lex.media_names() or DOMAIN.fullmatch(name):
        return True
    words = re.findall(r"[\w.\-]+", name)
    if not words:
        return False
    if name in lex.media_at_large() or words[0] in lex.media_at_large():
        return True
    first = lemma(words[0])
    if first in lex.media_nouns() or first in lex.word_set("staff_nouns"):
        return True
    return quote.get("speaker_kind") == "document" and _names_outlet(words)


def _same(a: str | None, b: str | None) -> bool:
    return re.findall(r"\w+", (a or "").lower()) == re.findall(r"\w+", (b or "").lower())


def wrapped(quotes: list[dict], outer: dict) -> list[dict]:
    """The gold quotations whose cue stands in `outer`'s content and whose speaker differs."""
    s, e = outer["content"]
    return [q for q in quotes if q is not outer and q.get("cue") and s <= q["cue"][0] and q["cue"][1] <= e
            and not _same(q.get("speaker"), outer.get("speaker"))]


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


def scored(quotes: list[dict]) -> list[dict]:
    """The quotations a scorer counts: all but the relay wrappers."""
    return [q for q in quotes if not q.get("relay")]


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
