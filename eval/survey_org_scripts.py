"""Survey: one organisation in two scripts ("«Пфайзер» (Pfizer)"), and what the annotators write as
its speaker (issue 14, nineteenth session).

    python eval/survey_org_scripts.py [--corpora ../shared/corpora] [--cache DIR] [--limit N] [--tagging]

`--tagging` (nineteenth session, wt-glosslink14) counts instead every "Name (Gloss)" the texts write
(`entities.written_glosses`) by which of its two sides are entities, and prints each case with one
side or none.

Over every raw text of the shared corpora (`survey_quotes.corpus_texts`, cleaned and analysed as the
pipeline does it), counts
- the names the document glosses in parentheses (`entities.gloss_pairs`), by kind of gloss: a Latin
  spelling of the same name ("«Пфайзер» (Pfizer)": a transliteration), a Latin name that is another
  name ("Немецкий совет по этике (Deutscher Ethikrat)": a translation), an abbreviation
  ("Институт имени Роберта Коха (RKI)", "(ВОЗ)");
- the organisations the document writes in both scripts with no gloss ("Райнэйр" … "Ryanair"), told
  by `names.spells_latin` (Latin letters read as Russian ones, vowels dropped);
- the persons glossed by a Latin spelling ("Ульрих Делиус (Ulrich Delius)");
and, for every document that holds one of these, what the annotators write as the speaker where
that organisation or person speaks: the tune half of the gold (eval/gold/quotes_*.jsonl, the blind
half left out) and the independent samples (eval/speaker_*_sample.tsv: speakers annotated by
hand; eval/speaker_sample.tsv: citata's speakers judged right or wrong by hand). Each such speaker
is counted as written in the Latin form, the Cyrillic form, or both.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.entities import gloss_pairs, overlapping, written_glosses  # noqa: E402
from citata.names import spells_latin  # noqa: E402
from citata.orgs import is_abbreviation  # noqa: E402
from survey_quotes import surveyed_texts, view_of  # noqa: E402

LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.' /-]*")
# a Cyrillic name (in quotation marks, or capitalised words) glossed by a Latin one, found without
# NER: the tagger misses some ("«Пфайзер» (Pfizer) и «Байонтек» (BioNTech)" in a list of countries)
WRITTEN_GLOSS = re.compile(r"(«[^»\n]{2,60}»|[А-ЯЁ][а-яё-]+(?: [А-ЯЁа-яё-]+){0,3}) \(([A-Z][A-Za-z0-9&.' -]{1,60})\)")
SAMPLES = ("speaker_gold_sample.tsv", "speaker_dev_sample.tsv", "speaker_dev_sample2.tsv",
           "speaker_role_sample.tsv", "speaker_org_sample.tsv", "speaker_pronoun_sample.tsv")


def gloss_kind(name: str, gloss: str) -> str:
    """A gloss `gloss_pairs` declares (an abbreviation, or a name in Latin letters) as "abbreviation",
    "latin, same name" or "latin, another name"."""
    if is_abbreviation(gloss) and not spells_latin(name, gloss):
        return "abbreviation"
    return "latin, same name" if spells_latin(name, gloss) else "latin, another name"


def written_as(speaker: str, name: str, gloss: str) -> str | None:
    """Which form a speaker string holds: "gloss" (the Latin spelling, the abbreviation), "name" (the
    name the gloss follows, in any case: its first word's beginning), "both", or None."""
    by_gloss = bool(re.search(r"(?<!\w)" + re.escape(gloss.lower()) + r"(?!\w)", speaker.lower()))
    stem = name.strip("«»\"").split()[0]
    stem = stem[:max(4, len(stem) - 2)].lower()
    by_name = any(w.lower().startswith(stem) for w in re.findall(r"\w[\w-]*", speaker))
    return "both" if by_gloss and by_name else "gloss" if by_gloss else "name" if by_name else None


def tune_speakers() -> dict[str, list[str]]:
    """file -> the speakers of its gold quotations, for the tune half's articles only."""
    out = defaultdict(list)
    for gold in sorted((ROOT / "eval" / "gold").glob("quotes_[a-z].jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if int(hashlib.sha1(entry["file"].encode()).hexdigest(), 16) % 2:
                continue  # the blind half: not read
            out[entry["file"]] += [q.get("speaker") or "" for q in entry["quotes"]]
    return out


def sample_speakers() -> dict[str, list[tuple[str, str]]]:
    """file -> (sample, speaker) of the hand-annotated samples, and of speaker_sample.tsv's
    judgements (the speaker citata gave when judged right, the one the judge wrote when wrong)."""
    out = defaultdict(list)
    for name in SAMPLES:
        lines = [l for l in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            if row.get("speaker"):
                out[row["file"]].append((name, row["speaker"]))
    lines = (ROOT / "eval" / "speaker_sample.tsv").read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader(lines, delimiter="\t"):
        speaker = row["speaker"] if row["judgement"] == "right" else row.get("should") or ""
        if speaker:
            out[row["file"]].append(("speaker_sample.tsv (" + row["judgement"] + ")", speaker))
    return out


SAME = "ORG, one name in two scripts"
OTHER = "ORG, Latin gloss that is another name"
ABBREVIATION = "ORG, Cyrillic abbreviation gloss"
LATIN_ABBREVIATION = "ORG, Latin abbreviation gloss"
PERSON = "PER, Latin gloss"


def pairs_of(view) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(group, gloss lower-cased) -> (how found, name, gloss) for one document: the glosses
    `gloss_pairs` declares, the persons' Latin glosses, the Latin glosses written after a name NER
    missed, and the organisations written in both scripts with no gloss."""
    ents, out = view.entities, {}
    for j, i in gloss_pairs(view.text, ents).items():
        kind = gloss_kind(ents[i].text, ents[j].text)
        if ents[i].type == "ORG":
            group = SAME if kind == "latin, same name" else OTHER if kind == "latin, another name" else \
                LATIN_ABBREVIATION if LATIN.fullmatch(ents[j].text) else ABBREVIATION
            out.setdefault((group, ents[j].text.lower()), ("gloss_pairs", ents[i].text, ents[j].text))
    for e in ents:
        gloss = re.match(r"\s*\(([A-Z][A-Za-z.' -]+)\)", view.text[e.end:e.end + 60])
        if e.type == "PER" and gloss:
            out.setdefault((PERSON, gloss.group(1).lower()), ("person's gloss", e.text, gloss.group(1)))
    persons = [e for e in ents if e.type == "PER"]
    for m in WRITTEN_GLOSS.finditer(view.text):
        words = m.group(1).split()
        # the name is the quoted one, or the last words that read as the gloss ("Пакистана Азию Биби")
        name = next((" ".join(words[k:]) for k in range(len(words)) if spells_latin(" ".join(words[k:]), m.group(2))), None)
        if name is not None:
            person = any(m.start() <= e.start < m.end() for e in persons)
            out.setdefault((PERSON if person else SAME, m.group(2).lower()), ("written gloss", name, m.group(2)))
    glossed = {g for _, g in out} | {name.lower() for _, name, _ in out.values()}
    orgs = {e.text for e in ents if e.type == "ORG" and e.text.lower() not in glossed}
    for lat in sorted(o for o in orgs if LATIN.fullmatch(o)):
        for cyr in sorted(o for o in orgs if not LATIN.fullmatch(o)):
            if spells_latin(cyr, lat):
                out.setdefault((SAME, lat.lower()), ("both scripts, no gloss", cyr, lat))
    return out



def tagging(corpora: Path, files: list[str], cache: Path | None) -> None:
    """The written glosses (`entities.written_glosses`: a Latin spelling, the initials, another
    abbreviation) by kind and by which sides are entities after `entities.correct` (which, since the
    nineteenth session, makes a missing side one where it can), each one/none case printed with
    its words for reading."""
    tally, types = Counter(), Counter()
    for rel in files:
        view = view_of(corpora, rel, cache)
        text, ents = view.text, view.entities
        starts = [e.start for e in ents]
        for kind, (a, b), (c, d) in written_glosses(text, ents):
            on_name, on_gloss = overlapping(ents, starts, a, b), overlapping(ents, starts, c, d)
            sides = "both" if on_name and on_gloss else "name only" if on_name else "gloss only" if on_gloss else "none"
            tally[(kind, sides)] += 1
            typed = "/".join(sorted({e.type for e in on_name + on_gloss})) or "-"
            types[(kind, sides, typed)] += 1
            if sides != "both":
                print(f"{kind}\t{sides}\t{typed}\t{rel}\t{text[max(0, a - 40):d + 1]!r}".replace("\\n", " "))
    print(f"\n{len(files)} texts; written glosses by kind and the sides NER tagged")
    for kind in ("latin", "initials", "abbreviation"):
        row = {s: tally[(kind, s)] for s in ("both", "name only", "gloss only", "none")}
        print(kind, "\t", sum(row.values()), "\t", "\t".join(f"{s} {n}" for s, n in row.items()))
    for (kind, sides, typed), n in sorted(types.items()):
        print(f"  {kind}\t{sides}\t{typed}\t{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--tagging", action="store_true", help="count the written glosses by the sides NER tagged instead")
    args = ap.parse_args()
    files = surveyed_texts(args, args.corpora)
    if args.tagging:
        tagging(args.corpora, files, args.cache)
        return
    tune, samples = tune_speakers(), sample_speakers()
    kinds, docs, tally = Counter(), defaultdict(set), Counter()
    for rel in files:
        counted = set()  # (group, speaker's place): "Pfizer и BioNTech" is one quotation of two names
        for (group, _), (how, name, gloss) in sorted(pairs_of(view_of(args.corpora, rel, args.cache)).items()):
            kinds[(group, how)] += 1
            docs[group].add(rel)
            print(f"{group}\t{how}\t{rel}\t{name}\t{gloss}")
            speakers = [("tune gold", s) for s in tune.get(rel, [])] + samples.get(rel, [])
            for k, (source, speaker) in enumerate(speakers):
                form = written_as(speaker, name, gloss)
                if form is not None and (group, k) not in counted:
                    counted.add((group, k))
                    tally[(group, source, form)] += 1
                    print(f"    speaker\t{source}\t{form}\t{speaker}")
    print(f"\n{len(files)} texts")
    for group in (SAME, OTHER, LATIN_ABBREVIATION, ABBREVIATION, PERSON):
        how = ", ".join(f"{h} {n}" for (g, h), n in sorted(kinds.items()) if g == group)
        print(f"{group}: {sum(n for (g, _), n in kinds.items() if g == group)} in {len(docs[group])} texts ({how})")
    print("\nWhere such a name speaks (quotations), the annotators write: the name (as the article writes it before the"
          " gloss), the gloss (the Latin spelling or the abbreviation), both")
    for (group, source, form), n in sorted(tally.items()):
        print(f"{group}\t{source}\t{form}\t{n}")


if __name__ == "__main__":
    main()
