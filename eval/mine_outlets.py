"""Mine the names outlets use for themselves from pages whose address is real.

BSNLP's raw files carry each article's URL in their fourth header line (except the covid-19
topic, whose header URL is a placeholder: those pages are never read here). A site names
itself on its own pages — in a dateline ("11:10 REGNUM …"), a copyright line, a title suffix
— in the letters of its host ("regnum.ru" ↔ "REGNUM", "rosbalt.ru" ↔ "Росбалт",
"kommersant.ru" ↔ "Коммерсантъ"). For each host this script counts the names on its pages
that spell the host's main label (Cyrillic transliterated) and that do not turn up as often
on other hosts' pages, and writes host<TAB>name<TAB>pages for every host whose name is found on
at least one of its pages:

    python eval/mine_outlets.py [--corpora ../shared/corpora] [--write] [--check [-v]]

--write replaces citata/data/outlet_names.tsv (what metadata reads); without it the table is
printed. Hosts already in citata/data/outlets.tsv keep the name given there (the hand table
wins: it is how readers know the outlet); the mined rows only add hosts it lacks.

--check measures the page-only outlet (what citata finds when the address is a placeholder,
as on the covid-19 whole pages) against the outlet of the real address, on the same pages:
how often the page names an outlet, and how often that is its own site (a name spelling the
host, or the outlet outlets.tsv gives the host). -v lists the disagreements.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.metadata import name_spells_host  # noqa: E402

OUT = ROOT / "citata" / "data" / "outlet_names.tsv"
HAND = ROOT / "citata" / "data" / "outlets.tsv"
SKIP_TOPICS = {"covid-19"}  # placeholder URLs (and the gold's whole pages)
# Candidate names: a quoted name, or a run of one or two capitalised words (Latin or Cyrillic,
# dots and hyphens inside: "Газета.Ru", "РИА Новости", "REGNUM").
_QUOTED = re.compile(r"[«\"“]([A-ZА-ЯЁ][^»\"”\n]{1,30})[»\"”]")
_CAPS = re.compile(r"(?<![\w.\-])([A-ZА-ЯЁ][\w\-]*(?:\.[A-Za-zА-Яа-яЁё]+)?(?:\s[A-ZА-ЯЁ][\w\-]*)?)")


def pages(corpora: Path):
    for path in sorted((corpora / "bsnlp-ru").glob("*/raw/*")):
        if path.parts[-3] in SKIP_TOPICS or not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) < 5 or "://" not in lines[3]:
            continue
        host = (urlsplit(lines[3].strip()).hostname or "").lower().removeprefix("www.")
        if host:
            yield host, "\n".join(lines[4:])


def candidates(text: str) -> set[str]:
    found = {m.group(1).strip() for m in _QUOTED.finditer(text)}
    for m in _CAPS.finditer(text):
        words = m.group(1).split()
        found.add(words[0])
        if len(words) == 2:
            found.add(m.group(1))
    return found


def mine(corpora: Path) -> list[tuple[str, str, int]]:
    by_host: dict[str, Counter[str]] = defaultdict(Counter)
    anywhere: Counter[str] = Counter()  # pages naming each candidate, all hosts
    for host, text in pages(corpora):
        names = candidates(text)
        by_host[host].update(n for n in names if name_spells_host(n, host))
        anywhere.update(names)
    rows = []
    for host, counts in sorted(by_host.items()):
        # A name other hosts' pages carry as often is a common word spelling the host by chance.
        own = [(c, n) for n, c in counts.items() if c * 2 > anywhere[n]]
        if own:
            c, name = max(own, key=lambda cn: (cn[0], len(cn[1])))
            rows.append((host, name, c))
    return rows


def check(corpora: Path, verbose: bool) -> None:
    from citata.metadata import extract_metadata, outlet_from_url
    from citata.clean import clean
    from citata.source import text_document

    named = agree = total = 0
    for path in sorted((corpora / "bsnlp-ru").glob("*/raw/*")):
        if path.parts[-3] in SKIP_TOPICS or not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) < 5 or "://" not in lines[3]:
            continue
        url = lines[3].strip()
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        lines[3] = "http://www.fromtheweb.eu"  # the placeholder the covid-19 pages carry
        raw = text_document(str(path), "\n".join(lines))
        got = extract_metadata(raw, clean(raw))["outlet"]
        total += 1
        if not got:
            continue
        named += 1
        own = outlet_from_url(url)
        ok = name_spells_host(got, host) or (own is not None and got.lower() == own.lower())
        agree += ok
        if verbose and not ok:
            print(f"  {path.relative_to(corpora)}: page names {got!r}, address {host} ({own})")
    print(f"{total} pages with a real address; the page alone names an outlet on {named}, "
          f"its own site on {agree} ({agree / max(named, 1):.0%})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    if args.check:
        return check(Path(args.corpora), args.v)
    hand = {s.split("\t")[0] for s in HAND.read_text(encoding="utf-8").splitlines()
            if s and not s.startswith("#")}
    rows = [r for r in mine(Path(args.corpora)) if r[0] not in hand]
    out = ["# Host<TAB>the name its own pages use for it<TAB>pages naming it: mined by eval/mine_outlets.py",
           "# from BSNLP pages with real addresses (not covid-19); hosts in outlets.tsv are left out.",
           *(f"{h}\t{n}\t{c}" for h, n, c in rows)]
    if args.write:
        OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{len(rows)} hosts -> {OUT.relative_to(ROOT)}")
    else:
        print("\n".join(out))


if __name__ == "__main__":
    main()
