"""Which of the mentions' and quotations' indexes the readers' queries use (SQLite's EXPLAIN QUERY PLAN).

    python benchmarks/plan_readers.py [--db FILE] PATH...

PATHs (files or folders) are ingested into a fresh SQLite archive; every index named in INDEXES
that the archive lacks is made (an older archive's, such as mentions_entity), then each reader
of `citata.Archive` is called (search, quotes by speaker and topic, counts, speakers and their
profiles, facets, attention, compare, articles, outlets, stats, every export) with SQLite's trace
on, and each SELECT it ran is planned: printed, how many plans use each index.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import Archive  # noqa: E402

INDEXES = {
    "mentions_entity": "mentions(entity_id)",
    "mentions_article": "mentions(article_id)",
    "quotations_article": "quotations(article_id)",
    "quotations_speaker": "quotations(speaker_id, cluster_id, published, article_id)",
    "quotations_cluster": "quotations(cluster_id, published, article_id)",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", type=Path, help="the archive made (default: a temporary file)")
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "plans.db"
    archive = Archive(db)
    archive.ingest(args.paths, workers=1)
    archive.close()
    conn = sqlite3.connect(db)
    for name, on in INDEXES.items():
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    conn.commit()

    archive = Archive(db)
    ran: list[str] = []
    archive.conn.set_trace_callback(ran.append)  # each statement with its parameters in place
    top = archive.speakers(top=5)
    for s in top[:3]:
        archive.speaker(s["name"])
        archive.speaker_profile(s["id"])
        archive.quotes(speaker=s["name"])
        archive.count_quotes(speaker=s["name"])
    archive.speaker_list()
    archive.quotes(about="президент")
    archive.count_quotes(about="президент")
    archive.facets()
    archive.attention()
    if len(top) > 1:
        archive.compare([s["id"] for s in top[:2]])
    archive.search("президент")
    archive.article(1)
    archive.quotation(1)
    archive.articles()
    archive.count_articles()
    archive.outlets()
    archive.stats()
    for what in ("quotes", "articles", "mentions"):
        list(archive.rows(what))
    archive.close()

    used: Counter[str] = Counter()
    planned = 0
    for sql in ran:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        plan = " / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
        planned += 1
        used.update(name for name in INDEXES if name in plan)
    print(f"{planned} SELECT statements planned ({len(ran)} run); plans using each index:")
    for name in INDEXES:
        print(f"  {name}: {used[name]}")


if __name__ == "__main__":
    main()
