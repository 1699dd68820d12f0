"""The PostgreSQL archive (`--db postgresql://user:pass@host/dbname`): the same tables
and queries as the SQLite file (`citata.archive.backend`), through psycopg 3.

- The connection wrapper takes the archive's SQL as written for SQLite: `?`
  placeholders become `%s`, readers' rows are tuples that are also addressable
  by column name (like sqlite3.Row), `executemany` and `executescript` exist.
- Full text: a `tsvector` per article and per quotation, built with the
  `russian` configuration from the same lemma strings the SQLite index holds,
  in a RUM index for articles where the server has the rum extension (else GIN)
  and a GIN index for quotations; queries go through
  `plainto_tsquery('russian', lemmas)`. The ingest's workers build the tsvectors'
  text (citata.archive.tsvector) and the server only reads it, where its own
  stemming agrees (`Postgres.takes_tsvectors`).
  Lemmas first, then Snowball stems: "Лавров безопасность" finds
  "Лаврова … безопасности" as in SQLite. Differences: the configuration drops
  Russian stop words ("не", "и"), so a query of stop words alone finds
  nothing, and articles are ranked with ts_rank rather than bm25, over the
  1,000 most recent matches rather than 5,000 (RANKED_MATCHES).
- Several writers may work at once (`citata ingest` on one machine or
  many): each batch is a transaction holding an advisory lock, so batches
  from different writers take turns, and a sequence counts committed
  batches so that a writer knows when to read the identity registry again
  (citata.archive.store). Readers never wait for the lock.
- Text columns compare bytewise (COLLATE "C"), as SQLite does, so dates and
  names sort the same in both archives whatever the database's locale.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from functools import lru_cache
from itertools import count
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .backend import ADDED_COLUMNS, COLLECT_SCHEMA, DROPPED_INDEXES, SCHEMA_VERSION, ArchiveError, on_conflict, upgrade
from ..lemmas import query_lemmas
from .syndication import BUCKET_SAMPLE, bucket_members

WRITE_LOCK = 0x63697461  # any constant; one per database, shared by every citata writer
# Article columns large enough to be compressed (TOAST), compressed with lz4 where the server has it
# (PostgreSQL 14 and later, built with lz4): the server writes the articles' rows in half the time
# pglz takes (bench_writer, 3,000 articles). The values are the same; rows written before keep pglz.
LZ4_COLUMNS = ("text", "boilerplate")
# Foreign keys an older archive loses at its writer's next open: (table, name, its definition as
# archives had it). Each row's check is a lookup and a row lock on the row it names: for mentions and
# quotations (13 and 4 an article) about a sixth of the server's time for a batch; for the full-text
# rows, the quotations' speakers and the articles' outlets (about 10 rows an article) 0.05–0.1 ms an
# article more (docs/performance.md, twelfth session). Only the writer adds or deletes these rows, in
# its batch transaction under the writers' lock, and it deletes a replaced article's own rows
# itself (Store._delete, `Postgres.unindex_article`) instead of leaving them to a cascade; a speaker is
# deleted only when no quotation names it, an outlet never.
DROPPED_CONSTRAINTS = (
    ("mentions", "mentions_article_id_fkey", "FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE"),
    ("quotations", "quotations_article_id_fkey", "FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE"),
    ("article_fts", "article_fts_article_id_fkey", "FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE"),
    ("quote_fts", "quote_fts_quotation_id_fkey",
     "FOREIGN KEY (quotation_id) REFERENCES quotations(id) ON DELETE CASCADE"),
    ("quotations", "quotations_speaker_id_fkey", "FOREIGN KEY (speaker_id) REFERENCES speakers(id)"),
    ("articles", "articles_outlet_id_fkey", "FOREIGN KEY (outlet_id) REFERENCES outlets(id)"),
)
RANKED_MATCHES = 1000  # a search ranks at most this many of its most recent matches (see _SEARCH)
NEWEST_SPAN = 4000  # GIN: the newest article ids a search first looks among (Postgres._newest_ids)

# The articles' full-text index is RUM (the rum extension: matches come out of the index newest
# first, without reading their rows) where the database has the extension, else GIN. RUM is the
# database owner's choice (`CREATE EXTENSION rum`), never made by citata: it takes a fifth off a
# search's p95 and costs the server 2.5 times the CPU per article written (docs/performance.md,
# eighth session). A writer makes the RUM index in an archive that has GIN once the extension is
# there (`Postgres.index_article_text`); nothing to do when the index is RUM, or GIN without it.
ARTICLE_INDEX_SETTLED = (
    "(to_regclass('article_fts_rum') IS NOT NULL OR to_regclass('article_fts_tsv') IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum'))")

T = 'TEXT COLLATE "C"'
# Site templates (citata.clean.templates); also made in archives created before them.
SITE_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS site_pages (site {T} PRIMARY KEY, pages INTEGER NOT NULL,
                                       settled INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS site_lines (site {T} NOT NULL, shape {T} NOT NULL, pages INTEGER NOT NULL,
                                       settled INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (site, shape));
"""
SCHEMA = f"""
CREATE TABLE meta (key {T} PRIMARY KEY, value {T} NOT NULL);
CREATE TABLE outlets (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name {T} NOT NULL UNIQUE,
    norm {T} NOT NULL
);
CREATE TABLE articles (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source {T} NOT NULL UNIQUE,
    hash {T} NOT NULL,
    title {T},
    outlet_id BIGINT,               -- no foreign key: see DROPPED_CONSTRAINTS
    url {T},
    published {T},
    text {T} NOT NULL,
    dateline {T},
    relayed_from {T} NOT NULL,
    credits {T} NOT NULL,
    boilerplate {T} NOT NULL,
    ingested_at {T} NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
    minhash BYTEA,
    syndication_group BIGINT,
    is_origin INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_group ON articles(syndication_group);
CREATE TABLE lsh (key BIGINT NOT NULL, article_id BIGINT NOT NULL, PRIMARY KEY (key, article_id));
CREATE TABLE speakers (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key {T} NOT NULL UNIQUE,
    name {T} NOT NULL,
    kind {T},
    entity_id {T}
);
CREATE TABLE speaker_tokens (
    token {T} NOT NULL,
    speaker_id BIGINT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    PRIMARY KEY (token, speaker_id)
);
CREATE INDEX speaker_tokens_speaker ON speaker_tokens(speaker_id);
CREATE TABLE quotations (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL,     -- no foreign key: see DROPPED_CONSTRAINTS
    seq INTEGER NOT NULL,
    type {T} NOT NULL,
    content {T} NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    parts {T},
    cue {T}, cue_start INTEGER, cue_end INTEGER, cue_lemma {T},
    speaker_id BIGINT,              -- no foreign key: see DROPPED_CONSTRAINTS
    speaker_name {T},
    mention {T}, mention_start INTEGER, mention_end INTEGER,
    role {T},
    speaker_kind {T},
    channel {T},
    addressee {T},
    is_question INTEGER NOT NULL,
    cluster_id BIGINT,
    published {T},
    provenance {T}
);
CREATE INDEX quotations_article ON quotations(article_id);
CREATE INDEX quotations_speaker ON quotations(speaker_id, cluster_id, published, article_id);
CREATE INDEX quotations_cluster ON quotations(cluster_id, published, article_id);
CREATE TABLE quote_keys (key {T} PRIMARY KEY, cluster_id BIGINT NOT NULL);
CREATE TABLE mentions (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL,     -- no foreign key: see DROPPED_CONSTRAINTS
    text {T} NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    type {T} NOT NULL,
    normal {T},
    entity_id {T}
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE TABLE identities (id {T} PRIMARY KEY, type {T} NOT NULL, name {T} NOT NULL, data {T} NOT NULL);
CREATE TABLE article_fts (
    article_id BIGINT PRIMARY KEY,  -- no foreign key: see DROPPED_CONSTRAINTS
    tsv TSVECTOR NOT NULL
);
-- Its index (RUM, else GIN) is made by `Postgres.index_article_text`.
-- Uncompressed: ranking reads each matching article's tsvector, and decompressing it cost more
-- than reading the larger value (search p95 105 -> 81 ms on 20,000 articles).
ALTER TABLE article_fts ALTER COLUMN tsv SET STORAGE EXTERNAL;
CREATE TABLE quote_fts (
    quotation_id BIGINT PRIMARY KEY,  -- no foreign key: see DROPPED_CONSTRAINTS
    tsv TSVECTOR NOT NULL
);
CREATE INDEX quote_fts_tsv ON quote_fts USING GIN (tsv);
""" + COLLECT_SCHEMA + SITE_SCHEMA

# String literals and quoted names pass through; ? is a parameter; a literal % is doubled for psycopg.
_SQL_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite's paramstyle (qmark) to psycopg's (%s)."""
    return _SQL_TOKEN.sub(lambda m: "%s" if m.group() == "?" else "%%" if m.group() == "%" else m.group(), sql)


# A statement with more parameters than this (the writer's IN lists: a batch's sources, articles,
# quotation keys) goes through psycopg's RawCursor with PostgreSQL's own $n placeholders: psycopg
# caches its conversion of %s only for statements of up to 50 parameters, and converting a longer
# one (a Python loop over every placeholder) cost the writer more than the statement itself.
RAW_PARAMS = 50
_RAW_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?")


def translate_raw(sql: str) -> str:
    """SQLite's paramstyle (qmark) to PostgreSQL's ($1, $2, …), for a RawCursor."""
    n = count(1)
    return _RAW_TOKEN.sub(lambda m: f"${next(n)}" if m.group() == "?" else m.group(), sql)


class Row(tuple):
    """A row as a tuple whose values can also be read by column name, and turned into a dict."""

    __slots__ = ()
    names: tuple[str, ...] = ()
    index: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> tuple[str, ...]:
        return self.names


@lru_cache(maxsize=256)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "names": names, "index": {n: i for i, n in enumerate(names)}})


def _row_factory(cursor):
    if cursor.description is None:
        return tuple
    return _row_class(tuple(c.name for c in cursor.description))


class Connection:
    """A psycopg connection in autocommit mode that speaks the archive's SQL (see `translate`)."""

    def __init__(self, raw):
        self.raw = raw
        self.rum: str | None = None  # the rum extension's schema if articles have a RUM index, "" if not (search_articles)
        self.types: dict[str, dict[str, str]] = {}  # table -> column -> type (Postgres.upsert)

    def execute(self, sql: str, params=()):
        if len(params) > RAW_PARAMS:
            from psycopg import RawCursor

            return RawCursor(self.raw).execute(translate_raw(sql), params)
        return self.raw.execute(translate(sql), params)

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            self.raw.cursor().executemany(translate(sql), rows)

    def executescript(self, script: str) -> None:
        self.raw.execute(script)

    def close(self) -> None:
        self.raw.close()


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class Postgres:
    def __init__(self, url: str):
        self.path = url
        self.label = redact(url)

    def overrides_path(self) -> Path | None:
        """$CITATA_OVERRIDES: a database has no directory to keep the file beside."""
        return Path(os.environ["CITATA_OVERRIDES"]) if os.environ.get("CITATA_OVERRIDES") else None

    def connect(self, create: bool = True) -> Connection:
        """A writer's connection (create: the schema is made if missing), else a reader's."""
        try:
            import psycopg
        except ImportError:
            raise ArchiveError("a PostgreSQL archive needs psycopg: pip install 'citata[postgres]'") from None
        try:
            # Readers' rows are addressable by name, as in SQLite; the writer's are plain tuples (cheaper).
            raw = psycopg.connect(self.path, autocommit=True, **({} if create else {"row_factory": _row_factory}))
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())
            raise ArchiveError(f"cannot connect to {self.label}: {reason}") from None
        conn = Connection(raw)
        exists = conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
        if create:
            # Like SQLite's synchronous = NORMAL: a crash never leaves a half-written batch, but a
            # server or machine crash may lose the last moment's commits, which a rerun redoes.
            conn.execute("SET synchronous_commit = off")
            if not exists or self._pglz_columns(conn) or not conn.execute(
                    "SELECT to_regclass('citata_writes') IS NOT NULL AND to_regclass('site_lines') IS NOT NULL"
                    " AND (SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                    "  AND (table_name, column_name) IN (SELECT * FROM unnest(?::text[], ?::text[]))) = ?"
                    " AND NOT EXISTS (SELECT 1 FROM unnest(?::text[]) i WHERE to_regclass(i) IS NOT NULL)"
                    " AND NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN unnest(?::text[], ?::text[]) d (t, name)"
                    "  ON c.conrelid = to_regclass(d.t) AND c.conname = d.name)"
                    " AND " + ARTICLE_INDEX_SETTLED,
                    ([t for _, t, _, _ in ADDED_COLUMNS], [c for _, _, c, _ in ADDED_COLUMNS],
                     len(ADDED_COLUMNS), list(DROPPED_INDEXES), [t for t, _, _ in DROPPED_CONSTRAINTS],
                     [c for _, c, _ in DROPPED_CONSTRAINTS])).fetchone()[0]:
                # The lock first, then the transaction: one begun before another writer's schema
                # was committed would not see its tables (the catalog is read as of its start).
                conn.execute("SELECT pg_advisory_lock(?)", (WRITE_LOCK,))
                try:
                    with raw.transaction():
                        if not conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]:
                            conn.executescript(SCHEMA)
                            conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
                                         (str(SCHEMA_VERSION),))
                        # Older archives get what later versions added: the site templates' tables,
                        # the sequence writers count their batches with (`generation`), new columns,
                        # lz4 for the articles' large columns (LZ4_COLUMNS); indexes and foreign keys
                        # no longer used go.
                        conn.executescript(SITE_SCHEMA)
                        conn.execute("CREATE SEQUENCE IF NOT EXISTS citata_writes")
                        upgrade(conn, T)
                        for table, constraint, _ in DROPPED_CONSTRAINTS:
                            conn.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {constraint}")
                        columns = self._pglz_columns(conn)
                        if columns:
                            conn.execute("ALTER TABLE articles " + ", ".join(
                                f"ALTER COLUMN {c} SET COMPRESSION lz4" for c in columns))
                        self.index_article_text(conn)
                finally:
                    conn.execute("SELECT pg_advisory_unlock(?)", (WRITE_LOCK,))
        elif not exists:
            raw.close()
            raise ArchiveError(f"no archive in {self.label} (run `citata ingest` first)")
        return conn

    @staticmethod
    def _pglz_columns(conn: Connection) -> list[str]:
        """LZ4_COLUMNS not compressed with lz4 yet, on a server that has it (none elsewhere)."""
        if conn.raw.info.server_version < 140000 or not conn.execute(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'").fetchone()[0]:
            return []
        return [name for (name,) in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('articles') AND attname = ANY(?)"
            " AND attcompression <> 'l' ORDER BY attnum", (list(LZ4_COLUMNS),)).fetchall()]

    @contextmanager
    def transaction(self, conn: Connection):
        """BEGIN … COMMIT (ROLLBACK on an exception) holding the writers' lock: batches from several
        writers take turns, each seeing the ones committed before it."""
        with conn.raw.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            yield conn

    def insert(self, conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Rows into a table by COPY: one stream, not a statement per row."""
        if rows:
            with conn.raw.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def upsert(self, conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple], keys: int = 1,
               add: bool = False) -> None:
        """As SQLite.upsert, in one statement: each column's values as one binary array (%b), unnested
        into INSERT … ON CONFLICT (a scratch table took four round trips: made, filled, read, emptied)."""
        if not rows:
            return
        types = self._column_types(conn, table)
        arrays = ", ".join(f"%b::{types[c]}[]" for c in columns)
        conn.raw.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays})"
                         + on_conflict(table, columns, keys, add), [list(values) for values in zip(*rows)])

    def fill(self, conn: Connection, table: str, column: str, rows: list[tuple]) -> None:
        """As SQLite.fill, in one statement over two arrays (not a statement a row)."""
        if not rows:
            return
        types = self._column_types(conn, table)
        conn.raw.execute(f"UPDATE {table} t SET {column} = v.value FROM unnest(%b::{types[column]}[],"
                         f" %b::{types['id']}[]) v (value, id) WHERE t.id = v.id AND t.{column} IS NULL",
                         [list(values) for values in zip(*rows)])

    @staticmethod
    def _column_types(conn: Connection, table: str) -> dict[str, str]:
        """A table's column types (as SQL), read once per connection."""
        if table not in conn.types:
            conn.types[table] = dict(conn.execute(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped", (table,)).fetchall())
        return conn.types[table]

    def mark_origins(self, conn: Connection, groups: list[int]) -> None:
        """syndication.MARK_ORIGIN for every group in one statement."""
        if groups:
            conn.execute("UPDATE articles a SET is_origin = CASE WHEN a.id = o.first THEN 1 ELSE 0 END"
                         " FROM (SELECT DISTINCT ON (syndication_group) syndication_group AS g, id AS first"
                         " FROM articles WHERE syndication_group = ANY(?::bigint[])"
                         " ORDER BY syndication_group, published IS NULL, published, id) o"
                         " WHERE a.syndication_group = o.g AND a.is_origin <> CASE WHEN a.id = o.first THEN 1 ELSE 0 END",
                         (groups,))

    def claim(self) -> None:
        """Nothing to hold: several writers take turns, a batch at a time (`transaction`)."""
        return None

    # Several writers may write the archive at once: the buckets are asked of the table, which holds
    # the others' rows too (not kept in a writer's memory, syndication.Buckets).
    one_writer = False
    # The candidates' signatures from the rows: a long text is kept compressed or apart (TOAST), not
    # on pages the read must follow.
    signatures = "articles"

    def bucket_lists(self, conn: Connection, keys: list[int]) -> dict[int, list[int]]:
        """syndication.bucket_lists in one round trip: each bucket's members as one string, since
        the copies of one story share most of their buckets, and each distinct string is read once
        (half the writer's time of a row per member)."""
        # psycopg's own SQL (%b: the array sent in binary, a third of the writer's time of its text)
        return bucket_members(conn.raw.execute(
            "SELECT k.key, b.ids FROM unnest(%b::bigint[]) k (key) CROSS JOIN LATERAL"
            " (SELECT string_agg(m.article_id::text, ',') AS ids FROM (SELECT article_id FROM lsh"
            "  WHERE lsh.key = k.key ORDER BY article_id DESC LIMIT %s) m) b WHERE b.ids IS NOT NULL",
            (sorted(set(keys)), BUCKET_SAMPLE)).fetchall())

    def generation(self, conn: Connection) -> int:
        """A number that changes whenever a writer commits a batch (a sequence: read without a lock)."""
        return conn.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM citata_writes").fetchone()[0]

    def next_generation(self, conn: Connection) -> int:
        return conn.execute("SELECT nextval('citata_writes')").fetchone()[0]

    def next_ids(self, conn: Connection, table: str, n: int) -> list[int]:
        """`n` ids from a table's identity sequence (articles, quotations), in order; the writers'
        lock makes them consecutive."""
        if not n:
            return []
        # One nextval and a setval past the n-1 others: the sequence ends where n nextvals leave it,
        # without a call per id.
        last = conn.execute("SELECT setval(s, nextval(s) + ? - 1) FROM pg_get_serial_sequence(?, 'id') s",
                            (n, table)).fetchone()[0]
        return list(range(last - n + 1, last + 1))

    # ---------------------------------------------------------------- full-text index

    # The articles' full-text rows are one statement whose time is the server's (psycopg waits
    # without the GIL): the writer links names on its own thread meanwhile (store._beside).
    index_beside = True

    def index_articles(self, conn: Connection, rows: list[tuple[int, str]], tsvs: list[str | None] | None = None) -> None:
        """(article id, lemmas) rows, and the tsvector text the ingest worker built for each (None:
        the server stems that row's lemmas; `takes_tsvectors`)."""
        self._index(conn, "article_fts", "article_id", rows, tsvs)

    def index_quotes(self, conn: Connection, rows: list[tuple[int, str]], tsvs: list[str | None] | None = None) -> None:
        self._index(conn, "quote_fts", "quotation_id", rows, tsvs)

    def _index(self, conn: Connection, table: str, column: str, rows: list[tuple[int, str]],
               tsvs: list[str | None] | None) -> None:
        """One statement over arrays (ids, tsvector texts, lemma strings), in binary (%b: no escaping
        of every string for an array literal). A row whose tsvector the worker built
        (citata.archive.tsvector) is only read by the server; the others' lemmas are stemmed here
        by `to_tsvector`, the same text either way (tests/test_postgres.py)."""
        if not rows:
            return
        ids = [rid for rid, _ in rows]
        if tsvs is None:
            conn.raw.execute(f"INSERT INTO {table} ({column}, tsv) SELECT id, to_tsvector('russian', lemmas)"
                             " FROM unnest(%b::bigint[], %b::text[]) r (id, lemmas)",
                             (ids, [lemmas for _, lemmas in rows]))
            return
        conn.raw.execute(f"INSERT INTO {table} ({column}, tsv) SELECT id,"
                         " COALESCE(tsv::tsvector, to_tsvector('russian', lemmas))"
                         " FROM unnest(%b::bigint[], %b::text[], %b::text[]) r (id, tsv, lemmas)",
                         (ids, tsvs, [None if tsv is not None else lemmas for (_, lemmas), tsv in zip(rows, tsvs)]))

    def takes_tsvectors(self, conn: Connection) -> bool:
        """Whether this server's `to_tsvector('russian', …)` gives what the workers' reproduction
        gives (a sample of stems and word shapes, compared once per writer): a server whose
        Snowball stemmers or stop words differ stems every row itself, as before."""
        try:
            from .tsvector import PROBE, tsvector
        except ImportError:  # PyStemmer not installed: the server stems
            return False
        return conn.execute("SELECT to_tsvector('russian', ?)::text", (PROBE,)).fetchone()[0] == tsvector(PROBE)

    def unindex_article(self, conn: Connection, article_id: int) -> None:
        """Drop an article's and its quotations' index rows (before they are deleted: no foreign key
        cascades, see DROPPED_CONSTRAINTS)."""
        conn.execute("DELETE FROM quote_fts WHERE quotation_id IN (SELECT id FROM quotations WHERE article_id = ?)",
                     (article_id,))
        conn.execute("DELETE FROM article_fts WHERE article_id = ?", (article_id,))

    def data_version(self, conn) -> None:
        """No cheap signal of another session's commit here: nothing is cached."""
        return None

    def match(self, text: str) -> str | None:
        terms = query_lemmas(text)
        return " ".join(terms) if terms else None

    QUOTE_MATCH = "q.id IN (SELECT quotation_id FROM quote_fts WHERE tsv @@ plainto_tsquery('russian', ?))"

    def rum_schema(self, conn: Connection) -> str | None:
        """The schema holding the rum extension's operators in this database (None: not installed;
        citata never installs it, see ARTICLE_INDEX_SETTLED)."""
        row = conn.execute("SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n"
                           " ON n.oid = e.extnamespace WHERE e.extname = 'rum'").fetchone()
        return row[0] if row else None

    def index_article_text(self, conn: Connection) -> None:
        """The articles' full-text index: RUM with each entry's article id beside it
        (rum_tsvector_addon_ops), so that a search reads its newest matches from the index in id
        order without visiting the rows of the others; else GIN, searched a span of the newest ids
        at a time (`_newest_ids`; the same results, slower). Inserts cost the server more than twice
        as much CPU with RUM (docs/performance.md, eighth session). Run by a writer in its
        schema transaction: a GIN archive gets the RUM index (and loses the GIN one) once the
        database has the extension; building it takes a while on a large archive."""
        rum = self.rum_schema(conn)
        if rum:
            conn.execute("CREATE INDEX IF NOT EXISTS article_fts_rum ON article_fts USING rum"
                         f" (tsv {rum}.rum_tsvector_addon_ops, article_id) WITH (attach = 'article_id', to = 'tsv')")
            conn.execute("DROP INDEX IF EXISTS article_fts_tsv")
        else:
            conn.execute("CREATE INDEX IF NOT EXISTS article_fts_tsv ON article_fts USING GIN (tsv)")

    # The newest matches (at most RANKED_MATCHES), ranked by ts_rank; only the page's articles are
    # joined. ts_rank reads each ranked article's whole tsvector from the TOAST table, which is why
    # the number ranked is capped (bm25 in SQLite reads its index alone). {newest}: the newest
    # matches' (article_id, tsv), found as the index there is allows.
    _SEARCH = ("SELECT {columns} FROM (SELECT newest.article_id, ts_rank(newest.tsv, query) AS rank"
               " FROM plainto_tsquery('russian', ?) query CROSS JOIN LATERAL ({newest}) newest"
               " ORDER BY rank DESC, newest.article_id DESC LIMIT ? OFFSET ?) best"
               " JOIN articles a ON a.id = best.article_id {joins} ORDER BY best.rank DESC, a.id DESC")
    # RUM: the index scan orders its matches by their distance below the largest article id (rum's
    # `<=|`, exact as a float8 up to ids of 2^53), from the ids stored beside each entry; only the
    # newest matches' rows are read. (It sorts every match's entry: about 1 µs each.)
    _NEWEST_RUM = ("SELECT f.article_id, f.tsv FROM article_fts f WHERE f.tsv @@ query ORDER BY f.article_id"
                   " OPERATOR({rum}.<=|) (SELECT max(article_id) FROM article_fts) LIMIT ?")
    # GIN: the ids `_newest_ids` found.
    _NEWEST_IDS = "SELECT f.article_id, f.tsv FROM article_fts f WHERE f.article_id = ANY(?::bigint[])"

    def _newest_ids(self, conn: Connection, match: str, ranked: int, top: int) -> list[int]:
        """GIN: the ids of the newest `ranked` matches, looked for among the newest NEWEST_SPAN article
        ids first, then in a span wide enough for the density of matches seen (at least twice as
        wide), until `ranked` are found or the span holds every article. A GIN index gives its
        matches in no order, so finding the newest by a sort reads every match's row for its id
        (about 3 µs each: 46 ms for a word in 15% of 100,000 articles); here the bitmap of the
        matches is ANDed with the primary key's range and only the rows in the span are read.
        `top`: the largest article id."""
        span = NEWEST_SPAN
        while True:
            ids = [r[0] for r in conn.execute(
                "SELECT article_id FROM article_fts WHERE tsv @@ plainto_tsquery('russian', ?) AND article_id > ?"
                " ORDER BY article_id DESC LIMIT ?", (match, top - span, ranked)).fetchall()]
            if len(ids) == ranked or span >= top:
                return ids
            span = span * 16 if not ids else max(2 * span, span * ranked * 3 // (2 * len(ids)))

    def search_articles(self, conn: Connection, columns: str, joins: str, match: str, ranked: int, limit: int,
                        offset: int) -> list:
        """As SQLite.search_articles, ranking at most RANKED_MATCHES."""
        ranked = min(ranked, RANKED_MATCHES)
        if conn.rum is None:  # which index the archive has, looked up once per connection
            conn.rum = (self.rum_schema(conn) if conn.execute(
                "SELECT to_regclass('article_fts_rum') IS NOT NULL").fetchone()[0] else None) or ""
        with conn.raw.transaction():
            conn.raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one snapshot for all
            # Read while index scans are on (without them, 75 ms on 100,000 articles).
            top = None if conn.rum else conn.execute("SELECT max(article_id) FROM article_fts").fetchone()[0] or 0
            # No plan that tests rows one by one against the query: the planner is not told that a
            # test reads the row's whole tsvector, and left to itself it walked the primary key
            # newest first, or the whole table, testing every article (a rare pair of words over
            # 100,000 articles: 550 ms). Each statement planned for its values (a span's bounds).
            conn.raw.execute("SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL enable_seqscan = off;"
                             " SET LOCAL " + ("enable_bitmapscan" if conn.rum else "enable_indexscan") + " = off")
            if conn.rum:
                newest, params = self._NEWEST_RUM.format(rum=conn.rum), (ranked,)
            else:
                newest, params = self._NEWEST_IDS, (self._newest_ids(conn, match, ranked, top),)
            return conn.execute(self._SEARCH.format(columns=columns, joins=joins, newest=newest),
                                (match, *params, limit, offset)).fetchall()
