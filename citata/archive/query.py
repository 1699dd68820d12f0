"""The archive's Python API, which `citata` commands are thin layers over:

    archive = citata.Archive()            # $CITATA_DB or the XDG data dir
    archive.ingest(["examples/"])
    archive.quotes(speaker="Лавров", since="2022-01-01")
    archive.search("Лавров безопасность")

An archive is an SQLite file or a PostgreSQL database (`Archive("postgresql://…")`); the SQL
here runs on both (`citata.archive.backend`): `?` placeholders, an alias on every subquery in FROM, no
SQLite-only functions or syntax, and the full-text index reached through `self.backend`.
"""
from __future__ import annotations

import csv
import datetime
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .. import lexicons
from .backend import ArchiveError, columns, open_backend
from ..lemmas import fold, lemma, query_lemmas, snippet, words
from ..model import ReadError
from ..nlp import parse
from .store import default_path, speaker_tokens

EXPORTS = ("articles", "quotes", "mentions")
SPEAKER_KINDS = ("person", "organization", "document", "anonymous")
# Ranking costs time per matching article: a query matching more than this many is ranked
# among its most recently ingested matches only, which keeps a common word's search fast.
RANKED_MATCHES = 5000
MATCHED_SPEAKERS = 10  # other identities a speaker's name also matches, listed beside the profile
# Orders of `quotes`, each total (ties broken down to the quotation) so that pages tile the list.
SORTS = {
    "newest": " ORDER BY published IS NULL, published DESC, article_id DESC, seq",
    "oldest": " ORDER BY published IS NULL, published, article_id, seq",
    # Most reprinted: by how many articles print the quotation, anywhere in the archive.
    "reprinted": " ORDER BY (SELECT COUNT(*) FROM quotations r WHERE r.cluster_id ="
                 " (SELECT x.cluster_id FROM quotations x WHERE x.id = firsts.id)) DESC,"
                 " published IS NULL, published DESC, article_id DESC, seq",
}
FACETS = ("speaker", "outlet", "type", "month")
INTERVALS = ("day", "week", "month")
MAX_BUCKETS = 5000  # of an attention chart: ten years of days; a wider span needs a coarser interval
_SPEAKER_LIST_COLUMNS = ("id", "name", "kind", "entity_id", "quotations", "appearances", "articles", "first", "last")
MEMO_SIZE = 256  # distinct queries remembered per connection
NO_LIMIT = 2**63 - 1  # LIMIT ? with OFFSET and no limit: SQLite reads -1 as none, PostgreSQL refuses it
# A real day, month or year as YYYY-MM-DD, YYYY-MM or YYYY, month lengths and leap years included,
# as one pattern: the API's schema then says exactly which dates it takes ("2022-02-30" is refused).
_YEAR = r"(?:\d{3}[1-9]|\d{2}[1-9]0|\d[1-9]00|[1-9]000)"  # 0001-9999
_LEAP = r"(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_DAY = (rf"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
        rf"|02-(?:0[1-9]|1\d|2[0-8]))|{_LEAP}-02-29)")
DATE_PATTERN = rf"^(?:{_DAY}|{_YEAR}-(?:0[1-9]|1[0-2])|{_YEAR})$"
_DATE = re.compile(DATE_PATTERN)


def valid_date(value: str) -> str:
    """`value` if it names a real day, month or year as YYYY-MM-DD, YYYY-MM or YYYY; else ValueError."""
    if _DATE.match(value):
        return value
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"no such date: {value!r}")
    raise ValueError(f"expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")


def _date(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return valid_date(str(value))
    except ValueError as exc:
        raise ArchiveError(f"{what}: {exc}") from None


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
# Why this speaker (citata.model.Provenance); an archive not yet upgraded to it reads it as NULL.
_PROVENANCE, _NO_PROVENANCE = ", q.provenance", ", NULL AS provenance"
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
        # Which sieve found the speaker's mention and which step resolved it, with their words;
        # None: not recorded (archived by a citata that did not record it).
        "provenance": json.loads(row["provenance"]) if row["provenance"] else None,
        "article": {"id": row["article_id"], "source": row["source"], "title": row["title"],
                    "outlet": row["outlet"], "published": row["published"], "url": row["url"]},
    }


QUOTE_FIELDS = ("id", "cluster", "type", "content", "start", "end", "speaker", "mention", "role", "speaker_kind",
                "cue", "cue_lemma", "channel", "addressee", "is_question", "article_id", "source", "title", "outlet",
                "published", "url", "appearances", "first_seen", "first_outlet",
                "mention_sieve", "mention_words", "resolution", "resolution_words")
PROVENANCE_FIELDS = ("mention_sieve", "mention_words", "resolution", "resolution_words")
FIELDS = {  # the columns of each export, for a CSV header even when nothing matched
    "quotes": QUOTE_FIELDS,
    "articles": ("id", "source", "hash", "title", "outlet", "url", "published", "text", "dateline", "relayed_from",
                 "credits", "boilerplate", "syndication_group", "is_origin", "ingested_at"),
    "mentions": ("source", "text", "start", "end", "type", "normal", "entity_id"),
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
    } | {k: (q.get("provenance") or {}).get(k) for k in PROVENANCE_FIELDS}


class Archive:
    """An archive: a file, or a postgresql:// URL. Queries need it to exist; `ingest` creates it."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.backend = open_backend(path if path is not None else default_path())
        self.path: Path | str = self.backend.path
        self._conn = None
        self._memo: dict = {}
        self._memo_version = None
        self._columns: tuple | None = None  # (data version, the quotation columns to select)

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
            self._columns = None

    @property
    def _quote_columns(self) -> str:
        """The quotation columns to select. An archive made before a column was added (the writer's
        next ingest adds it: citata.archive.backend.upgrade) reads it as NULL. Looked at again whenever
        another connection has committed (SQLite), else once per connection (PostgreSQL)."""
        version = self.backend.data_version(self.conn)
        if self._columns is None or self._columns[0] != version:
            has = "provenance" in columns(self.conn, "quotations")
            self._columns = (version, _QUOTE_COLUMNS + (_PROVENANCE if has else _NO_PROVENANCE))
        return self._columns[1]

    def __enter__(self):
        return self

    def version(self) -> int | None:
        """A number that changes whenever another connection commits to the archive (None:
        PostgreSQL, which has no cheap way to say so): what was read stays valid while it does not."""
        return self.backend.data_version(self.conn)

    def forget(self) -> None:
        """Drop the query results this connection remembers (the next calls compute them again)."""
        self._memo, self._memo_version = {}, None

    def _remembered(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """compute(), kept while the archive is unchanged: the aggregates over every quotation
        behind a page of quotations, its count and the speaker list cost milliseconds each and are
        asked for again and again between two ingests. Only immutable values are kept."""
        version = self.version()
        if version is None:
            return compute()
        if version != self._memo_version:
            self._memo, self._memo_version = {}, version
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = compute()
        return self._memo[key]

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

    def speakers(self, top: int = 20, kind: str | None = "person") -> list[dict[str, Any]]:
        """The most quoted speakers: `speaker_list`'s first `top`, persons only unless `kind` says
        otherwise (None: every kind)."""
        return self.speaker_list(limit=top, kind=kind)

    def _identity_ids(self, speaker_id: int) -> list[int]:
        """The speaker and every other speaker linked to the same identity ("Туск", "Дональд Туск")."""
        rows = self.conn.execute(
            "SELECT s.id FROM speakers s JOIN speakers t ON t.id = ?"
            " WHERE s.id = t.id OR s.entity_id = t.entity_id ORDER BY s.id", (speaker_id,))
        return [r[0] for r in rows]

    def speaker_list(self, limit: int = 50, offset: int = 0, name: str | None = None,
                     kind: str | None = None) -> list[dict[str, Any]]:
        """Speakers grouped by identity, most quoted first; `id` is the group's most quoted speaker,
        `name` the identity's name where the registry knows it. `name` keeps groups with a speaker
        whose name has its every word; `kind` (person, organization, document, anonymous) keeps
        speakers of that kind.

        This is the one count of a speaker's quotations that every view shows: the quotations of
        every speaker linked to the identity, a reprinted quotation counted once (`quotations`),
        and every printing of them (`appearances`)."""
        conditions, params = [], []
        if name is not None:
            ids = self._speaker_ids(name)
            if not ids:
                return []
            conditions.append("COALESCE(s.entity_id, 'speaker:' || s.id) IN (SELECT COALESCE(entity_id,"
                              f" 'speaker:' || id) FROM speakers WHERE id IN ({', '.join('?' * len(ids))}))")
            params += ids
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        # The kind of an identity is its lead speaker's, so a filter never splits an identity's count.
        lead_kind = ""
        if kind is not None:
            lead_kind = " WHERE l.kind = ?"
            params.append(kind)
        rows = self._remembered(("speaker_list", limit, offset, name, kind), lambda: tuple(map(tuple, self.conn.execute(
            "WITH grp AS (SELECT s.id, s.name, s.kind, s.entity_id, COALESCE(s.entity_id, 'speaker:' || s.id)"
            "  AS identity FROM speakers s" + where + "),"
            " agg AS (SELECT g.identity, COUNT(DISTINCT q.cluster_id) AS quotations, COUNT(*) AS appearances,"
            "  COUNT(DISTINCT q.article_id) AS articles, MIN(q.published) AS first, MAX(q.published) AS last"
            "  FROM grp g JOIN quotations q ON q.speaker_id = g.id GROUP BY g.identity),"
            " lead AS (SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g.identity ORDER BY"
            "  (SELECT COUNT(*) FROM quotations q WHERE q.speaker_id = g.id) DESC, g.id) AS rn FROM grp g)"
            " SELECT l.id, COALESCE(i.name, l.name) AS name, l.kind, l.entity_id, a.quotations, a.appearances,"
            " a.articles, a.first, a.last FROM agg a JOIN lead l ON l.identity = a.identity AND l.rn = 1"
            " LEFT JOIN identities i ON i.id = l.entity_id" + lead_kind +
            " ORDER BY a.quotations DESC, a.appearances DESC, name, l.id LIMIT ? OFFSET ?", params + [limit, offset]))))
        return [dict(zip(_SPEAKER_LIST_COLUMNS, r)) for r in rows]

    def speaker(self, name: str, topics: int = 10) -> dict[str, Any] | None:
        """`speaker_profile` of the most quoted identity whose names have every word of `name`, with
        `others`: the other identities `name` matches (as `speaker_list` lists them)."""
        found = self.speaker_list(limit=MATCHED_SPEAKERS + 1, name=name)
        if not found:
            return None
        profile = self.speaker_profile(found[0]["id"], topics)
        profile["others"] = found[1:]
        return profile

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
                     speaker_id: int | None = None, speaker_kind: str | None = None,
                     outlet_id: int | None = None) -> int:
        """How many quotations `quotes` lists with these filters (a reprint counts once)."""
        def count() -> int:
            found = self._first_appearances(speaker=speaker, about=about, since=since, until=until, outlet=outlet,
                                            type=type, speaker_id=speaker_id, speaker_kind=speaker_kind,
                                            outlet_id=outlet_id)
            if found is None:
                return 0
            sql, params = found
            return self.conn.execute("SELECT COUNT(*) FROM (" + sql + ") firsts", params).fetchone()[0]

        return self._remembered(("count_quotes", speaker, about, since, until, outlet, type, speaker_id, speaker_kind,
                                 outlet_id), count)

    def _quote_conditions(self, speaker=None, about=None, since=None, until=None, outlet=None, type=None,
                          speaker_id=None, speaker_kind=None, outlet_id=None) -> tuple[list[str], list] | None:
        """The WHERE conditions (over quotations q and outlets o) of `quotes`' filters; None: nothing matches."""
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
        if speaker_kind:
            where.append("q.speaker_kind = ?")
            params.append(speaker_kind)
        if outlet_id is not None:
            where.append("q.article_id IN (SELECT id FROM articles WHERE outlet_id = ?)")
            params.append(outlet_id)
        return where, params

    def _first_appearances(self, every: bool = False, **filters) -> tuple[str, list] | None:
        """SQL selecting the earliest matching appearance of each quotation cluster (None: nothing matches);
        `every`: each matching appearance, not only the earliest of its cluster."""
        found = self._quote_conditions(**filters)
        if found is None:
            return None
        where, params = found
        # The earliest matching appearance of each cluster, from quotations (and their covering
        # indexes) alone where no filter needs the article.
        joins = (" JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
                 if filters.get("outlet") else "")
        if every:
            return ("SELECT q.id, q.published, q.article_id, q.seq FROM quotations q" + joins
                    + (" WHERE " + " AND ".join(where) if where else "")), params
        sql = ("SELECT id, published, article_id, seq FROM (SELECT q.id, q.published, q.article_id, q.seq,"
               " ROW_NUMBER() OVER (PARTITION BY q.cluster_id ORDER BY q.published IS NULL, q.published, q.article_id)"
               " AS rn FROM quotations q" + joins + (" WHERE " + " AND ".join(where) if where else "") + ") ranked"
               " WHERE rn = 1")
        return sql, params

    def quotes(self, speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None, outlet: str | None = None, type: str | None = None,
               limit: int | None = 50, speaker_id: int | None = None, offset: int = 0,
               speaker_kind: str | None = None, outlet_id: int | None = None,
               sort: str = "newest") -> list[dict[str, Any]]:
        """Quotations, newest first (or as `sort` says: one of SORTS); a quotation reprinted in several
        articles is listed once, at its earliest matching appearance, with `appearances` and `first_seen`
        over the archive. `speaker_id` keeps that speaker's and those linked to the same identity;
        `speaker_kind` keeps quotations of persons, organizations, documents or anonymous sources."""
        if sort not in SORTS:
            raise ArchiveError(f"unknown sort {sort!r} (one of {', '.join(SORTS)})")

        def page() -> tuple[int, ...]:
            found = self._first_appearances(speaker=speaker, about=about, since=since, until=until, outlet=outlet,
                                            type=type, speaker_id=speaker_id, speaker_kind=speaker_kind,
                                            outlet_id=outlet_id)
            if found is None:
                return ()
            sql, params = found
            sql = "SELECT id FROM (" + sql + ") firsts" + SORTS[sort]
            if limit is not None or offset:
                sql += " LIMIT ? OFFSET ?"
                params += [NO_LIMIT if limit is None else limit, offset]
            return tuple(r[0] for r in self.conn.execute(sql, params))

        # The page's ids are the costly part (every quotation ranked); its rows are looked up by id.
        ids = self._remembered(("quotes", speaker, about, since, until, outlet, type, speaker_id, speaker_kind,
                                outlet_id, sort, limit, offset), page)
        rows = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows.update((r["id"], r) for r in self.conn.execute(
                "SELECT" + self._quote_columns + _QUOTE_FROM + f" WHERE q.id IN ({', '.join('?' * len(chunk))})",
                chunk))
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

    # ------------------------------------------------------------ facets, attention over time

    def _matching(self, filters: dict[str, Any], every: bool) -> tuple[str, list] | None:
        # The filters `quotes` takes, by name: a filter added there reaches facets and charts too.
        args = dict.fromkeys(("speaker", "about", "since", "until", "outlet", "type", "speaker_id")) | filters
        return self._first_appearances(**args, every=every)

    def facets(self, names: Iterable[str] = FACETS, size: int = 10, **filters) -> dict[str, list[dict[str, Any]]]:
        """For each facet in `names` (of FACETS), the `size` values most frequent among the quotations
        `quotes(**filters)` lists: {"value", "count", "filter"}, where `count` is how many of those
        quotations `quotes(**filters, **filter)` lists (a quotation counts under each value any of
        its matching appearances has: a reprint in two outlets counts under both)."""
        names = list(names)
        for name in names:
            if name not in FACETS:
                raise ArchiveError(f"no facet {name!r} (one of {', '.join(FACETS)})")
        key = ("facets", tuple(names), size, *sorted(filters.items()))
        rows = self._remembered(key, lambda: self._facet_rows(names, size, filters))
        out: dict[str, list[dict[str, Any]]] = {}
        for name, values in zip(names, rows):
            if name == "speaker":
                out[name] = [{"value": v, "count": n, "filter": {"speaker_id": i}} for i, v, n in values]
            elif name == "outlet":
                out[name] = [{"value": v, "count": n, "filter": {"outlet_id": i}} for i, v, n in values]
            elif name == "type":
                out[name] = [{"value": v, "count": n, "filter": {"type": v}} for v, n in values]
            else:
                out[name] = [{"value": v, "count": n,
                              "filter": _within_month(v, filters.get("since"), filters.get("until"))}
                             for v, n in values]
        return out

    def _facet_rows(self, names: list[str], size: int, filters: dict[str, Any]) -> tuple[tuple, ...]:
        """facets' values per name, as tuples: (id, value, count) for speakers and outlets, else (value, count).
        Each is an aggregate over every matching quotation, the same until the next write."""
        found = self._matching(filters, every=True)
        if found is None:
            return tuple(() for _ in names)
        sql, params = found
        out = []
        m = ("(SELECT x.cluster_id, x.speaker_id, x.type, x.published, x.article_id FROM (" + sql + ") ranked"
             " JOIN quotations x ON x.id = ranked.id) m")
        for name in names:
            if name == "type":
                out.append(tuple((r["value"], r["n"]) for r in self.conn.execute(
                    "SELECT m.type AS value, COUNT(DISTINCT m.cluster_id) AS n FROM " + m +
                    " GROUP BY m.type ORDER BY n DESC, value LIMIT ?", params + [size])))
            elif name == "month":
                out.append(tuple((r["value"], r["n"]) for r in self.conn.execute(
                    "SELECT substr(m.published, 1, 7) AS value, COUNT(DISTINCT m.cluster_id) AS n FROM " + m +
                    " WHERE length(m.published) >= 7 GROUP BY substr(m.published, 1, 7)"
                    " ORDER BY n DESC, value DESC LIMIT ?", params + [size])))
            elif name == "outlet":
                out.append(tuple((r["id"], r["value"], r["n"]) for r in self.conn.execute(
                    "SELECT o.id, o.name AS value, COUNT(DISTINCT m.cluster_id) AS n FROM " + m +
                    " JOIN articles a ON a.id = m.article_id JOIN outlets o ON o.id = a.outlet_id"
                    " GROUP BY o.id, o.name ORDER BY n DESC, value, o.id LIMIT ?", params + [size])))
            else:  # speaker: one value per identity, as the speakers' list groups them
                rows = self.conn.execute(
                    "SELECT COALESCE(s.entity_id, 'speaker:' || s.id) AS identity, MIN(s.id) AS id,"
                    " COUNT(DISTINCT m.cluster_id) AS n FROM " + m + " JOIN speakers s ON s.id = m.speaker_id"
                    " GROUP BY COALESCE(s.entity_id, 'speaker:' || s.id) ORDER BY n DESC, identity LIMIT ?",
                    params + [size]).fetchall()
                names_of = self._speaker_names([r["id"] for r in rows])
                out.append(tuple((r["id"], names_of[r["id"]], r["n"]) for r in rows))
        return tuple(out)

    def _speaker_names(self, ids: list[int]) -> dict[int, str]:
        """Each speaker's name as the speakers' list shows it: its identity's where it has one."""
        if not ids:
            return {}
        return {r["id"]: r["name"] for r in self.conn.execute(
            "SELECT s.id, COALESCE(i.name, s.name) AS name FROM speakers s LEFT JOIN identities i ON i.id = s.entity_id"
            f" WHERE s.id IN ({', '.join('?' * len(ids))})", ids)}

    def speaker_name(self, speaker_id: int) -> str | None:
        """A speaker's name as the speakers' list shows it (None: no such speaker)."""
        return self._speaker_names([speaker_id]).get(speaker_id)

    def outlet_name(self, outlet_id: int) -> str | None:
        row = self.conn.execute("SELECT name FROM outlets WHERE id = ?", (outlet_id,)).fetchone()
        return row[0] if row else None

    def _per_day(self, filters: dict[str, Any]) -> tuple[Counter, Counter]:
        """Quotations `quotes(**filters)` lists by the date of their earliest matching appearance,
        and articles with a matching quotation by their date (None: undated)."""
        quotations: Counter = Counter()
        articles: Counter = Counter()
        found = self._matching(filters, every=False)
        if found is None:
            return quotations, articles
        sql, params = found
        for r in self.conn.execute("SELECT published, COUNT(*) FROM (" + sql + ") firsts GROUP BY published", params):
            quotations[r[0]] += r[1]
        sql, params = self._matching(filters, every=True)
        for r in self.conn.execute(
                "SELECT published, COUNT(DISTINCT article_id) FROM (" + sql + ") ranked GROUP BY published", params):
            articles[r[0]] += r[1]
        return quotations, articles

    def attention(self, interval: str = "month", top: int = 10, **filters) -> dict[str, Any]:
        """Attention over time, Media Cloud's view: how many quotations `quotes(**filters)` lists, and
        how many articles print one of them, per day, week (from Monday) or month, every bucket from
        the first to the last (empty ones too); a quotation counts once, at its earliest matching
        appearance; `undated` counts those from articles without a date. With the `top` speakers
        and outlets of the same quotations (as `facets` counts them; none if `top` is 0)."""
        quotations, articles = self._per_day(filters)
        keys, q_counts, a_counts = _bucketed(interval, [quotations, articles])
        return {
            "interval": interval, "quotations": sum(quotations.values()), "articles": sum(articles.values()),
            "buckets": [{"date": k, "quotations": q_counts[k], "articles": a_counts[k]} for k in keys],
            "undated": {"quotations": q_counts[None], "articles": a_counts[None]},
            "top": self.facets(("speaker", "outlet"), top, **filters) if top else {},
        }

    def compare(self, speaker_ids: Iterable[int], interval: str = "month", **filters) -> dict[str, Any]:
        """Several speakers' quotations over time on one axis: for each speaker (and those of the same
        identity) the quotations `quotes(speaker_id=…, **filters)` lists, per bucket as `attention` counts them."""
        ids = [i for i in dict.fromkeys(speaker_ids) if self.speaker_name(i) is not None]
        per_day = [self._per_day(filters | {"speaker_id": i})[0] for i in ids]
        keys, *counts = _bucketed(interval, per_day)
        names = self._speaker_names(ids)
        return {"interval": interval, "buckets": keys, "series": [
            {"speaker": {"id": i, "name": names[i]}, "quotations": sum(days.values()),
             "counts": [c[k] for k in keys], "undated": c[None]} for i, days, c in zip(ids, per_day, counts)]}

    # ------------------------------------------------------------ articles

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles whose text has every word of `text` in any form, best match first, with a snippet
        (a query matching over RANKED_MATCHES articles ranks the most recently ingested of them)."""
        match = self.backend.match(text)
        if match is None:
            return []
        terms = query_lemmas(text)
        rows = self.backend.search_articles(
            self.conn, "a.id, a.source, a.title, a.published, a.url, o.name AS outlet, a.text, a.syndication_group,"
            " a.is_origin", "LEFT JOIN outlets o ON o.id = a.outlet_id", match, RANKED_MATCHES, limit, offset)
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
            "SELECT" + self._quote_columns + _QUOTE_FROM + " WHERE q.article_id = ? ORDER BY q.seq", (article_id,))]
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
        row = self.conn.execute("SELECT" + self._quote_columns + _QUOTE_FROM + " WHERE q.id = ?",
                                (quote_id,)).fetchone()
        if row is None:
            return None
        quote = _quote(row)
        self._add_clusters([quote])
        quote["occurrences"] = []
        for r in self.conn.execute(
                "SELECT" + self._quote_columns + ", a.text AS article_text" + _QUOTE_FROM + " WHERE q.cluster_id = ?"
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
        kept = self._remembered(("outlets", top_speakers), lambda: tuple(self._outlets(top_speakers)))
        return [dict(r, top_speakers=[dict(s) for s in r["top_speakers"]]) for r in kept]  # the caller's own copy

    def _outlets(self, top_speakers: int) -> list[dict[str, Any]]:
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
        kept = self._remembered(("stats",), lambda: tuple(self._stats().items()))
        return {k: dict(v) if isinstance(v, tuple) else v for k, v in kept}  # the caller's own copy

    def _stats(self) -> dict[str, Any]:
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
            "quotation_types": tuple((t, n) for t, n in self.conn.execute(
                "SELECT type, COUNT(*) FROM quotations GROUP BY type ORDER BY type")),
            "first_published": first,
            "last_published": last,
        }

    # ------------------------------------------------------------ export

    def rows(self, what: str, **filters) -> Iterator[dict[str, Any]]:
        """Every article, quotation or entity mention as a flat row. `filters`: those of `quotes`
        for quotations (every appearance of a reprinted one is a row); outlet, since and until
        for articles and for the mentions of those articles."""
        if what == "quotes":
            found = self._quote_conditions(**filters)
            if found is None:
                return
            where, params = found
            for r in self.conn.execute("SELECT" + self._quote_columns + _QUOTE_FROM +
                                       (" WHERE " + " AND ".join(where) if where else "") +
                                       " ORDER BY q.article_id, q.seq", params):
                yield flat_quote(_quote(r))
            return
        unknown = set(filters) - {"outlet", "since", "until"}
        if unknown:
            raise ArchiveError(f"{what} are filtered by outlet, since and until only, not {', '.join(sorted(unknown))}")
        where, params = self._article_filter(filters.get("outlet"), filters.get("since"), filters.get("until"))
        if what == "articles":
            for r in self.conn.execute(
                    "SELECT a.id, a.source, a.hash, a.title, o.name AS outlet, a.url, a.published, a.text,"
                    " a.dateline, a.relayed_from, a.credits, a.boilerplate, a.syndication_group, a.is_origin,"
                    " a.ingested_at FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id" + where +
                    " ORDER BY a.id", params):
                yield dict(r) | {"is_origin": bool(r["is_origin"])}
        elif what == "mentions":
            for r in self.conn.execute(
                    "SELECT a.source, m.text, m.start, m.end, m.type, m.normal, m.entity_id"
                    " FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
                    + where + " ORDER BY m.article_id, m.start", params):
                yield dict(r)
        else:
            raise ArchiveError(f"nothing called {what!r} to export (one of {', '.join(EXPORTS)})")

    def export(self, what: str = "quotes", format: str = "jsonl", out: IO[str] | str | os.PathLike | None = None,
               **filters) -> None:
        """Write rows as jsonl or csv (to a stream or a file), or parquet (a file; needs pyarrow).
        `filters` as `rows` takes them (None values are left out)."""
        rows = self.rows(what, **{k: v for k, v in filters.items() if v is not None})
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
            _write_rows(rows, format, out, FIELDS[what])
        else:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                _write_rows(rows, format, fh, FIELDS[what])


def _within_month(month: str, since: str | None, until: str | None) -> dict[str, str]:
    """The filter for quotations of `month` that also keeps an existing date range's narrower ends."""
    # A date's first day sorts as itself padded with "-00", its last as padded with "-99".
    start = max(month, since or month, key=lambda d: d + "-00" * (2 - d.count("-")))
    end = min(month, until or month, key=lambda d: d + "-99" * (2 - d.count("-")))
    return {"since": start, "until": end}


def _bucket(published: str | None, interval: str) -> str | None:
    """The bucket of a date: its month (YYYY-MM), its week's Monday or its day (YYYY-MM-DD); None if undated."""
    if not published:
        return None
    if interval == "month":
        return published[:7] if _DATE.match(published[:7]) and len(published) >= 7 else None
    try:
        day = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None
    if interval == "week":
        day -= datetime.timedelta(days=day.weekday())
    return day.isoformat()


def _bucketed(interval: str, per_day: list[Counter]) -> tuple[list[str], ...]:
    """Every bucket from the earliest to the latest dated one over `per_day`'s counters, and each
    counter summed per bucket (key None: undated)."""
    if interval not in INTERVALS:
        raise ArchiveError(f"unknown interval {interval!r} (one of {', '.join(INTERVALS)})")
    summed = []
    for days in per_day:
        c: Counter = Counter()
        for day, n in days.items():
            c[_bucket(day, interval)] += n
        summed.append(c)
    dated = sorted({k for c in summed for k, n in c.items() if k is not None and n})
    if not dated:
        return ([], *summed)
    first, last = dated[0], dated[-1]
    if interval == "month":
        (y0, m0), (y1, m1) = (map(int, first.split("-")), map(int, last.split("-")))
        count = (y1 - y0) * 12 + m1 - m0 + 1
    else:
        step = 7 if interval == "week" else 1
        d0, d1 = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        count = (d1 - d0).days // step + 1
    if count > MAX_BUCKETS:
        raise ArchiveError(f"{count} {interval}s from {first} to {last}: at most {MAX_BUCKETS};"
                           " narrow the dates (since, until) or choose a longer interval")
    if interval == "month":
        keys = [f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}" for i in range(count)]
    else:
        keys = [(d0 + datetime.timedelta(days=i * step)).isoformat() for i in range(count)]
    return (keys, *summed)


def write_csv(rows: Iterable[dict[str, Any]], fields: Iterable[str], out: IO[str]) -> None:
    """CSV with a header row even when there are no rows, after a byte-order mark so that
    spreadsheets read the file as UTF-8 (Excel otherwise shows Cyrillic garbled)."""
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _write_rows(rows: Iterator[dict[str, Any]], format: str, out: IO[str] | None, fields: tuple[str, ...]) -> None:
    out = out or sys.stdout
    if format == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    write_csv(rows, fields, out)
