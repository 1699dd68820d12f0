"""Which of a document's participants a partial name or a role noun could designate (issue 14, stage 2,
twenty-fifth session, wt-participants25): for every quotation whose speaker mention is a partial name
("Ирина", "Обама", "А. Сидоров") or a role noun ("вирусолог", "первая леди"), the participants that
fit it, how citata resolved it, and whether two or more fit.

    python eval/survey_mention_fits.py [--set new|tune] [--corpora ../shared/corpora] [--cache DIR]
                                       [--show] [--out FILE]

`new`: every unannotated article and page (eval/survey_quotes.py's `articles`, pages included);
`tune`: the tune half's articles. A participant *fits*
- a partial name when one of its full names (two words or more) has that word as its first name or
  its surname (by `names.name_key`);
- a role noun when the article gave the person that role noun (`Participants.role_keys`: the heads of
  the role phrases before the name and of an apposition after it, "российский вирусолог" → вирусолог);
and, either way, when its gender agrees with the cue verb's past-tense ending ("заявила" → f) where
the cue has one (the survey's own reading of the cue, not the resolution's). Counts:
- *bare role, one holder*: a role-noun mention left without a person (the phrase, or nobody) where
  exactly one participant fits;
- *partial name, ≥ 2 fit*: a partial name two or more participants fit;
- *nearest = picked*: of the mentions one or more participants fit and one of them is named before
  the mention outside any quotation (`Participants.persons_named`), how often the nearest such is the
  one citata picked (by person key), with the rows where they differ (--show prints every row);
- *the person picked is not of the cue's gender*: "Обама заявила" given to Барак Обама (the gender
  `Participants` reads for the person picked, against the cue's ending);
- *bare role, fit only by the words around a name*: a bare role noun that no participant fits by the
  role index but one does by `written_next_to` (the survey's own reading: the index's misses).
--out writes one JSON line per surveyed mention (to compare two versions of the code with --diff).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.names import name_key, split_words  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.quotes import find  # noqa: E402
from citata.quotes.participants import Participants, role_key, sex_of  # noqa: E402
from citata.quotes.resolution import resolve  # noqa: E402
from survey_quotes import articles, tune_gold, view_of  # noqa: E402


def cue_gender(cue_text: str | None) -> str | None:
    """"заявила" → f, "сказал" → m: the gender a singular past-tense cue verb shows; None otherwise."""
    if not cue_text or not cue_text.split():
        return None
    tag = parse(cue_text.split()[0])[0].tag
    if tag.POS == "VERB" and "past" in tag and tag.number == "sing" and tag.gender in ("masc", "femn"):
        return "m" if tag.gender == "masc" else "f"
    return None


def full_names(person) -> list[list[str]]:
    return [w for w in (split_words(m.text) for m in person.mentions) if len(w) > 1]


def mention_class(view, parts: Participants, span) -> tuple[str, str] | None:
    """("name", word) for a partial name, ("role", role lemma) for a role noun, None for anything else."""
    toks = [j for j in view.tokens_in(span.start, span.end) if view.is_word(j)]
    if not toks:
        return None
    if any(view.ent_at.get(j) is not None and view.ent_at[j].type == "PER" for j in toks):
        words = split_words(span.text)
        # one name word, or an initial and a surname ("А. Сидоров"): less than the full name
        letters = [w for w in words if len(w.strip(".")) > 1]
        if len(letters) == 1:
            return "name", letters[0]
        return None
    if any(view.ent_at.get(j) is not None for j in toks):
        return None  # "посол США": a title with a place or body named in it still counts below
    for j in toks[:4]:
        ps = view.parses(j)[:1]
        if not ps or ps[0].tag.POS not in ("NOUN", "ADJF", "PRTF", "NUMR"):
            return None
        key = role_key(view.toks[j].text)
        if key is not None:
            # one person, the head of the phrase: not "журналисты", "Группа женщин", "канцелярии премьера"
            return ("role", key[0]) if ps[0].tag.number != "plur" else None
        if ps[0].tag.POS == "NOUN":
            return None
    return None


def fitting(view, parts: Participants, cls: tuple[str, str], gender: str | None, text: bool = False) -> list:
    """The participants that fit a mention; `text`: a role also where `written_next_to` finds it."""
    kind, word = cls
    out = []
    for person in view.names.persons.values():
        if kind == "name":
            key = name_key(word)
            fits = any(name_key(w[0]) == key or name_key(w[-1]) == key for w in full_names(person))
        else:
            fits = word in parts.role_keys(person) or (text and written_next_to(view, person, word))
        if fits and (gender is None or sex_of(view, person) in (None, gender)):
            out.append(person)
    return out


def written_next_to(view, person, word: str) -> bool:
    """The survey's own check of the role index: a word of that role lemma among the four words before
    one of the person's mentions in its sentence, or among the three after a comma right after it
    ("вирусолог Павел Волчков", "Павел Волчков, российский вирусолог,"), in any case."""
    for m in person.mentions:
        i, k = view.tok_index(m.start), view.tok_index(m.end - 1) + 1
        near = [j for j in range(max(0, i - 4), i) if view.tok_sent[j] == view.tok_sent[i]]
        if k < len(view.toks) and view.toks[k].text == ",":
            near += range(k + 1, min(k + 4, len(view.toks)))
        if any(view.is_word(j) and (key := role_key(view.toks[j].text)) is not None and key[0] == word for j in near):
            return True
    return False


def nearest(parts: Participants, fit: list, before: int):
    ids = {id(p) for p in fit}
    return next((p for p in reversed(parts.persons_named(0, before)) if id(p) in ids), None)


def survey(corpora: Path, files: list[str], cache: Path | None):
    for rel in files:
        view = view_of(corpora, rel, cache)
        parts = Participants(view)
        for q in resolve(view, list(find(view))):
            sp = q.speaker
            if sp is None or sp.mention is None:
                continue
            cls = mention_class(view, parts, sp.mention)
            if cls is None:
                continue
            gender = cue_gender(q.cue.text if q.cue else None)
            fit = fitting(view, parts, cls, gender)
            near = nearest(parts, fit, min(sp.mention.start, q.content.start)) if fit else None
            # (a role the role index missed: the survey's own reading of the words around each name)
            missed = [p.name for p in fitting(view, parts, cls, gender, text=True) if p not in fit] \
                if cls[0] == "role" else []
            yield {"file": rel, "start": q.content.start, "class": cls[0], "word": cls[1], "mention": sp.mention.text,
                   "cue": q.cue.text if q.cue else None, "gender": gender,
                   "fit": [p.name for p in fit], "missed": missed, "nearest": near.name if near else None,
                   "nearest_key": near.key if near else None,
                   "speaker": sp.name, "key": sp.key, "kind": sp.kind,
                   "step": q.provenance.resolution if q.provenance else None,
                   "picked_sex": sex_of(view, picked) if (picked := view.names.by_key(sp.key)) else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("new", "tune"), default="new")
    ap.add_argument("--cache", type=Path, default=None, help="a folder keeping the articles' analyses")
    ap.add_argument("--show", action="store_true", help="print every surveyed mention")
    ap.add_argument("--out", type=Path, default=None, help="write one JSON line per surveyed mention")
    args = ap.parse_args()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    files = articles(args.corpora, [], pages=True) if args.set == "new" else tune_gold()
    rows = list(survey(args.corpora, files, args.cache))
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    # the counts the survey is for, printed even where none occurs
    count: Counter = Counter({k: 0 for k in ("bare role, one holder", "partial name, ≥ 2 fit",
                                             "bare role, fit only by the words around a name",
                                             "name: the person picked is not of the cue's gender",
                                             "role: the person picked is not of the cue's gender")})
    for r in rows:
        fits = len(r["fit"])
        count[f"{r['class']} mentions"] += 1
        count[f"{r['class']}: {min(fits, 2)}{'+' if fits >= 2 else ''} fit"] += 1
        bare = r["key"] is None
        if r["class"] == "role" and bare and fits == 1:
            count["bare role, one holder"] += 1
        if r["class"] == "role" and bare and fits > 1:
            count["bare role, several holders"] += 1
        if r["class"] == "role" and bare and r["missed"] and not r["fit"]:
            count["bare role, fit only by the words around a name"] += 1
            print(f"missed\t{r['file']}@{r['start']}\t{r['mention']!r} cue={r['cue']!r} ({r['gender']}) "
                  f"missed={r['missed']} picked={r['speaker']!r} [{r['step']}]")
        if r["gender"] and r["picked_sex"] and r["gender"] != r["picked_sex"]:
            count[f"{r['class']}: the person picked is not of the cue's gender"] += 1
            print(f"gender\t{r['file']}@{r['start']}\t{r['mention']!r} cue={r['cue']!r} ({r['gender']}) "
                  f"fit={r['fit']} picked={r['speaker']!r} ({r['picked_sex']}) [{r['step']}]")
        if r["class"] == "name" and fits >= 2:
            count["partial name, ≥ 2 fit"] += 1
        if r["class"] == "role":
            count[f"role, {'bare' if bare else 'given a person'}: {min(fits, 2)}{'+' if fits >= 2 else ''} fit"] += 1
        if fits and r["nearest_key"] is None:
            count[f"{r['class']}: none fitting named before it"] += 1
        elif fits:
            same = r["nearest_key"] == r["key"]
            count[f"{r['class']}: nearest = picked"] += same
            count[f"{r['class']}: nearest ≠ picked"] += not same
            if fits >= 2:
                count[f"{r['class']}, ≥ 2 fit: nearest = picked"] += same
        flag = "" if not r["fit"] or r["nearest_key"] in (None, r["key"]) else "  <<< nearest differs"
        if args.show or flag:
            print(f"{r['class']}\t{r['file']}@{r['start']}\t{r['mention']!r} cue={r['cue']!r} ({r['gender']}) "
                  f"fit={r['fit']} nearest={r['nearest']!r} picked={r['speaker']!r} [{r['step']}]{flag}")
    print(f"{args.set}: {len(files)} articles, {len(rows)} quotations with a partial-name or role-noun mention")
    for what in sorted(count):
        print(f"  {what}: {count[what]}")


if __name__ == "__main__":
    main()
