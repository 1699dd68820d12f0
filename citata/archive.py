"""The archive's Python API, which `citata` commands are thin layers over:

    archive = citata.Archive()            # $CITATA_DB or the XDG data dir
    archive.ingest(["examples/"])
    archive.quotes(speaker="Лавров", since="2022-01-01")
    archive.search("Лавров безопасность")

An archive is an SQLite file or a PostgreSQL database (`Archive("postgresql://…")`); the SQL
here runs on both (`citata.backend`): `?` placeholders, an alias on every subquery in FROM, no
SQLite-only functions or syntax, and the full-text index reached through `self.backend`.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from . import lexicons
from .backend import ArchiveError, open_backend
from .lemmas import fold, lemma, query_lemmas, snippet, words
from .model import ReadError
from .nlp import parse
from .store import default_path, speaker_tokens

EXPORTS = ("articles", "quotes", "mentions")
# Ranking costs time per matching article: a query matching more than this many is ranked
# among its most recently ingested matches only, which keeps a common word's search fast.
RANKED_MATCHES = 5000
NO_LIMIT = 2**63 - 1  # LIMIT ? with OFFSET and no limit: SQLite reads -1 as none, PostgreSQL refuses it
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    value = str(value)
    if not _DATE.match(value):
        raise ArchiveError(f"{what}: expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    return value


def _date_range(column: str, since: str | None, until: str | None, where: list, params: list) -> None:
    """Add "column within [since, until]" to a query's conditions; `until` may be a
    year or a month ("2023", "2023-02") and then includes all of it."""
    since, until = _date(since, "since"), _date(until, "until")
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({column}, 1, ?) <= ?")
        params += [len(until), until]


def _like(text: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", fold(text)) + "%"


_QUOTE_COLUMNS = """
    q.id, q.article_id, q.seq, q.type, q.content, q.start, q.end, q.parts, q.cue, q.cue_start, q.cue_end,
    q.cue_lemma, q.speaker_id, q.speaker_name, q.mention, q.mention_start, q.mention_end, q.role,
    q.speaker_kind, q.channel, q.addressee, q.is_question, q.cluster_id,
    a.source, a.title, a.published, a.url, o.name AS outlet"""
_QUOTE_FROM = " FROM quotations q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"


def _quote(row) -> dict[str, Any]:
    def span(text, start, end):
        return None if text is None else {"text": text, "start": start, "end": end}

    speaker = None
    if row["speaker_name"] or row["mention"] or row["speaker_kind"]:
        speaker = {"id": row["speaker_id"], "name": row["speaker_name"],
                   "mention": span(row["mention"], row["mention_start"], row["mention_end"]), "role": row["role"], "kind": row["speaker_kind"]}
    cue = span(row["cue"], row["cue_start"], row["cue_end"])
    if cue:
        cue["lemma"] = row["cue_lemma"]
    return {
        "id": row["id"], "cluster": row["cluster_id"], "type": row["type"],
        "content": span(row["content"], row["start"], row["end"]),
        "cue": cue, "speaker": speaker, "channel": row["channel"],
        "addressee": json.loads(row["addressee"]) if row["addressee"] else None,
        "is_question": bool(row["is_question"]),
        "parts": json.loads(row["parts"]) if row["parts"] else None,
        "article": {"id": row["article_id"], "source": row["source"], "title": row["title"],
                    "outlet": row["outlet"], "published": row["published"], "url": row["url"]},
    }


def flat_quote(q: dict[str, Any]) -> dict[str, Any]:
    """A quotation as one flat row (CSV, Parquet)."""
    sp, art, first = q["speaker"] or {}, q["article"], q.get("first_seen") or {}
    return {
        "id": q["id"], "cluster": q["cluster"], "type": q["type"], "content": q["content"]["text"],
        "start": q["content"]["start"], "end": q["content"]["end"],
        "speaker": sp.get("name"), "mention": (sp.get("mention") or {}).get("text"), "role": sp.get("role"),
        "speaker_kind": sp.get("kind"), "cue": (q["cue"] or {}).get("text"),
        "cue_lemma": (q["cue"] or {}).get("lemma"), "channel": q["channel"],
        "addressee": json.dumps(q["addressee"], ensure_ascii=False) if q["addressee"] else None,
        "is_question": q["is_question"], "article_id": art["id"], "source": art["source"],
        "title": art["title"], "outlet": art["outlet"], "published": art["published"], "url": art["url"],
        "appearances": q.get("appearances"), "first_seen": first.get("published"),
        "first_outlet": first.get("outlet"),
    }


class Archive:
    """An archive: a file, or a postgresql:// URL. Queries need it to exist; `ingest` creates it."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.backend = open_backend(path if path is not None else default_path())
        self.path: Path | str = self.backend.path
        self._conn = None

    def __repr__(self) -> str:
        return f"Archive({self.backend.label!r})"  # a URL without its password

    @property
    def conn(self):
        """A reader's connection: rows are tuples also addressable by column name."""
        if self._conn is None:
            self._conn = self.backend.connect(create=False)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ writing

    def ingest(self, paths: Iterable[str], workers: int | None = None,
               on_error: Callable[[ReadError], None] | None = None, progress: bool = False, **kw):
        """Add or update documents under `paths`; returns an `IngestReport`."""
        from .ingest import ingest

        self.close()  # the ingest opens its own writer connection
        return ingest(paths, self.path, workers=workers, on_error=on_error, progress=progress, **kw)

    # ------------------------------------------------------------ speakers

    def _speaker_ids(self, name: str) -> list[int]:
        """Speakers whose name has every word of `name` (as written, folded, or as a lemma)."""
        parts, params = [], []
        for m in words(name):
            w = m.group().lower()
            forms = sorted({fold(w), lemma(w)})
            parts.append(f"SELECT speaker_id FROM speaker_tokens WHERE token IN ({', '.join('?' * len(forms))})")
            params += forms
        if not parts:
            return []
        return [r[0] for r in self.conn.execute(" INTERSECT ".join(parts), params)]

    def speakers(self, top: int = 20) -> list[dict[str, Any]]:
        """Speakers by number of distinct quotations (a reprinted quotation counts once), one row
        per identity ("Йенс Столтенберг" and "Енс Столтенберг" together) under its name."""
        return self.speaker_list(limit=top)

    def _identity_ids(self, speaker_id: int) -> list[int]:
        """The speaker and every other speaker linked to the same identity ("Туск", "Дональд Туск")."""
        rows = self.conn.execute(
            "SELECT s.id FROM speakers s JOIN speakers t ON t.id = ?"
            " WHERE s.id = t.id OR s.entity_id = t.entity_id ORDER BY s.id", (speaker_id,))
        return [r[0] for r in rows]

    def speaker_list(self, limit: int = 50, offset: int = 0, name: str | None = None) -> list[dict[str, Any]]:
        """Speakers grouped by identity, most quoted first; `id` is the group's most quoted speaker,
        `name` the identity's name where the registry knows it. `name` keeps groups with a speaker
        whose name has its every word."""
        where, params = "", []
        if name is not None:
            ids = self._speaker_ids(name)
            if not ids:
                return []
            where = (" WHERE COALESCE(s.entity_id, 'speaker:' || s.id) IN (SELECT COALESCE(entity_id,"
                     f" 'speaker:' || id) FROM speakers WHERE id IN ({', '.join('?' * len(ids))}))")
            params += ids
        rows = self.conn.execute(
            "WITH grp AS (SELECT s.id, s.name, s.kind, s.entity_id, COALESCE(s.entity_id, 'speaker:' || s.id)"
            "  AS identity FROM speakers s" + where + "),"
            " agg AS (SELECT g.identity, COUNT(DISTINCT q.cluster_id) AS quotations, COUNT(*) AS appearances,"
            "  COUNT(DISTINCT q.article_id) AS articles, MIN(q.published) AS first, MAX(q.published) AS last"
            "  FROM grp g JOIN quotations q ON q.speaker_id = g.id GROUP BY g.identity),"
            " lead AS (SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g.identity ORDER BY"
            "  (SELECT COUNT(*) FROM quotations q WHERE q.speaker_id = g.id) DESC, g.id) AS rn FROM grp g)"
            " SELECT l.id, COALESCE(i.name, l.name) AS name, l.kind, l.entity_id, a.quotations, a.appearances,"
            " a.articles, a.first, a.last FROM agg a JOIN lead l ON l.identity = a.identity AND l.rn = 1"
            " LEFT JOIN identities i ON i.id = l.entity_id"
            " ORDER BY a.quotations DESC, a.appearances DESC, name, l.id LIMIT ? OFFSET ?", params + [limit, offset])
        return [dict(r) for r in rows]

    def speaker(self, name: str, topics: int = 10) -> dict[str, Any] | None:
        """Everything about the speakers `name` matches: names, aliases, roles, quotations per month, topics."""
        ids = self._speaker_ids(name)
        return self._profile(ids, topics) if ids else None

    def speaker_profile(self, speaker_id: int, topics: int = 10) -> dict[str, Any] | None:
        """`speaker` for one speaker and those linked to the same identity, with the identity's id and name."""
        profile = self._profile(self._identity_ids(speaker_id), topics)
        if profile is None:
            return None
        identity = self.conn.execute("SELECT i.id, i.name FROM speakers s JOIN identities i ON i.id = s.entity_id"
                                     " WHERE s.id = ?", (speaker_id,)).fetchone()
        profile["id"] = speaker_id
        profile["entity_id"] = identity["id"] if identity else None
        if identity:
            profile["name"] = identity["name"]
        return profile

    def _profile(self, ids: list[int], topics: int) -> dict[str, Any] | None:
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT q.speaker_id, q.speaker_name, q.mention, q.role, q.speaker_kind, q.content, q.cluster_id,"
            " a.published, o.name AS outlet" + _QUOTE_FROM + f" WHERE q.speaker_id IN ({marks})", ids).fetchall()
        if not rows:
            return None
        names = Counter(r["speaker_name"] for r in rows)
        name_lemmas = set().union(*(speaker_tokens(n) for n in names))
        pronouns = lexicons.pronouns()
        aliases = Counter(
            r["mention"] for r in rows
            if r["mention"] and fold(r["mention"]) not in pronouns
            and speaker_tokens(r["mention"]) & name_lemmas)
        months: Counter = Counter()
        seen_clusters: set[int] = set()
        nouns: Counter = Counter()
        for r in rows:
            if r["cluster_id"] in seen_clusters:
                continue  # a reprint is one quotation
            seen_clusters.add(r["cluster_id"])
            months[(r["published"] or "unknown")[:7]] += 1
            for m in words(r["content"]):
                w = m.group().lower()
                if len(w) < 3:
                    continue
                p = parse(w)[0]
                if p.tag.POS == "NOUN" and lemma(w) not in name_lemmas:
                    nouns[lemma(w)] += 1
        dates = sorted(r["published"] for r in rows if r["published"])
        return {
            "name": names.most_common(1)[0][0],
            "names": dict(names.most_common()),
            "kind": Counter(r["speaker_kind"] for r in rows).most_common(1)[0][0],
            "aliases": dict(aliases.most_common(10)),
            "roles": dict(Counter(r["role"] for r in rows if r["role"]).most_common(10)),
            "quotations": len(seen_clusters),
            "appearances": len(rows),
            "outlets": dict(Counter(r["outlet"] for r in rows if r["outlet"]).most_common(10)),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "per_month": dict(sorted(months.items())),
            "topics": [w for w, _ in nouns.most_common(topics)],
            "speaker_ids": ids,
        }

    # ------------------------------------------------------------ quotations

    def count_quotes(self, speaker: str | None = None, about: str | None = None, since: str | None = None,
                     until: str | None = None, outlet: str | None = None, type: str | None = None,
                     speaker_id: int | None = None) -> int:
        """How many quotations `quotes` lists with these filters (a reprint counts once)."""
        found = self._first_appearances(speaker, about, since, until, outlet, type, speaker_id)
        if found is None:
            return 0
        sql, params = found
        return self.conn.execute("SELECT COUNT(*) FROM (" + sql + ") firsts", params).fetchone()[0]

    def _first_appearances(self, speaker, about, since, until, outlet, type,
                           speaker_id) -> tuple[str, list] | None:
        """SQL selecting the earliest matching appearance of each quotation cluster (None: nothing matches)."""
        where, params = [], []
        if speaker:
            ids = self._speaker_ids(speaker)
            if not ids:
                return None
            where.append(f"q.speaker_id IN ({', '.join('?' * len(ids))})")
            params += ids
        if speaker_id is not None:
            ids = self._identity_ids(speaker_id)
            if not ids:
                return None
            where.append(f"q.speaker_id IN ({', '.join('?' * len(ids))})")
            params += ids
        if about:
            match = self.backend.match(about)
            if match is None:
                return None
            where.append(self.backend.QUOTE_MATCH)
            params.append(match)
        _date_range("q.published", since, until, where, params)
        if outlet:
            where.append("o.norm LIKE ? ESCAPE '\\'")
            params.append(_like(outlet))
        if type:
            where.append("q.type = ?")
            params.append(type)
        # The earliest matching appearance of each cluster, from quotations (and their covering
        # indexes) alone where no filter needs the article.
        joins = " JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id" if outlet else ""
        sql = ("SELECT id, published, article_id, seq FROM (SELECT q.id, q.published, q.article_id, q.seq,"
               " ROW_NUMBER() OVER (PARTITION BY q.cluster_id ORDER BY q.published IS NULL, q.published, q.article_id)"
               " AS rn FROM quotations q" + joins + (" WHERE " + " AND ".join(where) if where else "") + ") ranked WHERE rn = 1")
        return sql, params

    def quotes(self, speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None, outlet: str | None = None, type: str | None = None,
               limit: int | None = 50, speaker_id: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Quotations, newest first; a quotation reprinted in several articles is listed once,
        at its earliest matching appearance, with `appearances` and `first_seen` over the archive.
        `speaker_id` keeps that speaker's and those linked to the same identity."""
        found = self._first_appearances(speaker, about, since, until, outlet, type, speaker_id)
        if found is None:
            return []
        sql, params = found
        sql = "SELECT id FROM (" + sql + ") firsts ORDER BY published IS NULL, published DESC, article_id DESC, seq"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [NO_LIMIT if limit is None else limit, offset]
        ids = [r[0] for r in self.conn.execute(sql, params)]
        rows = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows.update((r["id"], r) for r in self.conn.execute(
                "SELECT" + _QUOTE_COLUMNS + _QUOTE_FROM + f" WHERE q.id IN ({', '.join('?' * len(chunk))})", chunk))
        out = [_quote(rows[i]) for i in ids]
        self._add_clusters(out)
        return out

    def _add_clusters(self, quotes: list[dict[str, Any]]) -> None:
        clusters = sorted({q["cluster"] for q in quotes})
        info = {}
        for i in range(0, len(clusters), 500):
            chunk = clusters[i:i + 500]
            for r in self.conn.execute(
                    "SELECT c.cluster_id, c.n, c.article_id, a.published, o.name AS outlet FROM"
                    " (SELECT cluster_id, article_id, COUNT(*) OVER (PARTITION BY cluster_id) AS n,"
                    "  ROW_NUMBER() OVER (PARTITION BY cluster_id ORDER BY published IS NULL, published, article_id)"
                    f"  AS rn FROM quotations WHERE cluster_id IN ({', '.join('?' * len(chunk))})) c"
                    " JOIN articles a ON a.id = c.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
                    " WHERE c.rn = 1", chunk):
                info[r["cluster_id"]] = r
        for q in quotes:
            r = info[q["cluster"]]
            q["appearances"] = r["n"]
            q["first_seen"] = {"article_id": r["article_id"], "published": r["published"], "outlet": r["outlet"]}

    # ------------------------------------------------------------ articles

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose text has every word of `text` in any form, best match first, with a snippet
        (a query matching over RANKED_MATCHES articles ranks the most recently ingested of them)."""
        match = self.backend.match(text)
        if match is None:
            return []
        terms = query_lemmas(text)
        # The index walks matches in id order cheaply; only ranking needs them all.
        floor = self.conn.execute(self.backend.ARTICLE_IDS, (match, RANKED_MATCHES)).fetchone()
        rows = self.conn.execute(self.backend.ranked_articles(
            "a.id, a.source, a.title, a.published, a.url, o.name AS outlet, a.text, a.syndication_group, a.is_origin",
            "LEFT JOIN outlets o ON o.id = a.outlet_id"), (match, floor[0] if floor else 0, limit, offset))
        out = []
        for r in rows:
            d = dict(r)
            d["snippet"] = snippet(d.pop("text"), terms)
            d["is_origin"] = bool(d["is_origin"])
            out.append(d)
        return out

    def article(self, article_id: int) -> dict[str, Any] | None:
        r = self.conn.execute(
            "SELECT a.*, o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?",
            (article_id,)).fetchone()
        if r is None:
            return None
        group = r["syndication_group"]
        copies = []
        if group is not None:
            copies = [dict(c) | {"is_origin": bool(c["is_origin"])} for c in self.conn.execute(
                "SELECT a.id, a.source, a.published, o.name AS outlet, a.is_origin FROM articles a"
                " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.syndication_group = ?"
                " ORDER BY a.published IS NULL, a.published, a.id", (group,))]
        quotes = [_quote(q) for q in self.conn.execute(
            "SELECT" + _QUOTE_COLUMNS + _QUOTE_FROM + " WHERE q.article_id = ? ORDER BY q.seq", (article_id,))]
        self._add_clusters(quotes)
        return {
            "id": r["id"], "source": r["source"], "hash": r["hash"], "title": r["title"], "outlet": r["outlet"],
            "url": r["url"], "published": r["published"], "text": r["text"],
            "dateline": json.loads(r["dateline"]) if r["dateline"] else None,
            "relayed_from": json.loads(r["relayed_from"]), "credits": json.loads(r["credits"]),
            "boilerplate": json.loads(r["boilerplate"]), "ingested_at": r["ingested_at"],
            "syndication": {"group": group, "is_origin": bool(r["is_origin"]), "copies": copies},
            "quotes": quotes,
            "entities": [dict(m) for m in self.conn.execute(
                "SELECT text, start, \"end\", type, normal, entity_id FROM mentions WHERE article_id = ? ORDER BY start",
                (article_id,))],
        }

    def quotation(self, quote_id: int) -> dict[str, Any] | None:
        """One quotation (as `quotes` gives it) with `occurrences`: every article that prints it (its
        cluster), earliest first, each with the paragraph around it (a span of that article's text)."""
        row = self.conn.execute("SELECT" + _QUOTE_COLUMNS + _QUOTE_FROM + " WHERE q.id = ?", (quote_id,)).fetchone()
        if row is None:
            return None
        quote = _quote(row)
        self._add_clusters([quote])
        quote["occurrences"] = []
        for r in self.conn.execute(
                "SELECT" + _QUOTE_COLUMNS + ", a.text AS article_text" + _QUOTE_FROM + " WHERE q.cluster_id = ?"
                " ORDER BY q.published IS NULL, q.published, q.article_id, q.seq", (row["cluster_id"],)):
            text, start, end = r["article_text"], r["start"], r["end"]
            before, after = text.rfind("\n\n", 0, start), text.find("\n\n", end)
            p_start, p_end = (0 if before < 0 else before + 2), (len(text) if after < 0 else after)
            quote["occurrences"].append(
                _quote(r) | {"paragraph": {"text": text[p_start:p_end], "start": p_start, "end": p_end}})
        return quote

    def articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
        """Articles, newest first, with their number of quotations."""
        where, params = self._article_filter(outlet, since, until)
        rows = self.conn.execute(
            "SELECT a.id, a.source, a.title, a.published, a.url, o.name AS outlet, a.syndication_group,"
            " a.is_origin, (SELECT COUNT(*) FROM quotations q WHERE q.article_id = a.id) AS quotations"
            " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id" + where +
            " ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?", params + [limit, offset])
        return [dict(r) | {"is_origin": bool(r["is_origin"])} for r in rows]

    def count_articles(self, outlet: str | None = None, since: str | None = None, until: str | None = None) -> int:
        where, params = self._article_filter(outlet, since, until)
        return self.conn.execute("SELECT COUNT(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id" + where,
                                 params).fetchone()[0]

    @staticmethod
    def _article_filter(outlet: str | None, since: str | None, until: str | None) -> tuple[str, list]:
        where, params = [], []
        if outlet:
            where.append("o.norm LIKE ? ESCAPE '\\'")
            params.append(_like(outlet))
        _date_range("a.published", since, until, where, params)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def outlets(self, top_speakers: int = 3) -> list[dict[str, Any]]:
        """Every outlet with its articles (and how many are a reprint group's origin), quotations,
        distinct speakers, first and last publication date, and its most quoted speakers."""
        rows = [dict(r) for r in self.conn.execute(
            "WITH arts AS (SELECT outlet_id, COUNT(*) AS articles, SUM(is_origin) AS origins,"
            "  MIN(published) AS first, MAX(published) AS last FROM articles GROUP BY outlet_id),"
            " quotes AS (SELECT a.outlet_id, COUNT(*) AS quotations, COUNT(DISTINCT q.speaker_id) AS speakers"
            "  FROM quotations q JOIN articles a ON a.id = q.article_id GROUP BY a.outlet_id)"
            " SELECT o.id, o.name, arts.articles, arts.origins, COALESCE(quotes.quotations, 0) AS quotations,"
            " COALESCE(quotes.speakers, 0) AS speakers, arts.first, arts.last FROM outlets o"
            " JOIN arts ON arts.outlet_id = o.id LEFT JOIN quotes ON quotes.outlet_id = o.id"
            " ORDER BY arts.articles DESC, o.name")]
        top: dict[int, list] = {}
        for r in self.conn.execute(
                "SELECT outlet_id, speaker_id, name, n FROM (SELECT a.outlet_id, q.speaker_id, s.name, COUNT(*) AS n,"
                " ROW_NUMBER() OVER (PARTITION BY a.outlet_id ORDER BY COUNT(*) DESC, s.name) AS rn"
                " FROM quotations q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id"
                " GROUP BY a.outlet_id, q.speaker_id, s.name) ranked WHERE rn <= ? ORDER BY outlet_id, rn",
                (top_speakers,)):
            top.setdefault(r["outlet_id"], []).append({"id": r["speaker_id"], "name": r["name"], "quotations": r["n"]})
        for r in rows:
            r["top_speakers"] = top.get(r["id"], [])
        return rows

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        first, last = self.conn.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
        return {
            "path": self.backend.label,
            "articles": one("SELECT COUNT(*) FROM articles"),
            "quotations": one("SELECT COUNT(*) FROM quotations"),
            "distinct_quotations": one("SELECT COUNT(DISTINCT cluster_id) FROM quotations"),
            "speakers": one("SELECT COUNT(*) FROM speakers"),
            "mentions": one("SELECT COUNT(*) FROM mentions"),
            "outlets": one("SELECT COUNT(*) FROM outlets"),
            "syndication_groups": one("SELECT COUNT(DISTINCT syndication_group) FROM articles"),
            "syndicated_articles": one("SELECT COUNT(*) FROM articles WHERE syndication_group IS NOT NULL"),
            "quotation_types": {t: n for t, n in self.conn.execute(
                "SELECT type, COUNT(*) FROM quotations GROUP BY type ORDER BY type")},
            "first_published": first,
            "last_published": last,
        }

    # ------------------------------------------------------------ export

    def rows(self, what: str) -> Iterator[dict[str, Any]]:
        """Every article, quotation or entity mention as a flat row."""
        if what == "articles":
            for r in self.conn.execute(
                    "SELECT a.id, a.source, a.hash, a.title, o.name AS outlet, a.url, a.published, a.text,"
                    " a.dateline, a.relayed_from, a.credits, a.boilerplate, a.syndication_group, a.is_origin,"
                    " a.ingested_at FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id"):
                yield dict(r) | {"is_origin": bool(r["is_origin"])}
        elif what == "quotes":
            for r in self.conn.execute("SELECT" + _QUOTE_COLUMNS + _QUOTE_FROM + " ORDER BY q.article_id, q.seq"):
                yield flat_quote(_quote(r))
        elif what == "mentions":
            for r in self.conn.execute(
                    "SELECT a.source, m.text, m.start, m.end, m.type, m.normal, m.entity_id"
                    " FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY m.article_id, m.start"):
                yield dict(r)
        else:
            raise ArchiveError(f"nothing called {what!r} to export (one of {', '.join(EXPORTS)})")

    def export(self, what: str = "quotes", format: str = "jsonl", out: IO[str] | str | os.PathLike | None = None) -> None:
        """Write rows as jsonl or csv (to a stream or a file), or parquet (a file; needs pyarrow)."""
        rows = self.rows(what)
        if format == "parquet":
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
            except ImportError:
                raise ArchiveError("parquet export needs pyarrow (pip install pyarrow)") from None
            if out is None or hasattr(out, "write"):
                raise ArchiveError("parquet export needs a file name (--output FILE)")
            pq.write_table(pa.Table.from_pylist(list(rows)), str(out))
            return
        if format not in ("jsonl", "csv"):
            raise ArchiveError(f"unknown export format {format!r} (jsonl, csv or parquet)")
        if out is None or hasattr(out, "write"):
            _write_rows(rows, format, out)
        else:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                _write_rows(rows, format, fh)


def _write_rows(rows: Iterator[dict[str, Any]], format: str, out: IO[str] | None) -> None:
    out = out or sys.stdout
    if format == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    writer = None
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(r), lineterminator="\n")
            writer.writeheader()
        writer.writerow(r)
