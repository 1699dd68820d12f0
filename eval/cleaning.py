"""Evaluate boilerplate removal, titles, dates and outlets against hand-labelled gold:

- eval/gold/cleaning.jsonl: 50 mostly text-only dumps (the existing gold);
- eval/gold/cleaning_pages.jsonl: whole covid-19 web pages, split by a fixed hash of the
  file name into a *tune* half (worked from) and a *blind* half (only totals are read).

    python eval/cleaning.py [--corpora ../shared/corpora] [--details] [--sites] [--no-blind] [--inventory] [--leave-out]

Every non-empty line is labelled title / body / boilerplate / header / empty. Body scores
count characters of non-blank lines (surrounding whitespace stripped). A line the gold calls
body and citata keeps counts fully as a true positive; part-kept lines (a caption cut off the
front of a paragraph) count the kept characters. Container header lines (BSNLP's
id/lang/date/URL) are left out of every score. Baseline: keep every line as body.

--details lists, for the existing gold and the tune half only (never the blind half), every
line citata labels differently from the gold, with the rule or score that removed it.
--inventory lists, for the tune half only, each page's outlet, the words it is shown in and
every signal that fires there, with each signal's right / wrong / invented counts.
--leave-out scores the tune half's outlets again with each page's own outlet left out of citata's
outlet tables (eval/mine_outlets.py's without_outlet): what the page alone shows of an outlet the
tables lack. The outlet table also splits right / none by whether the tables know the gold outlet.
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import operator
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.clean import visible  # noqa: E402
from citata.clean.templates import SiteTemplates, page_shapes, site_of  # noqa: E402
from citata import lexicons  # noqa: E402
from citata.metadata import canonical_outlet, known_outlet, outlet_from_url, site_names, translit  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from mine_outlets import without_outlet  # noqa: E402  (eval/, this script's folder)

GOLD = ROOT / "eval" / "gold" / "cleaning.jsonl"
PAGES = ROOT / "eval" / "gold" / "cleaning_pages.jsonl"
DOMAIN = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.[a-zа-я]{2,6}")


def half(entry: dict) -> str:
    """The fixed split of the whole-page gold, decided before any tuning."""
    return "blind" if int(hashlib.sha1(entry["file"].encode()).hexdigest(), 16) % 2 == 1 else "tune"


def load(path: Path, which: str | None = None) -> list[dict]:
    if not path.exists():
        return []
    entries = [json.loads(s) for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]
    return [e for e in entries if which is None or half(e) == which]


def _resolve(entry_file: str, corpora: Path) -> Path:
    path = Path(entry_file)
    return ROOT / path if path.parts[0] == "examples" else corpora / path


def _kept_chars(line_text: str, kept: tuple[int, int] | None) -> int:
    if kept is None:
        return 0
    return len(line_text[kept[0]:kept[1]].strip())


def same_outlet(got: str | None, gold: str | None) -> bool:
    """Outlet names compared without case, quotes and the "www." of a host; a name and
    its initials ("Комсомольская правда", "КП") are one outlet."""
    def norm(s: str | None) -> str:
        s = (s or "").lower().replace("ё", "е").removeprefix("www.")
        return " ".join("".join(c for c in s if c not in "«»\"“”„'").split())

    def initials(s: str) -> str:
        words = s.split()
        return "".join(w[0] for w in words) if len(words) > 1 else ""

    a, b = norm(got), norm(gold)
    return bool(a) and (a == b or initials(a) == b or initials(b) == a)


def one_outlet(got: str | None, gold: str | None) -> bool:
    """same_outlet, or the two are one outlet by citata's own outlet tables (outlets.tsv,
    outlet_sites.tsv, outlet_table.tsv with its other names, the mined outlet_names.tsv — what
    metadata reads, never a list made from the gold): a host and the name the tables give it ("kp.ru", "Комсомольская правда"), or two
    spellings of one known name ("Коммерсант", "Коммерсантъ")."""
    if same_outlet(got, gold):
        return True
    if not got or not gold:
        return False
    return same_outlet(_canonical(got), _canonical(gold))


def in_tables(name: str) -> bool:
    """Whether citata's outlet tables know an outlet by this name or host (as one_outlet reads them)."""
    if canonical_outlet(name) or known_outlet(name) or _by_host_label().get(translit(name)):
        return True
    host = name.lower().removeprefix("www.")
    return bool(DOMAIN.fullmatch(host)) and outlet_from_url(f"https://{host}/x") != host


def _canonical(name: str) -> str:
    host = name.lower().removeprefix("www.")
    if DOMAIN.fullmatch(host):
        return outlet_from_url(f"https://{host}/x") or name
    return canonical_outlet(name) or _by_host_label().get(translit(name)) or known_outlet(name) or name


@lru_cache(maxsize=1)
def _by_host_label() -> dict[str, str]:
    """A name spelling the main label of a host in citata's outlet tables -> the name the
    tables give that host ("DW" -> dw.com -> "Deutsche Welle"; "КП" -> kp.ru)."""
    table = {}
    for host, name in (*lexicons.outlets().items(), *site_names().items()):
        table.setdefault(translit(host.split(".")[0]), name)
    return table


def learn_sites(entries: list[dict], corpora: Path) -> SiteTemplates:
    """Site templates learned from every page in the folders the entries come from, as
    `citata extract` over those folders learns them from its batches."""
    sites = SiteTemplates()
    folders = sorted({(corpora / e["file"]).parent for e in entries})
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            raw = text_document(str(path), decode(path.read_bytes()))
            doc = build_document(raw)
            sites.learn(site_of(doc.url, doc.outlet), page_shapes(raw.text))
    return sites


def evaluate(entries: list[dict], corpora: Path, details: bool = False,
             sites: SiteTemplates | None = None, leave_out: bool = False) -> dict:
    """`leave_out`: each page that shows an outlet is read with that outlet left out of citata's
    outlet tables (all its names and hosts: eval/mine_outlets.py's without_outlet), as a page from
    an outlet citata does not know; the scores use the whole tables."""
    res = new_result()
    for entry in entries:
        raw = read_page(entry, corpora)
        if leave_out and entry.get("outlet"):
            with without_outlet([entry["outlet"]]):
                doc = build_document(raw, sites=sites)
        else:
            doc = build_document(raw, sites=sites)
        score_page(res, entry, raw.text, doc, details=details, leave_out=leave_out)
    return res


def new_result() -> dict:
    """Empty counts for score_page to add pages to (what `scores` and `report` read)."""
    return {"docs": 0, "tp": 0, "pred": 0, "gold": 0, "leak": 0, "base_pred": 0, "base_leak": 0,
            "titles": {"n": 0, "right": 0},
            "dates": {"n": 0, "right": 0, "spurious": 0, "null_gold": 0},
            "outlets": {"n": 0, "right": 0, "spurious": 0, "null_gold": 0, "one": 0, "none": 0,
                        **{k + x: 0 for k in ("known", "unknown") for x in ("", "_one", "_none")}}}


def read_page(entry: dict, corpora: Path):
    """The raw document of a gold page, as citata reads the file (refused if the file changed)."""
    path = _resolve(entry["file"], corpora)
    data = path.read_bytes()
    if hashlib.sha1(data).hexdigest() != entry["sha1"]:
        raise SystemExit(f"{path}: file changed since it was annotated (sha1 mismatch)")
    return text_document(entry["file"], decode(data))


def score_page(res: dict, entry: dict, text: str, doc, origin: list[int] | None = None,
               details: bool = False, leave_out: bool = False) -> None:
    """Add one page's scores to `res`. `text` is the page as annotated (the gold labels its lines);
    `doc` is citata's document of it, or, with `origin`, of another layout of it (eval/relayout.py):
    origin[i] is the annotated character that the document's raw character i is, -1 for one the
    layout added. A character counts with its annotated line's label wherever the layout put it."""
    lines = text.split("\n")
    if len(lines) != len(entry["labels"]):
        raise SystemExit(f"{entry['file']}: {len(lines)} lines, gold has {len(entry['labels'])}")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)

    def line_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    # How many characters of each annotated line ended up in doc.text.
    kept: dict[int, int] = {}
    spans: dict[int, tuple[int, int]] = {}
    kept_at: set[int] = set()
    for seg in doc.segments:
        if origin is None:  # a segment is a stripped piece of one line
            idx = line_of(seg.raw_start)
            a, b = seg.raw_start - starts[idx], seg.raw_start - starts[idx] + seg.length
            # a line the cleaner split to drop characters that carry no content (a soft hyphen) is
            # kept from its first segment's start to its last one's end
            spans[idx] = (min(a, spans[idx][0]), max(b, spans[idx][1])) if idx in spans else (a, b)
            continue
        for i in range(seg.raw_start, seg.raw_start + seg.length):
            if origin[i] >= 0:
                kept_at.add(origin[i])
    for idx, span in spans.items():
        kept[idx] = _kept_chars(lines[idx], span)
    for idx in sorted({line_of(o) for o in kept_at}):
        kept[idx] = _kept_in_line(lines[idx], starts[idx], kept_at)
    removed_by: dict[int, str] = {}
    for b in doc.boilerplate:
        o = b.start if origin is None else next((origin[i] for i in range(b.start, b.end) if origin[i] >= 0), -1)
        if o >= 0:
            removed_by.setdefault(line_of(o), b.kind)
    res["docs"] += 1
    doc_tp = doc_pred = doc_gold = 0
    wrong = []
    for i, (line, label) in enumerate(zip(lines, entry["labels"])):
        size = len(line.strip())
        if label in ("header", "empty") or not size:
            continue
        k = kept.get(i, 0)
        res["base_pred"] += size
        doc_pred += k
        if label == "body":
            doc_gold += size
            doc_tp += k
            if k < size:
                wrong.append((i, "body", f"removed by {removed_by.get(i, 'title')}", line))
        else:
            res["base_leak"] += size
            res["leak"] += k
            if k:
                wrong.append((i, label, "kept", line))
    res["tp"] += doc_tp
    res["pred"] += doc_pred
    res["gold"] += doc_gold
    if details and wrong:
        print(f"  {entry['file']}: gold body {doc_gold}, kept {doc_pred}, of them body {doc_tp}")
        for i, label, what, line in wrong:
            print(f"    {i:4d} gold {label:<11} {what:<28} {' '.join(line.split())[:110]}")
    titles, outlets = res["titles"], res["outlets"]
    if entry["title"]:
        li, a, b = entry["title"]
        gold_title = " ".join(lines[li][a:b].split())
        titles["n"] += 1
        # (read as shown: a soft hyphen or a zero-width space in the page's line is no difference)
        ok = visible(doc.title or "") == visible(gold_title)
        titles["right"] += ok
        if details and not ok:
            print(f"  title {entry['file']}: got {doc.title!r}, gold {gold_title!r}")
    _score(res["dates"], "date", entry["file"], doc.published, entry["published"], operator.eq, details, show=str)
    if "outlet" in entry:
        _score(outlets, "outlet", entry["file"], doc.outlet, entry["outlet"], same_outlet, details)
        if entry["outlet"]:
            outlets["one"] += one_outlet(doc.outlet, entry["outlet"])
            outlets["none"] += doc.outlet is None
            # (whether citata's tables know the page's outlet: pages from outlets they lack are the
            # ones the page alone must name)
            known = "known" if in_tables(entry["outlet"]) else "unknown"
            outlets[known] += 1
            outlets[known + "_one"] += one_outlet(doc.outlet, entry["outlet"])
            outlets[known + "_none"] += doc.outlet is None
            if details and leave_out and not one_outlet(doc.outlet, entry["outlet"]):
                print(f"  outlet left out {entry['file']}: got {doc.outlet!r}, gold {entry['outlet']!r}")


def _kept_in_line(line: str, start: int, kept_at: set[int]) -> int:
    """How much of an annotated line another layout kept: its kept characters, and each space
    between two kept words (the layout may have turned it into a line break, read as a space)."""
    count, gap, seen = 0, 0, False
    lead = len(line) - len(line.lstrip())
    for j in range(lead, len(line.rstrip())):
        if line[j].isspace():
            gap += 1
        elif start + j in kept_at:
            count += 1 + (gap if seen else 0)
            gap, seen = 0, True
        else:
            gap, seen = 0, False
    return count


def _score(counts: dict, what: str, file: str, got, gold, same, details: bool, show=repr) -> None:
    """One metadata field of one page against its gold: right or wrong where the gold has a value,
    invented where it has none; `details` prints each miss."""
    if gold:
        counts["n"] += 1
        ok = same(got, gold)
        counts["right"] += ok
        if details and not ok:
            print(f"  {what} {file}: got {show(got)}, gold {show(gold)}")
    else:
        counts["null_gold"] += 1
        counts["spurious"] += got is not None
        if details and got is not None:
            print(f"  {what} {file}: got {show(got)}, gold none (invented)")


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of `tp` right of `pred` predicted against `gold` (0.0 where undefined)."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _share(right: int, n: int) -> float:
    return right / n if n else 0.0


def scores(res: dict) -> dict:
    p, r, f = prf(res["tp"], res["pred"], res["gold"])
    bp, br, bf = prf(res["gold"], res["base_pred"], res["gold"])
    t, d, o = res["titles"], res["dates"], res["outlets"]
    return {
        "P": p, "R": r, "F1": f, "leak": _share(res["leak"], res["pred"]),
        "base_F1": bf, "base_leak": _share(res["base_leak"], res["base_pred"]),
        "title": _share(t["right"], t["n"]), "date": _share(d["right"], d["n"]),
        "outlet": _share(o["right"], o["n"]),
    }


def report(sets: dict[str, dict]) -> str:
    rows = [
        "| set | docs | body P | body R | body F1 | leakage | keep-all F1 | keep-all leakage "
        "| headline right | date right | dates invented | outlet right | outlets invented |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, res in sets.items():
        s = scores(res)
        t, d, o = res["titles"], res["dates"], res["outlets"]
        outlet = f"{o['right']}/{o['n']} = {s['outlet']:.0%}" if o["n"] or o["null_gold"] else "—"
        invented = f"{o['spurious']}/{o['null_gold']}" if o["n"] or o["null_gold"] else "—"
        rows.append(
            f"| {name} | {res['docs']} | {s['P']:.4f} | {s['R']:.4f} | {s['F1']:.4f} | {s['leak']:.2%} "
            f"| {s['base_F1']:.4f} | {s['base_leak']:.2%} "
            f"| {t['right']}/{t['n']} = {s['title']:.0%} | {d['right']}/{d['n']} = {s['date']:.0%} "
            f"| {d['spurious']}/{d['null_gold']} | {outlet} | {invented} |")
    if "tune" in sets and "blind" in sets:
        a, b = scores(sets["tune"]), scores(sets["blind"])
        rows.append(
            f"| gap (tune − blind) | | {a['P'] - b['P']:+.4f} | {a['R'] - b['R']:+.4f} | {a['F1'] - b['F1']:+.4f} "
            f"| {a['leak'] - b['leak']:+.2%} | | | {a['title'] - b['title']:+.0%} | {a['date'] - b['date']:+.0%} "
            f"| | {a['outlet'] - b['outlet']:+.0%} | |")
    return "\n".join(rows)


def report_aliases(sets: dict[str, dict]) -> str:
    """Outlet right under both scorings: names as written (the table above) and aliases of one
    outlet counted equal through citata's own outlet tables (one_outlet); and how many pages that
    show an outlet got none (a missed signal, not a wrong name)."""
    rows = ["| set | outlet right, names | outlet right, one outlet by citata's tables | no outlet found "
            "| outlet in the tables: right (one outlet) / none / pages | not in the tables: right / none / pages |",
            "|---|---|---|---|---|---|"]
    for name, res in sets.items():
        o = res["outlets"]
        if o["n"]:
            rows.append(f"| {name} | {o['right']}/{o['n']} = {o['right'] / o['n']:.0%} "
                        f"| {o['one']}/{o['n']} = {o['one'] / o['n']:.0%} | {o['none']}/{o['n']} "
                        f"| {o['known_one']} / {o['known_none']} / {o['known']} "
                        f"| {o['unknown_one']} / {o['unknown_none']} / {o['unknown']} |")
    return "\n".join(rows)


def inventory(entries: list[dict], corpora: Path) -> str:
    """For each tune page (never a blind one): the outlet the gold records, the words the
    annotators saw it in, every kind of signal that fires on the page (outlet_signals, the name
    the furniture repeats, the told names) with the name it gives, and the one taken; then, per
    kind, how often it fires right or wrong on the pages that show an outlet and how often it
    would invent one on the pages that show none (fires: right / wrong / on none)."""
    from collections import Counter

    from citata.clean import clean
    from citata.metadata import SIGNAL_ORDER, best_candidate, outlet_signals, outlet_told, page_outlet

    kinds = (*SIGNAL_ORDER, "scored", "company", "told")
    tally = {k: Counter() for k in kinds}
    rows = ["| page | gold outlet | shown in | signals firing | taken |", "|---|---|---|---|---|"]
    for entry in entries:
        if half(entry) != "tune":
            continue
        path = _resolve(entry["file"], corpora)
        raw = text_document(entry["file"], decode(path.read_bytes()))
        cleaned = clean(raw)
        found = {k: v for k, v in outlet_signals(cleaned, 4).items() if v}
        best = best_candidate(cleaned, 4)
        if best:
            found["scored"] = best.name
        if outlet_told(cleaned.text):
            found["told"] = outlet_told(cleaned.text)
        gold = entry.get("outlet")
        for k, v in found.items():
            tally[k]["on none" if not gold else "right" if one_outlet(v, gold) else "wrong"] += 1
        taken = page_outlet(cleaned, 4)[1] or "—"  # (the outlet's provenance: the signal that decided)
        evidence = " ".join((entry.get("outlet_evidence") or "").split())[:60].replace("|", "\\|")
        fired = ", ".join(f"{k}: {v}" for k, v in found.items()) or "—"
        rows.append(f"| {Path(entry['file']).stem} | {gold or '—'} | {evidence or '—'} | {fired} | {taken} |")
    rows += ["", "| signal | fires right / wrong / on a page showing none |", "|---|---|"]
    rows += [f"| {k} | {t['right']} / {t['wrong']} / {t['on none']} |" for k, t in tally.items() if t]
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--details", action="store_true",
                    help="every wrong line of the existing gold and the tune half (never the blind half)")
    ap.add_argument("--no-blind", action="store_true",
                    help="leave the blind half out (its totals are read only a few times a session)")
    ap.add_argument("--sites", action="store_true",
                    help="also score the whole pages with site templates learned from their folder")
    ap.add_argument("--leave-out", action="store_true",
                    help="also score the tune half's outlets with each page's own outlet left out of the tables")
    ap.add_argument("--inventory", action="store_true",
                    help="each tune page's outlet, where the page shows it and which signals fire (tune only)")
    args = ap.parse_args()
    if not args.corpora.is_dir():
        raise SystemExit(f"corpora not found at {args.corpora} (pass --corpora)")
    if args.inventory:
        print(inventory(load(PAGES, "tune"), args.corpora))
        return
    sets = {}
    for name, entries in (("existing gold", load(GOLD)), ("whole pages: tune", load(PAGES, "tune"))):
        if entries:
            if args.details:
                print(f"## {name}")
            sets[name.removeprefix("whole pages: ")] = evaluate(entries, args.corpora, args.details)
    blind = [] if args.no_blind else load(PAGES, "blind")
    if blind:
        sets["blind"] = evaluate(blind, args.corpora, details=False)
    print(report(sets))
    print()
    print(report_aliases(sets))
    if args.leave_out:
        # (tune only: a page's outlet left out of the tables, the page must show it by what generalises)
        print()
        print("Each page's own outlet left out of citata's outlet tables:")
        print()
        print(report_aliases({"tune, own outlet left out": evaluate(
            load(PAGES, "tune"), args.corpora, args.details, leave_out=True)}))
    if args.sites and blind:
        # Each page with the site templates its folder teaches (what `citata extract` over the
        # folder does); the rows above clean every page alone.
        sites = learn_sites(load(PAGES), args.corpora)
        with_sites = {"tune": evaluate(load(PAGES, "tune"), args.corpora, sites=sites),
                      "blind": evaluate(blind, args.corpora, sites=sites)}
        print()
        print("With site templates learned from the pages' folder:")
        print()
        print(report(with_sites))


if __name__ == "__main__":
    main()
