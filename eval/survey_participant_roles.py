"""Survey the participants' role and class index on unannotated articles (issue 14, twenty-fourth
session, wt-roles24): how often each class of a bare role or class noun left "as written" on the tune
half could occur on text nobody tuned on, before a rule for it is built.

    python eval/survey_participant_roles.py [--corpora ../shared/corpora] [--sample 5000] [--pages]
                                            [--cache DIR] [--show]

Over the unannotated articles (`survey_quotes.sampled_articles`, as eval/survey_speakers.py reads
them), counts
- `members`: an organisation named right after a plural person noun in the genitive after a class
  noun ("профсоюз пилотов Forsa", "Профсоюзы бортпроводников Ryanair"): the body's name, or the
  members' employer's; `members classed`: of them, those whose organisation `Participants` knows by
  that class noun;
- `shortening`: a compound of гос-/мин-/обл-/гор-/рай- and a class noun ("Госагентство") that could
  stand for an organisation headed by that noun;
- `role past a conjunction`: a person `Participants` gives no role (`role_keys`) although a person
  noun agreeing with a mention's name in case stands within 14 words before it in its sentence, past
  an "и"/"или" (the role walk's misses; clauses and lists among them: --show prints each).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.nlp import parse  # noqa: E402
from citata.quotes.participants import Participants, class_noun, is_class_noun, role_key  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles, view_of  # noqa: E402

SHORT = re.compile(r"(гос|мин|обл|гор|рай)(\w{4,})$")


def members(view, parts: Participants, show: bool) -> tuple[int, int]:
    """(times the words occur, of them those whose organisation `Participants` gives the body's class)."""
    n = classed = 0
    for e in view.entities:
        i = view.tok_index(e.start)
        if e.type != "ORG" or i < 2:
            continue
        people, body = view.parses(i - 1)[0], view.parses(i - 2)[0]
        if people.tag.POS == "NOUN" and "anim" in people.tag and people.tag.case == "gent" \
                and people.tag.number == "plur" and body.tag.POS == "NOUN" and is_class_noun(body.normal_form):
            n += 1
            org = parts.org_named(e.text)
            given = org is not None and class_noun(body.normal_form) in org.classes
            classed += given
            if show:
                print("members |", view.text[view.toks[i - 2].start:e.end], "| classed" if given else "")
    return n, classed


def shortenings(view, show: bool) -> int:
    n = 0
    for j, t in enumerate(view.toks):
        m = SHORT.match(t.text.lower())
        if not m or not view.is_word(j):
            continue
        p = parse(t.text.lower())[0]
        if p.tag.POS == "NOUN" and is_class_noun(p.normal_form[len(m.group(1)):]):
            n += 1
            if show:
                print("shortening |", t.text)
    return n


def roles_missed(view, parts: Participants, show: bool) -> tuple[int, int]:
    """(persons, those given no role although a mention has an agreeing person noun past a conjunction)."""
    persons = missed = 0
    counted = set()
    for _, m, person in view.names.per_mentions:
        if id(person) not in counted:
            persons += 1
            counted.add(id(person))
        if parts.role_keys(person) or ("missed", id(person)) in counted:
            continue
        i = view.tok_index(m.start)
        cases = {q.tag.case for q in view.parses(i) if any(t in q.tag for t in ("Name", "Surn"))}
        j, past = i - 1, False
        while j >= 0 and i - j <= 14 and view.tok_sent[j] == view.tok_sent[i]:
            if j in view.ent_at and view.ent_at[j].type == "PER" or view.parses(j)[0].tag.POS == "VERB":
                break
            past = past or view.lower[j] in ("и", "или")
            key = role_key(view.toks[j].text) if view.is_word(j) and j not in view.ent_at else None
            if past and key is not None and any(q.tag.case in cases for q in view.parses(j)[:3]):
                missed += 1
                counted.add(("missed", id(person)))
                if show:
                    print("role past a conjunction |", view.text[view.toks[j].start:m.end].replace("\n", " "))
                break
            j -= 1
    return persons, missed


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=5000, seed=7)
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--show", action="store_true", help="print each occurrence")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    files = sampled_articles(args)
    totals = dict.fromkeys(("texts", "members", "members classed", "shortening", "persons",
                            "role past a conjunction"), 0)
    texts_with = {"members": 0, "shortening": 0}
    for rel in files:
        view = view_of(args.corpora, rel, args.cache)
        parts = Participants(view)
        totals["texts"] += 1
        n, classed = members(view, parts, args.show)
        s = shortenings(view, args.show)
        persons, missed = roles_missed(view, parts, args.show)
        texts_with["members"] += n > 0
        texts_with["shortening"] += s > 0
        for k, v in (("members", n), ("members classed", classed), ("shortening", s),
                     ("persons", persons), ("role past a conjunction", missed)):
            totals[k] += v
    print("| count | n | texts |\n|---|---:|---:|")
    for k, v in totals.items():
        print(f"| {k} | {v} | {texts_with.get(k, '')} |")


if __name__ == "__main__":
    main()
