"""Writes to the archive (an SQLite file or a PostgreSQL database: `citata.archive.backend`).

Every document is written with its content hash inside the transaction that
writes its quotations, mentions, index terms and syndication links, so after a
crash a document is either fully in or absent and a rerun knows what is
already there. A batch is written with a statement per table (not per
quotation or mention); its cross-document steps (identities, syndication
groups, quotation clusters) run over the whole batch, reading the archive
first, and give what writing its articles one by one would.

Writers: an SQLite file takes one (a second `Store` on it fails at once).
A PostgreSQL archive takes several (ingests on one machine or many): each
batch is one transaction under the writers' advisory lock, and a writer that
finds another has committed since its last batch reads the identity
registry again before linking; natural keys (source, outlet name, speaker
key, quotation key) are unique constraints. Readers may run alongside.
"""
from __future__ import annotations

import json
import os
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from . import syndication
from .backend import is_url, open_backend
from ..clean.templates import SiteTemplates
from ..collector import collector_paused
from ..lemmas import fold, lemma, words
from ..model import Document
from ..registry import Identity, Overrides, Registry, assign, name_keys, seed


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
    site: str | None = None  # the page's site and its line shapes (citata.clean.templates)
    shapes: frozenset[str] | None = None
    quote_keys: list[str] | None = None  # syndication.quote_key of each quotation
    band_keys: list[int] | None = None   # syndication.band_keys of the minhash
    # The JSON columns, encoded off the writer: the article's (dateline, relayed_from, credits,
    # boilerplate with the removed text) and each quotation's (parts, addressee, provenance). Identity
    # linking changes none of them.
    article_json: tuple[str | None, str, str, str] | None = None
    quote_json: list[tuple[str | None, str | None, str | None]] | None = None
    # The rows' columns that depend on the document alone, built off the writer too (linking fills
    # only ids in): each quotation's (`quote_columns`), its speaker's key and name tokens, and each
    # mention's (text, start, end, type, normal). The source and date are the writer's to add.
    quote_rows: list[tuple[tuple, tuple]] | None = None
    speaker_keys: list[tuple[str, tuple[str, ...]] | None] | None = None
    mention_rows: list[tuple] | None = None
    # For a PostgreSQL archive (`with_tsvectors`): the text of the tsvector the server would make of
    # the article's and each quotation's lemmas (citata.archive.tsvector; None where it is not
    # reproduced, and the server stems that one).
    text_tsv: str | None = None
    quote_tsv: list[str | None] | None = None
    # What identity linking asks the dictionary about the document's names (registry.name_keys),
    # computed by the worker (off the writer's clock): the writer `seed`s them before linking.
    name_keys: dict[str, list[tuple]] | None = None

    def with_tsvectors(self) -> Prepared:
        """The article's and quotations' tsvector texts added (by the worker, for PostgreSQL)."""
        try:
            from .tsvector import tsvector
        except ImportError:  # a (Dask) worker without PyStemmer: the server stems these rows
            return self

        self.text_tsv = tsvector(self.text_lemmas)
        self.quote_tsv = [tsvector(lemmas) for lemmas in self.quote_lemmas]
        return self

    def __post_init__(self):
        doc = self.doc
        if self.quote_keys is None:
            self.quote_keys = [syndication.quote_key(q.content.text) for q in doc.quotes]
        if self.band_keys is None and self.minhash is not None:
            self.band_keys = syndication.band_keys(self.minhash)
        if self.article_json is None:
            removed = self.removed or [None] * len(doc.boilerplate)
            self.article_json = (
                json.dumps(asdict(doc.dateline), ensure_ascii=False) if doc.dateline else None,
                json.dumps(doc.relayed_from, ensure_ascii=False), json.dumps(doc.credits, ensure_ascii=False),
                json.dumps([asdict(b) | ({} if text is None else {"text": text})
                            for b, text in zip(doc.boilerplate, removed)]))
        if self.quote_json is None:
            self.quote_json = [
                (json.dumps([part.to_dict() for part in q.parts], ensure_ascii=False) if q.parts else None,
                 json.dumps(q.addressee, ensure_ascii=False) if q.addressee else None,
                 json.dumps(q.provenance.to_dict(), ensure_ascii=False) if q.provenance else None)
                for q in doc.quotes]
        if self.quote_rows is None:
            self.quote_rows = [quote_columns(seq, q, parts, addressee)
                               for seq, (q, (parts, addressee, _)) in enumerate(zip(doc.quotes, self.quote_json))]
        if self.speaker_keys is None:
            self.speaker_keys = [(speaker_key(q.speaker.name), tuple(sorted(speaker_tokens(q.speaker.name))))
                                 if q.speaker is not None and q.speaker.name else None for q in doc.quotes]
        if self.mention_rows is None:
            self.mention_rows = [(e["text"], e["start"], e["end"], e["type"], e.get("normal")) for e in doc.entities]
        if self.name_keys is None:
            self.name_keys = name_keys(doc)


def quote_columns(seq: int, q, parts: str | None, addressee: str | None) -> tuple[tuple, tuple]:
    """A quotation's columns of QUOTATION_COLUMNS that its document alone gives: those between
    article_id and speaker_id, and those between speaker_id and cluster_id."""
    sp = q.speaker
    mention = sp.mention if sp else None
    return ((seq, q.type, q.content.text, q.content.start, q.content.end, parts,
             q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
             q.cue_lemma),
            (sp.name if sp else None, mention.text if mention else None,
             mention.start if mention else None, mention.end if mention else None,
             sp.role if sp else None, sp.kind if sp else None, q.channel, addressee, int(q.is_question)))


_encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False), one encoder made once

# The fewest articles in a run written together for whose full-text statement a second thread is
# started (PostgreSQL): a short run (a batch with replacements is cut at each) has little linking to
# overlap: bench_writer with replacements (runs of about six articles) took 0.89x as many articles/s
# with a thread for every run, the same without.
BESIDE_SEGMENT = 32

QUOTATION_COLUMNS = ("id", "article_id", "seq", "type", "content", "start", '"end"', "parts", "cue", "cue_start",
                     "cue_end", "cue_lemma", "speaker_id", "speaker_name", "mention", "mention_start", "mention_end",
                     "role", "speaker_kind", "channel", "addressee", "is_question", "cluster_id", "published",
                     "provenance")


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
        self._claim = self.backend.claim()  # SQLite takes one writer: a second fails here, clearly
        try:
            self.conn = self.backend.connect()
        except BaseException:
            if self._claim is not None:
                self._claim.close()
            raise
        # Ids already looked up or written, by outlet name and speaker key: one query fewer per
        # batch. Read again when another writer has committed (`_catch_up`).
        self._outlets: dict[str, int] = {}
        self._speakers: dict[str, int] = {}
        # The LSH buckets in this writer's memory, where it is the archive's one writer (SQLite): read
        # at the first batch, kept as it writes, dropped with a rolled-back batch.
        self._buckets: syndication.Buckets | None = None
        self._reload()
        # Whether the full-text rows take the tsvectors the workers built (PostgreSQL, whose
        # stemming agrees with theirs): `prepare(…, tsvectors=store.tsvectors)`.
        self.tsvectors = self.backend.takes_tsvectors(self.conn)

    def _load_registry(self) -> Registry:
        identities = [Identity.from_dict(json.loads(d)) for (d,) in self.conn.execute("SELECT data FROM identities")]
        return Registry(identities, Overrides(self.backend.overrides_path()))

    def close(self) -> None:
        self.conn.close()
        if self._claim is not None:
            self._claim.close()

    def hash_of(self, source: str) -> str | None:
        row = self.conn.execute("SELECT hash FROM articles WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def site_templates(self) -> SiteTemplates:
        """What the archive's pages taught about each site's recurring lines, as the last
        finished ingest left it (shapes seen on one page only are left out: they are no
        site's furniture yet)."""
        sites = SiteTemplates()
        pages = dict(self.conn.execute("SELECT site, settled FROM site_pages WHERE settled > 0").fetchall())
        lines: dict[str, dict[str, int]] = {}
        for site, shape, n in self.conn.execute("SELECT site, shape, settled FROM site_lines WHERE settled > 1"):
            lines.setdefault(site, {})[shape] = n
        for site, n in pages.items():
            sites.add_counts(site, n, lines.get(site, {}))
        return sites

    def settle_site_templates(self) -> None:
        """An ingest finished: what it counted is what the next ones use."""
        with self.backend.transaction(self.conn):
            self.conn.execute("UPDATE site_pages SET settled = pages WHERE settled <> pages")
            self.conn.execute("UPDATE site_lines SET settled = pages WHERE settled <> pages")

    def _learn_sites(self, items: list[Prepared]) -> None:
        """The batch's new pages counted into their sites' templates: a statement per table."""
        pages: Counter[str] = Counter()
        lines: Counter[tuple[str, str]] = Counter()
        for item in items:
            if item.site and item.shapes is not None:
                pages[item.site] += 1
                lines.update((item.site, shape) for shape in item.shapes)
        self.backend.upsert(self.conn, "site_pages", ("site", "pages"), sorted(pages.items()), add=True)
        self.backend.upsert(self.conn, "site_lines", ("site", "shape", "pages"),
                            [(site, shape, n) for (site, shape), n in sorted(lines.items())], keys=2, add=True)

    def write(self, batch: list[Prepared]) -> tuple[int, int]:
        """Write a batch in one transaction, replacing older versions of the same sources.
        Returns (new, replaced)."""
        new = replaced = 0
        # The collector paused: a batch makes a few hundred thousand rows, tuples and lists, none in
        # a cycle, and the full collections their making set off walked every object alive (the
        # registry, the batches waiting): 10-20% of the writer's CPU (docs/performance.md).
        try:
            with collector_paused(), self.backend.transaction(self.conn):
                self._catch_up()
                touched: set[str] = set()
                learned: list[Prepared] = []  # new pages: they count for their site's templates
                # The batch's sources already in the archive, in one query.
                sources = sorted({item.doc.source for item in batch})
                stored = dict(self.conn.execute(
                    f"SELECT source, id FROM articles WHERE source IN ({', '.join('?' * len(sources))})",
                    sources).fetchall()) if sources else {}
                segment: list[_Pending] = []
                for item in batch:
                    source = item.doc.source
                    if source in stored and stored[source] is None:
                        self._flush(segment, stored, touched)  # the same source twice: the first is replaced
                        segment = []
                    old_id = stored.get(source)
                    kept: dict[tuple, list[int]] = {}
                    if old_id is not None:
                        # A replacement changes what the batch's later articles find: the ones before
                        # it are written first. A changed article keeps its id, and each of its
                        # quotations whose words and speaker are unchanged keeps its own: links to
                        # them survive the update.
                        self._flush(segment, stored, touched)
                        segment = []
                        for qid, content, name in self.conn.execute(
                                "SELECT id, content, speaker_name FROM quotations WHERE article_id = ? ORDER BY seq",
                                (old_id,)):
                            kept.setdefault((content, name), []).append(qid)
                        self._delete(old_id)
                        replaced += 1
                    else:
                        new += 1
                        # A page counts once for its site's templates: a changed version
                        # replacing it does not count again.
                        learned.append(item)
                    segment.append(_Pending(item, old_id, kept))
                    stored[source] = None  # written by the next _flush, which records its id
                self._flush(segment, stored, touched)
                self._learn_sites(learned)
                self.backend.upsert(self.conn, "identities", ("id", "type", "name", "data"),
                                    [(i.id, i.type, i.name, _encode(i.to_dict()))
                                     for i in map(self.registry.by_id.get, sorted(touched)) if i is not None])
                self._generation = self.backend.next_generation(self.conn)
        except BaseException:
            self._reload()  # the rolled-back batch's links are gone too
            raise
        return new, replaced

    def _reload(self) -> None:
        """What this writer keeps between batches, read again from the archive."""
        self._generation = self.backend.generation(self.conn)
        self.registry = self._load_registry()
        self._outlets.clear()
        self._speakers.clear()
        self._buckets = None

    def _catch_up(self) -> None:
        """Under the writers' lock: if another writer (PostgreSQL takes several) has committed since
        this one's last batch, its identities and speakers are read again."""
        if self.backend.generation(self.conn) != self._generation:
            self._reload()

    def _delete(self, article_id: int) -> None:
        speakers = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT speaker_id FROM quotations WHERE article_id = ? AND speaker_id IS NOT NULL",
            (article_id,))]
        syndication.detach(self.conn, article_id, self._buckets)
        self.backend.unindex_article(self.conn, article_id)
        # Its rows in every table by name, nothing by cascade: a PostgreSQL archive keeps no foreign
        # key from mentions and quotations to the article (citata.archive.pg.DROPPED_CONSTRAINTS), and
        # an SQLite writer checks no foreign keys (citata.archive.backend.SQLite.connect).
        self.conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM quotations WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        for sid in speakers:
            # A speaker no quotation names any more goes, with its name tokens.
            if self.conn.execute("DELETE FROM speakers WHERE id = ? AND NOT EXISTS"
                                 " (SELECT 1 FROM quotations WHERE speaker_id = ?)", (sid, sid)).rowcount:
                self.conn.execute("DELETE FROM speaker_tokens WHERE speaker_id = ?", (sid,))
        if speakers:
            self._speakers.clear()  # some may be gone

    _COLUMNS = {"outlets": ("name", "norm"), "speakers": ("key", "name", "kind", "entity_id")}

    def _ids(self, table: str, cache: dict[str, int], rows: dict[str, tuple]) -> list[str]:
        """Ids of `table`'s rows (outlets, speakers) by their natural key into `cache`. `rows`: key ->
        the row's other columns, in first-seen order; those not in the table yet are inserted in
        that order. Returns the keys inserted."""
        unknown = [key for key in rows if key not in cache]
        if not unknown:
            return []
        cache.update(self._lookup(table, unknown))
        missing = [key for key in unknown if key not in cache]
        if missing:
            self.backend.insert(self.conn, table, self._COLUMNS[table], [(key, *rows[key]) for key in missing])
            cache.update(self._lookup(table, missing))
        return missing

    def _lookup(self, table: str, keys: list[str]) -> list[tuple[str, int]]:
        column = self._COLUMNS[table][0]
        return self.conn.execute(f"SELECT {column}, id FROM {table} WHERE {column} IN ({', '.join('?' * len(keys))})",
                                 keys).fetchall()

    def _flush(self, segment: list[_Pending], stored: dict[str, int], touched: set[str]) -> None:
        """Write consecutive new or replacing articles with a statement per table, as the same
        articles written one by one would be: the same ids, syndication groups, clusters and
        identities. `touched`: the identities the segment's mentions link to are added."""
        if not segment:
            return
        conn, backend = self.conn, self.backend
        # Ids in write order: a new article or quotation takes the next, a kept one its own.
        fresh = iter(backend.next_ids(conn, "articles", sum(p.old_id is None for p in segment)))
        for p in segment:
            p.id = p.old_id if p.old_id is not None else next(fresh)
            stored[p.item.doc.source] = p.id
            p.quotation_ids = []
            for q in p.item.doc.quotes:
                same = p.kept.get((q.content.text, q.speaker.name if q.speaker else None))
                p.quotation_ids.append(same.pop(0) if same else None)
        fresh = iter(backend.next_ids(conn, "quotations", sum(q is None for p in segment for q in p.quotation_ids)))
        for p in segment:
            p.quotation_ids = [q if q is not None else next(fresh) for q in p.quotation_ids]

        # The cross-document steps for the whole segment, reading the archive before writing it.
        buckets = backend.bucket_lists
        if backend.one_writer:
            if self._buckets is None:
                self._buckets = syndication.Buckets(conn)
            buckets = self._buckets.lists
        placed = syndication.group_batch(conn, [(p.id, p.item.minhash, p.item.band_keys) for p in segment], buckets,
                                         backend.signatures)
        clusters = syndication.cluster_batch(
            conn, [(p.id, [(qid, q.content.text, key) for qid, q, key in
                           zip(p.quotation_ids, p.item.doc.quotes, p.item.quote_keys)]) for p in segment], placed,
            backend.insert)

        self._ids("outlets", self._outlets,
                  {p.item.doc.outlet: (fold(p.item.doc.outlet),) for p in segment if p.item.doc.outlet})
        backend.insert(
            conn, "articles", ("id", "source", "hash", "title", "outlet_id", "url", "published", "text", "dateline",
                               "relayed_from", "credits", "boilerplate", "minhash", "syndication_group"),
            [(p.id, doc.source, p.item.hash, doc.title, self._outlets.get(doc.outlet) if doc.outlet else None,
              doc.url, doc.published, doc.text, *p.item.article_json, p.item.minhash, placed.final[p.id])
             for p in segment for doc in [p.item.doc]])
        syndication.write_groups(conn, placed, backend.mark_origins)
        # In key order: each B-tree page is visited once, in order, instead of at random.
        lsh_keys, lsh_ids = syndication.lsh_rows([(p.id, p.item.band_keys) for p in segment
                                                  if p.item.minhash is not None])
        backend.insert(conn, "lsh", ("key", "article_id"), list(zip(lsh_keys.tolist(), lsh_ids.tolist())))
        if self._buckets is not None:
            self._buckets.add(lsh_keys, lsh_ids)
        # The articles' full-text rows: on PostgreSQL one statement whose server time (stemming every
        # lemma) is the batch's largest, so it runs on a second thread while this one links the
        # segment's names and builds the rows linking decides (pure Python, no statement; nothing
        # before the join reads what the other does). Identities across articles: linked in input
        # order, under the writers' lock.
        # key -> name, kind, entity id, name tokens: the first quotation's, the first entity id
        speakers: dict[str, list] = {}
        with _beside(backend.index_articles, conn, [(p.id, p.item.text_lemmas) for p in segment],
                     [p.item.text_tsv for p in segment] if self.tsvectors else None,
                     thread=backend.index_beside and len(segment) >= BESIDE_SEGMENT):
            for p in segment:
                doc = p.item.doc
                if any("key" in m for m in doc.entities):
                    if p.item.name_keys:
                        seed(p.item.name_keys)
                    assign(doc, self.registry)
                touched.update([e for m in doc.entities if (e := m.get("entity_id"))])
                for q, keyed in zip(doc.quotes, p.item.speaker_keys):
                    if keyed is not None:
                        sp = q.speaker
                        row = speakers.get(keyed[0])
                        if row is None:
                            speakers[keyed[0]] = [sp.name, sp.kind, sp.entity_id, keyed[1]]
                        elif not row[2]:
                            row[2] = sp.entity_id
            mentions = [(p.id, *row, e.get("entity_id")) for p in segment
                        for row, e in zip(p.item.mention_rows, p.item.doc.entities)]
        inserted = self._ids("speakers", self._speakers, {key: tuple(row[:3]) for key, row in speakers.items()})
        backend.upsert(conn, "speaker_tokens", ("token", "speaker_id"),
                       [(t, self._speakers[key]) for key in inserted for t in speakers[key][3]], keys=2)
        # A speaker stored without an identity takes the first one a later quotation names.
        backend.fill(conn, "speakers", "entity_id", [(row[2], self._speakers[key]) for key, row in speakers.items()
                                                     if row[2] and key not in inserted])

        ids = self._speakers
        backend.insert(conn, "quotations", QUOTATION_COLUMNS, [
            (qid, p.id, *head, ids[keyed[0]] if keyed is not None else None, *tail, cluster, p.item.doc.published,
             json_columns[2])
            for p, article_clusters in zip(segment, clusters)
            for qid, (head, tail), keyed, cluster, json_columns in zip(
                p.quotation_ids, p.item.quote_rows, p.item.speaker_keys, article_clusters, p.item.quote_json)])
        backend.index_quotes(conn, [(qid, lemmas) for p in segment
                                    for qid, lemmas in zip(p.quotation_ids, p.item.quote_lemmas)],
                             [tsv for p in segment for tsv in p.item.quote_tsv or [None] * len(p.item.quote_lemmas)]
                             if self.tsvectors else None)
        backend.insert(conn, "mentions", ("article_id", "text", "start", '"end"', "type", "normal", "entity_id"),
                       mentions)


@contextmanager
def _beside(call, *args, thread: bool = True):
    """`call(*args)` on a thread of its own while the body runs; joined (its exception raised) at
    the end, and before any exception of the body goes on. Without `thread`, called first."""
    if not thread:
        call(*args)
        yield
        return
    failed: list[BaseException] = []

    def run():
        try:
            call(*args)
        except BaseException as exc:  # raised in the writer's thread, after the join
            failed.append(exc)
    thread = threading.Thread(target=run, name="citata-writer-beside")
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failed:
        raise failed[0]


@dataclass
class _Pending:
    """An article of a batch waiting for `Store._flush`."""

    item: Prepared
    old_id: int | None                # the id of the version it replaces
    kept: dict[tuple, list[int]]      # (content, speaker name) -> the replaced version's quotation ids
    id: int | None = None
    quotation_ids: list[int] | None = None
