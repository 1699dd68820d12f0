"""Entity evaluation on the annotated BSNLP topics, with natasha's own normal forms
as the baseline.

    python eval/entities.py [--corpora ../shared/corpora] [--errors N] [--no-roles] [--no-names]
                            [--fold dev|blind|both|none]

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

A second, independent PER normal-form measure: factrueval-2016/devset's `.coref`
files give each person its first name and surname in the nominative, and its
`.objects`/`.spans` mark where each mention's first-name and surname words stand
in the text. For every such word (Cyrillic only: a Latin "Wolf" glossed as Вольф is
a transliteration, not a case) inside a citata PER mention, the word of citata's
`normal` in the same place is compared with the gold value (case and ё/е folded):
surname and first-name accuracy, and full-name agreement where the mention holds
both. The documents are split by a fixed hash of the file name into a **dev** half
(errors may be read) and a **held-out** half (totals only), fixed before the name
code was changed for it.
"""
from __future__ import annotations

import argparse
import hashlib
import re
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


def factrueval_half(stem: str) -> str:
    """The fixed split of factrueval-2016/devset's documents for the name measure."""
    return "dev" if hashlib.sha1(stem.encode()).digest()[0] % 2 == 0 else "held-out"


def factrueval_persons(stem_path: Path) -> list[dict]:
    """Gold person words of one document: {"start", "end", "part", "gold", "object"};
    "part" is "surname" or "first", "gold" the nominative values the coref gives."""
    def rows(suffix):
        path = stem_path.with_suffix(suffix)
        return [line.split("#")[0].split() for line in path.read_text(encoding="utf-8").splitlines()] \
            if path.exists() else []
    spans = {r[0]: (r[1], int(r[2]), int(r[3])) for r in rows(".spans") if len(r) >= 6}
    objects = {r[0]: r[2:] for r in rows(".objects") if len(r) >= 2 and r[1] == "Person"}
    out = []
    block: list[str] = []
    coref = stem_path.with_suffix(".coref")
    lines = coref.read_text(encoding="utf-8").splitlines() if coref.exists() else []
    for line in lines + [""]:
        if line.strip():
            block.append(line)
            continue
        if block:
            attrs = defaultdict(list)
            for row in block[1:]:
                key, _, value = row.partition(" ")
                attrs[re.sub(r"\d+$", "", key)].append(value.strip())
            for obj in block[0].split()[1:]:
                for sid in objects.get(obj, ()):
                    kind, start, length = spans.get(sid, ("", 0, 0))
                    part = {"surname": "surname", "name": "first"}.get(kind)
                    gold = attrs.get("lastname" if part == "surname" else "firstname")
                    if part and gold:
                        out.append({"start": start, "end": start + length, "part": part, "gold": gold, "object": obj})
        block = []
    return out


NAME_WORD = re.compile(r"[^\s.]+")


def factrueval_names(corpora: Path, show_errors: int = 0) -> dict[str, dict]:
    """Per half: right/total surname words, first-name words and full names (mentions
    holding both) of gold persons found inside citata PER mentions; dev errors."""
    devset = corpora / "factrueval-2016" / "devset"
    paths = sorted(p for p in devset.glob("*.txt") if p.with_suffix(".coref").exists())
    docs = {d.source: d for d in process(read([str(p) for p in paths], plain=True), plain=True)
            if isinstance(d, Document)}
    res = {h: {"counts": Counter(), "errors": []} for h in ("dev", "held-out")}
    for path in paths:
        doc = docs.get(str(path))
        if doc is None:
            continue
        half = res[factrueval_half(path.stem)]
        c = half["counts"]
        full = defaultdict(list)  # (mention, gold object) -> [ok, ...]
        for g in factrueval_persons(path):
            form = doc.text[g["start"]:g["end"]]
            if not re.search("[а-яё]", form.lower()) or re.search("[a-z]", form.lower()):
                continue
            c[g["part"], "gold"] += 1
            m = next((m for m in doc.entities if m["type"] == "PER"
                      and m["start"] <= g["start"] and g["end"] <= m["end"]), None)
            if m is None:
                continue
            words = [(w.start() + m["start"], w.end() + m["start"]) for w in NAME_WORD.finditer(m["text"])]
            normal = NAME_WORD.findall(m["normal"])
            idx = [i for i, (a, b) in enumerate(words) if a < g["end"] and g["start"] < b]
            if len(normal) == len(words) and idx:  # a gold value may be several words: "Де Сантис"
                got = " ".join(normal[i] for i in idx)
            else:  # the normal form dropped or added a word: its word closest in spelling
                got = max(normal, key=lambda w: len(_common_prefix(fold(w), fold(form)))) if normal else ""
            ok = fold(got) in {fold(v) for v in g["gold"]}
            c[g["part"], "found"] += 1
            c[g["part"], "ok"] += ok
            full[m["start"], g["object"]].append((g["part"], ok))
            if not ok:
                half["errors"].append(f"{path.name}\t{g['part']}\t{form!r} in {m['text']!r}\tgold {g['gold']}\t"
                                      f"got {got!r} ({m['normal']!r})")
        for parts in full.values():
            if {p for p, _ in parts} == {"surname", "first"}:
                c["full", "found"] += 1
                c["full", "ok"] += all(ok for _, ok in parts)
    res["held-out"]["errors"] = []
    res["dev"]["errors"] = res["dev"]["errors"][:show_errors]
    return res


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


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
    ap.add_argument("--fold", choices=("dev", "blind", "both", "none"), default="both",
                    help="BSNLP folds to score (none: only the factrueval measures)")
    ap.add_argument("--no-roles", action="store_true", help="skip the factrueval role recall")
    ap.add_argument("--no-names", action="store_true", help="skip the factrueval PER normal-form measure")
    args = ap.parse_args()
    corpora = Path(args.corpora)
    if not (corpora / "bsnlp-ru").exists():
        sys.exit(f"corpora not found at {corpora}")
    if args.errors and args.fold == "blind":
        sys.exit("errors are listed for the dev fold only: the blind fold is read as totals")
    folds = {"both": ("dev", "blind"), "none": ()}.get(args.fold, (args.fold,))
    res = {f: evaluate(corpora, args.errors if f == "dev" else 0, fold_name=f) for f in folds}
    for f in folds:
        r = res[f]
        print(f"{f}: {', '.join(FOLDS[f])}: {r['documents']} documents, {r['citata']['mentions']} gold mentions "
              f"in the body ({r['absent']} more only outside it); right lemmas of found mentions: "
              + ", ".join(f"{t} {ok}/{n}" for t, (ok, n) in r["citata"]["lemma_counts"].items()))
    if folds:
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
    names = None
    if not args.no_names and (corpora / "factrueval-2016" / "devset").exists():
        names = factrueval_names(corpora, args.errors)
        print("\nPER normal form vs factrueval-2016 devset coref names (right / gold words found in a "
              "citata PER mention; of all gold words):")
        for half in ("dev", "held-out"):
            c = names[half]["counts"]
            print(f"  {half}: " + "; ".join(
                f"{label} {c[key, 'ok']}/{c[key, 'found']} = {c[key, 'ok'] / max(1, c[key, 'found']):.3f}"
                + (f" (of {c[key, 'gold']})" if key != "full" else "")
                for key, label in (("surname", "surname"), ("first", "first name"), ("full", "full name"))))
    if "dev" in res:
        for line in res["dev"]["errors"]:
            print(line)
    if args.errors and not args.no_roles:
        for line in misses[:args.errors]:
            print("ROLE", line)
    if names:
        for line in names["dev"]["errors"]:
            print("FRNAME", line)


if __name__ == "__main__":
    main()
