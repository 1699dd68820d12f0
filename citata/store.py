"""The SQLite archive: schema, connection and writes.

One file, WAL mode. Every document is written with its content hash inside
the transaction that writes its quotations, mentions, index terms and
syndication links, so after a crash a document is either fully in or absent
and a rerun knows what is already there. Only one process writes (the ingest
parent); readers may run alongside it.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from . import syndication
from .lemmas import fold, lemma, words
from .model import Document
from .registry import Identity, Overrides, Registry, assign

SCHEMA_VERSION = 1

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
    boilerplate TEXT NOT NULL,      -- JSON list of {start, end, kind} into the raw input
    ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
    minhash BLOB,
    syndication_group INTEGER,      -- id of the group's first article; NULL: no near-duplicate
    is_origin INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_id);
CREATE INDEX IF NOT EXISTS articles_group ON articles(syndication_group);
CREATE TABLE IF NOT EXISTS lsh (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lsh_article ON lsh(article_id);
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
    end INTEGER NOT NULL,
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
    published TEXT                  -- the article's, copied so that queries need not visit articles
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
    end INTEGER NOT NULL,
    type TEXT NOT NULL,
    normal TEXT,                    -- nominative form (the entities stage)
    entity_id TEXT                  -- archive-wide identity (citata.registry)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
-- The registry of identities across articles (citata.registry.Identity as JSON).
CREATE TABLE IF NOT EXISTS identities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
-- Lemmas only; the original text stays in articles/quotations for display.
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(lemmas, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5(lemmas, tokenize = 'unicode61 remove_diacritics 0');
"""


def default_path() -> Path:
    """$CITATA_DB, else $XDG_DATA_HOME/citata/citata.db (~/.local/share/citata/citata.db)."""
    if os.environ.get("CITATA_DB"):
        return Path(os.environ["CITATA_DB"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "citata" / "citata.db"


def overrides_path(db: str | os.PathLike) -> Path:
    """$CITATA_OVERRIDES, else citata-overrides.tsv beside the archive (see citata.registry.Overrides)."""
    if os.environ.get("CITATA_OVERRIDES"):
        return Path(os.environ["CITATA_OVERRIDES"])
    return Path(db).parent / "citata-overrides.tsv"


def connect(path: str | os.PathLike, create: bool = True) -> sqlite3.Connection:
    path = Path(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise FileNotFoundError(f"no archive at {path} (run `citata ingest` first)")
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable across process crashes in WAL mode (only a power cut may lose the last commits).
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if create:
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return conn


@dataclass
class Prepared:
    """A processed document with everything its write needs, computed off the writer."""

    doc: Document
    hash: str
    text_lemmas: str
    quote_lemmas: list[str]
    minhash: bytes | None


def speaker_key(name: str) -> str:
    return " ".join(fold(name).split())


def speaker_tokens(name: str) -> set[str]:
    toks = set()
    for m in words(name):
        w = m.group().lower()
        toks.add(fold(w))
        toks.add(lemma(w))
    return toks


class Store:
    """Writes to one archive file. Every public write is one transaction."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.conn = connect(self.path)
        self.registry = self._load_registry()

    def _load_registry(self) -> Registry:
        identities = [Identity.from_dict(json.loads(d)) for (d,) in self.conn.execute("SELECT data FROM identities")]
        return Registry(identities, Overrides(overrides_path(self.path)))

    def close(self) -> None:
        self.conn.close()

    def hash_of(self, source: str) -> str | None:
        row = self.conn.execute("SELECT hash FROM articles WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def write(self, batch: list[Prepared]) -> tuple[int, int]:
        """Write a batch in one transaction, replacing older versions of the same sources.
        Returns (new, replaced)."""
        new = replaced = 0
        try:
            with Transaction(self.conn):
                touched: set[str] = set()
                for item in batch:
                    if self._delete_source(item.doc.source):
                        replaced += 1
                    else:
                        new += 1
                    # Identities across articles: linked here, in input order, by the one writer.
                    if any("key" in m for m in item.doc.entities):
                        assign(item.doc, self.registry)
                    touched.update(m["entity_id"] for m in item.doc.entities if m.get("entity_id"))
                    self._insert(item)
                self.conn.executemany(
                    "INSERT OR REPLACE INTO identities (id, type, name, data) VALUES (?, ?, ?, ?)",
                    [(i.id, i.type, i.name, json.dumps(i.to_dict(), ensure_ascii=False))
                     for i in map(self.registry.by_id.get, sorted(touched)) if i is not None])
        except BaseException:
            self.registry = self._load_registry()  # the rolled-back batch's links are gone too
            raise
        return new, replaced

    def _delete_source(self, source: str) -> bool:
        row = self.conn.execute("SELECT id FROM articles WHERE source = ?", (source,)).fetchone()
        if row is None:
            return False
        article_id = row[0]
        speakers = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT speaker_id FROM quotations WHERE article_id = ? AND speaker_id IS NOT NULL",
            (article_id,))]
        syndication.detach(self.conn, article_id)
        self.conn.execute("DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotations WHERE article_id = ?)",
                          (article_id,))
        self.conn.execute("DELETE FROM article_fts WHERE rowid = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # cascades
        for sid in speakers:
            self.conn.execute("DELETE FROM speakers WHERE id = ? AND NOT EXISTS"
                              " (SELECT 1 FROM quotations WHERE speaker_id = ?)", (sid, sid))
        return True

    def _outlet_id(self, name: str | None) -> int | None:
        if not name:
            return None
        row = self.conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        return self.conn.execute("INSERT INTO outlets (name, norm) VALUES (?, ?)", (name, fold(name))).lastrowid

    def _speaker_id(self, name: str | None, kind: str | None, entity_id: str | None = None) -> int | None:
        if not name:
            return None
        key = speaker_key(name)
        row = self.conn.execute("SELECT id FROM speakers WHERE key = ?", (key,)).fetchone()
        if row:
            if entity_id:
                self.conn.execute("UPDATE speakers SET entity_id = ? WHERE id = ? AND entity_id IS NULL",
                                  (entity_id, row[0]))
            return row[0]
        sid = self.conn.execute("INSERT INTO speakers (key, name, kind, entity_id) VALUES (?, ?, ?, ?)",
                                (key, name, kind, entity_id)).lastrowid
        self.conn.executemany("INSERT OR IGNORE INTO speaker_tokens (token, speaker_id) VALUES (?, ?)",
                              [(t, sid) for t in speaker_tokens(name)])
        return sid

    def _insert(self, item: Prepared) -> int:
        doc = item.doc
        article_id = self.conn.execute(
            "INSERT INTO articles (source, hash, title, outlet_id, url, published, text, dateline,"
            " relayed_from, credits, boilerplate, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.source, item.hash, doc.title, self._outlet_id(doc.outlet), doc.url, doc.published, doc.text,
             json.dumps(asdict(doc.dateline), ensure_ascii=False) if doc.dateline else None,
             json.dumps(doc.relayed_from, ensure_ascii=False), json.dumps(doc.credits, ensure_ascii=False),
             json.dumps([asdict(b) for b in doc.boilerplate]), item.minhash)).lastrowid
        self.conn.execute("INSERT INTO article_fts (rowid, lemmas) VALUES (?, ?)", (article_id, item.text_lemmas))
        group = syndication.attach(self.conn, article_id, item.minhash)
        for seq, (q, lemmas) in enumerate(zip(doc.quotes, item.quote_lemmas)):
            sp = q.speaker
            mention = sp.mention if sp else None
            qid = self.conn.execute(
                "INSERT INTO quotations (article_id, seq, type, content, start, end, parts, cue, cue_start, cue_end,"
                " cue_lemma, speaker_id, speaker_name, mention, mention_start, mention_end, role, speaker_kind,"
                " channel, addressee, is_question, published)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, seq, q.type, q.content.text, q.content.start, q.content.end,
                 json.dumps([p.to_dict() for p in q.parts], ensure_ascii=False) if q.parts else None,
                 q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
                 q.cue_lemma, self._speaker_id(sp.name if sp else None, sp.kind if sp else None,
                                               sp.entity_id if sp else None),
                 sp.name if sp else None, mention.text if mention else None,
                 mention.start if mention else None, mention.end if mention else None,
                 sp.role if sp else None, sp.kind if sp else None, q.channel,
                 json.dumps(q.addressee, ensure_ascii=False) if q.addressee else None,
                 int(q.is_question), doc.published)).lastrowid
            cluster = syndication.cluster_for(self.conn, qid, q.content.text, group)
            self.conn.execute("UPDATE quotations SET cluster_id = ? WHERE id = ?", (cluster, qid))
            self.conn.execute("INSERT INTO quote_fts (rowid, lemmas) VALUES (?, ?)", (qid, lemmas))
        self.conn.executemany(
            "INSERT INTO mentions (article_id, text, start, end, type, normal, entity_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article_id, e["text"], e["start"], e["end"], e["type"], e.get("normal"), e.get("entity_id"))
             for e in doc.entities])
        return article_id


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (the connection runs in autocommit)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
