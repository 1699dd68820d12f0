"""Count a document referred back to as a quotation's source (issue 14), over every raw text of
the shared corpora (`survey_quotes.corpus_texts`, gold articles included), with what citata gives
(eighteenth session, wt-doc14; docs/evaluation.md):

    python eval/survey_documents.py [--corpora ../shared/corpora] [--limit N] [--context 300]

Three constructions, each a place in the raw text:
- pronoun: a pronoun in the locative or dative standing for a document, before a cue ("В нем
  указано, что", "в ней говорится", "Согласно ему,");
- bare: a document or site noun with no owner after it, before a cue or after "согласно"
  ("Согласно документу,", "В документе говорится", "говорится в документе.", "В официальном
  заявлении напоминают"): "bare" for a generic noun (citata/data/generic_document_nouns.txt),
  "bare, specific" for any other ("В заявлении уточняется");
- owned: a document or site in the locative with words after it (its owner, mostly) and an
  impersonal or third-plural cue within six words ("В заявлении Даунинг-стрит говорится").
For each: the quotation citata finds right after the cue (its speaker and mention), and the
nearest document noun phrase before the place outside quotation marks, within 1500 characters,
of agreeing gender and number for a pronoun, with up to four words after it (its owner, when
it has one) — to read by hand against the text printed around the place.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402
from survey_quotes import corpus_texts  # noqa: E402

WORD = r"[А-ЯЁа-яёA-Za-z0-9.&-]+"
PRONOUN = re.compile(r"\b(?:[Вв]\s+(нем|нём|ней|них)|[Сс]огласно\s+(ему|ей|им))\b")
CUE_WINDOW = 6  # words between the phrase and its cue ("В нем, в частности, указано")


def forms(lemmas, cases: tuple[str, ...]) -> dict[str, tuple[str, str, str]]:
    """Every form of the lemmas in the cases -> (lemma, gender, number)."""
    out = {}
    for lemma in lemmas:
        p = next((p for p in morph().parse(lemma) if p.normal_form == lemma and p.tag.POS == "NOUN"), None)
        if p is None:
            continue
        for lx in p.lexeme:
            if lx.tag.case in cases:
                out[lx.word.replace("ё", "е")] = (lemma, lx.tag.gender or p.tag.gender, lx.tag.number)
    return out


def is_cue(word: str) -> bool:
    """An impersonal cue ("говорится", "указано") or a speech verb in the third person plural
    ("напоминают", "отмечали")."""
    w = word.lower().replace("ё", "е")
    if w in lex.impersonal_cues():
        return True
    if w not in lex.speech_verbs():
        return False
    return any(p.tag.POS == "VERB" and p.tag.number == "plur" and p.tag.person in ("3per", None)
               for p in morph().parse(w)[:2])


def cue_after(text: str, end: int) -> re.Match | None:
    """The first cue word within CUE_WINDOW words after `end`, in the same sentence."""
    for k, m in enumerate(re.finditer(WORD, text[end:end + 200])):
        if k >= CUE_WINDOW or re.search(r"[.!?](?:\s|$)|\n", text[end:end + m.start()]):  # ("mos.ru": no end)
            return None
        if is_cue(m.group()):
            return m
    return None


def quoted_at(text: str, i: int) -> bool:
    """Inside «…» (the marks before i unbalanced in its paragraph)."""
    para = text.rfind("\n", 0, i) + 1
    return text.count("«", para, i) > text.count("»", para, i)


def antecedent(text: str, at: int, doc_forms: dict, want: tuple[str, str] | None) -> str | None:
    """The nearest document noun before `at` (within 1500 characters, outside quotations) with up
    to four words after it; `want`: the (gender, number) a pronoun asks for."""
    lo = max(0, at - 1500)
    for m in reversed(list(re.finditer(r"[А-ЯЁа-яё-]+", text[lo:at]))):
        w = m.group().lower().replace("ё", "е")
        if w not in doc_forms or quoted_at(text, lo + m.start()):
            continue
        _, gender, number = doc_forms[w]
        if want is not None and (number, {"neut": "masc"}.get(gender, gender) if number == "sing" else None) != want:
            continue
        tail = " ".join(re.findall(WORD, text[lo + m.end():lo + m.end() + 80])[:4])
        return f"{m.group()} {tail}"
    return None


def places(text: str, loct: dict, dative: dict, generic: set) -> list[tuple[str, int, int, tuple | None]]:
    """(construction, start, end of the phrase, the pronoun's (gender, number)) in the text."""
    out = []
    for m in PRONOUN.finditer(text):
        w = (m.group(1) or m.group(2)).replace("ё", "е")
        want = {"нем": ("sing", "masc"), "ему": ("sing", "masc"), "ней": ("sing", "femn"), "ей": ("sing", "femn"),
                "них": ("plur", None), "им": ("plur", None)}[w]  # masc: neuter too ("заявление … В нем")
        if m.group(1) and cue_after(text, m.end()) is None:
            continue
        if m.group(2) and not re.match(r"\s*,", text[m.end():]):
            continue  # "согласно им же": a comma follows a bare "согласно ему,"
        out.append(("pronoun", m.start(), m.end(), want))
    for m in re.finditer(r"\b(?:([Вв]|[Нн]а)\s+((?:[а-яё]+(?:ом|ем|ой|ей|ых|их)\s+){0,3})|([Сс]огласно)\s+)([А-ЯЁа-яё-]+)",
                         text):
        word = m.group(4).lower().replace("ё", "е")
        bare_after = re.match(r"\s*(?:[,.:;]|\s(?:говорится|указано|сказано|отмечается|сообщается|также|уточняется"
                              r"|подчеркивается|утверждается|приводятся|напоминают|отмечают|пишут|указывается))",
                              text[m.end():])
        if m.group(3):
            if word in dative and re.match(r"\s*,", text[m.end():]):
                out.append(("bare" if word in generic else "bare, specific", m.start(), m.end(), None))
            continue
        if word not in loct:
            continue
        if cue_after(text, m.end()) is None:
            continue
        if bare_after:
            out.append(("bare" if word in generic else "bare, specific", m.start(), m.end(), None))
        else:
            out.append(("owned", m.start(), m.end(), None))
    # "говорится в документе.": the cue before a bare generic noun
    for m in re.finditer(r"\b(говорится|указано|сказано|отмечается|подчеркивается|сообщается)\s+в\s+([а-яё]+)\s*[.,]",
                         text):
        if m.group(2).replace("ё", "е") in generic:
            out.append(("bare", m.start(), m.end(), None))
    return sorted(set(out), key=lambda x: x[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--context", type=int, default=300, help="characters printed before each place")
    args = ap.parse_args()
    from quotes import predict
    docs = lex.document_nouns() | lex.site_nouns()
    loct = forms(docs, ("loct",))  # not loc2: "на посту" is a post held, not one published
    dative = forms(docs, ("datv",))
    generic = set(forms(lex.generic_document_nouns(), ("loct", "datv")))
    doc_forms = forms(lex.document_nouns(), ("nomn", "gent", "datv", "accs", "ablt", "loct"))
    files = corpus_texts(args.corpora)
    files = files[:args.limit] if args.limit else files
    tally, outcome, with_text = Counter(), Counter(), Counter()
    for rel in files:
        raw = (args.corpora / rel).read_text(encoding="utf-8", errors="replace")
        found = places(raw, loct, dative, generic)
        if not found:
            continue
        text, pred = predict(args.corpora / rel, rel)
        for kind, s, e, want in places(text, loct, dative, generic):
            cue = cue_after(text, e)
            at = e + cue.end() if cue else e
            q = next((p for p in pred if p["raw_content"][0] >= s and p["raw_content"][0] - at < 200
                      or p["raw_content"][0] <= s < p["raw_content"][1]), None)
            ant = antecedent(text, s, doc_forms, want) if kind != "owned" else None
            tally[kind] += 1
            name = q and (q["speaker"] or {}).get("name")
            outcome[kind, "no quotation" if q is None else "no speaker" if not name
                    else "a name" if name.split()[0].lower() not in doc_forms
                    else "the noun alone" if len(name.split()) == 1 else "a document with its owner"] += 1
            with_text[rel] += 1
            got = "no quotation" if q is None else \
                f"{(q['speaker'] or {}).get('name')!r} via {(q['speaker'] or {}).get('mention') and q['speaker']['mention']['text']!r}"
            print(f"{kind.upper()} {rel} {s}: {text[s:at + 1]!r} → {got} | antecedent {ant!r}")
            print(f"    ...{text[max(0, s - args.context):s]!r}")
    print(dict(tally), f"in {len(with_text)} texts of {len(files)}")
    for (kind, what), n in sorted(outcome.items()):
        print(f"  {kind}: {what}: {n}")


if __name__ == "__main__":
    main()
