"""SQLite's own share of the archive writer, table by table, and what a schema change would take off
it: the rows a writer wrote (an archive made by profile_writer.py or bench_writer.py) are written
again, batch by batch as the writer sends them, into fresh archives of each variant; CPU ms per
article of each table's statement and of COMMIT, the fastest of --rounds rounds per variant (the
rounds alternate, each variant first in turn, so a loaded machine slows every variant alike and
the minimum is the least disturbed). Python's part of the writer (linking, placement, building
rows) is not in it: this is the floor SQLite alone sets.

    python benchmarks/sqlite_floor.py --from /tmp/prof.db [--rounds 5] [--variants now,checks,...]

Variants (comma-separated, each a set of changes joined by '+'):
  now          the writer's schema and settings as they are
  checks       the foreign keys checked row by row (the writer before the twelfth session)
  contentless  the full-text tables keep no copy of the lemmas (FTS5 content='')
  packed       an article's mentions as one JSON row instead of a row each (no mentions_article index)
  nolsh        no LSH rows written (what an LSH index kept outside the archive would save)
  unicode61    the full-text tables tokenised as before the sixteenth session (unicode61, not ascii)
  nosignature  without the articles_signature index (the sixteenth session's: placement reads it)
  clustered    the mentions kept in their article's order, keyed by (article_id, id), WITHOUT ROWID: one
               B-tree instead of the table and its mentions_article index
  nofts        no full-text rows at all (what the two FTS5 tables cost, inserts and their segments at COMMIT)
  lshappend    the LSH table keyed by (article_id, key): a batch's rows appended, not spread over the B-tree
  automergeN   the FTS5 tables' automerge set to N (FTS5's default 4); also crisismergeN, pgszN
  pageN        pages of N bytes (SQLite's default 4096)
  ckptN        the WAL copied into the file once it holds N pages (backend.WAL_PAGES: 16384)
COMMIT counts the close too (the last checkpoint: what a larger or smaller ckptN moves there).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.archive import backend  # noqa: E402

ARTICLE_COLUMNS = ("id", "source", "hash", "title", "outlet_id", "url", "published", "text", "dateline",
                   "relayed_from", "credits", "boilerplate", "minhash", "syndication_group")
CLUSTERED_MENTIONS = """CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER NOT NULL, article_id INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, type TEXT NOT NULL, normal TEXT, entity_id TEXT,
    PRIMARY KEY (article_id, id)) WITHOUT ROWID;"""
PARTS = ("articles", "lsh", "article_fts", "quotations", "quote_fts", "mentions", "COMMIT")


def read_rows(path: str) -> dict:
    """Every article's rows of the archive at `path`, by article."""
    src = sqlite3.connect(path)

    def by_article(sql: str) -> dict[int, list[tuple]]:
        out: dict[int, list[tuple]] = defaultdict(list)
        for row in src.execute(sql):
            out[row[0]].append(row[1:])
        return out
    rows = {
        "articles": src.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY id").fetchall(),
        "lsh": by_article("SELECT article_id, key FROM lsh"),
        "quotations": by_article("SELECT article_id, * FROM quotations ORDER BY id"),
        "mentions": by_article('SELECT article_id, id, article_id, text, start, "end", type, normal, entity_id'
                               " FROM mentions ORDER BY id"),
        "article_fts": dict(src.execute("SELECT rowid, lemmas FROM article_fts").fetchall()),
        "quote_fts": dict(src.execute("SELECT rowid, lemmas FROM quote_fts").fetchall()),
        "outlets": src.execute("SELECT * FROM outlets").fetchall(),
        "speakers": src.execute("SELECT * FROM speakers").fetchall(),
        "quotation_columns": [d[0] for d in src.execute("SELECT * FROM quotations LIMIT 0").description],
    }
    src.close()
    return rows


def write(rows: dict, variant: set[str], path: Path, batch: int) -> dict[str, float]:
    """The rows into a fresh archive of the variant; CPU seconds per part."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    schema = backend.SCHEMA
    if "unicode61" in variant:
        schema = schema.replace(f"tokenize = '{backend.FTS_TOKENIZER}'", "tokenize = 'unicode61 remove_diacritics 0'")
    if "nosignature" in variant:
        schema = schema.replace("CREATE INDEX IF NOT EXISTS articles_signature ON articles(id, syndication_group,"
                                " minhash);", "")
    if "contentless" in variant:
        schema = schema.replace("fts5(lemmas, tokenize", "fts5(lemmas, content='', tokenize")
    if "packed" in variant:
        schema = schema.replace("CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);", "")
    if "lshappend" in variant:
        schema = schema.replace("PRIMARY KEY (key, article_id)", "PRIMARY KEY (article_id, key)")
    if "clustered" in variant:
        schema = schema.replace("CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);", "")
        schema = re.sub(r"CREATE TABLE IF NOT EXISTS mentions \(.*?\n\);", CLUSTERED_MENTIONS, schema, flags=re.S)
    numbers = {name: int(value) for name, value in (re.fullmatch(r"([a-z]+)(\d+)", v).groups()
                                                     for v in variant if re.fullmatch(r"[a-z]+\d+", v))}
    conn = sqlite3.connect(path, isolation_level=None)
    if "page" in numbers:
        conn.execute(f"PRAGMA page_size = {numbers['page']}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA foreign_keys = {'ON' if 'checks' in variant else 'OFF'}")
    conn.execute(f"PRAGMA wal_autocheckpoint = {numbers.get('ckpt', backend.WAL_PAGES)}")
    conn.execute(f"PRAGMA cache_size = -{backend.CACHE_KIB}")
    conn.executescript(schema)
    for option in ("automerge", "crisismerge", "pgsz"):
        if option in numbers:
            for table in ("article_fts", "quote_fts"):
                conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES (?, ?)", (option, numbers[option]))
    if "packed" in variant:
        conn.execute("CREATE TABLE article_mentions (article_id INTEGER PRIMARY KEY, data TEXT NOT NULL)")
    conn.executemany("INSERT INTO outlets VALUES (?, ?, ?)", rows["outlets"])
    conn.executemany("INSERT INTO speakers VALUES (?, ?, ?, ?, ?)", rows["speakers"])
    columns = rows["quotation_columns"]
    insert_quotations = (f"INSERT INTO quotations ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)})"
                         f" VALUES ({', '.join('?' * len(columns))})")
    insert_articles = (f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)})"
                       f" VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})")
    spent = dict.fromkeys(PARTS, 0.0)

    def timed(part, sql, params):
        t = time.process_time()
        conn.executemany(sql, params)
        spent[part] += time.process_time() - t

    articles = rows["articles"]
    for i in range(0, len(articles), batch):
        chunk = articles[i:i + batch]
        ids = [a[0] for a in chunk]
        conn.execute("BEGIN IMMEDIATE")
        timed("articles", insert_articles, chunk)
        if "nolsh" not in variant:
            lsh = sorted((key, a) for a in ids for (key,) in rows["lsh"][a])
            if "lshappend" in variant:  # in the table's own order
                lsh.sort(key=lambda row: (row[1], row[0]))
            timed("lsh", "INSERT INTO lsh (key, article_id) VALUES (?, ?)", lsh)
        if "nofts" not in variant:
            timed("article_fts", "INSERT INTO article_fts (rowid, lemmas) VALUES (?, ?)",
                  [(a, rows["article_fts"][a]) for a in ids])
        quotations = [q for a in ids for q in rows["quotations"][a]]
        timed("quotations", insert_quotations, quotations)
        if "nofts" not in variant:
            timed("quote_fts", "INSERT INTO quote_fts (rowid, lemmas) VALUES (?, ?)",
                  [(q[0], rows["quote_fts"][q[0]]) for q in quotations])
        if "packed" in variant:
            t = time.process_time()  # the JSON is the writer's to make: counted in
            conn.executemany("INSERT INTO article_mentions (article_id, data) VALUES (?, ?)",
                             [(a, json.dumps([m[2:] for m in rows["mentions"][a]], ensure_ascii=False)) for a in ids])
            spent["mentions"] += time.process_time() - t
        else:
            # The ids as the writer gives them: SQLite's (the rowid) in the schema as it is, the
            # writer's own where the table is keyed by article.
            timed("mentions", 'INSERT INTO mentions (id, article_id, text, start, "end", type, normal, entity_id)'
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [m for a in ids for m in rows["mentions"][a]])
        t = time.process_time()
        conn.execute("COMMIT")
        spent["COMMIT"] += time.process_time() - t
    t = time.process_time()
    conn.close()  # the last WAL pages copied into the file
    spent["COMMIT"] += time.process_time() - t
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="source", required=True, help="an SQLite archive a writer made")
    ap.add_argument("--variants", default="now,unicode61,nosignature,contentless,packed,nolsh,clustered")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args()
    rows = read_rows(args.source)
    n = len(rows["articles"])
    variants = args.variants.split(",")
    best: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # Not counted: a process's first write is slower (memory and the file's pages still to get).
        write(rows, {"now"}, Path(tmp) / "floor.db", args.batch)
        for r in range(args.rounds):
            for v in variants[r % len(variants):] + variants[:r % len(variants)]:  # each in turn first
                spent = write(rows, set(v.split("+")), Path(tmp) / "floor.db", args.batch)
                if v not in best or sum(spent.values()) < sum(best[v].values()):
                    best[v] = spent
    print(f"{n:,} articles of {os.path.basename(args.source)} in batches of {args.batch}; CPU ms per article,"
          f" the fastest of {args.rounds} alternating rounds per variant\n")
    print("| variant | " + " | ".join(PARTS) + " | all |")
    print("|---|" + "---|" * (len(PARTS) + 1))
    for v in variants:
        spent = best[v]
        print(f"| {v} | " + " | ".join(f"{1000 * spent[p] / n:.3f}" for p in PARTS)
              + f" | {1000 * sum(spent.values()) / n:.3f} |")


if __name__ == "__main__":
    main()
