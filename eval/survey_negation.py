"""Count negated cues (issue 14, precision): the candidates the sieves take whose cue is negated
("Паулс ещё не уверен, что …", "пока никак не комментировал …, но известно, что …"), which
`filters.negated_cues` drops, on unannotated articles and on the tune half (with whether each
matches a gold quotation, i.e. what the gold's convention says about the class).

    python eval/survey_negation.py [--corpora ../shared/corpora] [--cache DIR]   # unannotated
    python eval/survey_negation.py --tune-gold                                   # the tune half

Every instance is printed: the article, whether it matches gold (tune), the sieve, the words
before the cue and the content.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import citata.quotes as stage  # noqa: E402
from citata.quotes.filters import negated_cues  # noqa: E402
from survey_false import tune_matches  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles, view_of  # noqa: E402


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=5000, seed=7)
    ap.add_argument("--cache", type=Path, default=None, help="a folder keeping the articles' analyses")
    ap.add_argument("--tune-gold", action="store_true", help="count over the tune half instead")
    args = ap.parse_args()
    # the candidates as the stage finds them without this filter: the class counted, not its remains
    stage.negated_cues = lambda view, found: found
    if args.tune_gold:
        articles = tune_matches(args.corpora)
    else:
        if args.cache:
            args.cache.mkdir(parents=True, exist_ok=True)
        articles = ((rel, view_of(args.corpora, rel, args.cache), None, None) for rel in sampled_articles(args))
    count: Counter = Counter()
    docs: set = set()
    n = 0
    for rel, view, hits, found in articles:
        n += 1
        found = stage.find(view) if found is None else found
        for f in found:
            if negated_cues(view, [f]):
                continue
            matched = hits is not None and id(f) in hits
            count["match gold" if matched else "quotations"] += 1
            docs.add(rel)
            before = view.text[max(0, f.cue[0] - 60):f.cue[1]].replace("\n", " / ")
            tag = " MATCH" if matched else ""
            print(f"- {rel}{tag} {f.sieve}: …{before!r} [{view.text[f.start:f.end][:100]!r}]")
    what = "tune half" if args.tune_gold else "unannotated"
    tail = f"; {count['match gold']} match a gold quotation" if args.tune_gold else ""
    print(f"{n} articles ({what}): {sum(count.values())} negated-cue candidates in {len(docs)} articles{tail}")


if __name__ == "__main__":
    main()
