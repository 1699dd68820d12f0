"""Name forms of a document's participants on text nobody tuned on (issue 14, stage 2): where the
name a person is given is not the fullest form the article writes, and where a lone first name has
more than one full-named holder.

    python eval/survey_name_forms.py [--set new|tune] [--cache DIR] [--show]

`new`: the unannotated articles and pages (eval/survey_quotes.py's `articles`, pages included);
`tune`: the tune half's articles. Counts, per set, with --show each place:
- *initialled*: a person whose name keeps an initial ("Д Дэвис") although one of their mentions
  writes the first name out ("Дэвида Дэвиса");
- *namesakes*: a lone first name ("Ирина") in an article where two or more full names start with it
  ("Ирина Роот", "Ирина Самойлова"), with the person it was given to.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.names import name_key, split_words  # noqa: E402
from citata.quotes.view import DocView  # noqa: E402
from survey_quotes import articles, tune_gold, view_of  # noqa: E402


# the survey's own test of an initial, not the code's under test: a letter or two with a full stop
# ("Д.", "Дж."), or a letter standing alone ("Д Дэвис", as a name is normalised)
INITIAL = re.compile(r"^[^\W\d_]{1,2}\.|^[^\W\d_](?:\s|$)")


def first_spelled(form: str) -> bool:
    """Does a name form of two words or more start with a first name written out?"""
    return len(split_words(form)) > 1 and not INITIAL.match(form)


def initialled(view: DocView) -> list[tuple[str, list[str]]]:
    """(name, the person's mention forms) for each person named with an initial though a mention
    of theirs spells the first name."""
    out = []
    for person in view.names.persons.values():
        forms = sorted({m.text for m in person.mentions})
        if INITIAL.match(person.name) and any(first_spelled(f) for f in forms):
            out.append((person.name, forms))
    return out


def namesakes(view: DocView) -> list[tuple[str, str, list[str]]]:
    """(the lone first name as written, the person it went to, the surnames of the full names
    starting with it) where two or more full names share that first name."""
    firsts: dict[str, set[str]] = {}
    for e in view.entities:
        words = split_words(e.text)
        if e.type == "PER" and len(words) > 1:
            firsts.setdefault(name_key(words[0]), set()).add(name_key(words[-1]))
    out = []
    for e in view.entities:
        words = split_words(e.text)
        if e.type == "PER" and len(words) == 1 and len(firsts.get(name_key(words[0]), ())) > 1:
            out.append((e.text, view.names.person(e).name, sorted(firsts[name_key(words[0])])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("new", "tune"), default="new")
    ap.add_argument("--cache", type=Path, default=None, help="a folder keeping the articles' analyses")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    files = articles(args.corpora, [], pages=True) if args.set == "new" else tune_gold()
    counts = {"initialled": [0, set()], "namesakes": [0, set()]}
    for rel in files:
        view = view_of(args.corpora, rel, args.cache)
        for kind, found in (("initialled", initialled(view)), ("namesakes", namesakes(view))):
            counts[kind][0] += len(found)
            if found:
                counts[kind][1].add(rel)
            if args.show:
                for row in found:
                    print(f"{kind}\t{rel}\t" + "\t".join(map(str, row)))
    print(f"{args.set}: {len(files)} articles")
    for kind, (n, where) in counts.items():
        print(f"  {kind}: {n} places in {len(where)} articles")


if __name__ == "__main__":
    main()
