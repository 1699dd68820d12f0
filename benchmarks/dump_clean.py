"""Every field clean + metadata produce, for every raw file, as JSON lines: the identity check for a
change that must not alter cleaning output (run it on two trees and diff the files).

    python benchmarks/dump_clean.py OUT.jsonl [--corpora ../shared/corpora]

Files: ../shared/corpora/bsnlp-ru/*/raw/*.txt (the covid-19 whole pages included),
factrueval-2016/devset/*.txt, examples/*.txt, and any other file eval/gold/ names. Each file is
dumped twice: alone (bench_clean's pass), and with the site templates learned from every file
dumped (a later page of a site, as `citata extract` over a folder cleans it).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.clean.templates import SiteTemplates, page_shapes, site_of  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402


def files(corpora: Path) -> set[Path]:
    found = set(corpora.glob("bsnlp-ru/*/raw/*.txt")) | set(corpora.glob("factrueval-2016/devset/*.txt"))
    found |= set((ROOT / "examples").glob("*.txt"))
    for gold in (ROOT / "eval" / "gold").glob("*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            name = json.loads(line).get("file") if line.strip() else None
            if name:
                path = ROOT / name if name.startswith("examples/") else corpora / name
                if path.exists():
                    found.add(path)
    return found


def fields(doc) -> dict:
    return {
        "text": doc.text, "title": doc.title, "published": doc.published, "outlet": doc.outlet, "url": doc.url,
        "dateline": asdict(doc.dateline) if doc.dateline else None, "credits": list(doc.credits),
        "relayed_from": list(doc.relayed_from), "boilerplate": [asdict(b) for b in doc.boilerplate],
        "segments": [asdict(s) for s in doc.segments],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    corpora = args.corpora.resolve()
    # Names relative to the corpora (or the tree, for examples/), so that two trees' dumps compare.
    named = sorted((str(p.relative_to(corpora if p.is_relative_to(corpora) else ROOT)), p) for p in files(corpora))
    raws = [text_document(name, decode(p.read_bytes())) for name, p in named]
    sites = SiteTemplates()
    with args.out.open("w", encoding="utf-8") as out:
        for raw in raws:
            doc = build_document(raw)
            sites.learn(site_of(doc.url, doc.outlet), page_shapes(raw.text))
            out.write(json.dumps({"source": raw.source, "pass": "alone", **fields(doc)}, ensure_ascii=False) + "\n")
        for raw in raws:
            doc = build_document(raw, sites=sites)
            out.write(json.dumps({"source": raw.source, "pass": "sites", **fields(doc)}, ensure_ascii=False) + "\n")
    print(f"{len(raws)} files, {2 * len(raws)} documents -> {args.out}")


if __name__ == "__main__":
    main()
