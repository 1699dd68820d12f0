"""The gold's convention for an outlet named in a quotation's sentence (issue 14, twenty-seventh
session, wt-relay27): is the outlet the speaker, or only the relay of a report with its own source?

    python eval/outlet_roles.py [--list] [--cell ROLE]     # tune half only
    python eval/outlet_roles.py --rows FILE [--list]        # U rows of a survey_speaker_forms.py cache

For every tune gold quotation (relay wrappers eval/gold_relays.py marks included, flagged) whose cue
sentence names an outlet (`citata.quotes.filters.is_press` on the sentence's quoted names,
capitalised runs, media noun + name and the press at large), the outlet's role in the sentence —

  as-clause     "как сообщает / пишет / передает X"
  relay verb    "…, передает / пишет / сообщает X" (a relay verb right before the outlet, no "как")
  citing        "со ссылкой на X"
  by-data       "по данным / по сведениям / по информации / по сообщению X", "согласно X"
  told          the outlet spoken to: "в интервью X", "в беседе с X", "заявил X, что" (dative)
  staff         "корреспондент / репортер / источник X"
  subject       the outlet stands before the cue, as its subject ("X сообщила, что")
  other         named elsewhere in the sentence

— the gold's choice (the outlet itself, or another source) and citata's (the same as the gold, the
outlet, another source, none, or not found), counted per (role, gold choice) cell. --rows counts the
same roles over the unannotated (U) rows of a prediction cache, by whether citata named the outlet.
Blind articles are never read here.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import quotes as Q  # noqa: E402
from citata.quotes.filters import is_press  # noqa: E402
from citata import lexicons as lex  # noqa: E402

ROLES = ("as-clause", "relay verb", "citing", "by-data", "told", "staff", "subject", "other")
_RELAY = r"(?:сообща\w*|сообщил\w*|переда[её]т|передают|передал\w*|пиш[еу]т|писал\w*|написал\w*|отмеча\w*|информиру\w*)"
_BEFORE = (
    ("as-clause", re.compile(rf"\bкак\s+(?:уже\s+|ранее\s+)?{_RELAY}\s+(?:\w+\s+){{0,3}}$", re.I)),
    ("citing", re.compile(r"\bсо\s+ссылкой\s+на\s+(?:\w+\s+){0,3}$", re.I)),
    ("by-data", re.compile(r"\b(?:по\s+(?:данным|сведениям|информации|сообщению|сообщениям|словам|мнению)|согласно)\s+(?:\w+\s+){0,3}$", re.I)),
    ("told", re.compile(r"\b(?:в\s+интервью|в\s+беседе\s+с|в\s+эфире|в\s+разговоре\s+с)\s+(?:\w+\s+){0,2}$", re.I)),
    ("staff", re.compile(r"\b(?:корреспондент\w*|репортер\w*|репортёр\w*|журналист\w*|источник\w*|собеседник\w*|обозревател\w*|редакци\w*)\s+$", re.I)),
    ("relay verb", re.compile(rf"\b{_RELAY}\s+(?:\w+\s+){{0,2}}$", re.I)),
)
_QUOTED = re.compile(r"[«\"“]([^«»\"“”\n]{2,40})[»\"”]")
_CAPS = re.compile(r"(?<![\w-])(?:[A-ZА-ЯЁ][\w&.\-]*)(?:\s+(?:[A-ZА-ЯЁ][\w&.\-]*|of|the|de))*")
_SENT_END = re.compile(r"[.!?…]\s+(?=[«\"“—–-]?\s*[A-ZА-ЯЁ])|\n")


def sentence(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENT_END.finditer(text, 0, at)]
    s = starts[-1] if starts else 0
    m = _SENT_END.search(text, at)
    return s, (m.start() + 1 if m else len(text))


def outlets(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The outlets a stretch of text names: (start, end, name)."""
    out = []
    seg = text[s:e]
    media_nouns = lex.media_nouns()
    for m in _QUOTED.finditer(seg):
        name = m.group(1).strip()
        before = seg[max(0, m.start() - 25):m.start()].split()
        head = before[-1].lower() if before else None
        if is_press(name) or (head and any(head.startswith(n[:-1]) for n in media_nouns if len(n) > 4)):
            out.append((s + m.start(), s + m.end(), name))
    for m in _CAPS.finditer(seg):
        words = m.group(0).split()
        # the longest run of the words that is an outlet
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j]).strip(".")
                if is_press(name) or name.rstrip("а").rstrip("у") in lex.media_names():
                    a = s + m.start() + m.group(0).find(name)
                    if not any(a < oe and a + len(name) > os_ for os_, oe, _ in out):
                        out.append((a, a + len(name), name))
                    break
            else:
                continue
            break
    for m in re.finditer(r"\b(?:издани|газет|агентств|телеканал|канал|портал|журнал|таблоид)\w*\s+([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*)", seg):
        a = s + m.start(1)
        if not any(os_ <= a < oe for os_, oe, _ in out):
            out.append((a, s + m.end(1), m.group(1)))
    for m in re.finditer(rf"\b{_RELAY}\s*[\"«“]?\s*\n", seg):
        a = s + m.end()
        out.append((a - 1, a, "(lost link)"))
    for w in re.finditer(r"\b(?:СМИ|пресс[аеы]|медиа|таблоид\w*)\b", seg):
        a = s + w.start()
        if not any(os_ <= a < oe for os_, oe, _ in out):
            out.append((a, s + w.end(), w.group(0)))
    return sorted(out)


_CITING = re.compile(r"\b(?:со\s+ссылкой|ссылаясь(?:\s+\w+){0,3})\s+на\b", re.I)


def role(text: str, s: int, o: tuple[int, int, str], cue: tuple[int, int] | None) -> str:
    before = text[s:o[0]]
    if _CITING.search(text[o[1]:o[1] + 80]):
        return "citing"  # "передает X со ссылкой на Y", "пишет X, ссылаясь на Y"
    for name, pat in _BEFORE:
        if pat.search(before[-60:]):
            return name
    if cue and o[1] <= cue[0] and not re.search(r"[,;:«»]", text[o[1]:cue[0]]) and cue[0] - o[1] < 40:
        return "subject"
    return "other"


def same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    aw, bw = Q._words(a), Q._words(b)
    return Q._covers(aw, bw) or Q._covers(bw, aw)


def is_outlet(name: str | None, o: str) -> bool:
    return bool(name) and (same(name, o) or is_press(name, name.split()[0].lower()))


def tune_cases() -> list[dict]:
    corpora = Q.ROOT.parent / "shared" / "corpora"
    if not corpora.exists():
        corpora = Path("/work/shared/corpora")
    cases = []
    for name in Q.CORPUS_FILES:
        path = Q.GOLD / name
        if not path.exists():
            continue
        for entry in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            if Q.half(entry) != "tune":
                continue
            text, pred = Q.predict(Q.checked_path(entry, corpora), entry["file"])
            gold = [Q.normalise_gold(g, text) for g in entry["quotes"] if not g.get("copy")]
            pairs = dict(Q.match(gold, pred))
            for gi, g in enumerate(gold):
                at = (g.get("cue") or g["content"])[0]
                s, e = sentence(text, at)
                cue = tuple(g["cue"]) if g.get("cue") else None
                found = [o for o in outlets(text, s, e)
                         if not (g["content"][0] <= o[0] < g["content"][1] and (cue is None or not g["content"][0] <= cue[0] < g["content"][1]))]
                if not found:
                    continue
                # the outlet nearest the cue
                o = min(found, key=lambda o: abs(o[0] - (cue[0] if cue else at)))
                p = pred[pairs[gi]] if gi in pairs else None
                got = (p["speaker"] or {}).get("name") if p and p.get("speaker") else None
                gold_choice = "outlet" if is_outlet(g["speaker"], o[2]) else "own source"
                if p is None:
                    mine = "not found"
                elif Q.speaker_right(g, p["speaker"], Q.glossed_names(text)):
                    mine = "right"
                elif got is None:
                    mine = "none"
                elif is_outlet(got, o[2]):
                    mine = "outlet"
                else:
                    mine = "other"
                cases.append({"file": entry["file"], "role": role(text, s, o, cue), "outlet": o[2],
                              "gold": g["speaker"], "gold_choice": gold_choice, "relay": bool(g.get("relay")),
                              "got": got, "mine": mine, "sentence": " ".join(text[s:e].split())})
    return cases


def print_cells(cases: list[dict], show_list: bool, cell: str | None) -> None:
    cells = defaultdict(Counter)
    for c in cases:
        key = (c["role"], "relay wrapper (unscored)" if c["relay"] else c["gold_choice"])
        cells[key][c["mine"]] += 1
    print("| outlet's role | gold's choice | tune cases | citata right | citata: outlet | citata: other | none | not found |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in ROLES:
        for gc in ("outlet", "own source", "relay wrapper (unscored)"):
            k = cells.get((r, gc))
            if k:
                print(f"| {r} | {gc} | {sum(k.values())} | {k['right']} | {k['outlet']} | {k['other']} | {k['none']} | {k['not found']} |")
    if show_list:
        for c in sorted(cases, key=lambda c: (ROLES.index(c["role"]), c["gold_choice"], c["file"])):
            if cell and c["role"] != cell:
                continue
            print(f"\n[{c['role']} / gold {c['gold_choice']}{' / RELAY' if c['relay'] else ''} / citata {c['mine']}] "
                  f"{c['file']}\n  outlet {c['outlet']!r}; gold {c['gold']!r}; got {c['got']!r}\n  {c['sentence'][:400]}")


def unannotated(path: Path, show_list: bool, cell: str | None) -> None:
    cells = defaultdict(Counter)
    listed = []
    for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        if r.get("set") != "U" or not r.get("sentence"):
            continue
        text = r["sentence"]
        found = outlets(text, 0, len(text))
        if not found:
            continue
        m = text.find(r["mention"]) if r.get("mention") else -1
        o = min(found, key=lambda o: abs(o[0] - m)) if m >= 0 else found[0]
        choice = "outlet" if is_outlet(r["speaker"], o[2]) else "own source"
        rl = role(text, 0, o, None)
        cells[rl][choice] += 1
        listed.append((rl, choice, r, o))
    print("| outlet's role | citata: the outlet | citata: another source |")
    print("|---|---:|---:|")
    for rl in ROLES:
        if cells[rl]:
            print(f"| {rl} | {cells[rl]['outlet']} | {cells[rl]['own source']} |")
    if show_list:
        for rl, choice, r, o in sorted(listed, key=lambda x: ROLES.index(x[0])):
            if cell and rl != cell:
                continue
            print(f"\n[{rl} / citata {choice}] {r['file']} outlet {o[2]!r}; speaker {r['speaker']!r} ({r['step']})\n  {r['sentence'][:300]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="every case, not only the table")
    ap.add_argument("--cell", help="with --list: this role only")
    ap.add_argument("--rows", type=Path, help="a survey_speaker_forms.py cache: count its U rows")
    a = ap.parse_args()
    if a.rows:
        unannotated(a.rows, a.list, a.cell)
    else:
        print_cells(tune_cases(), a.list, a.cell)


if __name__ == "__main__":
    main()
