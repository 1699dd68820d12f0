"""Speaker strings a reader would see as broken, over every raw text of the shared corpora (issue 14,
twenty-fifth session, wt-forms25): a speaker is what a journalist reads in the archive, and some come
out malformed ("13:54 REGNUM", "87-летнего политик", "Жители второго").

    python eval/survey_speaker_forms.py run [--cache DIR] [--out FILE] [--limit N]
    python eval/survey_speaker_forms.py show FILE [--show REASON ...]
    python eval/survey_speaker_forms.py diff OLD NEW

`run` runs citata over every text (BSNLP raw pages of every topic, covid-19 pages, FactRuEval's
devset; eval/survey_quotes.py's `corpus_texts`) and writes one JSON line per quotation with a
speaker and its role, the mention, the article's kind (U unannotated, T tune, B blind) and, but
for a blind article, the resolution step and the cue's sentence: the prediction cache `show` and
`diff` read, flagging each speaker and role anew (`reasons`), so the flags are refined without
running citata again. A blind article's rows are never printed, only counted. --cache keeps each
article's NER analysis.

`show` prints the places and articles per reason and kind, then every flagged row of the
unannotated and tune articles (--show: those reasons only). `diff` prints the counts before → after
and every unannotated or tune row whose speaker, role or reasons changed.

The reasons (a speaker string is flagged by what it shows, not by whether it is the right person):
  time             a clock time or a date's digits inside ("13:54 REGNUM")
  digits           other digits inside, not a word that carries them (G7, COVID-19, Ту-154, B737:
                   capitals with their digits, or glued by a hyphen; "87-летний"; a name the mention
                   quotes, телеканал "360"); a role's digits are its body's number ("ГКБ 67")
  agreement broken the normal form breaks what agreed in the mention, or changes the complement of
                   a head that agrees with nothing after it ("уполномоченные профсоюзов" ->
                   "уполномоченные профсоюзы")
  disagreement     an adjective or participle before its head noun in another case, number or
                   gender ("87-летнего политик")
  cut              the phrase ends in an adjective, ordinal, numeral, preposition or conjunction: cut
                   before its head ("Жители второго")
  pronoun          the speaker is a personal, demonstrative or relative pronoun ("он", "который",
                   "те"; not an indefinite group, "многие", "некоторые", which the gold keeps)
  punctuation      leading or trailing punctuation or quotation marks, or quotation marks unbalanced
  mixed script     a word spelt in Cyrillic and Latin letters at once
  number           a role's head noun in the singular while the mention's head is plural, or the
                   other way ("представители" → "представитель")
  gender           a role's head noun masculine while the mention's is feminine ("журналистка" →
                   "журналист")
  case             a speaker's first word (a name or role, not an abbreviation) with no nominative
                   reading ("Путина", "главы МИД")
  long             more than 10 words: a clause taken for a name
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.names import split_words  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.quotes import find, resolve  # noqa: E402
from recall_sample import CORPORA  # noqa: E402
from survey_colons import kinds  # noqa: E402
from survey_quotes import surveyed_texts, view_of  # noqa: E402

TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:19|20)\d{2}\b")
# a word that carries its digits: G7, G20, COVID-19, Ту-154, B737, "5G" (one word of capitals or a
# hyphen before or after the digits), a compound adjective ("87-летний")
DIGIT_NAME = re.compile(r"^(?:\d+-[а-яё]+|[A-ZА-ЯЁ][\w]*-?\d+[A-Za-z]?|\d+[A-ZА-ЯЁ]+|[A-ZА-ЯЁ]{2,}[\w-]*-\d+)$")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
EDGE = "«»\"“”„',.;:!?()[]—–-/*•|"
QUOTES = "«»\"“”„"
# (an indefinite group, "Многие считают", "Некоторые полагают", is a speaker as the gold writes it)
PRONOUNS = frozenset(("он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей", "им", "я", "мы", "ты",
                      "вы", "который", "которая", "которое", "которые", "кто", "что", "тот", "та", "те", "то",
                      "это", "этот", "эта", "эти", "сам", "сама", "сами", "себя", "кто-то", "некто", "никто"))
CUT_POS = frozenset(("ADJF", "PRTF", "NUMR", "PREP", "CONJ", "PRCL", "ADJS", "COMP"))


def readings(word: str):
    return parse(word) if word else []


def head_noun(words: list[str]):
    """(index, parses) of the phrase's first noun after its leading adjectives, or None."""
    for k, w in enumerate(words):
        ps = readings(w)
        if not ps:
            return None
        pos = ps[0].tag.POS
        if pos == "NOUN":
            return k, ps
        if pos not in ("ADJF", "PRTF", "NUMR") and not (w[0].isdigit() and "-" in w):
            return None
    return None


def agrees(adj, noun, heads=("NOUN",)) -> bool:
    """Does one of the modifier's readings agree with one of the noun's (or, `heads`, another word's
    of those parts of speech) in case, number and gender?"""
    for a in adj:
        if a.tag.POS not in ("ADJF", "PRTF"):
            continue
        for n in noun:
            if n.tag.POS not in heads or a.tag.case != n.tag.case:
                continue
            num = n.tag.number or "sing"
            if (a.tag.number or "sing") != num and "Pltm" not in n.tag and "Sgtm" not in n.tag:
                continue
            if num == "sing" and n.tag.gender and a.tag.gender and a.tag.gender != n.tag.gender \
                    and "ms-f" not in n.tag and "GNdr" not in a.tag:
                continue
            return True
    return False


def same_words(mw: list[str], sw: list[str]) -> bool:
    """Is the speaker the mention's words put in another form (not a name it was resolved to)?"""
    return len(mw) == len(sw) and mw != sw and all(a[:3].lower() == b[:3].lower() for a, b in zip(mw, sw))


def complement_changed(text: str, mention: str) -> bool:
    """Did normalising change a word at or past the mention's first noun although the modifiers
    before that noun cannot all agree with it ("уполномоченные бюджетной авиакомпании" ->
    "… бюджетные авиакомпании")? Then the first word is the head, the rest its complement."""
    mw, sw = split_words(mention), split_words(text)
    if not same_words(mw, sw):
        return False
    hn = head_noun(mw)
    if not hn or hn[0] < 1:
        return False
    k, nps = hn
    mods = [readings(w) for w in mw[:k]]
    if not all(m and m[0].tag.POS in ("ADJF", "PRTF") for m in mods):
        return False
    joint = any(all(agrees(m, [n]) for m in mods) for n in nps if n.tag.POS == "NOUN")
    return not joint and mw[1:] != sw[1:]


def agreement_broken(text: str, mention: str) -> bool:
    """Does a modifier that agrees with the word after it in the mention (or with the word after
    "и": "Всемирной продовольственной и сельскохозяйственной организации") agree with it no more in
    the normal form ("… продовольственная и сельскохозяйственной организации")?"""
    mw, sw = split_words(mention), split_words(text)
    if not same_words(mw, sw):
        return False
    pos = ("NOUN", "ADJF", "PRTF")
    for i, w in enumerate(mw[:-1]):
        j = i + 2 if mw[i + 1] == "и" and i + 2 < len(mw) else i + 1
        pair = (readings(w), readings(mw[j]))
        if w.islower() and pair[0] and pair[0][0].tag.POS in ("ADJF", "PRTF") and agrees(*pair, pos) \
                and not agrees(readings(sw[i]), readings(sw[j]), pos):
            return True
    return False


def balanced(s: str) -> bool:
    """Is every quotation mark and parenthesis paired ("„" closes with "“" or "”")?"""
    return s.count("«") == s.count("»") and s.count('"') % 2 == 0 and s.count("(") == s.count(")") \
        and s.count("„") <= s.count("“") + s.count("”")


def edge_junk(s: str) -> bool:
    """Punctuation or quotation marks at an end that no pair inside the string accounts for."""
    s = s.strip()
    if not s:
        return False
    if not balanced(s):
        return True
    lead = s[0] in EDGE and not (s[0] in QUOTES + "(" and len(s) > 1)
    trail = s[-1] in EDGE and not (s[-1] in QUOTES + ")" and len(s) > 1)
    return lead or trail


def form_reasons(text: str, kind: str | None, mention: str | None, role: bool = False) -> list[str]:
    """The shapes of a speaker's (or, `role`, a role's) string no correct one has (see the module's
    docstring)."""
    out = []
    words = split_words(text)
    # a name the mention quotes is as written, digits and all: телеканал "360"
    quoted = bool(mention and re.search(r'[«"„“]' + re.escape(text) + r'[»"“”]', mention))
    # (split at spaces: a word's hyphen keeps its digits, "87-летний", "COVID-19")
    digit_words = [w.strip(EDGE) for w in text.split() if any(c.isdigit() for c in w)]
    if TIME.search(text):
        out.append("time")
    elif not role and digit_words and not all(DIGIT_NAME.match(w) for w in digit_words) and not quoted:
        out.append("digits")  # a role's digits are a number of its body's: "главный врач ГКБ 67", "№15"
    low = [w.lower() for w in words]
    spaced = [w.strip(EDGE) for w in text.split() if w.strip(EDGE)]  # "87-летнего" one word
    hn = head_noun(spaced)
    if hn:
        k, nps = hn
        modifiers = [w for w in spaced[:k] if (w.islower() or w[0].isdigit() and "-" in w)
                     and readings(w) and readings(w)[0].tag.POS in ("ADJF", "PRTF")]
        # (nominative modifiers before a noun that reads as a genitive or instrumental are a
        # substantivised head and its complement: "уполномоченные профсоюзов", "заведующая поликлиникой")
        complement = any(p.tag.case in ("gent", "ablt") for p in nps) and \
            all(any(p.tag.case == "nomn" for p in readings(w)) for w in modifiers)
        if any(not agrees(readings(w), nps) for w in modifiers) and not complement:
            out.append("disagreement")
    if spaced:
        end = spaced[-1]
        last = readings(end)
        after_preposition = len(spaced) > 1 and readings(spaced[-2]) and readings(spaced[-2])[0].tag.POS == "PREP"
        if last and not quoted and not end[:1].isupper() and last[0].tag.POS != "NOUN" \
                and (last[0].tag.POS in CUT_POS or end.isdigit() and not role) \
                and not (after_preposition and last[0].tag.POS in ("ADJF", "PRTF")):
            out.append("cut")  # (a participle after "из" is its noun: "один из протестующих")
        if len(words) == 1 and low[0] in PRONOUNS:
            out.append("pronoun")
    if edge_junk(text):
        out.append("punctuation")
    if any(LATIN.search(w) and CYRILLIC.search(w) for w in words):
        out.append("mixed script")
    # an outlet's dateline glued to the phrase: "REGNUM Лидер пакистанской партии"
    if any(re.fullmatch(r"[A-Z]{3,}", w) and words[i + 1][0].isupper() and readings(words[i + 1])
           and readings(words[i + 1])[0].is_known and readings(words[i + 1])[0].tag.POS == "NOUN"
           for i, w in enumerate(words[:-1])):
        out.append("dateline")
    if role and not any(p.tag.POS == "NOUN" or "Abbr" in p.tag or p.normal_form in lex.role_nouns()
                        for w in words for p in readings(w)[:2]):
        out.append("no noun")  # "сама", "испуганная": a word before a name that names no role
    if mention and (complement_changed(text, mention) or agreement_broken(text, mention)):
        out.append("agreement broken")
    if not role and mention and kind != "organization" and words and not words[0][:1].isupper():
        mh = head_noun(split_words(mention))
        if hn and mh:
            nom = [p for p in hn[1] if p.tag.case == "nomn"] or hn[1][:1]
            ment = mh[1]
            if nom[0].normal_form == ment[0].normal_form:
                if not {p.tag.number for p in nom} & {p.tag.number for p in ment if p.normal_form == nom[0].normal_form}:
                    out.append("number")
            elif ment[0].tag.gender == "femn" and nom[0].tag.gender == "masc" and ment[0].tag.number == "sing" and \
                    ment[0].normal_form.startswith(nom[0].normal_form):
                out.append("gender")
    if not role and words and not words[0].isupper() and words[0][0].isalpha() and not any(c.isdigit() for c in words[0]):
        ps = readings(words[0])
        if ps and ps[0].tag.POS in ("NOUN", "ADJF", "PRTF") and ps[0].is_known and \
                not any(p.tag.case in ("nomn", None) or "Fixd" in p.tag for p in ps) \
                and not (len(words) > 1 and words[0][0].isupper() and words[1][0].isupper()):
            out.append("case")
    if len(words) > 10:
        out.append("long")
    return out


def reasons(row: dict) -> list[str]:
    """A row's reasons: its speaker's, then its role's prefixed "role: "."""
    out = form_reasons(row["speaker"], row["kind"], row["mention"])
    if row.get("role"):
        out += [f"role: {why}" for why in form_reasons(row["role"], None, None, role=True)]
    return out


def run(args) -> None:
    gold = kinds()
    files = surveyed_texts(args, args.corpora)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for n, rel in enumerate(files):
        kind = gold.get(rel, "U")
        view = view_of(args.corpora, rel, args.cache)
        text = view.text
        for q in resolve(view, list(find(view))):
            sp = q.speaker
            if not sp or not sp.name:
                continue
            row = {"file": rel, "set": kind, "start": q.content.start, "speaker": sp.name, "kind": sp.kind,
                   "role": sp.role, "mention": sp.mention.text if sp.mention else None}
            if kind != "B":  # a blind article's rows are counted, never shown: no sentence kept
                si = view.tok_sent[view.tok_index(q.cue.start if q.cue else q.content.start)] if view.toks else 0
                rng = view.sent_range(si)
                s, e = (view.toks[rng.start].start, view.toks[rng.stop - 1].end) if rng else (0, 0)
                pv = q.provenance
                row.update({"step": pv.resolution if pv else None, "sentence": text[s:e][:500].replace("\n", " / ")})
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        if n % 50 == 0:
            print(f"{n}/{len(files)}", file=sys.stderr)


def load(path: Path) -> list[dict]:
    """The rows of a `run`, each flagged anew (the flags change without running citata again)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for r in rows:
        r["reasons"] = reasons(r)
    return rows


def table(rows: list[dict]) -> dict[str, tuple[Counter, dict]]:
    places: dict = defaultdict(Counter)
    docs: dict = defaultdict(lambda: defaultdict(set))
    for r in rows:
        for why in r["reasons"]:
            places[why][r["set"]] += 1
            docs[why][r["set"]].add(r["file"])
    return {why: (places[why], docs[why]) for why in places}


def print_table(rows: list[dict]) -> None:
    print(f"{len(rows)} quotations with a speaker ({sum(r['set'] == 'U' for r in rows)} unannotated, "
          f"{sum(r['set'] == 'T' for r in rows)} tune, {sum(r['set'] == 'B' for r in rows)} blind)\n")
    print("| reason | places | unannotated (articles) | tune (articles) | blind (articles) |\n|---|---:|---:|---:|---:|")
    for why, (c, d) in sorted(table(rows).items(), key=lambda kv: -sum(kv[1][0].values())):
        print(f"| {why} | {sum(c.values())} | " + " | ".join(f"{c[k]} ({len(d[k])})" for k in "UTB") + " |")


def line(r: dict) -> str:
    return (f"  [{r['set']}] {r['file']} @{r['start']}: {r['speaker']!r} ({r['kind']}) mention={r['mention']!r} "
            f"role={r['role']!r} step={r['step']} {r['reasons']}\n      {r['sentence'][:300]}")


def show(args) -> None:
    rows = load(args.file)
    print_table(rows)
    for why in sorted({w for r in rows for w in r["reasons"]}):
        if args.show and why not in args.show:
            continue
        print(f"\n### {why}")
        for r in rows:
            if why in r["reasons"] and r["set"] != "B":
                print(line(r))


def diff(args) -> None:
    old, new = load(args.old), load(args.new)
    before, after = table(old), table(new)
    print("| reason | unannotated before → after | tune | blind |\n|---|---|---|---|")
    for why in sorted(set(before) | set(after)):
        b = before.get(why, (Counter(), {}))[0]
        a = after.get(why, (Counter(), {}))[0]
        print(f"| {why} | " + " | ".join(f"{b[k]} → {a[k]}" for k in "UTB") + " |")
    o = {(r["file"], r["start"]): r for r in old if r["set"] != "B"}
    n = {(r["file"], r["start"]): r for r in new if r["set"] != "B"}
    moved = 0
    for key in sorted(set(o) | set(n)):
        x, y = o.get(key), n.get(key)
        if x and y and (x["speaker"], x["role"], x["reasons"]) == (y["speaker"], y["role"], y["reasons"]):
            continue
        moved += 1
        print(f"#### [{(x or y)['set']}] {key[0]} @{key[1]}\n  {(y or x)['sentence'][:300]}")
        for tag, r in (("-", x), ("+", y)):
            if r:
                print(f"  {tag} {r['speaker']!r} ({r['kind']}) role={r['role']!r} mention={r['mention']!r} {r['reasons']}")
    print(f"{moved} unannotated or tune rows moved")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--corpora", type=Path, default=CORPORA)
    r.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    r.add_argument("--out", type=Path)
    r.add_argument("--limit", type=int, default=0, help="first N texts only")
    s = sub.add_parser("show")
    s.add_argument("file", type=Path)
    s.add_argument("--show", nargs="*", default=[])
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    args = ap.parse_args()
    {"run": run, "show": show, "diff": diff}[args.cmd](args)


if __name__ == "__main__":
    main()
