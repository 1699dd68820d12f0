"""Writer benchmark: the archive writer alone, old code against new in one run.

    python benchmarks/bench_writer.py [--docs 400] [--n 3000] [--baseline 8932217] [--same 8932217] [--pg URL]
                                      [--corpora ../shared/corpora] [--cache FILE] [--backends sqlite,pg]
                                      [--into FILE] [--into-pg DATABASE]

1. The first --docs corpus texts (bsnlp-ru raw, then factrueval-2016 devset) are extracted once
   by `citata.archive.ingest.prepare` in this process and pickled (--cache, reused when it exists). In
   every run the first RATE_DOCS are extracted again, timed: one worker's documents/s. The
   PostgreSQL tsvector texts a PostgreSQL archive's workers add (`Prepared.with_tsvectors`) are
   added to them here, timed: what that costs a worker per article (an older writer ignores them);
   so are the name keys identity linking asks for (`Prepared.name_keys`), which every copy carries.
2. N articles are made from them: copy i is text i mod docs under a new source, hash and
   published date (so every copy is new, and each text's copies form one syndication group,
   as in bench_ingest.py).
3. Each writer writes them in batches of each --batches size into a fresh SQLite file and, with
   --pg (default $CITATA_TEST_PG), a fresh PostgreSQL database, in a child process: this
   worktree's code, and the package as it was at each git revision of --baseline, checked out
   into a temporary folder (f8d33d6: the per-quotation writer before bulk writes; 35afd36: the
   first bulk writer; ec4e3c2: main before the writer's third pass, with issue 16's linking;
   8932217: main as the eighth session began, the default).
   Timed: the writes and closing the store (where SQLite's last WAL pages go into the file). 16 is the batch the old ingest wrote (a worker's batch); 256 is
   citata.archive.ingest.WRITE_BATCH, what the ingest writes at once when results wait for the writer,
   i.e. at the writer's ceiling. The morphology model (pymorphy, which identity linking loads on
   first use, once per ingest) is loaded before the clock starts.
4. Each baseline's archive is compared with the new one table by table (ingest times left
   out) and the differing tables are printed; with --same AS, the run fails if the archive of
   baseline AS differs (today's writer must give the archive the previous one gave). Only a
   revision that links names as this one does can be AS: f8d33d6 and 35afd36 predate issue 16's
   later linking changes, so their mentions and identities differ.
5. With --into FILE (SQLite) and/or --into-pg DATABASE (PostgreSQL, on --pg's server), no baselines:
   this worktree's writer writes the same N articles into a fresh archive and into a copy of that
   large archive (e.g. bench_archive.py's 100,000 articles), alternating which goes first in each
   round. The original is never written: it is copied once and opened once by this writer (its
   upgrade to today's schema, outside every clock), and that copy is copied again for every round
   (SQLite: a file copy and sync; PostgreSQL: CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY). The
   articles' sources and hashes begin "grown/" (bench_archive.py's begin "bench/"), so all N are new
   to the archive, checked by its article count after each run. On PostgreSQL a copy whose database
   has the rum extension but a GIN index loses the extension, so the writer keeps GIN (give
   --pg-template template0 for fresh GIN databases, and --pg a role that may drop the extension).

Printed: articles/s of each writer per backend, the new writer's ratio to each baseline, and
how many workers of the measured extraction speed one writer can feed.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import load_items
from _pg import create_database, database_url

ROOT = Path(__file__).resolve().parent.parent

RATE_DOCS = 64  # texts extracted in every run to measure one worker's speed
# Main as the eighth session began: the archive today's writer must give (--same). Older writers
# worth timing against: f8d33d6 (the last per-quotation writer), 35afd36 (the first bulk writer).
BASELINES = "8932217"

# Every table, in an order that is total: the archives must be equal row for row.
TABLES = {
    # The schema version is left out: it counts added columns, which `same_tables` compares by name.
    "meta": "SELECT * FROM meta WHERE key <> 'schema_version' ORDER BY key",
    "outlets": "SELECT * FROM outlets ORDER BY id",
    "articles": "SELECT id, source, hash, title, outlet_id, url, published, text, dateline, relayed_from,"
                " credits, boilerplate, minhash, syndication_group, is_origin FROM articles ORDER BY id",
    "lsh": "SELECT key, article_id FROM lsh ORDER BY key, article_id",
    "speakers": "SELECT * FROM speakers ORDER BY id",
    "speaker_tokens": "SELECT token, speaker_id FROM speaker_tokens ORDER BY token, speaker_id",
    "quotations": "SELECT * FROM quotations ORDER BY id",
    "quote_keys": "SELECT key, cluster_id FROM quote_keys ORDER BY key",
    "mentions": "SELECT * FROM mentions ORDER BY id",
    "identities": "SELECT id, type, name, data FROM identities ORDER BY id",
    "site_pages": "SELECT site, pages, settled FROM site_pages ORDER BY site",
    "site_lines": "SELECT site, shape, pages, settled FROM site_lines ORDER BY site, shape",
}
FTS = {
    # The terms each index made of those rows too (fts5vocab, made by `dump`): the same rows may be
    # tokenised otherwise (an archive made before the sixteenth session tokenises with unicode61).
    "sqlite": {"article_fts": "SELECT rowid, lemmas FROM article_fts ORDER BY rowid",
               "quote_fts": "SELECT rowid, lemmas FROM quote_fts ORDER BY rowid",
               "article_fts terms": "SELECT term, doc, cnt FROM temp.article_terms ORDER BY term",
               "quote_fts terms": "SELECT term, doc, cnt FROM temp.quote_terms ORDER BY term"},
    "pg": {"article_fts": "SELECT article_id, tsv::text FROM article_fts ORDER BY article_id",
           "quote_fts": "SELECT quotation_id, tsv::text FROM quote_fts ORDER BY quotation_id"},
}


def extract(corpora: Path, n_docs: int, cache: Path) -> tuple[list, float]:
    """The extracted documents (from `cache` when it exists), and one worker's documents/s,
    measured now over the first RATE_DOCS of them."""
    from _corpus import corpus_paths

    from citata.archive.ingest import content_hash, prepare
    from citata.model import RawDocument
    from citata.nlp import morph, ner_tagger
    from citata.source import read

    raws = []
    for r in read(corpus_paths(corpora)):
        if isinstance(r, RawDocument):
            raws.append(r)
            if len(raws) == n_docs:
                break
    ner_tagger(), morph()  # loading natasha is not extraction

    def run(docs):
        return [p for i in range(0, len(docs), 16)
                for p in prepare([(r, content_hash(r)) for r in docs[i:i + 16]]) if not hasattr(p, "message")]

    t0 = time.perf_counter()
    run(raws[:RATE_DOCS])
    rate = min(RATE_DOCS, len(raws)) / (time.perf_counter() - t0)
    if cache.exists():
        with open(cache, "rb") as fh:
            return load_items(fh), rate
    prepared = run(raws)
    with open(cache, "wb") as fh:
        pickle.dump(prepared, fh)
    return prepared, rate


def name_keys(prepared: list) -> str:
    """What the workers answer for identity linking (`Prepared.name_keys`), computed again here:
    what it costs a worker. This process has parsed only the first RATE_DOCS texts' words, so most
    names' words are new to it (a worker has parsed the text around them)."""
    from citata.registry import name_keys as keys

    t0 = time.process_time()
    asked = [keys(p.doc) for p in prepared]
    ms = 1000 * (time.process_time() - t0) / len(prepared)
    return (f"the workers' name keys for linking: {ms:.3f} CPU ms an extracted article, "
            f"{sum(len(v) for a in asked for v in a.values()) / len(prepared):.1f} keys an article")


def tsvectors(prepared: list) -> str:
    """The PostgreSQL tsvector texts an ingest's workers add for a PostgreSQL archive
    (`Prepared.with_tsvectors`), added here outside the writers' clock; what it costs a worker."""
    from citata.archive import tsvector

    tsvector.clear_cache()  # as a worker meets the texts: every word new once
    t0 = time.process_time()
    for p in prepared:
        p.with_tsvectors()
    ms = 1000 * (time.process_time() - t0) / len(prepared)
    quotes = [t for p in prepared for t in p.quote_tsv]
    return (f"the workers' tsvector texts: {ms:.3f} CPU ms an extracted article; built for "
            f"{sum(p.text_tsv is not None for p in prepared)} of {len(prepared)} articles and "
            f"{sum(t is not None for t in quotes)} of {len(quotes)} quotations (the rest stemmed by the server)")


def copies(prepared: list, n: int, updates: int = 0, prefix: str = "bench") -> list:
    """`n` articles from the extracted texts. With `updates`, every updates-th one is a new version
    of the article 3 before it: alternately the same text (its quotations keep their ids) and
    another text. `prefix` begins every source and hash (bench_archive.py's archives use "bench",
    so --grown writes "grown" copies: new to such an archive, not replacements)."""
    import copy
    import dataclasses

    rng = random.Random(7)
    out = []
    for i in range(n):
        p = prepared[i % len(prepared)]
        source = f"{prefix}/{i}/{p.doc.source}"
        if updates and i % updates == updates - 1 and i >= 3:
            source = out[i - 3].doc.source
            if (i // updates) % 2:
                p = prepared[(i - 3) % len(prepared)]
        day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        # A copy of its own: the writer fills identities into a document's mentions.
        doc = dataclasses.replace(copy.deepcopy(p.doc), source=source, published=day)
        out.append(dataclasses.replace(p, doc=doc, hash=f"{prefix}-{i}"))
    return out


def child(args) -> None:
    """Runs in a subprocess whose PYTHONPATH holds the writer under test."""
    try:
        from citata.archive.store import Store
    except ModuleNotFoundError:  # revisions before the archive package
        from citata.store import Store

    with open(args.items, "rb") as fh:
        items = load_items(fh)
    store = Store(args.db)
    try:  # the morphology model, which identity linking loads on first use: once per ingest, not per article
        from citata.nlp import morph

        morph()
    except ImportError:
        pass
    server = None
    if args.db.startswith("postgresql://"):
        server = store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]  # the server process it talks to
    server_cpu = process_cpu(server) if server else 0.0
    t0, cpu0 = time.perf_counter(), time.process_time()
    for i in range(0, len(items), args.batch):
        store.write(items[i:i + args.batch])
    if server:
        server_cpu = process_cpu(server) - server_cpu
    store.close()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(json.dumps({"seconds": seconds, "cpu": cpu, "server_cpu": server_cpu, "articles": len(items)}))


def process_cpu(pid: int) -> float:
    """CPU seconds a local process has used (user and system), from /proc."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def connect(db: str):
    """(connection, "pg" or "sqlite") for a PostgreSQL URL or an SQLite file."""
    if db.startswith("postgresql://"):
        import psycopg

        return psycopg.connect(db), "pg"
    import sqlite3

    return sqlite3.connect(db), "sqlite"


def dump(db: str) -> dict:
    conn, kind = connect(db)
    out = {}
    if kind == "sqlite":
        for table in ("article", "quote"):
            conn.execute(f"CREATE VIRTUAL TABLE temp.{table}_terms USING fts5vocab(main, {table}_fts, 'row')")
    for name, sql in {**TABLES, **FTS[kind]}.items():
        try:
            cur = conn.execute(sql)
            rows = cur.fetchall()
        except Exception:  # a table the revision does not have
            if kind == "pg":
                conn.rollback()
            continue
        names = tuple(d[0] for d in cur.description)
        out[name] = (names, [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows])
    conn.close()
    return out


def same_tables(old: dict, new: dict) -> list[str]:
    """The tables in which two dumps differ, over the columns both revisions have (a column added
    since, such as quotations.provenance, is not the writer's doing)."""
    differ = []
    for table, (names, rows) in new.items():
        if table not in old:
            differ.append(table)
            continue
        old_names, old_rows = old[table]
        if names != old_names:
            keep = [i for i, n in enumerate(names) if n in old_names]
            old_keep = [old_names.index(names[i]) for i in keep]
            rows = [tuple(r[i] for i in keep) for r in rows]
            old_rows = [tuple(r[i] for i in old_keep) for r in old_rows]
        if rows != old_rows:
            differ.append(table)
    return differ


def run_writer(code: Path, db: str, items: Path, batch: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    out = subprocess.run([sys.executable, __file__, "--child", "--db", db, "--items", str(items),
                          "--batch", str(batch)],
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"writer ({code}) into {db} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def write_once(backend: str, server: str | None, tmp: Path, label: str, code: Path, items: Path,
               batch: int, template: str | None = None) -> tuple[dict, dict]:
    """The seconds one writer takes over `items` into a fresh archive (wall clock, its CPU and its
    PostgreSQL server process's CPU), and the archive's tables."""
    if backend == "SQLite":
        db = str(tmp / f"{label}-{batch}.db")
        for suffix in ("", "-wal", "-shm"):  # fresh in every round
            Path(db + suffix).unlink(missing_ok=True)
        return run_writer(code, db, items, batch), dump(db)
    import psycopg

    name = f"citata_bench_writer_{label}_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        create_database(admin, name, template)
        try:
            db = database_url(server, name)
            return run_writer(code, db, items, batch), dump(db)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')  # not FORCE: only a superuser may end an autovacuum worker


def grown_base(backend: str, server: str | None, tmp: Path, into: str) -> tuple[str, int]:
    """A copy of the large archive `into` (never written itself), opened once by this worktree's
    writer so that its upgrade (added columns, dropped indexes) is done outside every clock; every
    grown round writes into a copy of it. Returns the copy (file or database name) and its articles."""
    if backend == "SQLite":
        base = str(tmp / "grown-base.db")
        for suffix in ("", "-wal"):
            if Path(into + suffix).exists():
                shutil.copyfile(into + suffix, base + suffix)
        target = base
    else:
        import psycopg

        base = f"citata_bench_grown_base_{os.getpid()}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{base}"')
            admin.execute(f'CREATE DATABASE "{base}" TEMPLATE "{into}" STRATEGY FILE_COPY')
        target = database_url(server, base)
        with psycopg.connect(target, autocommit=True) as conn:
            # The archive keeps the GIN index it was built with: a writer gives a GIN archive a RUM
            # index at its first open where the database has the rum extension (a test server's
            # template1 does), which would time another index than a fresh template0 database's.
            if conn.execute("SELECT to_regclass('article_fts_rum') IS NULL AND EXISTS"
                            " (SELECT 1 FROM pg_extension WHERE extname = 'rum')").fetchone()[0]:
                conn.execute("DROP EXTENSION rum")
    subprocess.run([sys.executable, "-c", "import sys; from citata.archive.store import Store;"
                    " Store(sys.argv[1]).close()", target],
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    return base, count_articles(target)


def count_articles(db: str) -> int:
    conn, _ = connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def write_grown(backend: str, server: str | None, tmp: Path, base: str, items: Path, batch: int) -> tuple[dict, int]:
    """One writer's run over `items` into a fresh copy of the grown archive `base`; the run and the
    articles the copy holds after it."""
    if backend == "SQLite":
        db = str(tmp / "grown-round.db")
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
        shutil.copyfile(base, db)
        os.sync()  # the copy's pages on disk before the clock starts, not flushed while it runs
        try:
            run = run_writer(ROOT, db, items, batch)
            return run, count_articles(db)
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
    import psycopg

    name = f"citata_bench_grown_round_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{base}" STRATEGY FILE_COPY')  # checkpointed, synced
        try:
            db = database_url(server, name)
            run = run_writer(ROOT, db, items, batch)
            return run, count_articles(db)
        finally:
            drop_database(admin, name)


def drop_database(admin, name: str) -> None:
    try:  # FORCE ends an autovacuum worker on the copy, which only a superuser may do
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except Exception:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def grown_rounds(args, items: Path, tmp: Path, per_worker: float) -> None:
    """--into / --into-pg: this worktree's writer over the same articles into a fresh archive and into
    a copy of a large one, alternating which goes first in each round so that other processes' load
    falls on both alike."""
    targets = [(b, into) for b, into in (("SQLite", args.into), ("PostgreSQL", args.into_pg))
               if into and (b == "SQLite" or args.pg)]
    results: dict[tuple[str, int, str], list[dict]] = {}
    sizes: dict[str, int] = {}  # the large archive's articles, per backend
    for backend, into in targets:
        t0 = time.perf_counter()
        base, before = grown_base(backend, args.pg, tmp, into)
        sizes[backend] = before
        print(f"{backend}: {into} copied and upgraded ({before:,} articles) in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
        try:
            for batch in map(int, args.batches.split(",")):
                for r in range(args.rounds):
                    for label in (("fresh", "grown") if r % 2 == 0 else ("grown", "fresh")):
                        if label == "fresh":
                            run, _ = write_once(backend, args.pg, tmp, "fresh", ROOT, items, batch, args.pg_template)
                        else:
                            run, after = write_grown(backend, args.pg, tmp, base, items, batch)
                            if not args.updates and after != before + args.n:
                                raise SystemExit(f"{backend}: the grown archive holds {after:,} articles after"
                                                 f" the run, not {before:,} + {args.n:,}: some were not new")
                        results.setdefault((backend, batch, label), []).append(run)
                        print(f"  {backend} round {r + 1} {label}: {args.n / run['seconds']:.0f} articles/s",
                              file=sys.stderr)
        finally:
            if backend == "SQLite":
                for suffix in ("", "-wal", "-shm"):
                    Path(base + suffix).unlink(missing_ok=True)
            else:
                import psycopg

                with psycopg.connect(args.pg, autocommit=True) as admin:
                    drop_database(admin, base)

    print(f"one worker extracts {per_worker:.1f} documents/s (the first {RATE_DOCS} texts, in this run)\n")
    print(f"| backend ({args.n:,} new articles) | documents per write | archive | articles/s, every round"
          " | median | CPU ms per article: writer | server | together | workers one writer feeds (median) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (backend, batch, label), runs in results.items():
        rates = [args.n / r["seconds"] for r in runs]
        median = statistics.median(rates)
        cpu = statistics.median(1000 * r["cpu"] / args.n for r in runs)
        server = statistics.median(1000 * r["server_cpu"] / args.n for r in runs)
        together = statistics.median(1000 * (r["cpu"] + r["server_cpu"]) / args.n for r in runs)
        print(f"| {backend} | {batch} | {'fresh' if label == 'fresh' else f'{sizes[backend]:,} articles'} | "
              + ", ".join(f"{x:.0f}" for x in rates) + f" | {median:.0f} | {cpu:.2f} | "
              + (f"{server:.2f}" if backend == "PostgreSQL" else "") + f" | {together:.2f} | {median / per_worker:.1f} |")
    for backend, batch in dict.fromkeys((b, n) for b, n, _ in results):
        fresh, grown = results[(backend, batch, "fresh")], results[(backend, batch, "grown")]
        pairs = [f"{f['seconds'] / g['seconds']:.2f}" for f, g in zip(fresh, grown)]
        print(f"\n{backend}, batches of {batch}: grown/fresh articles/s, round by round: {', '.join(pairs)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=400, help="corpus texts to extract")
    ap.add_argument("--n", type=int, default=3000, help="articles to write")
    ap.add_argument("--baseline", default=BASELINES, help="git revisions of older writers, comma-separated")
    ap.add_argument("--same", default="8932217",
                    help="the baseline whose archive the new writer's must equal table by table ('' for none)")
    ap.add_argument("--batches", default="16,256", help="documents per Store.write, comma-separated")
    ap.add_argument("--backends", default="sqlite,pg", help="sqlite, pg (needs --pg) or both")
    ap.add_argument("--rounds", type=int, default=1,
                    help="runs of each writer, alternating; the fastest counts (a busy machine's noise)")
    ap.add_argument("--updates", type=int, default=0,
                    help="every UPDATES-th article replaces an earlier one (0: all new)")
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"),
                    help="PostgreSQL server (libpq URL of a role that may create databases)")
    ap.add_argument("--pg-template", help="the template of each PostgreSQL database made (template0: without the"
                    " extensions a test server's template1 has, such as rum, so the articles' index is GIN)")
    ap.add_argument("--into", help="an SQLite archive (e.g. bench_archive.py's 100,000 articles): this worktree's"
                    " writer writes the articles into a fresh archive and into a copy of this one, in turn (no baselines)")
    ap.add_argument("--into-pg", help="the same for a PostgreSQL database on --pg's server (copied as a template:"
                    " nothing may be connected to it)")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--cache", type=Path, help="pickle of the extracted documents (made if missing)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--items", help=argparse.SUPPRESS)
    ap.add_argument("--batch", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)  # citata from PYTHONPATH: the writer under test
        return
    sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

    cache = args.cache or Path(tempfile.gettempdir()) / f"citata-bench-writer-{args.docs}.pkl"
    prepared, per_worker = extract(args.corpora, args.docs, cache)
    tsv_note = name_keys(prepared) + "\n" + tsvectors(prepared)
    revisions = [r for r in args.baseline.split(",") if r]
    failed = []
    results: dict[tuple[str, int], dict[str, float]] = {}
    rounds: dict[tuple[str, int, str], list[float]] = {}  # every round's seconds, for the spread
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        writers = []
        for rev in [] if args.into or args.into_pg else revisions:
            (tmp / rev).mkdir()
            subprocess.run(f"git -C {ROOT} archive {rev} citata | tar -x -C {tmp / rev}", shell=True, check=True)
            writers.append((rev, tmp / rev))
        writers.append(("new", ROOT))
        items = tmp / "items.pkl"
        grown = bool(args.into or args.into_pg)
        with open(items, "wb") as fh:
            pickle.dump(copies(prepared, args.n, args.updates, "grown" if grown else "bench"), fh)
        if grown:
            print(tsv_note)
            grown_rounds(args, items, tmp, per_worker)
            return
        print(f"{args.n} articles ({len(prepared)} extracted texts replicated); older writers: {', '.join(revisions)}",
              file=sys.stderr)
        backends = [b for b, key in (("SQLite", "sqlite"), ("PostgreSQL", "pg"))
                    if key in args.backends.split(",") and (key != "pg" or args.pg)]
        for backend in backends:
            for batch in map(int, args.batches.split(",")):
                dumps = {}
                times = results.setdefault((backend, batch), {})
                for _ in range(args.rounds):
                    for label, code in writers:
                        run, dumps[label] = write_once(backend, args.pg, tmp, label, code, items, batch,
                                                       args.pg_template)
                        rounds.setdefault((backend, batch, label), []).append(run["seconds"])
                        if label not in times or run["seconds"] < times[label]["seconds"]:
                            times[label] = run
                for rev in revisions:
                    differ = same_tables(dumps[rev], dumps["new"])
                    where = f"{backend}, batches of {batch}, {rev} against the new writer"
                    if differ:
                        # f8d33d6 links names differently (issue 16 changed linking after it).
                        print(f"{where}: the archives differ in {', '.join(differ)}", file=sys.stderr)
                        if rev == args.same:
                            failed.append(where)
                    else:
                        print(f"{where}: identical table by table ({len(dumps['new'])} tables)", file=sys.stderr)

    print(f"one worker extracts {per_worker:.1f} documents/s (the first {RATE_DOCS} texts, in this run)")
    print(tsv_note + "\n")
    print(f"| backend ({args.n:,} articles) | documents per write | "
          + " | ".join(f"{rev} articles/s" for rev in revisions) + " | new writer articles/s | "
          + " | ".join(f"new/{rev}" for rev in revisions) + " | workers one new writer feeds |")
    print("|---|---|" + "---|" * (2 * len(revisions) + 2))
    for (backend, batch), r in results.items():
        new_rate = args.n / r["new"]["seconds"]
        print(f"| {backend} | {batch} | " + " | ".join(f"{args.n / r[rev]['seconds']:.0f}" for rev in revisions)
              + f" | {new_rate:.0f} | " + " | ".join(f"{r[rev]['seconds'] / r['new']['seconds']:.2f}x" for rev in revisions)
              + f" | {new_rate / per_worker:.1f} |")
    # CPU time moves less than wall-clock time with other processes' load: the writer's own, and on
    # PostgreSQL its server process's, per 1,000 articles.
    print(f"\n| backend | documents per write | writer | CPU s per 1,000 articles: writer process"
          " | server process | together | articles per CPU second |")
    print("|---|---|---|---|---|---|---|")
    for (backend, batch), r in results.items():
        for label, _ in writers:
            cpu, server = r[label]["cpu"], r[label]["server_cpu"]
            print(f"| {backend} | {batch} | {label} | {1000 * cpu / args.n:.2f} | "
                  + (f"{1000 * server / args.n:.2f}" if backend == "PostgreSQL" else "")
                  + f" | {1000 * (cpu + server) / args.n:.2f} | {args.n / (cpu + server):.0f} |")
    if args.rounds > 1:
        print("\narticles/s of every round, in the order run: "
              + "; ".join(f"{backend} {batch} {label}: " + ", ".join(f"{args.n / s:.0f}" for s in seconds)
                          for (backend, batch, label), seconds in rounds.items()))
    if failed:
        raise SystemExit("the new writer's archive differs from the one it must equal: " + "; ".join(failed))


if __name__ == "__main__":
    main()
