"""How pages relay other outlets, on the BSNLP pages with a real address (issue 15, wt-outlet10): the
shapes told.py's relaying-page guard reads, counted by site, so that a guard rests on recurrence.

    python eval/survey_relays.py [--corpora ../shared/corpora] [-v]

1. A relay verb in the present tense whose name the scrape dropped with its link: "сообщает",
   "передает", "пишет" before a word no singular subject can be (a conjunction, a preposition, a verb,
   a plural noun: "Об этом сообщает Демонстранты перекрывают…"), by site.
2. "передает X со ссылкой на Y": whether X is the page's own site (a name spelling its host, or the
   outlet the tables give its host) or another outlet — is the relay that cites a source the page's own?
-v lists every line counted."""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from mine_outlets import addressed_pages  # noqa: E402

_DROPPED = re.compile(r"\b(?:сообщает|передает|передаёт|пишет) +([А-ЯЁ][а-яё]+)\b(?![\-.]\w)")
_CITING = re.compile(r"\b(?:передает|передаёт|сообщает|пишет|информирует)\s+"
                     r"(?P<name>(?:[«\"“]?[A-ZА-ЯЁ][\w\-.]*[»\"”]?\s?){1,3}?),?\s+со ссылкой на\s")


def _no_singular_subject(word: str) -> bool:
    from citata.nlp import morph

    return not any(p.tag.POS in ("NOUN", "NPRO", "ADJF", None) and p.tag.case in ("nomn", None)
                   and p.tag.number != "plur" for p in morph().parse(word))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    from citata.metadata import known_outlet, name_spells_host, outlet_from_url

    dropped: Counter[str] = Counter()
    citing: Counter[str] = Counter()
    pages = 0
    for path, lines, url, host in addressed_pages(args.corpora):
        pages += 1
        text = "\n".join(lines[4:])
        for m in _DROPPED.finditer(text):
            if _no_singular_subject(m.group(1)):
                dropped[host] += 1
                if args.v:
                    print(f"  dropped link  {host}: {text[m.start():m.end() + 40]!r}")
        for m in _CITING.finditer(text):
            name = m.group("name").strip().strip("«»\"“”")
            own = (name_spells_host(name, host) or host.endswith(name.lower())
                   or (known_outlet(name) or name).lower() == (outlet_from_url(url) or "").lower())
            citing["own site" if own else "another outlet"] += 1
            if args.v:
                print(f"  cites a source  {host} ({'own' if own else 'other'}): {m.group(0)!r}")
    print(f"{pages} pages with a real address")
    print(f"a relay verb before a word no singular subject can be (a dropped link): {sum(dropped.values())} "
          f"on {len(dropped)} sites: " + ", ".join(f"{h} {n}" for h, n in sorted(dropped.items())))
    print(f"'передает X со ссылкой на Y': X the own site {citing['own site']}, another outlet {citing['another outlet']}")


if __name__ == "__main__":
    main()
