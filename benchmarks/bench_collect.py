"""`citata collect` throughput against `citata ingest` of the same pages saved as files.

    python benchmarks/bench_collect.py [--n 2000] [--workers 2] [--rounds 2] [--corpora ../shared/corpora]

The pages: corpus texts (bsnlp-ru raw and factrueval-2016 devset; copies past the corpus's
size carry their number in the title) as HTML article pages. Baseline: the pages written
as N .html files and `citata ingest --workers W` of their folder. Collect: the same bytes
served by a local HTTP server (tests/collect_site.py, on 127.0.0.1) listed in one sitemap,
and `citata collect --delay 0 --per-host 8 --workers W` of it: fetch into WARC files, then
ingest (which begins on each WARC file of 100 pages as soon as it is written). Both run as
subprocesses into fresh SQLite archives, one at a time, --rounds times each in ABBA order, and
the result is the ratio of their mean throughputs (collect / ingest; the issue asks for >= 0.80).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from collect_site import Reply, Server, page_html, urlset  # noqa: E402

from citata.model import RawDocument  # noqa: E402
from citata.source import read  # noqa: E402

CITATA = [sys.executable, "-m", "citata"]


def pages(corpora: Path, n: int) -> list[tuple[str, str, list[str]]]:
    paths = [str(p) for p in sorted((corpora / "bsnlp-ru").glob("*/raw"))]
    paths += [str(p) for p in sorted((corpora / "factrueval-2016" / "devset").glob("*.txt"))]
    docs = [r for r in read(paths) if isinstance(r, RawDocument)]
    if not docs:
        raise SystemExit(f"no corpus texts under {corpora}")
    out = []
    for i in range(n):
        doc = docs[i % len(docs)]
        lines = [ln.strip() for ln in doc.text.split("\n") if ln.strip()]
        # a BSNLP record's header lines (id, language, date, URL) are not article text
        if doc.layout == "bsnlp":
            lines = lines[4:] if len(lines) > 5 else lines
        title = lines[0][:200] + (f" ({i // len(docs) + 1})" if i >= len(docs) else "")
        out.append((f"p{i:05d}", title, lines[1:] or lines))
    return out


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some inputs unreadable, reported on both sides alike
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def count(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "quotations"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2, help="runs of each; the order alternates (ABBA)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["PYTHONPATH"] = str(ROOT)
    items = pages(args.corpora, args.n)
    with tempfile.TemporaryDirectory() as tmp, Server() as site:
        tmp = Path(tmp)
        folder = tmp / "pages"
        folder.mkdir()
        for slug, title, paragraphs in items:
            html = page_html(slug, title, "2024-03-01", paragraphs, site.base)
            (folder / f"{slug}.html").write_text(html, encoding="utf-8")
            site.routes[f"/news/{slug}"] = Reply(body=html)
        site.routes["/sitemap.xml"] = Reply(body=urlset(site.base, [f"/news/{s}" for s, _, _ in items]),
                                            ctype="application/xml")
        def ingest(i: int) -> float:
            return timed(CITATA + ["ingest", "--db", str(tmp / f"ingest{i}.db"), "--workers", str(args.workers),
                                   str(folder)], env)

        def collect(i: int) -> float:
            return timed(CITATA + ["collect", "--db", str(tmp / f"collect{i}.db"), "--workers", str(args.workers),
                                   "--delay", "0", "--per-host", "8", "--max-pages", str(args.n),
                                   site.base + "/sitemap.xml"], env)

        # ABBA: a machine whose load drifts favours neither side.
        ingest_s = collect_s = 0.0
        for i in range(args.rounds):
            if i % 2 == 0:
                ingest_s += ingest(i)
                collect_s += collect(i)
            else:
                collect_s += collect(i)
                ingest_s += ingest(i)
        ingest_s, collect_s = ingest_s / args.rounds, collect_s / args.rounds
        fetched = sum(1 for p in site.hits if p.startswith("/news/"))
        result = {
            "pages": args.n, "workers": args.workers, "rounds": args.rounds, "distinct_pages_fetched": fetched,
            "ingest_s": round(ingest_s, 1), "collect_s": round(collect_s, 1),
            "ingest_pages_per_s": round(args.n / ingest_s, 1), "collect_pages_per_s": round(args.n / collect_s, 1),
            "collect_vs_ingest": round(ingest_s / collect_s, 3),
            "articles_quotations": {"ingest": count(tmp / "ingest0.db"), "collect": count(tmp / "collect0.db")},
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
