"""Evaluate quotation extraction against the hand-annotated gold sets.

    python eval/quotes.py [--corpora ../shared/corpora] [--set tune|blind|halves|new|seeds|all] [--errors]
                          [--sieves] [--kinds] [--fingerprint] [--by-file] [--by-source]
    python eval/quotes.py --oracle-clean --set tune|blind [--errors]

Gold: eval/gold/quotes_a.jsonl (asia_bibi, brexit), quotes_b.jsonl (ryanair,
trump, ec), quotes_c.jsonl (new sources: BSNLP topics, FactRuEval, covid-19
pages), quotes_d.jsonl (24 more of those sources, annotated in the sixth session),
quotes_e.jsonl (30 more, annotated in the seventh), quotes_f.jsonl (40 more, annotated in the
eighth), quotes_g.jsonl (40 more, rich in organisations, unnamed sources and documents,
annotated in the ninth), quotes_h.jsonl (40 more ordinary articles and whole pages, annotated in
the tenth), quotes_i.jsonl (the last 30 such articles, annotated in the twelfth), quotes_j.jsonl (the 33
covid-19 whole pages that were in no gold file, annotated in the fourteenth), quotes_k.jsonl (30 more
BSNLP and FactRuEval articles, one per outlet, annotated in the twenty-fifth before its changes),
quotes_l.jsonl (30 more of those, annotated at the twenty-fifth session's end, after its code changes and
unseen by them: both halves measure that code fresh), quotes_m.jsonl (the 18 BSNLP and FactRuEval
articles of outlets new to the gold that were left, annotated at the twenty-sixth session's start by
annotators who never ran citata on them) and quotes_seeds.jsonl
(the issue's 20 seed quotations); offsets index
the file text with newlines normalised. Predicted offsets index the clean text
and are mapped back through Document.raw_offset().

Split (issue 14, fixed): an article of quotes_a/b/c/d/e/f/g/h/i/j/k/l/m is in the *blind* half iff
int(sha1(entry["file"]), 16) is odd, else in the *tune* half. Work is done from
the tune half's errors only: --errors prints them for the tune half (and the
seeds) and is refused for the blind half, whose totals alone are read. The
default run prints tune, blind and their gap, the newest articles (quotes_m)
alone by half, and the seeds (--set halves: tune and blind only); --sieves adds a table
per sieve of both stages (which construction found the speaker's mention and how
the mention was taken, which step resolved it: the quotations' provenance): how
many predictions each decides in every set, with its precision on all but the
blind half (`--sieves --set halves` is docs/evaluation.md's table). --fingerprint
prints a hash of every prediction per set (to check that a refactoring changes no
output, without showing any). --by-file (with --set tune) adds a row per gold file's
tune articles: whether a change helps the newest gold as much as the older. --by-source adds,
for each half, a row per kind of source (BSNLP news articles, covid-19 whole pages, FactRuEval):
totals only, so that a gap between the halves can be told from a difference in what each holds.
--oracle-clean runs the half's articles that a cleaning gold labels line by line (eval/gold/cleaning_pages.jsonl's
whole pages, cleaning.jsonl's dumps) twice, on citata's cleaning and on the gold's (its body lines as the
text), the attribution the same, by kind of source: the
difference is what cleaning costs who-said-what; with --errors (tune half only) every quotation whose
outcome differs and every false quotation only one of the two makes, with its line's labels.

Matching: a predicted and a gold quotation match when their content spans
overlap by at least half of each (one-to-one, best overlap first).
Speaker: right when the names agree (same surname for persons; one name's
words contained in the other's otherwise, a word matching another in any case or number — the
same normal form, or a common beginning that leaves at most two letters of the shorter — and an
abbreviation standing for the words it abbreviates), or both are absent. Who-said-what: a
matched quotation whose speaker is right.

Convention (issue 14): a relay wrapper of an attributed report ("Макрон заявил, что …, передает
РИА Новости") is no quotation of the outlet's; eval/gold_relays.py marks such gold quotations
`"relay": true` and they are not scored. A quotation annotated twice on a page that carries the article
twice is scored once: eval/gold_copies.py marks the copy on the lines the cleaning gold calls
boilerplate `"copy": true`.

Convention (issue 3): a что-clause wholly inside quotation marks is *mixed*;
the corpus sets annotate such clauses as indirect with the span inside the
marks, so their type is normalised here before scoring.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.clean import assemble, classify  # noqa: E402
from citata.lemmas import lemma  # noqa: E402
from citata.pipeline import annotate, build_document, cleaned_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

GOLD = ROOT / "eval" / "gold"
CORPUS_FILES = ("quotes_a.jsonl", "quotes_b.jsonl", "quotes_c.jsonl", "quotes_d.jsonl", "quotes_e.jsonl",
                "quotes_f.jsonl", "quotes_g.jsonl", "quotes_h.jsonl", "quotes_i.jsonl", "quotes_j.jsonl",
                "quotes_k.jsonl", "quotes_l.jsonl", "quotes_m.jsonl")
NEW_FILES = ("quotes_m.jsonl",)
SEED_FILES = ("quotes_seeds.jsonl",)
TYPES = ("direct", "indirect", "mixed")
OPEN, CLOSE = "«\"„“", "»\"“”"


def corpus_path(entry_file: str, corpora: Path) -> Path:
    path = Path(entry_file)
    return ROOT / path if path.parts[0] == "examples" else corpora / path


def _words(name: str | None) -> list[str]:
    if not name:
        return []
    return re.findall(r"\w+", name.lower().replace("ё", "е"))


def _same_word(a: str, b: str) -> bool:
    """One word in two cases or numbers ("Института" / "Институт", "профсоюзов" / "профсоюзы",
    "Депздрава" / "Депздрав"): the same normal form, or a common beginning that leaves at most two
    letters of the shorter word (and at least four)."""
    if a == b or lemma(a) == lemma(b):
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= max(4, min(len(a), len(b)) - 2)


def _covers(words: list[str], other: list[str]) -> bool:
    return all(any(_same_word(w, o) for o in other) for w in words)


def _spell_out(name: str | None, other: str | None) -> str | None:
    """An abbreviation in one name stands for the words of the other that it abbreviates
    ("МИД Пакистана" and "Министерство иностранных дел": one ministry)."""
    if not name or not other:
        return name
    words = re.findall(r"\w+", other)
    for abbr in re.findall(r"\b[А-ЯЁA-Z]{2,5}\b", name):
        for i in range(len(words) - len(abbr) + 1):
            run = words[i:i + len(abbr)]
            if "".join(w[0] for w in run).upper() == abbr and not any(w.isupper() for w in run):
                name = name.replace(abbr, " ".join(run), 1)
                break
    return name


# A name the article glosses with its original ("«Пфайзер» (Pfizer)", "Ла Стампа (La Stampa)"): the
# article itself says the two spellings are one name, so either is the speaker's (annotators write
# one or the other). Not an abbreviation in capitals ("(RKI)"): that names the whole body, not the word.
_GLOSS = re.compile(r"(?:«([^«»()\n]{2,40})»|((?:[\w-]+\s+){0,2}[\w-]+))\s*"
                    r"\((?:англ\.\s*)?([A-Z][A-Za-z&.'-]*[a-z][A-Za-z&.'-]*(?:\s+[A-Za-z&.'-]+){0,3})\)")


def glossed_names(text: str) -> list[tuple[list[str], str]]:
    """(the words of a Russian spelling, its original) for each gloss the article writes: a quoted
    name, or the last one to three words before the parenthesis that open with a capital ("Ла стампа
    (La Stampa)", "Нью-Йорк таймс (The New York Times)"), the longest first."""
    out = []
    for m in _GLOSS.finditer(text):
        if m.group(1):
            out.append((_words(m.group(1)), m.group(3)))
            continue
        words = m.group(2).split()
        out.extend((_words(" ".join(words[i:])), m.group(3)) for i in range(len(words))
                   if words[i][0].isupper() and re.match(r"[А-ЯЁ]", words[i]))
    return out


def _unglossed(name: str | None, glosses: list[tuple[list[str], str]]) -> str | None:
    """The name with each glossed Russian spelling in it (in any case) written as its original."""
    if not name:
        return name
    words = _words(name)
    for spelling, original in glosses:
        n = len(spelling)
        for i in range(len(words) - n + 1):
            if n and all(_same_word(w, s) for w, s in zip(words[i:i + n], spelling)):
                words[i:i + n] = _words(original)
                break
    return " ".join(words)


def speaker_right(gold: dict, pred: dict | None, glosses: list[tuple[list[str], str]] = ()) -> bool:
    if glosses and pred and gold["speaker"] and pred["name"] and _speaker_right(
            dict(gold, speaker=_unglossed(gold["speaker"], glosses)),
            dict(pred, name=_unglossed(pred["name"], glosses))):
        return True
    return _speaker_right(gold, pred)


def _speaker_right(gold: dict, pred: dict | None) -> bool:
    g_name, p_name = gold["speaker"], pred["name"] if pred else None
    g = _words(_spell_out(g_name, p_name))
    p = _words(_spell_out(p_name, g_name))
    if not g:
        return not p or (pred or {}).get("kind") in ("anonymous", "organization", "document")
    if not p:
        return False
    if gold["speaker_kind"] == "person" and pred.get("kind") == "person":
        return _same_word(g[-1], p[-1])
    return _covers(p, g) or _covers(g, p)


def normalise_gold(quote: dict, text: str) -> dict:
    q = dict(quote)
    s, e = q["content"]
    if q["type"] == "indirect" and s > 0 and text[s - 1] in OPEN and e < len(text) and text[e] in CLOSE \
            and not re.search(r"[«»\"“”„]", text[s:e]):
        q["type"] = "mixed"
        q["content"] = [s - 1, e + 1]
    return q


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(gold):
        gs, ge = g["content"]
        for pi, p in enumerate(pred):
            ps, pe = p["raw_content"]
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0 and ov >= 0.5 * (ge - gs) and ov >= 0.5 * (pe - ps):
                cands.append((ov / (max(ge, pe) - min(gs, ps)), gi, pi))  # overlap over union
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def extract(path: Path, source: str, labels: list[str] | None = None):
    """The raw document of a corpus file and citata's document of it; with `labels` (the cleaning
    gold's label of every line), the document of the lines the gold calls body instead of those
    citata's cleaner keeps: the same attribution on an oracle's cleaning."""
    raw = text_document(source, decode(path.read_bytes()))
    if labels is None:
        return raw, annotate([build_document(raw)])[0]
    lines = classify(raw)
    if len(lines) != len(labels):
        raise SystemExit(f"{path}: {len(lines)} lines, the cleaning gold has {len(labels)}")
    for ln, label in zip(lines, labels):
        ln.cut = 0  # a line the gold calls body is body whole (no caption cut off its front)
        if label in ("header", "boilerplate"):
            if ln.label != "boilerplate":
                ln.label, ln.kind = "boilerplate", label
        else:
            ln.label = label
            if label == "title":
                ln.kind, ln.credit = None, None
    return raw, annotate([cleaned_document(raw, assemble(lines))])[0]


def predicted(doc, q) -> dict:
    """One quotation as the scorers read it: its record, with its content's offsets in the raw text."""
    d = q.to_dict()
    d["raw_content"] = [doc.raw_offset(q.content.start), doc.raw_offset(q.content.end)]
    return d


def predict(path: Path, source: str, labels: list[str] | None = None) -> tuple[str, list[dict]]:
    raw, doc = extract(path, source, labels)
    return raw.text, [predicted(doc, q) for q in doc.quotes]


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def half(entry: dict) -> str:
    """The fixed tune/blind split of issue 14, by a hash of the article's path."""
    return "blind" if int(hashlib.sha1(entry["file"].encode()).hexdigest(), 16) % 2 == 1 else "tune"


def scored(quotes: list[dict]) -> list[dict]:
    """The gold quotations a scorer counts: all but the relay wrappers eval/gold_relays.py marks
    ("Макрон заявил, что …, передает РИА Новости" is Макрон's quotation, not the agency's) and the
    second copies eval/gold_copies.py marks (a page that carries the article twice)."""
    return [q for q in quotes if not q.get("relay") and not q.get("copy")]


def blind_files() -> set[str]:
    """The articles of the blind half: a sample drawn from unannotated text before some of its
    articles were annotated prints no error of theirs."""
    return {e["file"] for e in entries(CORPUS_FILES, "blind")}


def entries(files: tuple[str, ...], which: str | None = None) -> list[dict]:
    """The gold entries of `files` (missing files are skipped), only one half's if `which`, with
    the quotations a scorer counts."""
    out = []
    for name in files:
        path = GOLD / name
        if not path.exists():
            continue
        for entry in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            if which is None or half(entry) == which:
                entry["quotes"] = scored(entry["quotes"])
                out.append(entry)
    return out


def source_kind(entry: dict) -> str:
    """The kind of text an entry is: whole web pages, FactRuEval's news or BSNLP's news articles."""
    name = entry["file"]
    if "/covid-19/" in name:
        return "covid-19 pages"
    return "FactRuEval" if name.startswith("factrueval") else "BSNLP news"


SOURCE_KINDS = ("BSNLP news", "covid-19 pages", "FactRuEval")


def checked_path(entry: dict, corpora: Path) -> Path:
    path = corpus_path(entry["file"], corpora)
    if hashlib.sha1(path.read_bytes()).hexdigest() != entry["sha1"]:
        raise SystemExit(f"{path}: file changed since it was annotated (sha1 mismatch)")
    return path


def evaluate(gold_entries: list[dict], corpora: Path, errors: bool = False, digest=None) -> dict:
    c = Counter()
    for entry in gold_entries:
        text, pred = predict(checked_path(entry, corpora), entry["file"])
        if digest is not None:
            digest.update(json.dumps([entry["file"], pred], ensure_ascii=False, sort_keys=True).encode())
        tally(c, entry, text, pred, errors)
    return dict(c)


def tally(c: Counter, entry: dict, text: str, pred: list[dict],
          errors: bool = False) -> tuple[list[bool | None], list[int]]:
    """Count one article's predictions against its gold into `c`. Returns each gold quotation's
    outcome (None missed, False matched with a wrong speaker, True who said what right) and the
    false predictions' indices."""
    outcome: list[bool | None] = [None] * len(entry["quotes"])
    gold = [normalise_gold(q, text) for q in entry["quotes"]]
    pairs = match(gold, pred)
    c["docs"] += 1
    c["gold"] += len(gold)
    c["pred"] += len(pred)
    for g in gold:
        c["gold_" + g["type"]] += 1
    for p in pred:
        c["pred_" + p["type"]] += 1
    for p in pred:
        for part, _ in SIEVE_PARTS:
            c[f"sieve|{part}|{_part(p, part)}|pred"] += 1
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    glosses = glossed_names(text)
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        right = speaker_right(g, p["speaker"], glosses)
        for part, _ in SIEVE_PARTS:
            c[f"sieve|{part}|{_part(p, part)}|match"] += 1
            c[f"sieve|{part}|{_part(p, part)}|wsw"] += right
        outcome[gi] = right
        c["match"] += 1
        c["kind_match_" + g["speaker_kind"]] += 1
        c["kind_wsw_" + g["speaker_kind"]] += right
        c["match_g_" + g["type"]] += 1
        c["match_p_" + p["type"]] += 1
        c["type_right"] += g["type"] == p["type"]
        if right:
            c["wsw"] += 1
            c["wsw_g_" + g["type"]] += 1
            c["wsw_p_" + p["type"]] += 1
        elif errors:
            print(f"SPEAKER {entry['file']}: gold {g['speaker']!r} ({g['speaker_kind']}), "
                  f"got {p['speaker'] and p['speaker']['name']!r} via "
                  f"{p['speaker'] and p['speaker']['mention'] and p['speaker']['mention']['text']!r} "
                  f"[{(p.get('provenance') or {}).get('mention_sieve')}] | {p['content']['text'][:70]!r}")
    if errors:
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                s, e = g["content"]
                print(f"MISS {g['type']} {entry['file']} [{g['speaker']}]: "
                      f"...{text[max(0, s - 60):s]!r} [[{text[s:e][:90]!r}]]")
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                s, e = p["raw_content"]
                print(f"FALSE {p['type']} {entry['file']} [{p['speaker'] and p['speaker']['name']}] "
                      f"cue={p['cue'] and p['cue']['text']!r}: ...{text[max(0, s - 60):s]!r} "
                      f"[[{text[s:e][:90]!r}]]")
    return outcome, [pi for pi in range(len(pred)) if pi not in matched_p]


CLEANING_GOLD = (GOLD / "cleaning.jsonl", GOLD / "cleaning_pages.jsonl")
OUTCOME = {None: "missed", False: "wrong speaker", True: "right"}


def oracle_clean(gold_entries: list[dict], corpora: Path, errors: bool = False) -> dict[str, tuple[Counter, Counter]]:
    """What cleaning costs who-said-what: the articles that a cleaning gold labels line by line (the
    whole covid-19 pages and the existing gold's dumps), run once on citata's cleaning and once on
    the gold's (its body lines as the text), attribution the same. Returns both counts by kind of
    source; with `errors`, every quotation whose outcome differs between the two and every false
    quotation only one of them makes, with the line's labels (citata kept / cut, the gold's label)
    to classify what the cleaning did."""
    labels = {e["file"]: e["labels"] for path in CLEANING_GOLD
              for e in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if e.get("labels")}
    counts: dict[str, tuple[Counter, Counter]] = {}
    for entry in gold_entries:
        if entry["file"] not in labels:
            continue
        own, oracle = counts.setdefault(source_kind(entry), (Counter(), Counter()))
        path = checked_path(entry, corpora)
        raw, doc = extract(path, entry["file"])
        _, gold_doc = extract(path, entry["file"], labels[entry["file"]])
        text = raw.text
        pred_own = [predicted(doc, q) for q in doc.quotes]
        pred_oracle = [predicted(gold_doc, q) for q in gold_doc.quotes]
        out_own, false_own = tally(own, entry, text, pred_own)
        out_oracle, false_oracle = tally(oracle, entry, text, pred_oracle)
        if not errors:
            continue
        starts = [0]
        for line in text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)

        def where(offset: int) -> str:
            i = max(k for k in range(len(starts) - 1) if starts[k] <= offset)
            kept = any(seg.raw_start <= offset < seg.raw_start + seg.length for seg in doc.segments)
            return f"line {i}: citata {'kept' if kept else 'cut'}, gold {labels[entry['file']][i]}"

        def said(pred: list[dict], g: dict) -> str:
            gs, ge = g["content"]
            hit = [p for p in pred if min(ge, p["raw_content"][1]) > max(gs, p["raw_content"][0])]
            return "; ".join(f"{p['speaker'] and p['speaker']['name']!r} [[{p['content']['text'][:50]!r}]]"
                             for p in hit) or "nothing"

        for g, a, b in zip(entry["quotes"], out_own, out_oracle):
            if a != b:
                s, e = g["content"]
                print(f"CHANGED {entry['file']} {g['type']} [{g['speaker']}] {OUTCOME[a]} -> {OUTCOME[b]} "
                      f"({where(s)}): ...{text[max(0, s - 80):s]!r} [[{text[s:e][:100]!r}]]\n"
                      f"    citata's cleaning: {said(pred_own, g)}\n    gold's cleaning: {said(pred_oracle, g)}")
        for name, pred, false, other in (("citata's", pred_own, false_own, pred_oracle),
                                         ("gold's", pred_oracle, false_oracle, pred_own)):
            for pi in false:
                p = pred[pi]
                if any(q["raw_content"] == p["raw_content"] for q in other):
                    continue
                s, e = p["raw_content"]
                print(f"FALSE only on {name} cleaning {entry['file']} [{p['speaker'] and p['speaker']['name']}] "
                      f"({where(s)}): ...{text[max(0, s - 80):s]!r} [[{text[s:e][:100]!r}]]")
    return counts


# The provenance of a prediction, part by part: stage 1 (quotation → mention) is a construction
# sieve, then the search that took the mention from it; stage 2 (mention → speaker) a resolution step.
SIEVE_PARTS = (("construction", "1. quotation → mention: construction"),
               ("search", "1. quotation → mention: mention taken as"),
               ("resolution", "2. mention → speaker: step"))


def _part(p: dict, part: str) -> str:
    """The sieve or step of `part` (of SIEVE_PARTS) that decided a prediction."""
    prov = p.get("provenance") or {}
    construction, _, search = (prov.get("mention_sieve") or "none").partition(" / ")
    if part == "construction":
        construction = construction.split(" (")[0]  # "(shares the previous subject)": the same construction
        return "standalone:continues" if construction.startswith("standalone:continues") else construction
    if part == "search":
        return search or "no mention"
    # The first step: "stand-in → what it stands for" (later steps are the stand-in's own resolution).
    return " → ".join((prov.get("resolution") or "no speaker").split(" → ")[:2])


def sieve_table(results: dict[str, dict]) -> str:
    """Per sieve of each stage: how many predictions it decided in each set, and on sets other
    than the blind half how many of those match a gold quotation (quotation P) and also name the
    right speaker (who said what P). The blind half shows its counts only: how many speakers each
    sieve decides there, never how many it gets wrong."""
    head, rule = ["stage", "sieve or step"], ["---", "---"]
    for name in results:
        if "blind" in name:
            head.append(f"{name}: decided")
            rule.append("---:")
        else:
            head += [f"{name}: decided", "quotation P", "who said what P"]
            rule += ["---:"] * 3
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(rule) + "|"]
    for part, stage in SIEVE_PARTS:
        prefix = f"sieve|{part}|"
        decided = Counter()
        for c in results.values():
            for key, n in c.items():
                if key.startswith(prefix) and key.endswith("|pred"):
                    decided[key[len(prefix):-len("|pred")]] += n
        for label, _ in sorted(decided.items(), key=lambda kv: (-kv[1], kv[0])):
            cells = [stage, label]
            for name, c in results.items():
                n = c.get(f"{prefix}{label}|pred", 0)
                cells.append(str(n))
                if "blind" not in name:
                    m, w = c.get(f"{prefix}{label}|match", 0), c.get(f"{prefix}{label}|wsw", 0)
                    cells += [f"{m / n:.3f}", f"{w / n:.3f}"] if n else ["–", "–"]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def summary(c: dict) -> dict:
    qp, qr, qf = prf(c.get("match", 0), c.get("pred", 0), c.get("gold", 0))
    wp, wr, wf = prf(c.get("wsw", 0), c.get("pred", 0), c.get("gold", 0))
    m = c.get("match", 0)
    return {"qp": qp, "qr": qr, "qf": qf, "wp": wp, "wr": wr, "wf": wf,
            "acc": c.get("wsw", 0) / m if m else 0.0}


def row(name: str, c: dict) -> str:
    s = summary(c)
    return (f"| {name} | {c.get('docs', 0)} | {c.get('gold', 0)} | {s['qp']:.3f} | {s['qr']:.3f} | {s['qf']:.3f} | "
            f"{s['wp']:.3f} | {s['wr']:.3f} | {s['wf']:.3f} | {c.get('wsw', 0)}/{c.get('match', 0)} = {s['acc']:.3f} |")


HEADER = ("| set | docs | gold | quotation P | R | F1 | who said what P | R | F1 | speaker acc. (matched) |\n"
          "|---|---|---|---|---|---|---|---|---|---|")


def report(name: str, c: dict) -> str:
    qp, qr, qf = prf(c.get("match", 0), c.get("pred", 0), c.get("gold", 0))
    wp, wr, wf = prf(c.get("wsw", 0), c.get("pred", 0), c.get("gold", 0))
    lines = [f"## {name}: {c.get('docs', 0)} documents, {c.get('gold', 0)} gold quotations, "
             f"{c.get('pred', 0)} predicted",
             "",
             "| measure | P | R | F1 |",
             "|---|---|---|---|",
             f"| quotation (content overlap) | {qp:.3f} | {qr:.3f} | {qf:.3f} |",
             f"| who said what | {wp:.3f} | {wr:.3f} | {wf:.3f} |"]
    # By type: precision over predictions of that type, recall over gold of that type.
    for label, key in (("quotation", "match"), ("who said what", "wsw")):
        for t in TYPES:
            p = c.get(f"{key}_p_{t}", 0) / c[f"pred_{t}"] if c.get(f"pred_{t}") else 0.0
            r = c.get(f"{key}_g_{t}", 0) / c[f"gold_{t}"] if c.get(f"gold_{t}") else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            lines.append(f"| {label}, {t} ({c.get(f'gold_{t}', 0)} gold) | {p:.3f} | {r:.3f} | {f:.3f} |")
    m = c.get("match", 0)
    lines += ["",
              f"Speaker accuracy on matched quotations: {c.get('wsw', 0)}/{m} = "
              f"{(c.get('wsw', 0) / m if m else 0):.3f}; type accuracy: {c.get('type_right', 0)}/{m} = "
              f"{(c.get('type_right', 0) / m if m else 0):.3f}", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind", "halves", "new", "seeds", "all"), default="all",
                    help="halves: the tune and the blind half")
    ap.add_argument("--errors", action="store_true",
                    help="print every miss, false quotation and wrong speaker (tune half and seeds only)")
    ap.add_argument("--fingerprint", action="store_true", help="print a hash of the predictions of each set")
    ap.add_argument("--by-file", action="store_true",
                    help="with --set tune: a row per gold file's tune articles (which file's articles a change helps)")
    ap.add_argument("--by-source", action="store_true",
                    help="a row per kind of source in each half (totals; for the blind half too)")
    ap.add_argument("--kinds", action="store_true",
                    help="speaker accuracy on matched quotations by the gold speaker's kind, and recall by "
                         "quotation type (totals; for the blind half too)")
    ap.add_argument("--oracle-clean", action="store_true",
                    help="with --set tune (or blind, totals only): the half's articles a cleaning gold labels line "
                         "by line, on citata's cleaning and on the gold's (what cleaning costs who-said-what); "
                         "--errors (tune) lists what changes")
    ap.add_argument("--sieves", action="store_true",
                    help="per sieve and resolution step: how many each decides; precision except on the blind half")
    args = ap.parse_args()
    if args.errors and args.set not in ("tune", "seeds"):
        ap.error("--errors reads the tune half or the seeds only: pass --set tune or --set seeds "
                 "(the blind half's errors are never shown)")
    if args.set != "seeds" and not args.corpora.is_dir():
        print(f"corpus sets skipped: {args.corpora} not found")
        args.set = "seeds"
    if args.by_file and args.set != "tune":
        ap.error("--by-file reads the tune half only: pass --set tune")
    if args.oracle_clean:
        if args.set not in ("tune", "blind"):
            ap.error("--oracle-clean reads one half: pass --set tune, or --set blind for its totals")
        counts = oracle_clean(entries(CORPUS_FILES, args.set), args.corpora, errors=args.errors)
        print(HEADER)
        for kind in SOURCE_KINDS:
            if kind in counts:
                own, oracle = counts[kind]
                print(row(f"{args.set}, {kind} labelled line by line: citata's cleaning", own))
                print(row(f"{args.set}, {kind} labelled line by line: the gold's cleaning", oracle))
        return
    by_file = [(f"{name[:-len('.jsonl')]}, tune", entries((name,), "tune")) for name in CORPUS_FILES] \
        if args.by_file else []
    def by_source(which: str) -> list[tuple[str, list[dict]]]:
        es = entries(CORPUS_FILES, which)
        return [(f"{which}, {kind}", [e for e in es if source_kind(e) == kind]) for kind in SOURCE_KINDS] \
            if args.by_source else []
    sets = {"tune": by_file + by_source("tune") + [("tune", entries(CORPUS_FILES, "tune"))],
            "blind": by_source("blind") + [("blind", entries(CORPUS_FILES, "blind"))],
            "new": [("new, tune", entries(NEW_FILES, "tune")), ("new, blind", entries(NEW_FILES, "blind"))],
            "seeds": [("seeds", entries(SEED_FILES))]}
    chosen = {"all": ["tune", "blind", "new", "seeds"], "halves": ["tune", "blind"]}.get(args.set, [args.set])
    results = {}
    for key in chosen:
        for name, es in sets[key]:
            digest = hashlib.sha1() if args.fingerprint else None
            # per-file and per-source rows' errors print with the whole half's
            per_file = name not in ("tune", "blind", "new, tune", "new, blind", "seeds")
            results[name] = evaluate(es, args.corpora, errors=args.errors and not per_file, digest=digest)
            if digest is not None:
                print(f"fingerprint {name}: {digest.hexdigest()}")
    if args.set in ("tune", "seeds"):
        for name, c in results.items():
            if name in ("tune", "seeds"):
                print(report(name, c))
    print(HEADER)
    for name, c in results.items():
        print(row(name, c))
    if args.sieves:
        print("\nPer sieve (stage 1: which construction found the speaker's mention and how the mention was"
              " taken; stage 2: which step named the speaker); the blind half: how many each decides, no precision:\n")
        print(sieve_table(results))
    if args.kinds:
        print("\nBy kind (totals): speaker accuracy on matched quotations by the gold speaker's kind; "
              "recall by quotation type\n")
        kinds, types = ("person", "organization", "anonymous", "document"), ("direct", "indirect", "mixed")
        print("| set | " + " | ".join(kinds) + " | " + " | ".join(f"recall, {t}" for t in types) + " |")
        print("|---|" + "---|" * (len(kinds) + len(types)))
        for name, c in results.items():
            cells = [f"{c.get('kind_wsw_' + k, 0)}/{c.get('kind_match_' + k, 0)}" for k in kinds]
            cells += [f"{c.get('match_g_' + t, 0)}/{c.get('gold_' + t, 0)}" for t in types]
            print(f"| {name} | " + " | ".join(cells) + " |")
    if "tune" in results and "blind" in results:
        t, b = summary(results["tune"]), summary(results["blind"])
        print(f"\ngap (tune - blind): who-said-what F1 {t['wf'] - b['wf']:+.3f}, "
              f"speaker accuracy on matched {t['acc'] - b['acc']:+.3f}")


if __name__ == "__main__":
    main()
