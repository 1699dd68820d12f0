"""The title, date and outlet citata gives every unannotated text a session may read (issue 15), saved as
JSON, and the difference between two such files: which pages a change moves.

    python eval/page_metadata.py run OUT.json [--placeholder]   # this tree's metadata for every text
    python eval/page_metadata.py diff BEFORE.json AFTER.json    # each page whose title, date or outlet moved,
                                                                # and each removed line whose kind moved

The texts: the BSNLP raw files (of covid-19, the tune half's pages only: the blind half is never read)
and the factRuEval texts. --placeholder puts the covid-19 dumps' placeholder address in every BSNLP
header, so that the page alone dates and names itself (a real address and its header date decide both
otherwise). Run it in each checkout (PYTHONPATH) to compare two revisions."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

CORPORA = ROOT.parent / "shared" / "corpora"
PLACEHOLDER = "http://www.fromtheweb.eu"


def texts(corpora: Path) -> list[Path]:
    from cleaning import PAGES, load

    tune = {Path(e["file"]).name for e in load(PAGES, "tune")}
    files = [f for f in sorted((corpora / "bsnlp-ru").glob("*/raw/*")) if "covid-19" not in str(f) or f.name in tune]
    return files + sorted((corpora / "factrueval-2016").rglob("*.txt"))


def run(args) -> None:
    from citata.pipeline import build_document
    from citata.source import text_document

    out = {}
    for f in texts(args.corpora):
        text = f.read_text(encoding="utf-8", errors="replace")
        if args.placeholder and "bsnlp-ru" in f.parts:
            lines = text.split("\n")
            if len(lines) > 4:
                lines[3] = PLACEHOLDER  # (the BSNLP header's fourth line is the address)
            text = "\n".join(lines)
        raw = text_document(f.name, text)
        d = build_document(raw)
        out[str(f.relative_to(args.corpora))] = {
            "title": d.title, "published": d.published, "outlet": d.outlet,
            # (each removed line: where it starts, the rule or score that removed it, its opening words)
            "removed": [[b.start, b.kind, raw.text[b.start:b.end][:80]] for b in d.boilerplate]}
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(out)} texts: {sum(1 for v in out.values() if v['published'])} dated, "
          f"{sum(1 for v in out.values() if v['outlet'])} with an outlet → {args.out}")


def diff(args) -> None:
    a = json.loads(args.before.read_text(encoding="utf-8"))
    b = json.loads(args.after.read_text(encoding="utf-8"))
    moved = lines = 0
    for key in sorted(a.keys() & b.keys()):
        changes = [f"{k}: {a[key][k]!r} -> {b[key][k]!r}" for k in ("title", "published", "outlet") if a[key][k] != b[key].get(k)]
        if changes:
            moved += 1
            print(f"  {key}: " + "; ".join(changes))
        # (files written before the removed lines were saved have none: nothing to compare)
        kinds_a = {start: (kind, text) for start, kind, text in a[key].get("removed", [])}
        kinds_b = {start: (kind, text) for start, kind, text in b[key].get("removed", [])}
        for start in sorted(kinds_a.keys() | kinds_b.keys()):
            was, now = kinds_a.get(start, (None, "")), kinds_b.get(start, (None, ""))
            if was[0] != now[0]:
                lines += 1
                print(f"    {key}@{start}: {was[0]} -> {now[0]}  {(was[1] or now[1])!r}")
    print(f"{moved} of {len(a.keys() & b.keys())} texts moved ({len(a.keys() ^ b.keys())} in one file only); "
          f"{lines} removed lines changed kind (None: kept in the text)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--placeholder", action="store_true", help="the placeholder address in every BSNLP header")
    r.add_argument("--corpora", type=Path, default=CORPORA)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args()
    run(args) if args.cmd == "run" else diff(args)


if __name__ == "__main__":
    main()
