"""Survey (issue 14, twenty-fourth session, wt-alias24): would a transliteration key let an
organisation written in Cyrillic in one article ("Пфайзер", "Райанэйр") and in Latin in another
("Pfizer", "Ryanair") meet in the archive, where no article gives both — and what else would it merge?

    python eval/survey_translit_orgs.py [--cache DIR] [--limit N] [--show]

The loose key is `names.spells_latin`'s: the consonants of the Cyrillic name, and of the Latin one
read in Russian letters (`latin_reading`), vowels and doubled letters dropped, the letters one Latin
letter is rendered by folded, at least three. The archive's key, `names.script_key`, adds guards: no
abbreviation on either side, the same number of words, four consonants at least.
Each pair is marked with whether `script_key` admits it. Two counts:

1. **The corpora.** Every organisation name citata's entities stage gives (`entities.link_document`'s
   normal forms) over the raw texts (`survey_quotes.corpus_texts`, cleaned and analysed as the pipeline
   does it), by document. Each Cyrillic name and Latin name of different documents with the same key
   (at least `--min` consonants) is a pair; each pair is printed (with --show) with how many documents
   write each side, to be read: the same organisation or two.
2. **The BSNLP annotations** (`bsnlp-ru/*/annotated/*.out`: each mention form with its cross-lingual
   identity, "ORG-Ryanair"): every Cyrillic and Latin form pair of organisations with the same key,
   counted as the same identity or different ones — the wrong merges the key would make there.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.entities import link_document  # noqa: E402
from citata.names import consonant_skeleton, latin_reading, script_key as archive_key  # noqa: E402
from survey_quotes import surveyed_texts, view_of  # noqa: E402

CYRILLIC = re.compile(r"[А-ЯЁа-яё]")
LATIN = re.compile(r"[A-Za-z]")


def script_key(name: str) -> tuple[str, str] | None:
    """("cyr" | "lat", the consonant key) of a name written in one script only; None otherwise."""
    name = name.strip("«»\"")
    cyr, lat = bool(CYRILLIC.search(name)), bool(LATIN.search(name))
    if cyr == lat:
        return None
    return ("cyr", consonant_skeleton(name)) if cyr else ("lat", consonant_skeleton(latin_reading(name)))


def admitted(c: str, lat: str) -> bool:
    a, b = archive_key(c), archive_key(lat)
    return a is not None and b is not None and a[1] == b[1]


def pairs(names: dict[str, set[str]], least: int = 3) -> list[tuple[str, str, str]]:
    """(key, Cyrillic name, Latin name) of every two names in the two scripts with one key."""
    by_key: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name in names:
        k = script_key(name)
        if k is not None and len(k[1]) >= least:
            by_key[k[1]][k[0]].add(name)
    return sorted((key, c, lat) for key, sides in by_key.items() for c in sides.get("cyr", ()) for lat in sides.get("lat", ()))


def annotated(corpora: Path) -> dict[str, set[str]]:
    """Each organisation form of the BSNLP annotations -> its identities."""
    out: dict[str, set[str]] = defaultdict(set)
    for path in sorted((corpora / "bsnlp-ru").glob("*/annotated/*.out")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 4 and cols[2] == "ORG":
                out[cols[0].strip()].add(cols[3].strip())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--limit", type=int, default=0, help="first N texts only")
    ap.add_argument("--show", action="store_true", help="print every pair")
    args = ap.parse_args()
    files = surveyed_texts(args, args.corpora)
    docs: dict[str, set[str]] = defaultdict(set)  # organisation name -> documents
    for rel in files:
        view = view_of(args.corpora, rel, args.cache)
        _, entities = link_document(view.text, view.all_entities, view.names)
        for e in entities:
            if e.type == "ORG":
                for n in {e.name, *e.aliases}:
                    docs[n].add(rel)
    found = pairs(docs)
    # only pairs no one document already joins: those where the key would add something
    apart = [(k, c, lat) for k, c, lat in found if not docs[c] & docs[lat]]
    print(f"{len(files)} texts, {len(docs)} organisation names; Cyrillic-Latin pairs with one loose key: "
          f"{len(found)}, {len(apart)} of them never in one document; script_key admits "
          f"{sum(admitted(c, lat) for _, c, lat in found)}, {sum(admitted(c, lat) for _, c, lat in apart)} of those apart")
    if args.show:
        for k, c, lat in found:
            both = "same document" if docs[c] & docs[lat] else "apart"
            mark = "admitted" if admitted(c, lat) else "-"
            print(f"  {mark}\t{k}\t{c} ({len(docs[c])})\t{lat} ({len(docs[lat])})\t{both}")

    ids = annotated(args.corpora)
    same, other = [], []
    for k, c, lat in pairs(ids):
        (same if ids[c] & ids[lat] else other).append((k, c, lat))
    print(f"BSNLP annotations: {len(ids)} organisation forms; Cyrillic-Latin pairs with one loose key: "
          f"{len(same) + len(other)}, the same identity {len(same)}, different ones {len(other)}; script_key admits "
          f"{sum(admitted(c, lat) for _, c, lat in same)} and {sum(admitted(c, lat) for _, c, lat in other)}")
    if args.show:
        for label, rows in (("same", same), ("different", other)):
            for k, c, lat in rows:
                mark = "admitted" if admitted(c, lat) else "-"
                print(f"  {label}\t{mark}\t{k}\t{c} {sorted(ids[c])}\t{lat} {sorted(ids[lat])}")


if __name__ == "__main__":
    main()
