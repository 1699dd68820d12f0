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
    python eval/survey_speakerless.py run --out FILE [--cache DIR] [--limit N]
    python eval/survey_speakerless.py show FILE [--set U T] [--label LABEL ...]
    python eval/survey_speakerless.py diff OLD NEW
        # (twenty-sixth session) citata run over every raw text of the shared corpora
        # (eval/survey_quotes.py's corpus_texts) but the blind half's, which is skipped unread: one
        # JSON line per quotation, with its speaker and construction (the cue, impersonal or
        # personal, the mention sieve and the mention's words, the resolution step), the parse's
        # subject of the cue, the class below, the cue's sentence and the one before. `show` prints
        # the speakerless ones by class, `diff` every quotation whose speaker changed, came or went

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
from citata.quotes import find, resolve  # noqa: E402
from citata.quotes.syntax import cue_subjects  # noqa: E402
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


def _sentence(view, tok: int) -> tuple[int, int]:
    rng = view.sent_range(view.tok_sent[tok])
    return (view.toks[rng.start].start, view.toks[rng.stop - 1].end) if rng else (0, 0)


def run(args) -> None:
    """Every quotation citata finds over the unannotated and tune articles; a blind article is
    skipped before it is read."""
    from survey_colons import kinds
    from survey_quotes import corpus_texts, view_of
    gold = kinds()
    files = [rel for rel in corpus_texts(args.corpora) if gold.get(rel, "U") != "B"]
    files = files[:args.limit] if args.limit else files
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    out = args.out.open("w", encoding="utf-8")
    for n, rel in enumerate(files):
        view = view_of(args.corpora, rel, args.cache)
        text = view.text
        found = list(find(view))
        quotes = resolve(view, found)
        cued = [f for f in found if f.cue]
        subjects = dict(zip((f.cue[0] for f in cued), cue_subjects(view, cued))) if cued and view.toks else {}
        for q in quotes:
            sp = q.speaker
            cue = text[q.cue.start:q.cue.end] if q.cue else None
            at = q.cue.start if q.cue else q.content.start
            tok = view.tok_index(at) if view.toks else None
            s, e = _sentence(view, tok) if tok is not None else (0, 0)
            ps, pe = _sentence(view, view.sent_range(view.tok_sent[tok] - 1).start) \
                if tok is not None and view.tok_sent[tok] > 0 and view.sent_range(view.tok_sent[tok] - 1) else (0, 0)
            subj = subjects.get(q.cue.start) if q.cue else None
            pv = q.provenance
            out.write(json.dumps({
                "file": rel, "set": gold.get(rel, "U"), "start": q.content.start, "type": q.type,
                "speaker": sp.name if sp and sp.name else None, "cue": cue,
                "cue_kind": None if cue is None else "impersonal" if IMPERSONAL.search(cue.lower()) else "personal",
                "sieve": pv.mention_sieve if pv else None, "mention_words": pv.mention_words if pv else None,
                "step": pv.resolution if pv else None,
                "parse_subject": text[subj[1]:subj[2]] if subj else None,
                "label": classify(text, q.content.start, q.content.end, cue),
                "content": text[q.content.start:q.content.end][:200].replace("\n", " / "),
                "before": text[ps:pe][-400:].replace("\n", " / "), "sentence": text[s:e][:500].replace("\n", " / "),
            }, ensure_ascii=False) + "\n")
        if n % 50 == 0:
            print(f"{n}/{len(files)}", file=sys.stderr)


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _line(r: dict) -> str:
    return (f"== [{r['set']}] {r['file']} @{r['start']} {r['type']} cue={r['cue']!r} ({r['cue_kind']}) "
            f"sieve={r['sieve']} mention={r['mention_words']!r} step={r['step']} parse={r['parse_subject']!r} "
            f"speaker={r['speaker']!r}\n   before: {r['before'][-250:]}\n   here:   {r['sentence'][:350]}")


def show(args) -> None:
    rows = [r for r in _load(args.file) if r["speaker"] is None and r["set"] in args.set]
    by = Counter((r["set"], r["label"]) for r in rows)
    per = Counter(r["set"] for r in rows)
    print(f"{len(rows)} speakerless quotations ({', '.join(f'{k} {per[k]}' for k in args.set)})")
    for (kind, label), k in sorted(by.items()):
        print(f"  [{kind}] {label}: {k}")
    for r in rows:
        if not args.label or r["label"] in args.label:
            print(_line(r))


def diff(args) -> None:
    old, new = ({(r["file"], r["start"]): r for r in _load(p)} for p in (args.old, args.new))
    moved = [k for k in sorted(old.keys() | new.keys())
             if (old.get(k) or {}).get("speaker") != (new.get(k) or {}).get("speaker")]
    print(f"{len(moved)} quotations changed speaker or came or went")
    for k in moved:
        x, y = old.get(k), new.get(k)
        print(f"{(x or {}).get('speaker', '(absent)')!r} -> {(y or {}).get('speaker', '(absent)')!r}")
        print(_line(y or x))


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
    r = sub.add_parser("run")
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--corpora", type=Path, default=CORPORA)
    r.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    r.add_argument("--limit", type=int, default=0)
    sh = sub.add_parser("show")
    sh.add_argument("file", type=Path)
    sh.add_argument("--set", nargs="*", default=["U", "T"], choices=["U", "T"])
    sh.add_argument("--label", nargs="*", default=[])
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    args = ap.parse_args()
    {"unannotated": unannotated, "tune": tune, "convention": convention, "run": run, "show": show,
     "diff": diff}[args.cmd](args)


if __name__ == "__main__":
    main()
