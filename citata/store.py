"""Writes to the archive (an SQLite file or a PostgreSQL database: `citata.backend`).

Every document is written with its content hash inside the transaction that
writes its quotations, mentions, index terms and syndication links, so after a
crash a document is either fully in or absent and a rerun knows what is
already there. Only one process writes (the ingest parent); readers may run
alongside it.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from . import syndication
from .backend import is_url, open_backend
from .lemmas import fold, lemma, words
from .model import Document
from .registry import Identity, Overrides, Registry, assign


def default_path() -> Path | str:
    """$CITATA_DB (a file or a postgresql:// URL), else $XDG_DATA_HOME/citata/citata.db
    (~/.local/share/citata/citata.db)."""
    if os.environ.get("CITATA_DB"):
        db = os.environ["CITATA_DB"]
        return db if is_url(db) else Path(db)
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "citata" / "citata.db"


@dataclass
class Prepared:
    """A processed document with everything its write needs, computed off the writer."""

    doc: Document
    hash: str
    text_lemmas: str
    quote_lemmas: list[str]
    minhash: bytes | None
    removed: list[str] | None = None  # the text of each boilerplate span, for readers of the archive
    quote_keys: list[str] | None = None  # syndication.quote_key of each quotation
    band_keys: list[int] | None = None   # syndication.band_keys of the minhash

    def __post_init__(self):
        if self.quote_keys is None:
            self.quote_keys = [syndication.quote_key(q.content.text) for q in self.doc.quotes]
        if self.band_keys is None and self.minhash is not None:
            self.band_keys = syndication.band_keys(self.minhash)


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
    """Writes to one archive (a file, or a postgresql:// URL). Every public write is one transaction."""

    def __init__(self, path: str | os.PathLike):
        self.backend = open_backend(path)
        self.path = self.backend.path
        self.conn = self.backend.connect()
        self.registry = self._load_registry()
        # Ids already looked up or written, by outlet name and speaker key: one query fewer per
        # quotation (a round trip to a database server). Only this process writes.
        self._outlets: dict[str, int] = {}
        self._speakers: dict[str, int] = {}

    def _load_registry(self) -> Registry:
        identities = [Identity.from_dict(json.loads(d)) for (d,) in self.conn.execute("SELECT data FROM identities")]
        return Registry(identities, Overrides(self.backend.overrides_path()))

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
            with self.backend.transaction(self.conn):
                touched: set[str] = set()
                # The batch's sources already in the archive, in one query.
                sources = sorted({item.doc.source for item in batch})
                stored = dict(self.conn.execute(
                    f"SELECT source, id FROM articles WHERE source IN ({', '.join('?' * len(sources))})",
                    sources).fetchall()) if sources else {}
                for item in batch:
                    # A changed article keeps its id, and each of its quotations whose words and
                    # speaker are unchanged keeps its own: links to them survive the update.
                    old_id = stored.get(item.doc.source)
                    kept: dict[tuple, list[int]] = {}
                    if old_id is not None:
                        for qid, content, name in self.conn.execute(
                                "SELECT id, content, speaker_name FROM quotations WHERE article_id = ? ORDER BY seq",
                                (old_id,)):
                            kept.setdefault((content, name), []).append(qid)
                        self._delete(old_id)
                        replaced += 1
                    else:
                        new += 1
                    # Identities across articles: linked here, in input order, by the one writer.
                    if any("key" in m for m in item.doc.entities):
                        assign(item.doc, self.registry)
                    touched.update(m["entity_id"] for m in item.doc.entities if m.get("entity_id"))
                    stored[item.doc.source] = self._insert(item, old_id, kept)
                self.conn.executemany(
                    "INSERT INTO identities (id, type, name, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                    " SET type = excluded.type, name = excluded.name, data = excluded.data",
                    [(i.id, i.type, i.name, json.dumps(i.to_dict(), ensure_ascii=False))
                     for i in map(self.registry.by_id.get, sorted(touched)) if i is not None])
        except BaseException:
            self.registry = self._load_registry()  # the rolled-back batch's links are gone too
            self._outlets.clear()
            self._speakers.clear()
            raise
        return new, replaced

    def _delete(self, article_id: int) -> None:
        speakers = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT speaker_id FROM quotations WHERE article_id = ? AND speaker_id IS NOT NULL",
            (article_id,))]
        syndication.detach(self.conn, article_id)
        self.backend.unindex_article(self.conn, article_id)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # cascades
        for sid in speakers:
            self.conn.execute("DELETE FROM speakers WHERE id = ? AND NOT EXISTS"
                              " (SELECT 1 FROM quotations WHERE speaker_id = ?)", (sid, sid))
        if speakers:
            self._speakers.clear()  # some may be gone

    def _outlet_id(self, name: str | None) -> int | None:
        if not name:
            return None
        if name not in self._outlets:
            row = self.conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
            self._outlets[name] = row[0] if row else self.conn.execute(
                "INSERT INTO outlets (name, norm) VALUES (?, ?) RETURNING id", (name, fold(name))).fetchone()[0]
        return self._outlets[name]

    def _speaker_id(self, name: str | None, kind: str | None, entity_id: str | None = None) -> int | None:
        if not name:
            return None
        key = speaker_key(name)
        if key not in self._speakers:
            row = self.conn.execute("SELECT id FROM speakers WHERE key = ?", (key,)).fetchone()
            if row is None:
                sid = self._speakers[key] = self.conn.execute(
                    "INSERT INTO speakers (key, name, kind, entity_id) VALUES (?, ?, ?, ?) RETURNING id",
                    (key, name, kind, entity_id)).fetchone()[0]
                self.conn.executemany("INSERT INTO speaker_tokens (token, speaker_id) VALUES (?, ?)"
                                      " ON CONFLICT DO NOTHING", [(t, sid) for t in speaker_tokens(name)])
                return sid
            self._speakers[key] = row[0]
        sid = self._speakers[key]
        if entity_id:
            self.conn.execute("UPDATE speakers SET entity_id = ? WHERE id = ? AND entity_id IS NULL", (entity_id, sid))
        return sid

    def _insert(self, item: Prepared, article_id: int | None = None,
                quotation_ids: dict[tuple, list[int]] | None = None) -> int:
        """Insert a document under `article_id` (a new id if None); a quotation whose (content,
        speaker name) is a key of `quotation_ids` takes the first id listed there."""
        doc = item.doc
        quotation_ids = quotation_ids or {}
        # An explicit id only for a replaced article: a new one takes the next, never a deleted one's.
        id_column, id_value = ("id, ", [article_id]) if article_id is not None else ("", [])
        article_id = self.conn.execute(
            f"INSERT INTO articles ({id_column}source, hash, title, outlet_id, url, published, text, dateline,"
            " relayed_from, credits, boilerplate, minhash) VALUES"
            f" ({'?, ' * len(id_value)}?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (*id_value, doc.source, item.hash, doc.title, self._outlet_id(doc.outlet), doc.url, doc.published, doc.text,
             json.dumps(asdict(doc.dateline), ensure_ascii=False) if doc.dateline else None,
             json.dumps(doc.relayed_from, ensure_ascii=False), json.dumps(doc.credits, ensure_ascii=False),
             json.dumps([asdict(b) | ({} if text is None else {"text": text}) for b, text in
                         zip(doc.boilerplate, item.removed or [None] * len(doc.boilerplate))]),
             item.minhash)).fetchone()[0]
        self.backend.index_article(self.conn, article_id, item.text_lemmas)
        group = syndication.attach(self.conn, article_id, item.minhash, item.band_keys, self.backend.bucket_members)
        clusters = syndication.stored_clusters(self.conn, item.quote_keys)
        for seq, (q, lemmas, key) in enumerate(zip(doc.quotes, item.quote_lemmas, item.quote_keys)):
            sp = q.speaker
            mention = sp.mention if sp else None
            same = quotation_ids.get((q.content.text, sp.name if sp else None))
            qid_column, qid_value = ("id, ", [same.pop(0)]) if same else ("", [])
            qid = self.conn.execute(
                f"INSERT INTO quotations ({qid_column}article_id, seq, type, content, start, \"end\", parts, cue, cue_start, cue_end,"
                " cue_lemma, speaker_id, speaker_name, mention, mention_start, mention_end, role, speaker_kind,"
                " channel, addressee, is_question, published)"
                f" VALUES ({'?, ' * len(qid_value)}?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING id",
                (*qid_value, article_id, seq, q.type, q.content.text, q.content.start, q.content.end,
                 json.dumps([p.to_dict() for p in q.parts], ensure_ascii=False) if q.parts else None,
                 q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
                 q.cue_lemma, self._speaker_id(sp.name if sp else None, sp.kind if sp else None,
                                               sp.entity_id if sp else None),
                 sp.name if sp else None, mention.text if mention else None,
                 mention.start if mention else None, mention.end if mention else None,
                 sp.role if sp else None, sp.kind if sp else None, q.channel,
                 json.dumps(q.addressee, ensure_ascii=False) if q.addressee else None,
                 int(q.is_question), doc.published)).fetchone()[0]
            cluster = syndication.cluster_for(self.conn, qid, q.content.text, key, group, clusters)
            self.conn.execute("UPDATE quotations SET cluster_id = ? WHERE id = ?", (cluster, qid))
            self.backend.index_quote(self.conn, qid, lemmas)
        self.conn.executemany(
            "INSERT INTO mentions (article_id, text, start, \"end\", type, normal, entity_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article_id, e["text"], e["start"], e["end"], e["type"], e.get("normal"), e.get("entity_id"))
             for e in doc.entities])
        return article_id

