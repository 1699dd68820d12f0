"""Quotations left with no speaker (issue 14, nineteenth session): why each has none.

    python eval/survey_speakerless.py unannotated OUT.json [--show]
        # every speakerless quotation of an eval/recall_survey.py run (the unannotated articles),
        # in a class read off its text; --show prints each with its sentence and the two before
    python eval/survey_speakerless.py tune [--show]
        # every tune-gold quotation citata matches with no speaker: the gold's speaker (None is
        # the gold's convention for a source the article does not name) and the same classes
    python eval/survey_speakerless.py convention [--show]
        # how the tune gold writes an impersonal cue's speaker ("Отмечается, что …"): None or a
        # source, by where a source phrase stands (the cue's sentence, the sentence before, nowhere)

The classes (read off the text around the cue, so a reader can check each line):
  lost outlet      a personal cue ("сообщает", "пишет", "передает") with nothing after it on its
                   line, the next sentence glued on, or nothing before it on its line: the source's
                   name went with a stripped link
  impersonal, source before   an impersonal cue ("Отмечается", "сообщалось", "заявлено") whose sentence
                   or the sentence before names a document, a site or an outlet
  impersonal, no source       an impersonal cue and no source named before it
  no cue           a quotation in marks with no attribution
  other            the rest: read them (a subject the search did not take, a name the NER missed)
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

from citata.nlp import morph  # noqa: E402  (the analyser citata uses)
from recall_sample import CORPORA, raw_text  # noqa: E402

# an impersonal cue: a reflexive or passive verb, or a noun of unattributed reports ("появилась информация")
IMPERSONAL = re.compile(r"(ся|сь|но|информация|предположения)$")
# a source phrase in the cue's sentence or the one before: a document, a site, an outlet, a relay
SOURCE = re.compile(r"(говорится|сообщил[аио]?\b|сообщает|сообщают|пишет|передает|передаёт|по данным|"
                    r"по информации|сайт\w*|портал\w*|доклад\w*|документ\w*|сообщени\w+|заявлени\w+|"
                    r"агентств\w+|газет\w+|издани\w+|заметк\w+|письм\w+)", re.I)
SENT_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def _cue_at(text: str, s: int, e: int, cue: str) -> int | None:
    """The cue's offset: its occurrence nearest to the content (the records keep only its text)."""
    hits = [m.start() for m in re.finditer(re.escape(cue), text[max(0, s - 250):e + 250])]
    if not hits:
        return None
    return min((max(0, s - 250) + h for h in hits), key=lambda o: min(abs(o - s), abs(o - e)))


def _sentences_before(text: str, at: int, n: int = 2) -> int:
    """Where the sentence holding `at` and the n before it start."""
    ends = [0]
    for m in SENT_END.finditer(text, 0, at):
        if text[ends[-1]:m.start()].strip():  # a period and a paragraph break close one sentence
            ends.append(m.end())
        else:
            ends[-1] = m.end()
    return ends[-(n + 1)] if len(ends) > n else 0


def _sentence_opens(word: str) -> bool:
    """A capitalised common word (not a name) right after a cue opens the next sentence."""
    if not word[:1].isupper() or not re.match(r"[А-ЯЁ][а-яё]+$", word):
        return False
    p = morph().parse(word.lower())[0]
    return p.is_known and not any(t in p.tag for t in ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"))


def classify(text: str, s: int, e: int, cue: str | None) -> str:
    if cue is None:
        return "no cue"
    at = _cue_at(text, s, e, cue)
    if at is None:
        return "other"
    if IMPERSONAL.search(cue.lower()):
        lo = _sentences_before(text, min(at, s), 1)
        return "impersonal, source before" if SOURCE.search(text[lo:min(at, s)]) else "impersonal, no source"
    after = text[at + len(cue):].split("\n", 1)[0].strip(" \"«»,")
    first = re.match(r"[\w-]*", after).group()
    before = text[:at].rsplit("\n", 1)[-1].strip()
    if not after or _sentence_opens(first) or not before:
        # nothing after the cue, the next sentence glued on, or a cue opening its line: the
        # source's name went with a stripped link
        return "lost outlet"
    return "other"


def _show(text: str, s: int, e: int, label: str, head: str) -> None:
    lo = _sentences_before(text, s, 2)
    print(f"== [{label}] {head}")
    print("   " + text[lo:s].replace("\n", " | ")[-400:] + " ⟦" + text[s:e][:160].replace("\n", " | ") + "⟧ "
          + text[e:e + 80].replace("\n", " | "))


def unannotated(args) -> None:
    data = json.loads(args.survey.read_text(encoding="utf-8"))
    n, total, by = 0, 0, Counter()
    for rel, quotes in data.items():
        text = None
        for q in quotes:
            total += 1
            if q["speaker"] is not None:
                continue
            text = text or raw_text(rel)
            s, e = q["content"]
            label = classify(text, s, e, q["cue"])
            n += 1
            by[(label, q["cue"])] += 1
            if args.show:
                _show(text, s, e, label, f"{rel} {q['type']} cue={q['cue']!r}")
    print(f"{n} of {total} quotations with no speaker")
    for label, k in Counter(lab for lab, _ in by.elements()).most_common():
        cues = ", ".join(f"{c} {m}" for (lab, c), m in by.most_common() if lab == label)
        print(f"  {label}: {k} ({cues})")


def tune(args) -> None:
    from quotes import CORPUS_FILES, checked_path, entries, match, normalise_gold, predict
    by = Counter()
    for entry in entries(CORPUS_FILES, "tune"):
        text, pred = predict(checked_path(entry, CORPORA), entry["file"])
        gold = [normalise_gold(q, text) for q in entry["quotes"]]
        for gi, pi in match(gold, pred):
            p = pred[pi]
            if (p["speaker"] or {}).get("name") is not None:
                continue
            g = gold[gi]
            s, e = p["raw_content"]
            label = classify(text, s, e, p["cue"] and p["cue"]["text"])
            verdict = "gold None too" if g["speaker"] is None else "gold names one"
            by[(verdict, label)] += 1
            if args.show:
                _show(text, s, e, f"{verdict}: {label}", f"{entry['file']} gold {g['speaker']!r} ({g['speaker_kind']}) "
                      f"cue={p['cue'] and p['cue']['text']!r}")
    print(f"{sum(by.values())} tune quotations matched with no speaker")
    for (verdict, label), k in sorted(by.items()):
        print(f"  {verdict}, {label}: {k}")


def convention(args) -> None:
    """How the tune gold writes an impersonal cue's speaker: None or a source, by where a source
    stands (in the cue's own clause, in the sentence before, nowhere)."""
    from quotes import CORPUS_FILES, checked_path, entries
    by = Counter()
    for entry in entries(CORPUS_FILES, "tune"):
        text = None
        for q in entry["quotes"]:
            if not q.get("cue"):
                continue
            text = text or checked_path(entry, CORPORA).read_text(encoding="utf-8")
            a, b = q["cue"]
            if not IMPERSONAL.search(text[a:b].lower()):
                continue
            here = _sentences_before(text, a, 0)
            if q.get("mention") and here <= q["mention"][0] < b + 60:
                where = "source in the cue's sentence"
            elif SOURCE.search(text[_sentences_before(text, a, 1):here]):
                where = "source phrase in the sentence before"
            else:
                where = "no source phrase before"
            named = "gold None" if q["speaker"] is None else "gold names one"
            by[(where, named)] += 1
            if args.show:
                _show(text, *q["content"], f"{where}: {named}", f"{entry['file']} gold {q['speaker']!r} cue={text[a:b]!r}")
    for (where, named), k in sorted(by.items()):
        print(f"  {where}, {named}: {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("unannotated")
    u.add_argument("survey", type=Path)
    u.add_argument("--show", action="store_true")
    t = sub.add_parser("tune")
    t.add_argument("--show", action="store_true")
    c = sub.add_parser("convention")
    c.add_argument("--show", action="store_true")
    args = ap.parse_args()
    {"unannotated": unannotated, "tune": tune, "convention": convention}[args.cmd](args)


if __name__ == "__main__":
    main()
