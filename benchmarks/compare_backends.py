"""SQLite and PostgreSQL archives of the same input, compared table by table (issue 17: "PostgreSQL
and SQLite archives are identical after ingesting the shared corpora plus a file with NULs").

    python benchmarks/compare_backends.py [--corpora ../shared/corpora] [--pg URL] [--limit N]

Input: every raw text of the corpora (bsnlp-ru */raw/*, factrueval-2016 */*.txt, sorted; the first
--limit only, when given) and two hostile files: a text with a NUL past the binary check's first
8 KB and a JSON line with "\\u0000" in its id, title and text. Each backend gets them through
`citata ingest --workers 1` in a child process, into a fresh SQLite file and a fresh PostgreSQL
database (on the server --pg, default $CITATA_TEST_PG). Then every table is read in an order that is
total and compared row for row, ids included, ingest times left out; the full-text indexes, whose
form differs (SQLite's lemmas, PostgreSQL's tsvector), by which rows they index. Printed: rows per
table and whether the two agree, and the first differing row of a table that does not. Exit
status 1 when any table differs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _pg import create_database, database_url
from bench_writer import TABLES, connect  # the tables, each in a total order; either backend opened

ROOT = Path(__file__).resolve().parent.parent

INDEXED = {
    "sqlite": {"article_fts": "SELECT rowid FROM article_fts ORDER BY rowid",
               "quote_fts": "SELECT rowid FROM quote_fts ORDER BY rowid"},
    "pg": {"article_fts": "SELECT article_id FROM article_fts ORDER BY article_id",
           "quote_fts": "SELECT quotation_id FROM quote_fts ORDER BY quotation_id"},
}
# Cleaning's prose (three paragraphs, so no line recurs as a site's furniture), with a NUL in the last.
NUL_PROSE = (
    "Эксперты напомнили, что переговоры России и США о гарантиях безопасности начались в декабре, когда Москва "
    "передала Вашингтону проекты двух документов о нерасширении НАТО на восток.\n\n"
    "По словам дипломатов, следующая встреча делегаций может пройти в Женеве уже в феврале, однако точная дата "
    "пока не согласована.\n\n"
    "Министр подчеркнул, что российская сторона ждет подробного ответа по каждому пункту своих предложений, а "
    "окончательное реш\x00ение остается за президентом.\n")


def raw_texts(corpora: Path) -> list[Path]:
    """Every raw text of the shared corpora, sorted."""
    paths = sorted((corpora / "bsnlp-ru").glob("*/raw/*.txt")) + sorted((corpora / "factrueval-2016").glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no corpus texts under {corpora}")
    return paths


def hostile_files(directory: Path, seed: Path) -> list[Path]:
    """A text with a NUL past the first 8 KB, and a JSON line with "\\u0000" in id, title and text."""
    text = seed.read_text(encoding="utf-8")
    padding = text
    while len(padding.encode()) < 8300:
        padding += "\n\n" + text
    late = directory / "zz_late_nul.txt"
    late.write_text(padding + "\n\n" + NUL_PROSE, encoding="utf-8")
    assert late.read_bytes().index(b"\x00") > 8192
    record = directory / "zz_nul.jsonl"
    record.write_text(json.dumps({"id": "nul\u0000", "title": "\u0000Заголовок", "outlet": "Reprints",
                                  "text": text.replace(" ", " \u0000", 3)}) + "\n", encoding="utf-8")
    return [late, record]


def dump(db: str) -> dict[str, list[tuple]]:
    conn, kind = connect(db)
    out = {}
    for name, sql in {**TABLES, **INDEXED[kind]}.items():
        out[name] = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                     for row in conn.execute(sql).fetchall()]
    conn.close()
    return out


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> dict[str, str | None]:
    """Per table: None where both hold the same rows, else what differs first."""
    out = {}
    for name in a:
        if a[name] == b[name]:
            out[name] = None
        elif len(a[name]) != len(b[name]):
            out[name] = f"{len(a[name])} rows against {len(b[name])}"
        else:
            i = next(i for i, (x, y) in enumerate(zip(a[name], b[name])) if x != y)
            out[name] = f"row {i}: {a[name][i]!r:.300} against {b[name][i]!r:.300}"
    return out


def ingest(db: str, paths: list[Path]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "citata", "ingest", "--workers", "1", "--db", db,
                           *map(str, paths)], env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some inputs were reported as errors, the rest ingested
        raise SystemExit(f"citata ingest into {db} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"), help="a PostgreSQL server's URL")
    ap.add_argument("--limit", type=int, default=None, help="only the first N corpus texts")
    args = ap.parse_args()
    if not args.pg:
        raise SystemExit("no PostgreSQL server: --pg URL or $CITATA_TEST_PG (.ci/pg-server start)")
    import psycopg

    texts = raw_texts(args.corpora)[:args.limit]
    with tempfile.TemporaryDirectory(prefix="citata-backends-") as tmp:
        paths = texts + hostile_files(Path(tmp), ROOT / "examples" / "003_b927d54b9469dc94.txt")
        lite = str(Path(tmp) / "a.db")
        seconds = {"SQLite": ingest(lite, paths)}
        name = f"citata_compare_{os.getpid()}"
        with psycopg.connect(args.pg, autocommit=True) as admin:
            create_database(admin, name)
            try:
                post = database_url(args.pg, name)
                seconds["PostgreSQL"] = ingest(post, paths)
                tables = (dump(lite), dump(post))
            finally:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    found = differences(*tables)
    print(f"{len(texts)} corpus texts and 2 files with NULs; ingest --workers 1: "
          + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items()))
    print("\n| table | rows (SQLite) | rows (PostgreSQL) | identical |\n|---|---|---|---|")
    for table, diff in found.items():
        print(f"| {table} | {len(tables[0][table]):,} | {len(tables[1][table]):,} | {'yes' if diff is None else 'NO'} |")
    for table, diff in found.items():
        if diff is not None:
            print(f"\n{table}: {diff}")
    nul = any(isinstance(v, str) and "\x00" in v for rows in tables[0].values() for row in rows for v in row)
    print(f"\nNUL characters stored: {'yes' if nul else 'none'}")
    sys.exit(1 if any(found.values()) or nul else 0)


if __name__ == "__main__":
    main()
