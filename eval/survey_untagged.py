"""Names the NER left untagged after a role or person noun and its complement, counted over every raw
text of ../shared/corpora (BSNLP pages of all topics with the covid-19 pages, FactRuEval's devset),
with the look-alikes beside them (issue 14, seventeenth session, wt-role13).

    python eval/survey_untagged.py [--cache DIR] [--show CLASS ...] [--limit N]   # CLASS: e.g. role/Name/agree/2w/-

From every person noun (`participants.role_key`: "директора", "лауреат", "пациентка"; lower-case,
or the sentence's first word) outside quotation marks the words of its phrase are walked forward — its complement: nouns, adjectives,
prepositions, numbers, capitalised words, a quoted label — up to 12 tokens, stopping at punctuation,
a verb or a lower-case word of another kind. Each run of 1–3 capitalised Cyrillic words that no
person of the NER covers and whose first word pymorphy reads as a name (first name, surname,
patronymic) is a *place*, classed by:
  before   what stands right before the run: "imeni" ("имени"/"им." and initials: a namesake in an
           organisation's name), "role" (the person noun itself), "animate" (another animate noun),
           "inanimate" (a noun that names no person: "премии Пулитцера", "улицы Ленина", "центра")
  first    "Name" where the run opens with a first name pymorphy knows, else "Surn" / "Patr"
  case     "agree" where the run can be read (`names.name_reading`) in a case of the person noun
           (gent after "директора") and a first name opening it has a dictionary reading in that
           case ("Михаила" is no nominative), else "other"
  words    how many words the run has (1w, 2w, 3w)
  NER      the types of the NER's entities over the run (ORG, LOC; "-" none)
  speaker  where one of citata's quotations has the person noun or the run in its speaker's mention
Every place is counted by the kind of its article (U unannotated, T tune, B blind); places of
unannotated and tune articles are printed for the classes asked, never a blind one's.
Column "built": places where the pipeline's own view holds a person over the run (what a rule
that adds such persons would show; the seventeenth session's `untagged_names` was taken out, as it
fired on one tune place only).
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from dataclasses import replace  # noqa: E402

from citata.entities import correct  # noqa: E402
from citata.names import NAME_TAGS, name_reading  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import document_view, find, resolve  # noqa: E402
from citata.quotes.view import DocView  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from citata.quotes.participants import role_key  # noqa: E402
from recall_sample import CORPORA  # noqa: E402
from survey_colons import kinds  # noqa: E402
from survey_quotes import cached_analysis, corpus_survey, surveyed_texts  # noqa: E402

REACH = 12  # tokens from the person noun
BETWEEN = ("NOUN", "ADJF", "PRTF", "PREP", "NUMR", None)


def capitalised(view, k: int) -> bool:
    t = view.toks[k].text
    return t[:1].isupper() and t[:1].isalpha() and "А" <= t[0] <= "Я" or t[:1] == "Ё"


def name_tag(view, k: int) -> str | None:
    for p in view.parses(k)[:4]:
        hit = NAME_TAGS & p.tag.grammemes
        if p.tag.POS == "NOUN" and hit and p.tag.number != "plur":
            return "Name" if "Name" in hit and p.is_known else sorted(hit)[-1]
    return None


def before_kind(view, k: int, noun: int) -> str:
    j = k - 1
    while j > noun and (view.toks[j].text == "." or len(view.toks[j].text) == 1 and view.toks[j].text.isupper()):
        j -= 1
    if view.lower[j] in ("имени", "им"):
        return "imeni"
    if j == noun:
        return "role"
    p = view.parses(j)[0]
    if p.tag.POS == "NOUN" and "anim" in p.tag and not view.toks[j].text[:1].isupper():
        return "animate"
    if p.tag.POS == "NOUN" and not view.toks[j].text[:1].isupper():
        return "inanimate"
    return "other"


def person(view, k: int) -> bool:
    return k in view.ent_at and view.ent_at[k].type == "PER"


def places(view):
    """(noun token, run's first token, run's last token, before, first, case, the NER's types over
    the run) for each place."""
    for si in range(len(view.sents)):
        rng = view.sent_range(si)
        for i in rng:
            if i in view.quoted or not view.is_word(i) or view.toks[i].text[:1].isupper() and i != rng.start \
                    or role_key(view.toks[i].text) is None:
                continue
            noun_cases = {p.tag.case for p in view.parses(i)[:3] if p.tag.POS == "NOUN"}
            j = i + 1
            while j < min(rng.stop, i + 1 + REACH):
                t = view.toks[j].text
                if j in view.quoted or t in ",;:.!?()—–" and not (t == "." and view.toks[j - 1].text in ("им",)):
                    break
                if capitalised(view, j) and not person(view, j) and name_tag(view, j):
                    k = j
                    while k + 1 < rng.stop and k + 1 - j < 3 and capitalised(view, k + 1) and not person(view, k + 1):
                        k += 1
                    words = [view.toks[m].text for m in range(j, k + 1)]
                    _, case, score = name_reading(words, cases=frozenset(noun_cases))
                    first_ok = name_tag(view, j) != "Name" or any(
                        p.is_known and "Name" in p.tag.grammemes and p.tag.case in noun_cases for p in view.parses(j))
                    agree = "agree" if score > 0 and case in noun_cases and first_ok else "other"
                    ner = {view.ent_at[m].type for m in range(j, k + 1) if m in view.ent_at}
                    yield i, j, k, before_kind(view, j, i), name_tag(view, j), agree, "+".join(sorted(ner)) or "-"
                    j = k + 1
                    continue
                pos = view.parses(j)[0].tag.POS
                if view.is_word(j) and not t[:1].isupper() and pos not in BETWEEN and view.lower[j] != "и":
                    break
                j += 1


def main() -> None:
    args = corpus_survey(__doc__, "CLASS rows (before/first/case/words/NER, or a prefix: role/Name) whose places are printed").parse_args()
    gold = kinds()
    files = surveyed_texts(args, CORPORA)
    rows: dict[tuple, Counter] = defaultdict(Counter)
    shown = []
    for rel in files:
        kind = gold.get(rel, "U")
        doc = build_document(text_document(rel, decode((CORPORA / rel).read_bytes())))
        analysis = cached_analysis(rel, doc.text, args.cache)
        # the places against the NER's corrected entities; the quotations and what is built
        # against the pipeline's view
        ner = DocView(doc.text, replace(analysis, entities=correct(analysis.entities, doc.text)))
        view = document_view(doc.text, analysis)
        quotes = resolve(view, find(view))
        for i, j, k, before, first, agree, types in places(ner):
            s, e = view.toks[i].start, view.toks[k].end
            spk = next((q.speaker for q in quotes if q.speaker and q.speaker.mention
                        and q.speaker.mention.start < e and s < q.speaker.mention.end), None)
            key = (before, first, agree, f"{k - j + 1}w", types)
            rows[key][kind] += 1
            rows[key]["S"] += spk is not None
            rows[key]["built"] += any(view.ent_at.get(m) is not None and view.ent_at[m].type == "PER"
                                      for m in range(j, k + 1))
            if any("/".join(key).startswith(c) for c in args.show) and kind != "B":
                sent = view.sents[view.tok_sent[i]]
                lo = max(sent.start, s - 60)
                shown.append(f"{'/'.join(key)} {kind} {rel} {'S=' + repr(spk.name) if spk else '-'}: "
                             f"{view.text[lo:s]!r} [[{view.text[s:view.toks[j].start]}]] "
                             f"<<{view.text[view.toks[j].start:view.toks[k].end]}>> "
                             f"{view.text[view.toks[k].end:view.toks[k].end + 50]!r}")
    print(f"{len(files)} texts ({sum(1 for r in files if gold.get(r, 'U') == 'U')} unannotated)")
    print("before\tfirst\tcase\twords\tNER\tplaces\tspeaker\tbuilt\tunannotated\ttune\tblind")
    for key, c in sorted(rows.items(), key=lambda kv: -sum(kv[1][x] for x in "UTB")):
        print("\t".join(key) + f"\t{sum(c[x] for x in 'UTB')}\t{c['S']}\t{c['built']}\t{c['U']}\t{c['T']}\t{c['B']}")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
