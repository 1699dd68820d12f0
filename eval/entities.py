"""Entity evaluation on the annotated BSNLP topics, with natasha's own normal forms
as the baseline.

    python eval/entities.py [--corpora ../shared/corpora] [--errors N]

Gold (`bsnlp-ru/<topic>/annotated/*.out`): per document, each distinct mention
form with its lemma, type and cross-document id. Measured on the clean body
text (gold forms that do not occur in it — e.g. only in the title — are counted
apart):

- mention recall: gold PER/ORG/LOC forms that citata tags with the same type;
- lemma accuracy: on those, citata's `normal` equals the gold lemma
  (case and ё/е folded);
- PER linking: pairwise precision / recall / F1 over all found gold PER
  mentions of the corpus — two mentions are linked when they share an
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


def fold(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def load_gold(corpora: Path) -> dict[Path, list[tuple[str, str, str, str]]]:
    gold = {}
    for ann in sorted((corpora / "bsnlp-ru").glob("*/annotated/*.out")):
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


def evaluate(corpora: Path, show_errors: int = 0) -> dict:
    gold = load_gold(corpora)
    paths = sorted(gold)
    docs: dict[str, Document] = {}
    for item in process(read([str(p) for p in paths])):
        if isinstance(item, Document):
            docs[item.source] = item
    ordered = [(p, docs.get(str(p))) for p in paths]
    ordered = [(p, d) for p, d in ordered if d is not None]
    baseline = natasha_baseline([d.text for _, d in ordered])

    stats = {name: Counter() for name in ("citata", "natasha")}
    links = {"citata": [], "natasha": []}
    errors = []
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
                if type_ == "PER":
                    links[name].append((gid, hit[2]))
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
            "link": pairwise(links[name]), "mentions": gold_n, "per_linked": len(links[name]),
        }
    result["absent"] = stats["citata"]["absent"]
    result["documents"] = len(ordered)
    result["errors"] = errors[:show_errors] if show_errors else []
    return result


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--errors", type=int, default=0, help="list this many lemma errors")
    args = ap.parse_args()
    corpora = Path(args.corpora)
    if not (corpora / "bsnlp-ru").exists():
        sys.exit(f"corpora not found at {corpora}")
    r = evaluate(corpora, args.errors)
    print(f"## BSNLP annotated topics: {r['documents']} documents, {r['citata']['mentions']} gold mentions "
          f"in the body ({r['absent']} more only outside it)\n")
    print("| measure | citata | natasha |\n|---|---|---|")
    for key, label in [("recall", "mention recall"), *[(f"recall_{t}", f"mention recall, {t}") for t in TYPES],
                       ("lemma", "lemma accuracy"), *[(f"lemma_{t}", f"lemma accuracy, {t}") for t in TYPES]]:
        print(f"| {label} | {r['citata'][key]:.3f} | {r['natasha'][key]:.3f} |")
    for i, label in enumerate(("P", "R", "F1")):
        print(f"| PER linking {label} | {r['citata']['link'][i]:.3f} | {r['natasha']['link'][i]:.3f} |")
    hits, total, misses = role_recall(corpora)
    print(f"\nRole recall on factrueval-2016 devset Occupation facts: {hits}/{total} = {hits / total:.3f}")
    for line in r["errors"]:
        print(line)
    if args.errors:
        for line in misses[:args.errors]:
            print("ROLE", line)


if __name__ == "__main__":
    main()
