"""Survey quotation finding on unannotated articles: where would a reader expect a quotation
and citata found none? (issue 14: the blind half's misses are of kinds the tune half lacks, so
they are looked for in text nobody annotated.)

    python eval/survey_quotes.py [--corpora ../shared/corpora] [--sample 60] [--seed 1]
                                 [--exclude LIST ...] [--only covid] [--tally N] [--tune-gold]
                                 [--parse-left N]

Reads BSNLP raw pages and FactRuEval devset texts, leaving out every file of eval/gold/*.jsonl and
of the --exclude lists (articles being annotated). For each article of the sample it prints the
quotations found (FOUND) and the sentences that hold a speech signal (a cue the lexicons know, a
quotation mark, "по словам", a colon before a quotation, a dash line) and overlap no quotation
(NONE); at the end, how often each cue lemma stood in such a sentence. Sort the NONE lines into
classes by hand and fix the largest by mechanism; the FOUND lines are read for false quotations.

--parse-left N counts instead, with natasha's parse, what finds no quotation: the cues by what they
govern, the verbs whose ccomp is a что-clause or a quotation, the quoted clauses (N sentences of
each class printed).

--tally N audits the rules instead: how many quotations each sieve and each construction the
fifth and sixth sessions added (`rules`) found over the sample, in how many articles, with N
firings of each newer rule printed to be judged by hand; --tune-gold counts the same over the
tune half of the gold (counts only), to see which rules fire almost only on gold articles.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.nlp import analyse, fold_mixed_scripts  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.quotes import document_view, find  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.resolution import resolve  # noqa: E402
from citata.quotes.view import COMPLEMENTIZERS, DocView  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

SIGNAL = re.compile(r'[«»"„“]|по словам|по мнению|по данным|согласно|:\s*[«"„“—–-]|^\s*[—–-]\s', re.I | re.M)


def corpus_texts(corpora: Path) -> list[str]:
    """Every raw text of the shared corpora a survey reads (BSNLP pages of every topic, FactRuEval's
    devset), relative to `corpora`, in a fixed order."""
    paths = sorted(corpora.glob("bsnlp-ru/*/raw/*")) + sorted(corpora.glob("factrueval-2016/devset/*.txt"))
    return [str(p.relative_to(corpora)) for p in paths]


def corpus_survey(description: str, show: str) -> argparse.ArgumentParser:
    """The options of a survey over every raw text (`surveyed_texts`): --cache, --show, --limit."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="a folder keeping each article's analysis between runs")
    ap.add_argument("--show", nargs="*", default=[], help=show)
    ap.add_argument("--limit", type=int, default=0, help="first N texts only")
    return ap


def surveyed_texts(args: argparse.Namespace, corpora: Path) -> list[str]:
    """`corpus_texts`, the first --limit only; --cache's folder made."""
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    files = corpus_texts(corpora)
    return files[:args.limit] if args.limit else files


def articles(corpora: Path, exclude: list[Path], pages: bool = False) -> list[str]:
    """The articles no gold file holds; `pages`: also the whole pages only the cleaning gold holds
    (covid-19 pages with no quotation annotated)."""
    skip = set()
    for gold in (ROOT / "eval" / "gold").glob("quotes_*.jsonl" if pages else "*.jsonl"):
        skip |= {json.loads(line)["file"] for line in gold.read_text(encoding="utf-8").splitlines()}
    for f in exclude:
        skip |= {line.strip() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    return [rel for rel in corpus_texts(corpora) if rel not in skip]


def view_of(corpora: Path, rel: str, cache: Path | None = None) -> DocView:
    """An article cleaned and analysed as the pipeline does it; `cache`: a folder keeping each
    article's analysis between runs (see `cached_analysis`)."""
    doc = build_document(text_document(rel, decode((corpora / rel).read_bytes())))
    # the text the pipeline analyses (citata.pipeline.annotate): words spelt in both alphabets put in one,
    # letter for letter, so a survey's offsets are the pipeline's and its names are spelt as citata's
    text = fold_mixed_scripts(doc.text)
    analysis = cached_analysis(rel, text, cache)
    return document_view(text, analysis)


def sentences_outside(view: DocView, spans: list[tuple[int, int]]):
    """(sentence index, its token range, start, end) of each sentence that overlaps none of `spans`."""
    for si in range(len(view.sents)):
        rng = view.sent_range(si)
        if not rng:
            continue
        s, e = view.toks[rng.start].start, view.toks[rng.stop - 1].end
        if not any(a < e and b > s for a, b in spans):
            yield si, rng, s, e


def cached_analysis(rel: str, text: str, cache: Path | None):
    """The NER analysis of an article's text, pickled under `cache` (a survey re-run over the same
    articles then skips the network)."""
    if cache is None:
        return analyse([text])[0]
    path = cache / (hashlib.sha1((rel + "\0" + text).encode()).hexdigest() + ".pkl")  # a changed text is analysed anew
    if path.exists():
        return pickle.loads(path.read_bytes())
    analysis = analyse([text])[0]
    path.write_bytes(pickle.dumps(analysis))
    return analysis


def json_cache(path: Path | None, compute):
    """`compute()`'s result, kept as JSON in the file `path` between runs: read from it where it
    exists, else computed and written there (None: computed, not kept)."""
    if path and path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    data = compute()
    if path:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def tune_gold() -> list[str]:
    """The gold articles of the tune half (the fixed split of eval/quotes.py)."""
    out = []
    for gold in (ROOT / "eval" / "gold").glob("quotes_[a-z].jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            f = json.loads(line)["file"]
            if not int(hashlib.sha1(f.encode()).hexdigest(), 16) % 2:
                out.append(f)
    return out


# Cue lemmas and phrases the fifth and sixth sessions added (audited by rule)
NEW_CUES = frozenset(("ожидать", "не исключить", "не исключать", "дать понять", "давать понять", "счесть",
                      "угрожать", "выступить с заявление", "сделать заявление", "выпустить заявление",
                      "выпустить объявление", "выпустить сообщение", "высказать сомнение", "высказывать сомнение",
                      "высказывать предположение", "выразить опасение", "выразить обеспокоенность",
                      "выражать надежда", "выражать уверенность", "признано", "подтверждено", "заявлялось",
                      "объявлено", "написано"))


# the sieves older than the fifth session, whose firings --tally counts without printing them
OLD_SIEVES = frozenset(("direct:attribution after", "direct:attribution before a colon", "direct:attribution inside",
                        "direct:dialogue line", "indirect:complement", "indirect:source phrase",
                        "indirect:inverted cue", "indirect:as-clause", "indirect:verdict", "indirect:infinitive",
                        "indirect:quoted phrase", "standalone:introduced before"))


def rules(view: DocView, f) -> list[str]:
    """The rules a found quotation rests on: its sieve, refined by the constructions the fifth
    and sixth sessions added (each read off the quotation and its sentence, not the code path)."""
    text = view.text
    out = [f.sieve.split(" (")[0]]
    k = view.tok_index(f.cue[0]) if f.cue else view.tok_index(f.start)
    si = view.tok_sent[k]
    lo = view.sent_first[si]
    head = " ".join(view.lower[lo:lo + 3])
    if f.needs_mention:
        out.append(f"{out[0]} [subject from the parse]")
    if f.cue and f.cue[2] in NEW_CUES:
        out.append(f"cue added s5/s6: {f.cue[2]}")
    if f.sieve.startswith("indirect:source phrase") and f.cue:
        j = view.tok_index(f.cue[0])
        words = view.lower[j:view.tok_index(f.cue[1] - 1) + 1]
        if words[0] == "согласно" and f.cue[2] == "согласно":
            out.append("source: согласно + document or name")
        elif len(words) > 2 and view.parses(j + 1)[0].tag.POS in ("ADJF", "PRTF"):
            out.append("source: adjective before the noun")
        if f.cue[2] in ("опрос", "исследование", "отчёт", "доклад", "заключение"):
            out.append("source: report noun (mined)")
    if f.sieve.startswith("indirect:inverted cue"):
        if head.startswith(("об этом", "о этом")):
            prev = view.sent_range(si - 1)
            if prev and f.start < view.toks[prev.start].start:
                out.append("об этом: several sentences of the paragraph")
        elif view.lower[lo] in ("это", "так") and f.end <= view.toks[lo].start:
            out.append("это/так сказал: the sentence before")
        elif f.parts:
            out.append("inverted: resumes after the attribution")
        elif view.toks[k - 1].text in "—–-" or (k > 1 and view.toks[k - 2].text in "—–-"):
            out.append("inverted: after a spaced dash")
    if f.sieve.startswith("indirect:as-clause") and f.cue:
        before = text[view.toks[lo].start:f.cue[0]].lower()
        if re.search(r"(,\s*(но|а|однако),?|\s[—–-])\s+как\s", before):
            out.append("as-clause: after a contrast or dash")
    if f.sieve.startswith("indirect:complement") and f.cue and text[f.cue[1]:f.start].strip().startswith(":"):
        out.append("complement: after a colon")
    if f.sieve.startswith("direct:attribution after") and "\n" in text[f.end:f.cue[0]]:
        out.append("direct: cue paragraph after a block quotation")
    if f.sieve.startswith("direct:") and f.cue and cue_at(view, view.tok_index(f.cue[0])) is None:
        out.append("direct: verb of manner after «…», —")
    if f.parts and f.sieve.startswith("direct:dialogue"):
        out.append("dialogue line goes on after its attribution")
    if f.sieve.startswith("standalone:") and "interview" not in f.sieve and "dialogue" not in f.sieve:
        if text[:f.start - 1].rstrip().endswith(":"):
            out.append("standalone: after a colon with no cue")
    if "dialogue line continues" in f.sieve:
        out.append("standalone: bare dialogue line")
    return out


def tally(corpora: Path, files: list[str], show: int, seed: int) -> None:
    """How often each rule fires over the articles, with `show` firings of each (at random)."""
    counts: Counter = Counter()
    docs: dict[str, set] = {}
    samples: dict[str, list] = {}
    for rel in files:
        view = view_of(corpora, rel)
        for f in find(view):
            for r in rules(view, f):
                counts[r] += 1
                docs.setdefault(r, set()).add(rel)
                k = view.tok_index(f.cue[0] if f.cue else f.start)
                rng = view.sent_range(view.tok_sent[k])
                s = min(f.start, view.toks[rng.start].start)
                e = max(f.end, view.toks[rng.stop - 1].end)
                cue = f.cue[2] if f.cue else None
                samples.setdefault(r, []).append(f"{rel} cue={cue!r} content={view.text[f.start:f.end][:200]!r}\n"
                                                 f"      in: {view.text[s:e][:400]!r}")
    print(f"{len(files)} articles")
    print("| rule | quotations | articles |\n|---|---|---|")
    for r, n in sorted(counts.items()):
        print(f"| {r} | {n} | {len(docs[r])} |")
    for r in sorted(samples):
        if show and r not in OLD_SIEVES and not r.startswith("standalone:continues"):
            pick = samples[r][:]
            random.Random(seed).shuffle(pick)
            print(f"\n### {r}")
            for line in pick[:show]:
                print("  -", line)


def _tree(view: DocView, si: int, markup) -> tuple[int, list[tuple[int, str]]]:
    """(first token of sentence si, (head token or -1, relation) per token) from natasha's markup."""
    lo = view.sent_range(si).start
    return lo, [(lo + int(t.head_id) - 1 if int(t.head_id) > 0 else -1, t.rel) for t in markup.tokens]


def _subtree(tree: list[tuple[int, str]], lo: int, head: int) -> set[int]:
    sub, grew = {head}, True
    while grew:
        grew = False
        for k, (h, _) in enumerate(tree):
            if h in sub and lo + k not in sub:
                sub.add(lo + k)
                grew = True
    return sub


def parse_left(corpora: Path, files: list[str], show: int, seed: int) -> None:
    """Where citata finds no quotation although a reader might expect one, counted with natasha's
    parse: (1) sentences with a cue outside quotation marks that overlap no quotation, by what the
    cue governs; (2) verbs whose ccomp is a что-clause (a `mark` child) or a quotation, in sentences
    with no quotation, by lemma; (3) quotation-mark pairs holding a clause (four words and a finite
    verb) that overlap no quotation, by what stands before them; (4) for the complements citata finds,
    whether the что-clause's subtree in the parse ends where the sieves end the content."""
    from citata.nlp import syntax_parser
    governs, verbs, marks = Counter(), Counter(), Counter()
    samples: dict[str, list[str]] = {}
    for rel in files:
        view = view_of(corpora, rel)
        text = view.text
        found = find(view)
        spans = [(f.start, f.end) for f in found] + [p for f in found for p in (f.parts or [])] + \
            [(f.cue[0], f.cue[1]) for f in found if f.cue]
        todo = []
        for si, rng, _, _ in sentences_outside(view, spans):
            cues = [(k, cue_at(view, k)) for k in rng if k not in view.quoted]
            cues = [(k, c) for k, c in cues if c]
            if cues or any(view.lower[k] in ("что", "чтобы") for k in rng) or any(k in view.quoted for k in rng):
                todo.append((si, cues))
        chunks = [[view.toks[j].text for j in view.sent_range(si)] for si, _ in todo]
        for (si, cues), markup in zip(todo, syntax_parser().map(chunks) if chunks else []):
            lo, tree = _tree(view, si, markup)
            rng = view.sent_range(si)
            sentence = f"{rel}: {text[view.toks[rng.start].start:view.toks[rng.stop - 1].end][:300]!r}"
            if cues:
                k, (_, lemma, cls) = cues[0]
                kinds = set()
                for m, (h, r) in enumerate(tree):
                    if h == k and r in ("ccomp", "parataxis", "csubj"):
                        first = min(j for j in _subtree(tree, lo, lo + m) if view.is_word(j) or j == lo + m)
                        kinds.add(f"{r}:{view.lower[first] if view.lower[first] in COMPLEMENTIZERS else 'other'}")
                    elif h == k and r == "obl" and view.lower[lo + m] in ("том", "то"):
                        kinds.add("о том")
                key = f"(1) {cls} {view.parses(k)[0].tag.POS} governs {'+'.join(sorted(kinds)) or 'no clause'}"
                governs[key] += 1
                samples.setdefault(key, []).append(f"[{lemma}] {sentence}")
            for m, (h, r) in enumerate(tree):
                if r not in ("ccomp", "parataxis") or h < 0:
                    continue
                kids = [lo + x for x, (hh, rr) in enumerate(tree) if hh == lo + m and rr == "mark"]
                quoted = lo + m in view.quoted and h not in view.quoted
                if not (r == "ccomp" and kids or quoted):
                    continue
                p = view.parses(h)[0]
                key = f"(2) {p.normal_form} {r}:{view.lower[kids[0]] if kids else 'quotation'}"
                verbs[key] += 1
                samples.setdefault(key, []).append(sentence)
        for o, c in view.pairs:
            words = [k for k in view.tokens_in(o + 1, c) if view.is_word(k)]
            if any(a < c and b > o + 1 for a, b in spans) or len(words) < 4 or \
                    not any(view.parses(k)[0].tag.POS == "VERB" for k in words):
                continue
            before = text[view.toks[view.sent_first[view.tok_sent[view.tok_index(o)]]].start:o].rstrip()
            key = "(3) quotation " + ("opening its sentence" if not before else "after a colon" if before[-1] == ":"
                                      else "after a dash" if before[-1] in "—–-" else "after a word")
            marks[key] += 1
            samples.setdefault(key, []).append(f"{rel}: {text[max(0, o - 100):c + 60]!r}")
        # (4) a complement's end from the parse: the last word of the subtree, under the cue, that
        # holds the content's first word, against the end the sieves gave
        comps = [f for f in found if f.sieve.startswith("indirect:complement") and f.cue]
        sents = sorted({view.tok_sent[view.tok_index(f.cue[0])] for f in comps})
        trees = dict(zip(sents, (_tree(view, si, m) for si, m in zip(sents, syntax_parser().map(
            [[view.toks[j].text for j in view.sent_range(si)] for si in sents]) if sents else []))))
        for f in comps:
            cue, first = view.tok_index(f.cue[1] - 1), view.tok_index(f.start)
            lo, tree = trees[view.tok_sent[cue]]
            clause = next((sub for m, (h, _) in enumerate(tree) if h == cue
                           for sub in [_subtree(tree, lo, lo + m)] if first in sub), None)
            if clause is None:
                continue
            last = max(clause)
            while last > first and not view.is_word(last) and view.toks[last].text not in "»\"”)":
                last -= 1
            end = view.toks[last].end
            key = "(4) complement end: the parse " + (
                "agrees" if abs(end - f.end) <= 1 else "ends sooner" if end < f.end else "ends later")
            marks[key] += 1
            if key != "(4) complement end: the parse agrees":
                samples.setdefault(key, []).append(f"{rel}: now {text[f.start:f.end][-100:]!r}\n"
                                                   f"      parse {text[f.start:end][-100:]!r}")
    print(f"{len(files)} articles")
    for counts in (governs, verbs, marks):
        for key, n in counts.most_common():
            if n > 1 or counts is marks:
                print(f"{n:5d}  {key}")
    for key in sorted(samples):
        if show and (governs[key] > 1 or verbs[key] > 1 or marks[key]):
            pick = samples[key][:]
            random.Random(seed).shuffle(pick)
            print(f"\n### {key}")
            for line in pick[:show]:
                print("  -", line)


def sample_arguments(description: str, sample: int, seed: int) -> argparse.ArgumentParser:
    """The options every survey of unannotated articles takes: where, how many, which."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--sample", type=int, default=sample)
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--only", default="", help="keep paths containing this string")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="files listing corpus paths not to read")
    ap.add_argument("--pages", action="store_true",
                    help="also the whole pages only the cleaning gold annotates (no quotation gold)")
    return ap


def sampled_articles(args: argparse.Namespace) -> list[str]:
    """The sample `sample_arguments` describes: unannotated articles whose path holds --only,
    shuffled by --seed, the first --sample of them."""
    if not args.corpora.is_dir():
        sys.exit(f"no corpora at {args.corpora}")
    files = [f for f in articles(args.corpora, args.exclude, args.pages) if args.only in f]
    random.Random(args.seed).shuffle(files)
    return files[:args.sample]


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=60, seed=1)
    ap.add_argument("--tally", type=int, metavar="N", default=0,
                    help="count the quotations per rule (RULES) and print N firings of each, instead of the survey")
    ap.add_argument("--parse-left", type=int, metavar="N", default=None,
                    help="count with natasha's parse what finds no quotation (cues by what they govern, verbs "
                         "over a что-clause, quoted clauses), printing N sentences of each class")
    ap.add_argument("--tune-gold", action="store_true",
                    help="with --tally: read the tune half of the gold articles instead (counts only)")
    args = ap.parse_args()
    files = sampled_articles(args)
    if args.parse_left is not None:
        return parse_left(args.corpora, files, args.parse_left, args.seed)
    if args.tally or args.tune_gold:
        return tally(args.corpora, tune_gold() if args.tune_gold else files,
                     0 if args.tune_gold else args.tally, args.seed)
    silent_cues: Counter = Counter()
    for rel in files:
        view = view_of(args.corpora, rel)
        text = view.text
        found = find(view)
        quotes = resolve(view, list(found))
        print(f"#### {rel}  quotations={len(quotes)}")
        for q in quotes:
            who = q.speaker.name if q.speaker else None
            cue = q.cue.text if q.cue else None
            print(f"  FOUND {q.type} [{who}] cue={cue!r} :: {text[q.content.start:q.content.end][:160]!r}")
        spans = [(f.start, f.end) for f in found] + [(f.cue[0], f.cue[1]) for f in found if f.cue]
        for _, rng, s, e in sentences_outside(view, spans):
            cues = [cue_at(view, k) for k in rng if k not in view.quoted]
            lemmas = [c[1] for c in cues if c]
            if lemmas or SIGNAL.search(text[s:e]):
                silent_cues.update(lemmas)
                print(f"  NONE {lemmas} :: {text[s:e][:300]!r}")
    print("\ncue lemmas in sentences with no quotation:", silent_cues.most_common(40))


if __name__ == "__main__":
    main()
