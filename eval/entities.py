"""Entity evaluation on the annotated BSNLP topics, with natasha's own normal forms
as the baseline.

    python eval/entities.py [--corpora ../shared/corpora] [--errors N] [--no-roles]

Folds (fixed before the work of issue 16 started, never to be re-chosen): BSNLP
topics, **dev** = asia_bibi, brexit, ec; **blind** = ryanair, trump. Every measure
is reported per fold with the gap (dev - blind); each fold is processed in its
own call (its own registry). Errors are listed for the dev fold only: the blind
fold's totals are read, never its errors.

Gold (`bsnlp-ru/<topic>/annotated/*.out`): per document, each distinct mention
form with its lemma, type and cross-document id. Measured on the clean body
text (gold forms that do not occur in it — e.g. only in the title — are counted
apart):

- mention recall: gold PER/ORG/LOC forms that citata tags with the same type;
- lemma accuracy: on those, citata's `normal` equals the gold lemma
  (case and ё/е folded);
- PER / ORG linking: pairwise precision / recall / F1 over all found gold
  PER (ORG) mentions of the fold — two mentions are linked when they share an
  `entity_id` (citata) or a normal form (baseline) — against the gold ids.

Also: role recall against the `Occupation` facts of factrueval-2016/devset —
the person's surname found and one of citata's roles for them containing the
fact's position word (lemma).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.model import Document  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.pipeline import process  # noqa: E402
from citata.source import read  # noqa: E402

TYPES = ("PER", "ORG", "LOC")
FOLDS = {"dev": ("asia_bibi", "brexit", "ec"), "blind": ("ryanair", "trump")}
LINKED = ("PER", "ORG")


def fold(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def load_gold(corpora: Path, topics=None) -> dict[Path, list[tuple[str, str, str, str]]]:
    gold = {}
    anns = [a for t in sorted(topics) for a in sorted((corpora / "bsnlp-ru" / t / "annotated").glob("*.out"))] \
        if topics is not None else sorted((corpora / "bsnlp-ru").glob("*/annotated/*.out"))
    for ann in anns:
        raw = ann.parent.parent / "raw" / (ann.name[:-4] + ".txt")
        if not raw.exists():
            continue
        rows = []
        for line in ann.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 4 and parts[2] in TYPES:
                rows.append((parts[0].strip(), parts[1].strip(), parts[2], parts[3].strip()))
        gold[raw] = rows
    return gold


def natasha_baseline(texts: list[str]) -> list[dict[str, tuple[str, str]]]:
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    seg, vocab = Segmenter(), MorphVocab()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    out = []
    for text in texts:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        found = {}
        for span in doc.spans:
            span.normalize(vocab)
            found.setdefault(span.text, (span.normal, span.type))
        out.append(found)
    return out


def pairwise(clusters: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(gold id, predicted id) per mention -> pairwise P / R / F1."""
    gold = Counter(g for g, _ in clusters)
    pred = Counter(p for _, p in clusters)
    both = Counter(clusters)
    tp = sum(comb(n, 2) for n in both.values())
    gp = sum(comb(n, 2) for n in gold.values())
    pp = sum(comb(n, 2) for n in pred.values())
    p = tp / pp if pp else 0.0
    r = tp / gp if gp else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(corpora: Path, show_errors: int = 0, fold_name: str | None = None) -> dict:
    """Scores on one fold (all annotated topics when `fold_name` is None). Errors are
    collected only for the dev fold."""
    if show_errors and fold_name != "dev":
        raise ValueError("errors are listed for the dev fold only")
    gold = load_gold(corpora, FOLDS[fold_name] if fold_name else None)
    paths = sorted(gold)
    docs: dict[str, Document] = {}
    for item in process(read([str(p) for p in paths])):
        if isinstance(item, Document):
            docs[item.source] = item
    ordered = [(p, docs.get(str(p))) for p in paths]
    ordered = [(p, d) for p, d in ordered if d is not None]
    baseline = natasha_baseline([d.text for _, d in ordered])

    stats = {name: Counter() for name in ("citata", "natasha")}
    links = {(name, t): [] for name in ("citata", "natasha") for t in LINKED}
    errors = []
    link_rows = []  # citata: (gold id, entity id, document, form, normal) per linked mention
    for (path, doc), base in zip(ordered, baseline):
        ours: dict[str, dict] = {}
        for m in doc.entities:
            ours.setdefault(m["text"], m)
        seen_forms = set()
        for form, lemma, type_, gid in gold[path]:
            if (form, type_) in seen_forms:
                continue
            seen_forms.add((form, type_))
            if form not in doc.text:
                stats["citata"]["absent"] += 1
                continue
            for name, found in (("citata", {k: (v["normal"], v["type"], v.get("entity_id")) for k, v in ours.items()}),
                                ("natasha", {k: (v[0], v[1], fold(v[0])) for k, v in base.items()})):
                s = stats[name]
                s["gold", type_] += 1
                hit = found.get(form)
                if hit is None or hit[1] != type_:
                    continue
                s["found", type_] += 1
                ok = fold(hit[0]) == fold(lemma)
                s["lemma_ok", type_] += ok
                if name == "citata" and not ok:
                    errors.append(f"{path.name}\t{type_}\t{form!r}\tgold {lemma!r}\tgot {hit[0]!r}")
                if type_ in LINKED:
                    links[name, type_].append((gid, hit[2]))
                    if name == "citata":
                        link_rows.append((type_, gid, hit[2], path.name, form, hit[0]))
    result = {}
    for name in ("citata", "natasha"):
        s = stats[name]
        gold_n = sum(s["gold", t] for t in TYPES)
        found_n = sum(s["found", t] for t in TYPES)
        ok_n = sum(s["lemma_ok", t] for t in TYPES)
        result[name] = {
            "recall": found_n / gold_n, "lemma": ok_n / found_n,
            **{f"recall_{t}": s["found", t] / s["gold", t] for t in TYPES},
            **{f"lemma_{t}": s["lemma_ok", t] / s["found", t] for t in TYPES},
            "link": pairwise(links[name, "PER"]), "link_ORG": pairwise(links[name, "ORG"]),
            "mentions": gold_n, "per_linked": len(links[name, "PER"]),
            "lemma_counts": {t: (s["lemma_ok", t], s["found", t]) for t in TYPES},
        }
    result["absent"] = stats["citata"]["absent"]
    result["documents"] = len(ordered)
    result["errors"] = errors[:show_errors] + link_errors(link_rows, show_errors) if show_errors else []
    return result


def link_errors(rows, limit: int) -> list[str]:
    """Gold identities split over several ids (recall) and ids holding several gold
    identities (precision), most mentions first."""
    out = []
    for type_ in LINKED:
        by_gold, by_pred = defaultdict(list), defaultdict(list)
        for t, gid, pid, doc, form, normal in rows:
            if t == type_:
                by_gold[gid].append((pid, form, normal))
                by_pred[pid].append((gid, form, normal))
        split = sorted(((g, v) for g, v in by_gold.items() if len({p for p, _, _ in v}) > 1), key=lambda kv: -len(kv[1]))
        for g, v in split[:limit]:
            groups = defaultdict(set)
            for pid, form, normal in v:
                groups[pid].add(normal)
            out.append(f"SPLIT {type_} {g}: " + " | ".join(f"{p}: {sorted(n)}" for p, n in groups.items()))
        merged = [(p, v) for p, v in by_pred.items() if len({g for g, _, _ in v}) > 1]
        for p, v in merged[:limit]:
            out.append(f"MERGED {type_} {p}: " + ", ".join(sorted({f'{g}:{n}' for g, _, n in v})))
    return out


def role_recall(corpora: Path) -> tuple[int, int, list[str]]:
    """Occupation facts (who, position) whose position citata attaches to that person."""
    devset = corpora / "factrueval-2016" / "devset"
    facts_by_doc = defaultdict(list)
    for facts in sorted(devset.glob("*.facts")):
        block = []
        for line in facts.read_text(encoding="utf-8").splitlines() + [""]:
            if line.strip():
                block.append(line)
                continue
            if block and block[0].split()[-1] == "Occupation":
                fields = {}
                for row in block[1:]:
                    parts = row.split(maxsplit=2)
                    if len(parts) == 3:
                        fields[parts[0]] = parts[2]
                if "Who" in fields and "Position" in fields:
                    facts_by_doc[facts.with_suffix(".txt")].append((fields["Who"], fields["Position"]))
            block = []
    paths = sorted(p for p in facts_by_doc if p.exists())
    hits = total = 0
    misses = []
    docs = {d.source: d for d in process(read([str(p) for p in paths], plain=True), plain=True)
            if isinstance(d, Document)}
    for path in paths:
        doc = docs.get(str(path))
        if doc is None:
            continue
        for who, position in facts_by_doc[path]:
            total += 1
            surname = fold(who.split()[0])
            roles = [fold(r) for e in doc.entity_index if e.type == "PER"
                     and fold(e.name.split()[-1]) == surname for r in e.roles]
            pos = {parse(w)[0].normal_form for w in position.lower().split()}
            ok = any(pos & {parse(w)[0].normal_form for w in r.split()} for r in roles)
            hits += ok
            if not ok:
                misses.append(f"{path.name}\t{who}\t{position}\t{roles}")
    return hits, total, misses


MEASURES = [("recall", "mention recall"), *[(f"recall_{t}", f"mention recall, {t}") for t in TYPES],
            ("lemma", "lemma accuracy"), *[(f"lemma_{t}", f"lemma accuracy, {t}") for t in TYPES]]


def rows(r: dict) -> list[tuple[str, float]]:
    out = [(label, r[key]) for key, label in MEASURES]
    for t, key in (("PER", "link"), ("ORG", "link_ORG")):
        out += [(f"{t} linking {label}", r[key][i]) for i, label in enumerate(("P", "R", "F1"))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--errors", type=int, default=0, help="list this many lemma and linking errors of the dev fold")
    ap.add_argument("--fold", choices=("dev", "blind", "both"), default="both")
    ap.add_argument("--no-roles", action="store_true", help="skip the factrueval role recall")
    args = ap.parse_args()
    corpora = Path(args.corpora)
    if not (corpora / "bsnlp-ru").exists():
        sys.exit(f"corpora not found at {corpora}")
    if args.errors and args.fold == "blind":
        sys.exit("errors are listed for the dev fold only: the blind fold is read as totals")
    folds = ("dev", "blind") if args.fold == "both" else (args.fold,)
    res = {f: evaluate(corpora, args.errors if f == "dev" else 0, fold_name=f) for f in folds}
    for f in folds:
        r = res[f]
        print(f"{f}: {', '.join(FOLDS[f])}: {r['documents']} documents, {r['citata']['mentions']} gold mentions "
              f"in the body ({r['absent']} more only outside it); right lemmas of found mentions: "
              + ", ".join(f"{t} {ok}/{n}" for t, (ok, n) in r["citata"]["lemma_counts"].items()))
    print()
    head = " | ".join(f"{f} citata | {f} natasha" for f in folds)
    print(f"| measure | {head} |" + (" gap (dev - blind) |" if len(folds) == 2 else ""))
    print("|---" * (1 + 2 * len(folds) + (len(folds) == 2)) + "|")
    table = {f: (rows(res[f]["citata"]), rows(res[f]["natasha"])) for f in folds}
    for i, (label, _) in enumerate(table[folds[0]][0]):
        cells = " | ".join(f"{table[f][0][i][1]:.3f} | {table[f][1][i][1]:.3f}" for f in folds)
        gap = f" {table['dev'][0][i][1] - table['blind'][0][i][1]:+.3f} |" if len(folds) == 2 else ""
        print(f"| {label} | {cells} |{gap}")
    if not args.no_roles:
        hits, total, misses = role_recall(corpora)
        print(f"\nRole recall on factrueval-2016 devset Occupation facts: {hits}/{total} = {hits / total:.3f}")
    if "dev" in res:
        for line in res["dev"]["errors"]:
            print(line)
    if args.errors and not args.no_roles:
        for line in misses[:args.errors]:
            print("ROLE", line)


if __name__ == "__main__":
    main()
