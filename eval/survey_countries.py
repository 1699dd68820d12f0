"""Countries on unannotated text (issue 14, twenty-first session): how many country mentions
citata/data/countries.tsv recognises, against an older table, and how often a title qualified by
a country meets a person the article gave a title of another country.

    python eval/survey_countries.py [--pages] [--cache DIR] --old OLD_countries.tsv [--examples 20]
    python eval/survey_countries.py --speakers all.jsonl   # eval/survey_speakers.py's output

Population: every unannotated article (and with --pages every whole page) survey_quotes.py reads.
Coverage: each place span the NER tags (LOC) and each lower-case word outside a span, counted as a
country mention when the current table (citata.countries) or the old one (a word-level lookup as
quotes/participants.py's `country_of` made it before this session: the word, lower-cased or its
first two normal forms among the table's names) names a country; the spans and adjectives only one
of them knows are listed.
Conflicts: a title qualified by a country ("премьер-министра Венгрии", "венгерский премьер") with
no name after it, in an article that gave an earlier person a title with the same head noun and a
country, none of them the title's ("британский премьер Гордон Браун").
Speakers (--speakers): the survey's speakers that stand for a country's government (a capital,
the country, "власти Франции": `citata.countries.government_of`), which the archive gives the
country's identity, with the names they are written with.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import countries  # noqa: E402
from citata.names import canonical_role  # noqa: E402
from citata.nlp import parse  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles, view_of  # noqa: E402


def old_lookup(path: Path):
    table = {}
    for ln in path.read_text(encoding="utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            row = ln.split("\t")
            for alias in row:
                for form in (alias, alias.lower(), alias.lower().replace("ё", "е")):
                    table[form] = row[0]

    def country_of(word: str) -> str | None:
        if word in table:
            return table[word]
        return next((table[p.normal_form] for p in parse(word)[:2] if p.normal_form in table), None)
    return country_of


def coverage(view, old, tally: Counter, only: dict[str, Counter]) -> None:
    for e in view.entities:
        if e.type != "LOC":
            continue
        new_c, old_c = countries.country_of(e.text), old(e.text)
        tally["LOC spans"] += 1
        tally["LOC: new table"] += new_c is not None
        tally["LOC: old table"] += old_c is not None
        if (new_c is None) != (old_c is None):
            only["new" if new_c else "old"][e.text] += 1
    for j, tok in enumerate(view.toks):
        if j in view.ent_at or not tok.text.islower() or not view.is_word(j):
            continue
        new_c, old_c = countries.country_of(tok.text), old(tok.text)
        tally["adjectives: new table"] += new_c is not None
        tally["adjectives: old table"] += old_c is not None
        if (new_c is None) != (old_c is None):
            only["new" if new_c else "old"][tok.text.lower()] += 1


def titled(view) -> list[tuple[int, str, set[str], str]]:
    """(offset, head, countries, phrase) of each title with a country and no name after it."""
    out = []
    toks = view.toks
    for j in range(len(toks)):
        head = canonical_role(toks[j].text)
        if not head or j in view.ent_at:
            continue
        lo, hi = max(0, j - 1), min(len(toks), j + 2)
        phrase = view.text[toks[lo].start:toks[hi - 1].end]
        named = countries.countries_named(phrase)
        if not named:
            continue
        after = next((k for k in range(hi, min(len(toks), hi + 2)) if k in view.ent_at), None)
        if after is not None and view.ent_at[after].type == "PER":
            continue  # "премьер-министр Венгрии Виктор Орбан": the holder is named right there
        out.append((toks[j].start, head[0], named, phrase))
    return out


def conflicts(view, found: list) -> None:
    holders = []  # (first offset, name, heads, countries)
    for person in view.names.persons.values():
        roles = list(dict.fromkeys(person.roles))
        theirs = {c for r in roles for c in countries.countries_named(r)}
        heads = {canonical_role(r)[0] for r in roles if canonical_role(r)}
        if theirs and heads and person.mentions:
            holders.append((person.mentions[0].start, person.name, heads, theirs))
    for offset, head, named, phrase in titled(view):
        for start, name, heads, theirs in holders:
            if start < offset and head in heads and not theirs & named:
                found.append((phrase, name, sorted(theirs), view.text[max(0, offset - 80):offset + 80]))
                break


def governments(path: Path) -> None:
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: Counter = Counter()
    for r in rows:
        country = countries.government_of(r["speaker"]) if r["speaker"] and r["kind"] != "person" else None
        if country is not None:
            names[country][r["speaker"]] += 1
            kinds[r["kind"]] += 1
    print(f"{sum(kinds.values())} of {len(rows)} quotations: a country's government as speaker {dict(kinds)}")
    for country, written in sorted(names.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {country}: " + ", ".join(f"{w} {n}" for w, n in written.most_common()))


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=100_000, seed=1)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--old", type=Path, help="the older countries.tsv")
    ap.add_argument("--examples", type=int, default=20)
    ap.add_argument("--speakers", type=Path, help="a survey of speakers (eval/survey_speakers.py --out)")
    args = ap.parse_args()
    if args.speakers:
        governments(args.speakers)
        return
    if args.old is None:
        ap.error("--old is needed for the coverage")
    old = old_lookup(args.old)
    files = sampled_articles(args)
    tally: Counter = Counter()
    only: dict[str, Counter] = {"new": Counter(), "old": Counter()}
    found: list = []
    titles = 0
    for rel in files:
        view = view_of(args.corpora, rel, args.cache)
        coverage(view, old, tally, only)
        titles += len(titled(view))
        before = len(found)
        conflicts(view, found)
        for f in found[before:]:
            print(f"CONFLICT {rel}: {f[0]!r} after {f[1]} {f[2]}: ...{f[3]!r}")
    print(f"\n{len(files)} texts")
    print("| mentions | count |\n|---|---:|")
    for k in ("LOC spans", "LOC: old table", "LOC: new table", "adjectives: old table", "adjectives: new table"):
        print(f"| {k} | {tally[k]} |")
    for side in ("new", "old"):
        print(f"\nonly the {side} table ({sum(only[side].values())}): "
              + ", ".join(f"{w} {n}" for w, n in only[side].most_common(args.examples)))
    print(f"\ntitles with a country and no name after them: {titles}; "
          f"after a holder of the same title of another country: {len(found)}")


if __name__ == "__main__":
    main()
