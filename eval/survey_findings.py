"""Reports whose source is a study, a poll, a trial, data or a document (issue 14, twenty-sixth
session, wt-findings26): how often each shape stands in the raw texts of the shared corpora, by
article kind (U unannotated, T tune, B blind; a blind article is only counted, never printed).

    python eval/survey_findings.py [--corpora ../shared/corpora] [--cache DIR] [--show U T]

Three shapes, each found by a regular expression over the raw text, then read with the pipeline's
analysis (`survey_quotes.view_of`) and natasha's parse of the sentence:

  finding   a finding verb (показать, выявить, доказать, … any form but a participle) with a
            что-clause: the head lemma of its subject (nsubj) is printed, so the nouns a finding
            comes from are mined here (citata/data/finding_nouns.txt) and the persons counted
  passive   an impersonal cue (impersonal_cues.txt: заявлено, указано, подтверждено, сообщается, …)
            with an instrumental right after it, its agent ("как заявлено производителями", "Это
            подтверждено учеными")
  result    "по итогам / по результатам + genitive": the genitive's head lemma

At the end, for each shape, the subject (or source) lemmas by kind. Read with citata's output:
eval/survey_speaker_forms.py's rows show which of these citata attributes.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.source import decode  # noqa: E402
from survey_colons import kinds  # noqa: E402
from survey_quotes import corpus_texts, view_of  # noqa: E402

# candidate finding verbs beyond those the lexicon already has (speech_verbs.tsv, class finding):
# what a study "shows", each then read by hand with its subjects below
CANDIDATES = ("показать", "показывать", "свидетельствовать", "выявить", "выявлять", "продемонстрировать",
              "демонстрировать", "доказать", "доказывать", "подтвердить", "подтверждать", "установить",
              "устанавливать", "обнаружить", "обнаруживать", "засвидетельствовать")
RESULT = re.compile(r"\bпо\s+(итогам|результатам)\s+", re.I)


def _finding_forms() -> dict[str, str]:
    """Every finite, infinitive or gerund form of the candidate verbs -> its lemma."""
    from citata.nlp import morph

    out = {}
    for lemma in CANDIDATES:
        for p in morph().parse(lemma):
            if p.normal_form != lemma or p.tag.POS not in ("INFN", "VERB"):
                continue
            for form in p.lexeme:
                if form.tag.POS not in ("PRTF", "PRTS"):
                    out.setdefault(form.word.replace("ё", "е"), lemma)
    return out


def _subject_lemma(view, tree, first: int, cue: int) -> str:
    subj = [first + k for k, (h, rel) in enumerate(tree) if h == cue and rel in ("nsubj", "nsubj:pass")]
    if not subj:
        return "-"
    j = subj[0]
    p = view.parses(j)[0]
    return p.normal_form if view.lower[j] not in lex.pronouns() else f"pronoun:{view.lower[j]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--show", nargs="*", default=["U", "T"], help="the article kinds whose rows are printed (not B)")
    args = ap.parse_args()
    show = set(args.show) - {"B"}
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    forms = _finding_forms()
    word = re.compile(r"\b(" + "|".join(sorted(forms, key=len, reverse=True)) + r")\b", re.I)
    passive = re.compile(r"\b(" + "|".join(sorted(lex.impersonal_cues(), key=len, reverse=True)) + r")\s+[А-Яа-яЁёA-Za-z]", re.I)
    kind_of = kinds()
    tallies: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for rel in corpus_texts(args.corpora):
        raw = decode((args.corpora / rel).read_bytes())
        if not (word.search(raw) or passive.search(raw) or RESULT.search(raw)):
            continue
        kind = kind_of.get(rel, "U")
        view = view_of(args.corpora, rel, args.cache)
        for si in range(len(view.sents)):
            rng = view.sent_range(si)
            if not rng:
                continue
            rows = []
            for i in rng:
                low = view.lower[i]
                if low in forms and any(view.lower[k] == "что" for k in range(i + 1, min(i + 6, rng.stop))):
                    tree = view.trees([si])[si]
                    rows.append(("finding", f"{forms[low]} <- {_subject_lemma(view, tree, rng.start, i)}"))
                elif low in lex.impersonal_cues() and i + 1 < rng.stop and view.is_word(i + 1):
                    nxt = next((p for p in view.parses(i + 1)[:2] if p.tag.POS == "NOUN" and "ablt" in p.tag), None)
                    if nxt is not None:
                        rows.append(("passive", f"{low} ablt:{nxt.normal_form}"))
                elif low == "по" and i + 2 < rng.stop and view.lower[i + 1] in ("итогам", "результатам"):
                    g = next((k for k in range(i + 2, min(i + 5, rng.stop)) if view.is_word(k)
                              and view.parses(k)[0].tag.POS == "NOUN"), None)
                    rows.append(("result", f"{view.lower[i + 1]} {view.parses(g)[0].normal_form if g else '-'}"))
            for shape, key in rows:
                tallies[shape][key][kind] += 1
                if kind in show:
                    s, e = view.toks[rng.start].start, view.toks[rng.stop - 1].end
                    print(f"{kind}\t{shape}\t{key}\t{rel}\t{view.text[s:e][:220]}".replace("\n", " "))
    for shape, keys in tallies.items():
        print(f"\n## {shape}: by key, U / T / B")
        for key, c in sorted(keys.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            print(f"{c['U']:4d} {c['T']:4d} {c['B']:4d}  {key}")


if __name__ == "__main__":
    main()
