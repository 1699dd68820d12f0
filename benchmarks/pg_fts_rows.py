"""What an article's full-text row costs PostgreSQL's server, piece by piece: the workers' tsvector
texts of bench_writer.py's articles inserted, 256 a transaction, into tables with more of the
archive's `article_fts` each time (heap, primary key, foreign key, GIN; GIN without fastupdate or
with a larger pending list; lz4 and inline storage; RUM as the archive makes it, logged and unlogged,
where the database has the rum extension), the server's CPU from /proc and the WAL written, every
variant in each round.

    python benchmarks/pg_fts_rows.py [--pg URL] [--pg-template template1] [--rounds 2] [--n 3000] [--cache FILE]

--pg-template: the template of the database made (template0 by default; a test server's template1 has
rum, and only then are the RUM variants run).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))
sys.path.append(str(ROOT / "benchmarks"))

import bench_writer  # noqa: E402
from _pg import create_database, database_url  # noqa: E402

EXTERNAL = "ALTER TABLE f ALTER COLUMN tsv SET STORAGE EXTERNAL"
FK = "REFERENCES a(id) ON DELETE CASCADE"
VARIANTS = {
    "parsing the text only": None,
    "heap (EXTERNAL storage, as the archive)": f"CREATE TABLE f (id bigint, tsv tsvector); {EXTERNAL}",
    "heap, lz4 (EXTENDED)": "CREATE TABLE f (id bigint, tsv tsvector COMPRESSION lz4)",
    "heap + primary key": f"CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector); {EXTERNAL}",
    "heap + primary key + foreign key": f"CREATE TABLE f (id bigint PRIMARY KEY {FK}, tsv tsvector); {EXTERNAL}",
    "heap + primary key + GIN": f"CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector); {EXTERNAL};"
                                " CREATE INDEX ON f USING gin (tsv)",
    "heap + primary key + GIN, fastupdate off": f"CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector); {EXTERNAL};"
                                                " CREATE INDEX ON f USING gin (tsv) WITH (fastupdate = off)",
    "heap + primary key + GIN, 32 MB pending list": f"CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector); {EXTERNAL};"
                                                    " CREATE INDEX ON f USING gin (tsv) WITH (gin_pending_list_limit = 32768)",
    "heap + primary key + foreign key + GIN (the archive before)":
        f"CREATE TABLE f (id bigint PRIMARY KEY {FK}, tsv tsvector); {EXTERNAL}; CREATE INDEX ON f USING gin (tsv)",
    "heap + primary key + GIN, lz4 (EXTENDED)":
        "CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector COMPRESSION lz4); CREATE INDEX ON f USING gin (tsv)",
    "heap + primary key + GIN, MAIN storage (pglz, inline)":
        "CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector); CREATE INDEX ON f USING gin (tsv)",
}
# The archive's RUM index (pg.py, Postgres.index_article_text); unlogged, the same index without its WAL.
RUM = "CREATE INDEX ON f USING rum (tsv {rum}.rum_tsvector_addon_ops, id) WITH (attach = 'id', to = 'tsv')"
RUM_VARIANTS = {
    "heap + primary key + RUM (the archive where rum is installed)":
        f"CREATE TABLE f (id bigint PRIMARY KEY, tsv tsvector); {EXTERNAL}; {RUM}",
    "heap + primary key + RUM, UNLOGGED table (no WAL)":
        f"CREATE UNLOGGED TABLE f (id bigint PRIMARY KEY, tsv tsvector); {EXTERNAL}; {RUM}",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"))
    ap.add_argument("--pg-template", default="template0")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "citata-bench-writer-400.pkl")
    args = ap.parse_args()
    import psycopg

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.pkl"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "profile_writer.py"), "--items", str(path),
                        "--cache", str(args.cache), "--n", str(args.n)], check=True)
        with open(path, "rb") as fh:
            tsvs = [p.text_tsv for p in bench_writer.load_items(fh) if p.text_tsv]
    admin = psycopg.connect(args.pg, autocommit=True)
    name = f"citata_fts_rows_{os.getpid()}"
    create_database(admin, name, args.pg_template)
    try:
        conn = psycopg.connect(database_url(args.pg, name), autocommit=True)
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        rum = conn.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                           " WHERE e.extname = 'rum'").fetchone()
        variants = dict(VARIANTS, **{k: v.format(rum=rum[0]) for k, v in RUM_VARIANTS.items()} if rum else {})
        lsn = "SELECT pg_current_wal_insert_lsn()"
        conn.execute("CREATE TABLE a (id bigint PRIMARY KEY)")
        conn.execute("INSERT INTO a SELECT generate_series(1, %s)", (len(tsvs),))
        print(f"{len(tsvs)} articles' tsvectors, {sum(map(len, tsvs)) / len(tsvs):,.0f} characters of text on average")
        print("| round | table | server CPU ms per article | wall ms per article | WAL KB per article |\n"
              "|---|---|---|---|---|")
        for rnd in range(args.rounds):
            for label, ddl in variants.items():
                conn.execute("DROP TABLE IF EXISTS f")
                if ddl:
                    conn.execute(ddl)
                s, w, wal = bench_writer.process_cpu(pid), time.perf_counter(), conn.execute(lsn).fetchone()[0]
                for i in range(0, len(tsvs), 256):
                    chunk = tsvs[i:i + 256]
                    with conn.transaction():
                        if ddl is None:
                            conn.execute("SELECT count(*) FROM (SELECT t::tsvector FROM unnest(%b::text[]) t) x", (chunk,))
                        else:
                            conn.execute("INSERT INTO f (id, tsv) SELECT id, t::tsvector FROM unnest(%b::bigint[], %b::text[])"
                                         " r (id, t)", (list(range(i + 1, i + 1 + len(chunk))), chunk))
                cpu, wall = bench_writer.process_cpu(pid) - s, time.perf_counter() - w
                wal = conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), %s)", (wal,)).fetchone()[0]
                print(f"| {rnd + 1} | {label} | {1000 * cpu / len(tsvs):.3f} | {1000 * wall / len(tsvs):.3f} |"
                      f" {float(wal) / 1024 / len(tsvs):.1f} |", flush=True)
        conn.execute("DROP TABLE IF EXISTS f")
        conn.execute("CREATE TABLE f (id bigint, tsv tsvector COMPRESSION lz4)")
        conn.execute("INSERT INTO f SELECT 1, t::tsvector FROM unnest(%b::text[]) t", (tsvs,))
        size, raw = conn.execute("SELECT avg(pg_column_size(tsv)), avg(length(tsv::text)) FROM f").fetchone()
        print(f"stored with lz4: {size:,.0f} bytes a tsvector on average ({raw:,.0f} characters as text)")
        conn.close()
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


if __name__ == "__main__":
    main()
