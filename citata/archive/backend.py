"""Where an archive lives: an SQLite file (the default) or a PostgreSQL database
(`postgresql://user:pass@host/dbname`, see `citata.archive.pg`).

`Store`, `syndication` and `Archive` run the same SQL on both: `?` placeholders,
`ON CONFLICT`, `RETURNING`, `"end"` quoted, no SQLite-only functions. A backend
supplies only what differs: the connection and schema, who may write and how
(write transactions, the writer's claim, ids taken ahead, bulk inserts, LSH
bucket lookups), and the full-text index (FTS5 over lemmas here; `tsvector` with the `russian`
configuration over the same lemmas in PostgreSQL).
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..lemmas import fts_query
from .syndication import MARK_ORIGIN, bucket_lists

SCHEMA_VERSION = 2
# Columns added after an archive's tables were first made, by the schema version that added them:
# a writer adds those an older archive lacks (ALTER TABLE … ADD COLUMN) and records the version;
# a reader of an archive not yet upgraded reads them as NULL ("not recorded"). Both backends.
ADDED_COLUMNS = (
    (2, "quotations", "provenance", "TEXT"),  # why this speaker: citata.model.Provenance as JSON
)
# Indexes that no query needs any more, dropped from an older archive by its writer (both backends).
# lsh_article: only deleting a replaced article's LSH rows read it; they are found by their keys now
# (syndication.detach), and every LSH row written cost an insert into it. mentions_entity: no reader
# asks for mentions by identity (the identity pages go through speakers and quotations), and each
# of an article's 13 or so mentions cost an insert into it (docs/performance.md, tenth session).
DROPPED_INDEXES = ("lsh_article", "mentions_entity")
# The full-text tables' tokenizer. What they hold is `lemmas.lemma_string`: lower-case words
# (lemmas.WORD_RE: letters and digits, hyphens inside) and single spaces, and a query's terms are
# the same lemmas (lemmas.fts_query), tokenised by the table's own tokenizer. 'ascii' splits such a
# string where 'unicode61 remove_diacritics 0' did (at spaces and hyphens; every other character,
# Cyrillic included, stays in its word) without unicode61's table lookups for every non-ASCII
# character: about 40% of the CPU the full-text inserts took (docs/performance.md, sixteenth
# session). By design it keeps as written the few word characters (33 of Python 3.11's
# 133,547 with SQLite 3.40) that unicode61 treats otherwise once lower-cased: it folds the Greek final
# sigma, letter symbols such as ϐ and µ, and the long s to their plain letters, and splits words at
# a few New Tai Lue and Vedic signs; a query finds those words only as spelt (tests/test_writer.py).
# An archive made with unicode61 keeps those tables (upgrade leaves them: rebuilding an archive's
# index would cost as long as writing it); its writer and readers tokenise with them.
FTS_TOKENIZER = "ascii"
WAL_PAGES = 16384  # 64 MiB of 4 KiB pages (SQLite's default is 1,000)
CACHE_KIB = 65536  # a connection's page cache (SQLite's default is 2 MiB)
URL_PREFIXES = ("postgresql://", "postgres://")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    norm TEXT NOT NULL              -- case-folded name for case-insensitive filters
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- ingest order; never reused
    source TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    title TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    url TEXT,
    published TEXT,
    text TEXT NOT NULL,
    dateline TEXT,                  -- JSON
    relayed_from TEXT NOT NULL,     -- JSON list
    credits TEXT NOT NULL,          -- JSON list
    boilerplate TEXT NOT NULL,      -- JSON list of {start, end, kind, text} into the raw input
    ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
    minhash BLOB,
    syndication_group INTEGER,      -- id of the group's first article; NULL: no near-duplicate
    is_origin INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_id);
CREATE INDEX IF NOT EXISTS articles_group ON articles(syndication_group);
-- What the writer's syndication step reads of its candidates (syndication.group_batch, through
-- SQLite.signatures): this index alone, not rows whose signature lies past a text long enough to run
-- onto overflow pages, which the read must then follow. Added in the sixteenth session: an older
-- archive gets it when its writer opens it.
CREATE INDEX IF NOT EXISTS articles_signature ON articles(id, syndication_group, minhash);
CREATE TABLE IF NOT EXISTS lsh (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,       -- the normalised name
    name TEXT NOT NULL,
    kind TEXT,
    entity_id TEXT                  -- the registry's identity (citata.registry), when known
);
CREATE TABLE IF NOT EXISTS speaker_tokens (
    token TEXT NOT NULL,            -- each name word folded, and its lemma
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    PRIMARY KEY (token, speaker_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_tokens_speaker ON speaker_tokens(speaker_id);
CREATE TABLE IF NOT EXISTS quotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: cluster ids are quotation ids
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    content TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    parts TEXT,                     -- JSON list of spans of an interrupted quotation
    cue TEXT, cue_start INTEGER, cue_end INTEGER, cue_lemma TEXT,
    speaker_id INTEGER REFERENCES speakers(id),
    speaker_name TEXT,
    mention TEXT, mention_start INTEGER, mention_end INTEGER,
    role TEXT,
    speaker_kind TEXT,
    channel TEXT,
    addressee TEXT,                 -- JSON
    is_question INTEGER NOT NULL,
    cluster_id INTEGER,
    published TEXT,                 -- the article's, copied so that queries need not visit articles
    -- JSON: why this speaker (citata.model.Provenance); NULL: not recorded. Added in schema
    -- version 2 (ADDED_COLUMNS); the comment stands above it, where ALTER TABLE can edit around it.
    provenance TEXT
);
CREATE INDEX IF NOT EXISTS quotations_article ON quotations(article_id);
-- Covering indexes: picking each cluster's earliest appearance reads the index alone.
CREATE INDEX IF NOT EXISTS quotations_speaker ON quotations(speaker_id, cluster_id, published, article_id);
CREATE INDEX IF NOT EXISTS quotations_cluster ON quotations(cluster_id, published, article_id);
CREATE TABLE IF NOT EXISTS quote_keys (key TEXT PRIMARY KEY, cluster_id INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    type TEXT NOT NULL,
    normal TEXT,                    -- nominative form (the entities stage)
    entity_id TEXT                  -- archive-wide identity (citata.registry)
);
-- The registry of identities across articles (citata.registry.Identity as JSON).
CREATE TABLE IF NOT EXISTS identities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
-- Site templates (citata.clean.templates): pages seen per site, and per line shape the
-- number of pages of the site it stood on; `settled`: the counts as the last finished
-- ingest left them, which is what ingests use (a killed run teaches nothing until one finishes).
CREATE TABLE IF NOT EXISTS site_pages (
    site TEXT PRIMARY KEY,
    pages INTEGER NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS site_lines (
    site TEXT NOT NULL,
    shape TEXT NOT NULL,
    pages INTEGER NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site, shape)
) WITHOUT ROWID;
"""
# Lemmas only; the original text stays in articles/quotations for display.
SCHEMA += f"""
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(lemmas, tokenize = '{FTS_TOKENIZER}');
CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(lemmas, tokenize = '{FTS_TOKENIZER}');
"""

# `citata collect`'s memory (citata.collect.state): every URL it has seen, each source's last run,
# and its WARC files. Plain types only, so the same statements make the tables in PostgreSQL.
COLLECT_SCHEMA = """
CREATE TABLE IF NOT EXISTS collect_urls (
    url TEXT PRIMARY KEY,           -- canonical (citata.collect.sources.canonical)
    kind TEXT NOT NULL,             -- page, feed, sitemap
    source TEXT,                    -- the source URL that first listed it
    status TEXT NOT NULL,           -- page: new, fetched, failed (retried next run), gone; feed/sitemap: ok, failed
    attempts INTEGER NOT NULL DEFAULT 0,
    listed TEXT,                    -- the date the feed or sitemap gave it (newest are fetched first)
    etag TEXT, last_modified TEXT,  -- validators for a conditional GET
    http_status INTEGER,
    error TEXT,
    warc TEXT, warc_offset INTEGER, -- where its response is kept
    first_seen TEXT NOT NULL,
    fetched_at TEXT
);
CREATE INDEX IF NOT EXISTS collect_urls_pending ON collect_urls(source, status);
CREATE TABLE IF NOT EXISTS collect_sources (
    url TEXT PRIMARY KEY,
    name TEXT,
    kind TEXT,
    last_fetch TEXT, next_fetch TEXT,
    new INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,  -- pages fetched from it over all runs
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS collect_warcs (
    path TEXT PRIMARY KEY,
    status TEXT NOT NULL            -- open (being written, or torn by a crash), closed, ingested
);
"""
SCHEMA += COLLECT_SCHEMA


def columns(conn, table: str) -> set[str]:
    """The names of a table's columns (either backend)."""
    return {d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description}


def upgrade(conn, text_type: str = "TEXT") -> None:
    """Give an archive made by an older citata the columns added since (ADDED_COLUMNS), and drop the
    indexes no longer used (DROPPED_INDEXES); the caller is its writer. Rows written before keep
    NULL in the new columns. `text_type`: the backend's TEXT."""
    have: dict[str, set[str]] = {}
    for _, table, column, sql_type in ADDED_COLUMNS:
        if table not in have:
            have[table] = columns(conn, table)
        if column not in have[table]:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type.replace('TEXT', text_type)}")
            have[table].add(column)
    for index in DROPPED_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {index}")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                 (str(SCHEMA_VERSION), SCHEMA_VERSION))


def on_conflict(table: str, columns: tuple[str, ...], keys: int, add: bool) -> str:
    """The ON CONFLICT clause of an upsert (see SQLite.upsert): DO NOTHING where every column is key."""
    if keys == len(columns):
        return f" ON CONFLICT ({', '.join(columns)}) DO NOTHING"
    update = (f"{c} = {table}.{c} + excluded.{c}" if add else f"{c} = excluded.{c}" for c in columns[keys:])
    return f" ON CONFLICT ({', '.join(columns[:keys])}) DO UPDATE SET {', '.join(update)}"


class ArchiveError(Exception):
    """No archive where one was named, or no way to reach it."""


class WriterBusy(ArchiveError):
    """An SQLite archive that another writer holds."""


# What a damaged archive raises after it opened (a page that no longer reads).
DatabaseError = sqlite3.DatabaseError


def is_url(target: str | os.PathLike) -> bool:
    return str(target).startswith(URL_PREFIXES)


def open_backend(target: str | os.PathLike):
    """The backend for a file path (SQLite) or a postgresql:// URL."""
    if is_url(target):
        from .pg import Postgres

        return Postgres(str(target))
    return SQLite(target)


class SQLite:
    """One file in WAL mode: readers run alongside the one writer."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.label = str(self.path)

    def overrides_path(self) -> Path:
        """$CITATA_OVERRIDES, else citata-overrides.tsv beside the archive (see citata.registry.Overrides)."""
        if os.environ.get("CITATA_OVERRIDES"):
            return Path(os.environ["CITATA_OVERRIDES"])
        return self.path.parent / "citata-overrides.tsv"

    def connect(self, create: bool = True) -> sqlite3.Connection:
        """A writer's connection (create: the schema is made if missing), else a reader's, whose
        rows are also addressable by column name."""
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise ArchiveError(f"no archive at {self.path} (run `citata ingest` first)")
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # the first read of the file: fails on what is no database
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ArchiveError(f"{self.path}: not a citata archive ({exc})") from None
        if tables and "meta" not in tables:  # someone else's database: leave it as it is
            conn.close()
            raise ArchiveError(f"{self.path}: an SQLite database, but not a citata archive")
        if not tables and not create:
            conn.close()
            raise ArchiveError(f"no archive at {self.path} (run `citata ingest` first)")
        # NORMAL is durable across process crashes in WAL mode (only a power cut may lose the last commits).
        conn.execute("PRAGMA synchronous = NORMAL")
        # The writer checks no foreign key row by row: it is the only producer of the rows that hold
        # them, inserts parents (articles, outlets, speakers) before their children in the same
        # transaction and deletes a replaced article's children itself (Store._delete), so each check
        # (a parent lookup per mention and quotation, a child scan per deleted article or speaker)
        # found nothing to stop. tests/test_writer.py runs `PRAGMA foreign_key_check` over archives
        # written with replacements. A reader's connection keeps them on: it writes nothing.
        conn.execute(f"PRAGMA foreign_keys = {'OFF' if create else 'ON'}")
        if create:
            # A writer's commit copies the WAL into the file once the WAL holds this many pages: a
            # batch dirties more than the default 1,000, and a page rewritten by every batch (an
            # index's) is then copied once per several batches, not once per batch. Readers see the
            # same data either way.
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")
            # A batch's pages stay in memory until its commit instead of spilling into the WAL.
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            conn.executescript(SCHEMA)
            conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                         (str(SCHEMA_VERSION),))
            upgrade(conn)
        else:
            conn.row_factory = sqlite3.Row
        return conn

    @contextmanager
    def transaction(self, conn: sqlite3.Connection):
        """BEGIN … COMMIT, rolled back on any exception (the connection runs in autocommit).
        IMMEDIATE: the write lock is taken now, so a second writer waits instead of failing mid-batch."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def claim(self):
        """The file's one writer: a lock (on a file beside it) held until closed. A second writer
        would link identities without seeing the first one's batches."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(f"{self.path}-writer", "a")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise WriterBusy(f"another citata ingest is writing to {self.path}; an SQLite archive takes one"
                               " writer at a time (wait for it to finish, or use PostgreSQL for several)") from None
        return lock

    bucket_lists = staticmethod(bucket_lists)
    # Where syndication.group_batch reads its candidates' groups and signatures: the covering index,
    # named, as the planner would take the rowid's rows (docs/performance.md, sixteenth session).
    signatures = "articles INDEXED BY articles_signature"
    # Every change to the archive is its one writer's (`claim`): that writer keeps the LSH buckets in
    # memory (syndication.Buckets) instead of asking the table for each batch's.
    one_writer = True
    # The articles' full-text rows are written in this process (SQLite's tokeniser), one row at a
    # time under the GIL: on a second thread beside linking they only compete with it.
    index_beside = False

    def generation(self, conn) -> int:
        """Batches other writers have committed: none, with one writer."""
        return 0

    next_generation = generation

    def next_ids(self, conn, table: str, n: int) -> list[int]:
        """The ids the next `n` rows of an AUTOINCREMENT table (articles, quotations) would get."""
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
        start = (row[0] if row else 0) + 1
        return list(range(start, start + n))

    def insert(self, conn, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Rows into a table, by one prepared statement."""
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)

    def upsert(self, conn, table: str, columns: tuple[str, ...], rows: list[tuple], keys: int = 1,
               add: bool = False) -> None:
        """Rows into a table whose key is the first `keys` columns (each key once in `rows`): a
        row whose key is there replaces the other columns' values, or with `add` is added to them
        (a key of every column: a row already there stays as it is)."""
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
                         + on_conflict(table, columns, keys, add), rows)

    def fill(self, conn, table: str, column: str, rows: list[tuple]) -> None:
        """(value, id) rows: each row of `table` with that id takes the value in `column` where it
        has none yet, by one prepared statement."""
        conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ? AND {column} IS NULL", rows)

    def mark_origins(self, conn, groups: list[int]) -> None:
        """Each group's origin marked (syndication.MARK_ORIGIN), a prepared statement per group."""
        conn.executemany(MARK_ORIGIN, [(g, g, g) for g in groups])

    # ---------------------------------------------------------------- full-text index

    def index_articles(self, conn, rows: list[tuple[int, str]], tsvs=None) -> None:
        """(article id, lemmas) rows (`tsvs`: PostgreSQL's, never asked for here)."""
        conn.executemany("INSERT INTO article_fts (rowid, lemmas) VALUES (?, ?)", rows)

    def index_quotes(self, conn, rows: list[tuple[int, str]], tsvs=None) -> None:
        """(quotation id, lemmas) rows."""
        conn.executemany("INSERT INTO quote_fts (rowid, lemmas) VALUES (?, ?)", rows)

    def takes_tsvectors(self, conn) -> bool:
        """FTS5 tokenises in this process: the workers build no PostgreSQL tsvectors for it."""
        return False

    def unindex_article(self, conn, article_id: int) -> None:
        """Drop an article and its quotations from the index (before the article is deleted)."""
        conn.execute("DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotations WHERE article_id = ?)",
                     (article_id,))
        conn.execute("DELETE FROM article_fts WHERE rowid = ?", (article_id,))

    def data_version(self, conn: sqlite3.Connection) -> int:
        """A number that changes whenever another connection commits: cached reads stay valid
        while it does not (a reader's connection never writes)."""
        return conn.execute("PRAGMA data_version").fetchone()[0]

    def match(self, text: str) -> str | None:
        """The parameter of the match conditions below for a user's query (None: no words)."""
        return fts_query(text)

    # Quotations holding every word of the query: a condition on q.id, one parameter (match()).
    QUOTE_MATCH = "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"

    def search_articles(self, conn, columns: str, joins: str, match: str, ranked: int, limit: int,
                        offset: int) -> list:
        """Rows of `columns` of the articles (alias a; `joins` added) that match (a match() value),
        best first, `limit` from `offset`: of the `ranked` most recently ingested matches."""
        # The index walks matches in id order cheaply (the newest `ranked` give a floor); only
        # ranking (bm25, from the index alone) needs them all.
        floor = conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC"
                             " LIMIT 1 OFFSET ?", (match, ranked)).fetchone()
        return conn.execute(f"SELECT {columns} FROM article_fts f JOIN articles a ON a.id = f.rowid {joins}"
                            " WHERE article_fts MATCH ? AND f.rowid > ? ORDER BY f.rank LIMIT ? OFFSET ?",
                            (match, floor[0] if floor else 0, limit, offset)).fetchall()
