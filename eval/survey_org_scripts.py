"""Survey: one organisation in two scripts ("«Пфайзер» (Pfizer)"), and what the annotators write as
its speaker (issue 14, nineteenth session).

    python eval/survey_org_scripts.py [--corpora ../shared/corpora] [--cache DIR] [--limit N]

Over every raw text of the shared corpora (`survey_quotes.corpus_texts`, cleaned and analysed as the
pipeline does it), counts
- the names the document glosses in parentheses (`entities.gloss_pairs`), by kind of gloss: a Latin
  spelling of the same name ("«Пфайзер» (Pfizer)": a transliteration), a Latin name that is another
  name ("Немецкий совет по этике (Deutscher Ethikrat)": a translation), an abbreviation
  ("Институт имени Роберта Коха (RKI)", "(ВОЗ)");
- the organisations the document writes in both scripts with no gloss ("Райнэйр" … "Ryanair"), told
  by a transliteration skeleton (Latin letters read as Russian ones, vowels dropped);
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

from citata.entities import gloss_pairs  # noqa: E402
from citata.names import translit_key  # noqa: E402
from citata.orgs import is_abbreviation  # noqa: E402
from survey_quotes import corpus_texts, view_of  # noqa: E402

# Latin letters and digraphs as Russian renders them, longest first (a survey's rough reading: the
# skeleton below forgives vowels and doubled letters)
LATIN_TO_RUSSIAN = sorted({
    "sch": "ш", "tsch": "ч", "ch": "ч", "sh": "ш", "ph": "ф", "th": "т", "zh": "ж", "kh": "х", "ts": "ц",
    "tz": "ц", "ck": "к", "qu": "кв", "j": "дж", "x": "кс", "w": "в", "q": "к", "y": "и", "c": "к",
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з"}.items(),
    key=lambda kv: -len(kv[0]))
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.' /-]*")
# a Cyrillic name (in quotation marks, or capitalised words) glossed by a Latin one, found without
# NER: the tagger misses some ("«Пфайзер» (Pfizer) и «Байонтек» (BioNTech)" in a list of countries)
WRITTEN_GLOSS = re.compile(r"(«[^»\n]{2,60}»|[А-ЯЁ][а-яё-]+(?: [А-ЯЁа-яё-]+){0,3}) \(([A-Z][A-Za-z0-9&.' -]{1,60})\)")
SAMPLES = ("speaker_gold_sample.tsv", "speaker_dev_sample.tsv", "speaker_dev_sample2.tsv",
           "speaker_role_sample.tsv", "speaker_org_sample.tsv", "speaker_pronoun_sample.tsv")


def russian_reading(latin: str) -> str:
    """"BioNTech" -> "бионтеч": Latin letters as Russian ones, digraphs first."""
    out, i, w = [], 0, latin.lower()
    while i < len(w):
        for a, b in LATIN_TO_RUSSIAN:
            if w.startswith(a, i):
                out.append(b)
                i += len(a)
                break
        else:
            i += 1
    return "".join(out)


def skeleton(word: str) -> str:
    """Consonants of the transliteration key, х (an h often left unwritten) dropped and the letters one
    Latin letter is rendered by folded (c, ch, s: к, с, ц, ч, ш; g, j: г, дж, ж; v, w: в, ф)."""
    key = re.sub(r"[аеиоуыэюяйх\W\d]", "", translit_key(word) or "")
    return re.sub(r"дж|ж", "г", re.sub(r"[сцчш]", "к", key)).replace("ф", "в")


def same_name(cyrillic: str, latin: str) -> bool:
    """Does a Cyrillic name, in any case ("Пфайзера", "Фольксвагеном"), read as the Latin one ("Pfizer",
    "Volkswagen"; "Байонтек" / "BioNTech")?"""
    c, lat = skeleton(cyrillic.strip("«»\"")), skeleton(russian_reading(latin))
    return len(lat) >= 3 and c in (lat, lat + "м")  # (-ом, -ем: the one consonant a case ending adds)


def gloss_kind(name: str, gloss: str) -> str:
    """A gloss `gloss_pairs` declares (an abbreviation, or a name in Latin letters) as "abbreviation",
    "latin, same name" or "latin, another name"."""
    if is_abbreviation(gloss) and not same_name(name, gloss):
        return "abbreviation"
    return "latin, same name" if same_name(name, gloss) else "latin, another name"


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
        name = next((" ".join(words[k:]) for k in range(len(words)) if same_name(" ".join(words[k:]), m.group(2))), None)
        if name is not None:
            person = any(m.start() <= e.start < m.end() for e in persons)
            out.setdefault((PERSON if person else SAME, m.group(2).lower()), ("written gloss", name, m.group(2)))
    glossed = {g for _, g in out} | {name.lower() for _, name, _ in out.values()}
    orgs = {e.text for e in ents if e.type == "ORG" and e.text.lower() not in glossed}
    for lat in sorted(o for o in orgs if LATIN.fullmatch(o)):
        for cyr in sorted(o for o in orgs if not LATIN.fullmatch(o)):
            if same_name(cyr, lat):
                out.setdefault((SAME, lat.lower()), ("both scripts, no gloss", cyr, lat))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    files = corpus_texts(args.corpora)
    files = files[:args.limit] if args.limit else files
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
