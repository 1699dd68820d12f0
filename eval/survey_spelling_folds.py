"""Survey: can one fold answer both "does this Latin spelling write that Cyrillic name" questions
(issue 14 and 15, twentieth session, wt-twins)?

    python eval/survey_spelling_folds.py [--corpora ../shared/corpora]

citata asks it in two places, with two folds:
- `names.spells_latin` (gloss pairs, "«Пфайзер» (Pfizer)"): the Latin read as Russian letters and both
  sides cut to a consonant skeleton, a case ending forgiven — loose, a yes/no for one pair;
- `metadata.outlets.translit` (outlet names and hosts, "Коммерсантъ" / kommersant): the Cyrillic
  folded to one Latin spelling, vowels kept — exact, and a key: the outlet tables are looked up by it.

Counted here, each way round:
1. the outlet table's names (outlet_table.tsv) as keys: how many keys each fold gives to names of
   different outlets (a key shared by two outlets makes canonical_outlet / known_outlet pick one);
2. the Latin glosses the texts write ("Name (Latin)", `entities.written_glosses` with no entities:
   the "latin" kind is the one spells_latin accepts) and how many of them translit's equality
   accepts;
3. the outlet tables' (name, host) pairs: name_spells_host's verdict against the same test made
   with spells_latin (a Latin name read as Russian first), each pair one fold alone accepts listed;
   then each name against every other outlet's host, where every acceptance is wrong.

The texts: those eval/page_metadata.py reads (the BSNLP raw files, the covid-19 tune half's pages
only, and factRuEval's texts)."""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.entities import written_glosses  # noqa: E402
from citata.metadata import outlets  # noqa: E402
from citata.names import consonant_skeleton, latin_reading, spells_latin  # noqa: E402


def skeleton(name: str) -> str:
    """spells_latin's fold for a name in either script: folded to Latin, read back as Russian, its
    consonants."""
    return consonant_skeleton(latin_reading(outlets.translit(name)))


def skeleton_spells_host(name: str, host: str) -> bool:
    """name_spells_host's test (the whole host, or a main label of four letters or more) made with
    spells_latin; a Latin name is read as Russian first."""
    cyr = latin_reading(name) if name.isascii() else name
    labels = host.lower().removeprefix("www.").split(".")
    return spells_latin(cyr, "".join(labels)) or any(
        len(lab) >= 4 and lab not in lex.word_set("generic_host_labels") and spells_latin(cyr, lab) for lab in labels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()

    table = {}
    for name, others, _, _ in lex.outlet_table():
        for n in (name, *others):
            table.setdefault(n, name)
    print(f"1. outlet table: {len(table)} names of {len(set(table.values()))} outlets")
    for label, key in (("translit", outlets.translit), ("skeleton", skeleton)):
        by = defaultdict(set)
        for n, outlet in table.items():
            by[key(n)].add(outlet)
        shared = {k: sorted(v) for k, v in by.items() if len(v) > 1}
        print(f"   {label}: {len(by)} keys, {len(shared)} of them shared by different outlets")
        for k, v in sorted(shared.items()):
            print(f"      {k}: {', '.join(v)}")

    from page_metadata import texts

    files = texts(args.corpora)
    pairs = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        pairs += [(text[a:b].strip("«»\""), text[c:d]) for kind, (a, b), (c, d) in written_glosses(text, [])
                  if kind == "latin"]
    same = [p for p in pairs if outlets.translit(p[0]) == outlets.translit(p[1])]
    print(f"\n2. {len(files)} texts: {len(pairs)} Latin glosses (spells_latin's); translit's equality accepts "
          f"{len(same)}")
    for cyr, lat in pairs:
        print(f"   {'both' if (cyr, lat) in same else 'skeleton only'}\t{cyr}\t{lat}\t"
              f"{outlets.translit(cyr)} / {outlets.translit(lat)}")

    hosts = {**lex.outlets(), **outlets.site_names()}
    verdicts = defaultdict(list)
    for host, name in sorted(hosts.items()):
        t, s = outlets.name_spells_host(name, host), skeleton_spells_host(name, host)
        verdicts[("both" if s else "translit only") if t else ("skeleton only" if s else "neither")].append((name, host))
    print(f"\n3. outlet tables: {len(hosts)} hosts: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(verdicts.items())))
    for k in ("translit only", "skeleton only"):
        for name, host in verdicts[k]:
            print(f"   {k}\t{name}\t{host}")
    # the same tests on every name against every other outlet's host: each acceptance is wrong
    wrong = defaultdict(list)
    for name in sorted(set(hosts.values())):
        for host, owner in sorted(hosts.items()):
            if owner != name and outlets.canonical_outlet(owner) != outlets.canonical_outlet(name):
                for k, test in (("translit", outlets.name_spells_host), ("skeleton", skeleton_spells_host)):
                    if test(name, host):
                        wrong[k].append((name, host))
    print(f"   a name against another outlet's host (wrong if accepted): translit {len(wrong['translit'])}, "
          f"skeleton {len(wrong['skeleton'])}")
    for k in ("translit", "skeleton"):
        for name, host in wrong[k]:
            print(f"   {k} accepts\t{name}\t{host}")


if __name__ == "__main__":
    main()
