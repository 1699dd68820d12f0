"""Mine titles that name the same office from the corpora's cross-document identities (issue 14,
twenty-seventh session, wt-rolesyn27): the candidates behind citata/data/role_synonyms.tsv.

    python eval/mine_role_synonyms.py [--corpora ../shared/corpora] [--cache DIR] [--min 2]

Each identity the annotators gave is one person across articles:
- BSNLP (`bsnlp-ru/<topic>/annotated/`): a cross-document id for every name form; a person the
  pipeline's `NameIndex` finds in the raw article is the id most of its mention forms carry;
- FactRuEval (`factrueval-2016/devset/`): a person is the `NameIndex` person's fullest name within
  the devset, and each `Occupation` fact adds its Position (+ the head of its Where) to the Who.
A person's role phrases are the ones the pipeline reads next to their names (before: "министра
иностранных дел России Сергея Лаврова", after: "Лавров, глава МИД,"; `Person.roles`), reduced to an
*office*: the canonical lemmas (`canonical_role`, today's synonyms folded) without qualifiers
(бывший, действующий …) and country words. Two offices one identity holds in one topic are a
candidate pair; pairs are counted by identities and articles, each side of the split apart. Only the
pair and counts are printed, with examples (identity, file) from articles outside the blind half: never
a line of a blind article.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.countries import country_of  # noqa: E402
from citata.names import canonical_role, split_words  # noqa: E402
from citata.nlp import parse  # noqa: E402
from quotes import blind_files  # noqa: E402
from survey_quotes import view_of  # noqa: E402

MAX_WORDS = 4  # an office: its head and at most three words after it


def office(role: str) -> tuple[str, ...]:
    """"бывший министр иностранных дел России" -> (министр, иностранный, дело): the canonical
    lemmas from the head noun on, without qualifiers and country words (a body's name stays:
    "глава Форин-офиса")."""
    kept = []
    for w in split_words(role):
        if country_of(w) is not None:
            continue
        ps = parse(w.lower())
        lemma = (ps[0].normal_form if ps else w.lower()).replace("ё", "е")
        if lemma in lex.role_qualifiers() or w.lower().split("-")[0] in lex.role_qualifiers():
            continue
        kept.append(w)
    return tuple(canonical_role(" ".join(kept)))[:MAX_WORDS] if kept else ()


def bsnlp_ids(path: Path) -> dict[str, str]:
    """Lower-case name form -> cross-document id, for the persons of one annotated file."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 4 and cols[2] == "PER":
            out[" ".join(cols[0].lower().split())] = cols[3]  # (trump's forms are lower case, the others' as written)
    return out


def bsnlp_articles(corpora: Path):
    """(relative raw path, its annotation's name forms -> ids, topic) of every annotated BSNLP article."""
    for topic in sorted((corpora / "bsnlp-ru").iterdir()):
        ann, raw = topic / "annotated", topic / "raw"
        if not ann.is_dir() or not raw.is_dir():
            continue
        by_id = {p.read_text(encoding="utf-8").split("\n", 1)[0].strip(): p for p in ann.iterdir()}
        for r in sorted(raw.iterdir()):
            head = r.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0].strip()
            if head in by_id:
                yield str(r.relative_to(corpora)), bsnlp_ids(by_id[head]), topic.name


def occupation_facts(path: Path):
    """(Who, Position, head of Where) of each Occupation fact of a FactRuEval .facts file."""
    fact: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if fact.get("kind") == "Occupation" and "Who" in fact and "Position" in fact:
                yield fact["Who"], fact["Position"], fact.get("Where", "")
            fact = {}
            continue
        parts = line.split()
        if len(parts) >= 2 and re.fullmatch(r"\d+-\d+", parts[0]):
            fact["kind"] = parts[1]
        elif len(parts) >= 3:  # "Position span27692 Глава": the field, its spans or object, the words
            fact[parts[0]] = " ".join(p for p in parts[1:] if not re.fullmatch(r"(?:span|obj)\d+", p))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--min", type=int, default=2, help="print pairs held by at least this many identities")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    blind = blind_files()
    # identity -> office -> set of (file, blind?)
    held: dict[tuple[str, str], dict[tuple[str, ...], set[tuple[str, bool]]]] = defaultdict(lambda: defaultdict(set))
    names: dict[tuple[str, str], str] = {}
    n_docs = Counter()

    def add(ident, role, rel):
        o = office(role)
        if o and o[0] in lex.role_nouns():
            held[ident][o].add((rel, rel in blind))

    for rel, ids, topic in bsnlp_articles(args.corpora):
        n_docs["bsnlp"] += 1
        view = view_of(args.corpora, rel, args.cache)
        for person in view.names.persons.values():
            votes = Counter(ids[f] for m in person.mentions if (f := " ".join(m.text.lower().split())) in ids)
            if not votes or not person.roles:
                continue
            ident = (topic, votes.most_common(1)[0][0])
            if rel not in blind:
                names.setdefault(ident, person.name)
            for role in dict.fromkeys(person.roles):
                add(ident, role, rel)
    fre = args.corpora / "factrueval-2016" / "devset"
    for txt in sorted(fre.glob("*.txt")) if fre.is_dir() else []:
        rel = str(txt.relative_to(args.corpora))
        n_docs["factrueval"] += 1
        view = view_of(args.corpora, rel, args.cache)
        for person in view.names.persons.values():
            if person.roles and person.name:
                ident = ("factrueval", person.name)
                for role in dict.fromkeys(person.roles):
                    add(ident, role, rel)
        facts = txt.with_suffix(".facts")
        if facts.exists():
            for who, position, where in occupation_facts(facts):
                # "Лужков Юрий" -> "Юрий Лужков", the NameIndex's order
                ident = ("factrueval", " ".join(reversed(who.split())))
                add(ident, f"{position} {where}".strip(), rel)

    pairs: dict[tuple, dict] = {}
    for ident, offices in held.items():
        for a, b in combinations(sorted(offices), 2):
            if a[0] == b[0] and (len(a) < 2 or len(b) < 2 or a[1] == b[1]):
                continue  # one head, and one complement or none: the same office to `by_role` already
            rec = pairs.setdefault((a, b), {"ids": set(), "docs": set(), "blind_docs": set(), "examples": []})
            rec["ids"].add(ident)
            for rel, is_blind in offices[a] | offices[b]:
                (rec["blind_docs"] if is_blind else rec["docs"]).add(rel)
            shown = sorted({rel for rel, is_blind in offices[a] | offices[b] if not is_blind})[:2]
            if shown:
                rec["examples"].append(f"{names.get(ident, ident[1])} ({', '.join(shown)})")
    print(f"articles: {dict(n_docs)}; identities with an office: {len(held)}; candidate pairs: {len(pairs)}")
    print("identities\tarticles (tune+unannotated)\tarticles (blind, counted only)\toffice A\toffice B\texamples")
    for (a, b), rec in sorted(pairs.items(), key=lambda kv: (-len(kv[1]["ids"]), kv[0])):
        if len(rec["ids"]) >= args.min:
            print(f"{len(rec['ids'])}\t{len(rec['docs'])}\t{len(rec['blind_docs'])}\t{' '.join(a)}\t{' '.join(b)}\t"
                  + "; ".join(rec["examples"][:3]))


if __name__ == "__main__":
    main()
