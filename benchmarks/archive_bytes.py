"""Bytes per article of each table and index of an SQLite archive (SQLite's `dbstat` table):
the pages it takes, what the rows hold (payload) and what is left empty on its pages, largest first.

    python benchmarks/archive_bytes.py ARCHIVE.db [--top 20]

What a writer appends to the WAL and a checkpoint copies grows with these pages (and with the pages
of indexes that each batch rewrites, which this does not show).
"""
from __future__ import annotations

import argparse
import sqlite3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive")
    ap.add_argument("--top", type=int, default=20, help="the largest this many, the rest summed")
    args = ap.parse_args()
    conn = sqlite3.connect(f"file:{args.archive}?mode=ro", uri=True)
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    rows = conn.execute("SELECT name, SUM(pgsize), COUNT(*), SUM(payload), SUM(unused) FROM dbstat"
                        " GROUP BY name ORDER BY 2 DESC").fetchall()
    total = sum(r[1] for r in rows)
    print(f"{articles:,} articles, {total / 2 ** 20:.1f} MiB: {total / articles:,.0f} bytes an article\n")
    print("| table or index | bytes an article | share | pages | payload | unused |")
    print("|---|---|---|---|---|---|")
    rest = [0, 0, 0, 0]
    for i, (name, size, pages, payload, unused) in enumerate(rows):
        if i >= args.top:
            rest = [a + b for a, b in zip(rest, (size, pages, payload, unused))]
            continue
        print(f"| {name} | {size / articles:,.0f} | {size / total:.1%} | {pages:,} | {payload / articles:,.0f} |"
              f" {unused / articles:,.0f} |")
    if rest[0]:
        print(f"| {len(rows) - args.top} others | {rest[0] / articles:,.0f} | {rest[0] / total:.1%} | {rest[1]:,} |"
              f" {rest[2] / articles:,.0f} | {rest[3] / articles:,.0f} |")


if __name__ == "__main__":
    main()
