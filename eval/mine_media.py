"""Mine the names of news organisations from the corpora (issue 14, fifteenth session): the names an
article itself introduces with a media noun ("газета Die Welt", "информагентство Ansa", "по данным
телеканала Samaa TV") or makes the subject of a relay verb only the press takes ("передает Arab
News", "пишет Focus", "цитирует France-Presse"), written in Latin letters or inside quotation marks,
so that the name does not decline. A name counts once per article; the candidates are those found in
at least --min articles that citata does not already take for the press
(citata.quotes.filters.is_press), printed for review:

    python eval/mine_media.py [--corpora ../shared/corpora] [--min 2]

The reviewed names go to citata/data/media.txt (the relay filter's and the cleaner's list of news
organisations). Every raw text of the corpora is read (BSNLP topics, covid-19 pages, FactRuEval
devset), annotated or not: a lexicon, not a score.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import lexicons as lex  # noqa: E402
from citata.lemmas import lemma  # noqa: E402
from citata.quotes.filters import is_press  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

WORD = re.compile(r"[А-ЯЁа-яё-]+")
# a name after the noun: Latin words (an article, "The", may open it; "de", "della" may join),
# or anything inside quotation marks
LATIN = re.compile(r"\s+((?:The\s+)?[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|de|del|della|di|du|des|la|le|of|and|am))*)")
QUOTED = re.compile(r"\s+[«\"“„]([^«»\"“”„\n]{2,40})[»\"“”]")


# the verbs only the press is the subject of when it relays ("передает Reuters", "пишет Focus"); not
# "сообщает", which a company or a ministry says of itself ("сообщает Ryanair")
PRESS_VERBS = frozenset(("передавать", "писать", "цитировать"))


def candidates(text: str) -> set[str]:
    nouns = set(lex.media_nouns())
    out = set()
    for m in WORD.finditer(text):
        if lemma(m.group().lower()) not in nouns | PRESS_VERBS:
            continue
        rest = text[m.end():m.end() + 60]
        n = LATIN.match(rest) or QUOTED.match(rest)
        if n:
            name = re.sub(r"\s+(?:de|del|della|di|du|des|la|le|of|and|am)$", "", n.group(1).strip(" .,"))
            if len(name) > 1:
                out.add(name)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--min", type=int, default=2)
    args = ap.parse_args()
    files = sorted(args.corpora.glob("bsnlp-ru/*/raw/*")) + sorted(args.corpora.glob("factrueval-2016/devset/*.txt"))
    seen: defaultdict = defaultdict(set)
    for p in files:
        rel = str(p.relative_to(args.corpora))
        for name in candidates(text_document(rel, decode(p.read_bytes())).text):
            seen[name].add(rel)
    rows = sorted(((len(v), k) for k, v in seen.items() if len(v) >= args.min and not is_press(k)), reverse=True)
    print(f"# {len(files)} texts; {len(seen)} names after a media noun; {len(rows)} in >= {args.min} articles "
          f"not yet the press")
    for n, name in rows:
        print(f"{n}\t{name}\t{sorted(seen[name])[0]}")


if __name__ == "__main__":
    main()
