"""Archive benchmark: ingest throughput against plain extract, then query latency on a large archive.

    python benchmarks/bench_archive.py [--n 100000] [--corpora ../shared/corpora] [--db FILE] [--queries 200]
                                       [--pg URL [--pg-template template0]] [--no-ingest] [--cache FILE]

In one run, on one core (BLAS pinned to one thread):
1. `citata extract`'s path (read, process, serialise to JSON) over every
   corpus text (bsnlp-ru raw and factrueval-2016 devset), after a warm-up
   pass, against `citata ingest --workers 1` over the same files into a fresh
   archive: documents/s of each and their ratio.
2. An archive of N articles: the corpus processed once, then replicated with
   new sources and published dates spread over 2015-2024 and written
   through the store layer (the same writes as ingest: syndication, quotation
   clusters, full-text index).
3. Latency of `Archive.search` (what `citata search` runs) and
   `Archive.quotes(speaker=…)` (`citata quotes --speaker`) over varied
   queries drawn from the corpus: title words, and speakers' surnames in
   the nominative and genitive. p50/p95 in milliseconds, warm cache.
4. With --pg (a server's URL, a role that may create databases), the same N articles are
   written into a fresh PostgreSQL database too and the same queries timed there, beside
   SQLite's; the database is dropped at the end unless --keep-pg. Its articles' full-text
   index (RUM, or GIN without the rum extension) is printed; --pg-template template0 makes the
   database without a test server's template1 extensions (rum), so the index is GIN.
5. With --same-rows URL (another PostgreSQL archive of the same articles, e.g. a copy with the
   other full-text index), the searches whose rows (ids, order, snippets) are identical in both,
   and both timed query by query in turn (so that a loaded machine's swings fall on both alike).
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import Archive  # noqa: E402
from citata.archive.ingest import content_hash, ingest, prepare  # noqa: E402
from citata.lemmas import words  # noqa: E402
from citata.model import RawDocument, ReadError  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.pipeline import process  # noqa: E402
from citata.source import read  # noqa: E402
from _corpus import corpus_paths, load_items  # noqa: E402
from _pg import create_database, database_url  # noqa: E402
from citata.archive.store import Store  # noqa: E402


def extract_pass(paths: list[str]) -> tuple[int, float]:
    t0 = time.perf_counter()
    n = 0
    with open(os.devnull, "w") as sink:
        for item in process(read(paths)):
            if not isinstance(item, ReadError):
                sink.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                n += 1
    return n, time.perf_counter() - t0


def ingest_pass(paths: list[str], db: Path) -> tuple[int, float]:
    t0 = time.perf_counter()
    report = ingest(paths, db, workers=1)
    return report.new, time.perf_counter() - t0


def prepared_corpus(paths: list[str]) -> list:
    """The corpus read, hashed and processed as ingest prepares it for the store, 64 documents a batch."""
    raws = [(r, content_hash(r)) for r in read(paths) if isinstance(r, RawDocument)]
    return [p for i in range(0, len(raws), 64) for p in prepare(raws[i:i + 64]) if not isinstance(p, ReadError)]


def build(db: Path | str, prepared: list, n: int, rng: random.Random) -> float:
    store = Store(db)
    t0 = time.perf_counter()
    batch = []
    for i in range(n):
        p = prepared[i % len(prepared)]
        day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = dataclasses.replace(p.doc, source=f"bench/{i}/{p.doc.source}", published=day)
        batch.append(dataclasses.replace(p, doc=doc, hash=f"bench-{i}"))
        if len(batch) == 1000:
            store.write(batch)
            batch = []
            print(f"\r  written {i + 1}/{n}", end="", file=sys.stderr, flush=True)
    if batch:
        store.write(batch)
    store.close()
    print(file=sys.stderr)
    return time.perf_counter() - t0


def queries(prepared: list, count: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Searches: one to three content words of one headline; speakers: surnames, nominative or genitive."""
    titles = []
    for p in prepared:
        content = [m.group() for m in words(p.doc.title or "")
                   if len(m.group()) >= 5 and parse(m.group().lower())[0].tag.POS in ("NOUN", "ADJF")]
        if content:
            titles.append(content)
    searches = []
    for _ in range(count):
        title = rng.choice(titles)
        searches.append(" ".join(rng.sample(title, min(len(title), rng.choice((1, 2, 2, 3))))))
    surnames = set()
    for p in prepared:
        for q in p.doc.quotes:
            if q.speaker and q.speaker.name and q.speaker.kind == "person":
                surname = q.speaker.name.split()[-1]
                surnames.add(surname)
                forms = parse(surname.lower())[0].lexeme
                gent = [f.word for f in forms if "gent" in f.tag and "sing" in f.tag]
                if gent:
                    surnames.add(gent[0])
    surnames = sorted(surnames)
    speakers = [rng.choice(surnames) for _ in range(count)]
    return searches, speakers


def latency(fn, args: list[str]) -> tuple[float, float, int]:
    for a in args[:10]:
        fn(a)  # warm the page cache and the lemma caches
    times, hits = [], 0
    for a in args:
        t0 = time.perf_counter()
        hits += bool(fn(a))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], hits


def timings(archive: Archive, searches: list[str], speakers: list[str]) -> list[tuple[float, float, int]]:
    return [latency(lambda q: archive.search(q, limit=20), searches),
            latency(lambda q: archive.quotes(speaker=q, limit=50), speakers)]


def alternating(archives: list[Archive], searches: list[str], speakers: list[str]) -> list[list[tuple[float, float, int]]]:
    """`timings` of several archives, each query run on one archive after the other."""
    out = []
    for calls, args in (([lambda q, a=a: a.search(q, limit=20) for a in archives], searches),
                        ([lambda q, a=a: a.quotes(speaker=q, limit=50) for a in archives], speakers)):
        for a in args[:10]:
            for call in calls:
                call(a)  # warm the page cache and the lemma caches
        times, hits = [[] for _ in calls], [0] * len(calls)
        for a in args:
            for i, call in enumerate(calls):
                t0 = time.perf_counter()
                hits[i] += bool(call(a))
                times[i].append((time.perf_counter() - t0) * 1000)
        stats = []
        for t, h in zip(times, hits):
            t.sort()
            stats.append((statistics.median(t), t[int(len(t) * 0.95) - 1], h))
        out.append(stats)
    return [[out[0][i], out[1][i]] for i in range(len(archives))]


def text_index(archive: Archive) -> str:
    """The access method of a PostgreSQL archive's index on article text (rum or gin)."""
    return " ".join(r[0] for r in archive.conn.execute(
        "SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
        " WHERE i.indrelid = 'article_fts'::regclass AND NOT i.indisprimary"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles in the large archive")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--db", type=Path, default=None,
                    help="large archive file [default: a temporary file]; an existing one is reused as it is")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pg", help="PostgreSQL server URL: the same archive there, timed beside SQLite's")
    ap.add_argument("--pg-template", help="the PostgreSQL database's template (template0: GIN, no rum)")
    ap.add_argument("--keep-pg", action="store_true", help="leave the PostgreSQL database (its name is printed)")
    ap.add_argument("--pg-db", help="an existing PostgreSQL archive (a database URL) to time as it is, not built")
    ap.add_argument("--same-rows", metavar="URL",
                    help="a second PostgreSQL archive of the same articles: count the searches giving identical rows")
    ap.add_argument("--dump", type=Path, metavar="FILE",
                    help="write the PostgreSQL archive's rows of every search (JSON), to compare with another run's")
    ap.add_argument("--no-ingest", action="store_true", help="skip step 1 (extract against ingest)")
    ap.add_argument("--cache", type=Path, help="pickle of the processed corpus (made if missing)")
    args = ap.parse_args()
    paths = corpus_paths(args.corpora)

    if not args.no_ingest:
        with tempfile.TemporaryDirectory() as tmp:
            extract_pass(paths)  # load the models, warm the caches
            n_extract, t_extract = extract_pass(paths)
            n_ingest, t_ingest = ingest_pass(paths, Path(tmp) / "ingest.db")
        r_extract, r_ingest = n_extract / t_extract, n_ingest / t_ingest
        print(f"{n_extract} corpus documents, one core")
        print("| pass | documents/s | ratio |")
        print("|---|---|---|")
        print(f"| citata extract (read, process, JSON) | {r_extract:.1f} | 1.00x |")
        print(f"| citata ingest --workers 1 (read, hash, process, index, write) | {r_ingest:.1f} | {r_ingest / r_extract:.2f}x |")

    if args.cache and args.cache.exists():
        with open(args.cache, "rb") as fh:
            prepared = load_items(fh)  # (also one pickled before the archive package)
    else:
        prepared = prepared_corpus(paths)
        if args.cache:
            with open(args.cache, "wb") as fh:
                pickle.dump(prepared, fh)
    db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    built = ""
    if not db.exists():
        t_build = build(db, prepared, args.n, random.Random(7))
        built = f"; written in {t_build:.0f} s ({args.n / t_build:,.0f} articles/s through the store layer)"
    size = sum(f.stat().st_size for f in db.parent.glob(db.name + "*"))
    archive = Archive(db)
    stats = archive.stats()
    print(f"\narchive of {stats['articles']:,} articles, {stats['quotations']:,} quotations, "
          f"{stats['mentions']:,} mentions, {size / 2**20:.0f} MiB{built}")
    searches, speakers = queries(prepared, args.queries, random.Random(11))
    results = {"SQLite": timings(archive, searches, speakers)}
    archive.close()

    if args.pg_db:
        archive = Archive(args.pg_db)
        label = f"PostgreSQL ({text_index(archive)})"
        if args.dump:
            args.dump.write_text(json.dumps([archive.search(q, limit=20) for q in searches], ensure_ascii=False))
        if args.same_rows:
            other = Archive(args.same_rows)
            same = sum(archive.search(q, limit=20) == other.search(q, limit=20) for q in searches)
            print(f"the same rows (ids, order, snippets) as {other.backend.label} (index {text_index(other)}):"
                  f" {same} of {len(searches)} searches")
            other_label = f"PostgreSQL ({text_index(other)}, --same-rows)"
            results[label], results[other_label] = alternating([archive, other], searches, speakers)
            other.close()
        else:
            results[label] = timings(archive, searches, speakers)
        archive.close()
    elif args.pg:
        import psycopg

        name = f"citata_bench_archive_{os.getpid()}"
        url = database_url(args.pg, name)
        with psycopg.connect(args.pg, autocommit=True) as admin:
            create_database(admin, name, args.pg_template)
            try:
                t_build = build(url, prepared, args.n, random.Random(7))
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load, done now
                    size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
                archive = Archive(url)
                print(f"PostgreSQL: the same archive, {size / 2**20:.0f} MiB; written in {t_build:.0f} s"
                      f" ({args.n / t_build:,.0f} articles/s through the store layer);"
                      f" articles' full-text index {text_index(archive)}")
                results["PostgreSQL"] = timings(archive, searches, speakers)
                archive.close()
            finally:
                if args.keep_pg:
                    print(f"kept: {url}", file=sys.stderr)
                else:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')

    print(f"\n{args.queries} queries each, warm cache")
    print("| query | " + " | ".join(f"{b} p50 ms | {b} p95 ms" for b in results)
          + " | queries with results |")
    print("|---|" + "---|---|" * len(results) + "---|")
    for i, label in enumerate(("search TEXT (20 best, with snippets)", "quotes --speaker NAME (50 newest)")):
        hits = " / ".join(str(r[i][2]) for r in results.values())
        print(f"| {label} | " + " | ".join(f"{r[i][0]:.1f} | {r[i][1]:.1f}" for r in results.values())
              + f" | {hits} of {args.queries} |")
    if args.db is None:
        shutil.rmtree(db.parent)  # the scratch folder made above, with the database's -wal/-shm files


if __name__ == "__main__":
    main()
