"""Cross-document grouping, done incrementally as articles are written: a batch at a time
(`group_batch`, `cluster_batch`), with the result of placing its articles one by one.

- Syndication: one agency story reprinted by several outlets. Each article
  gets a MinHash signature over 4-word shingles; locality-sensitive hashing
  (32 bands of 4 rows) finds candidates already in the archive, and an
  estimated Jaccard similarity of at least SIMILAR confirms them. A group's
  origin is its earliest member (published date, then ingest order).
- Quotation clusters: one quotation printed in several articles. Quotations
  whose text is equal once case, punctuation and "ё" are folded share a
  cluster; within a syndication group a quotation whose word shingles are
  close enough (an edited reprint) joins its counterpart's cluster.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from ..lemmas import fold, words

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 4
SIMILAR = 0.5  # estimated Jaccard of 4-word shingles: reprints with edits stay above it
QUOTE_SIMILAR = 0.7
# A bucket this large holds one story already grouped; its newest members stand for it,
# so a popular story does not make every later insert scan all its copies.
BUCKET_SAMPLE = 20

_rng = np.random.default_rng(20240501)  # fixed: signatures must agree across runs and processes
_A = _rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                dtype=np.uint64)
# `_newest`'s hash of a bucket's list: a random odd multiplier for each place in it.
_PLACE = np.random.default_rng(20261127).integers(1, 2**63, BUCKET_SAMPLE, dtype=np.uint64) | np.uint64(1)


def _token_hashes(text: str) -> np.ndarray:
    # crc32, not hash(): Python's string hash changes from process to process.
    return np.array([zlib.crc32(fold(m.group()).encode()) for m in words(text)], dtype=np.uint64)


def _shingles(tokens: np.ndarray, size: int) -> np.ndarray:
    if len(tokens) < size:
        return tokens
    n = len(tokens) - size + 1
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint64)
        for k in range(size):
            h = h + tokens[k:k + n] * _MIX[k]
    return np.unique(h)


def signature(text: str) -> bytes | None:
    """MinHash signature (PERMUTATIONS uint32 values) of a text's word shingles; None without words."""
    shingles = _shingles(_token_hashes(text), SHINGLE)
    if not len(shingles):
        return None
    with np.errstate(over="ignore"):
        # Multiply-shift hashing: the high 32 bits of a*x + b (mod 2**64) for random odd a.
        hashed = (shingles[None, :] * _A[:, None] + _B[:, None]) >> np.uint64(32)
    return hashed.min(axis=1).astype(np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)))


# `similarity` for a batch's placement: each signature's values made an array once.
@lru_cache(maxsize=4096)
def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype=np.uint32)


def _agree(values: np.ndarray, other: bytes) -> float:
    """similarity(sig, other), with sig's values given (the same float: the count of equal values
    over PERMUTATIONS, as np.mean gives it)."""
    return np.count_nonzero(values == _values(other)) / PERMUTATIONS


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit bucket key per band (the band number is part of the key)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS * 4:(band + 1) * ROWS * 4]
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


# ---------------------------------------------------------------- syndication groups

def bucket_lists(conn, keys: list[int]) -> dict[int, list[int]]:
    """The newest BUCKET_SAMPLE article ids of each key's bucket, newest first, in one statement
    (SQLite: the keys as a JSON array; a backend on a server has its own). Buckets with the same
    members share one list (read it, do not change it)."""
    return bucket_members(conn.execute(
        "SELECT k.value, (SELECT group_concat(article_id) FROM (SELECT article_id FROM lsh WHERE key = k.value"
        " ORDER BY article_id DESC LIMIT ?)) FROM json_each(?) k", (BUCKET_SAMPLE, json.dumps(sorted(set(keys))))))


def bucket_members(rows) -> dict[int, list[int]]:
    """(key, its members' ids comma-separated, or None for an empty bucket) rows -> key -> the ids,
    newest first. The copies of one story share most of their buckets: each distinct string is
    parsed once, and buckets with the same members share that list."""
    out: dict[int, list[int]] = {}
    lists: dict[str, list[int]] = {}
    for key, ids in rows:
        if ids:
            members = lists.get(ids)
            if members is None:
                members = lists[ids] = sorted(map(int, ids.split(",")), reverse=True)
            out[key] = members
    return out


class Buckets:
    """The LSH table held in its one writer's memory (an SQLite archive: every change to the table is
    that writer's own), so that `lists` answers `bucket_lists` without a statement. The table's rows
    as arrays in its own order (key, then article id; 16 bytes a row, 512 an article): those read at
    first use, and those the writer has added since in a smaller pair merged into them now and then
    (so that a batch's rows are not inserted into the whole table's arrays). A writer whose
    transaction rolls back drops it and reads the table again."""

    RECENT = 1 << 16  # rows added before they are merged in (or an eighth of the rows, if more)

    def __init__(self, conn):
        rows = conn.execute("SELECT key, article_id FROM lsh ORDER BY key, article_id")
        self.keys, self.ids = _pairs(chain.from_iterable(rows))
        self.recent_keys, self.recent_ids = _pairs(())
        self._deleted: list[tuple[int, list[int]]] = []  # (article id, keys): rows deleted, not yet taken out

    def lists(self, conn, keys: list[int]) -> dict[int, list[int]]:
        """`bucket_lists`: the newest BUCKET_SAMPLE article ids of each key's bucket, newest first."""
        self._take_out()
        return _newest([(self.keys, self.ids), (self.recent_keys, self.recent_ids)],
                       np.unique(np.array(keys, dtype=np.int64)))

    def add(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """The rows the writer has inserted into the table (`lsh_rows`: key and id arrays, in the
        table's order)."""
        if not len(keys):
            return
        self._take_out()
        self.recent_keys, self.recent_ids = _merged(self.recent_keys, self.recent_ids, keys, ids)
        if len(self.recent_keys) > max(self.RECENT, len(self.keys) // 8):
            self.keys, self.ids = _merged(self.keys, self.ids, self.recent_keys, self.recent_ids)
            self.recent_keys, self.recent_ids = _pairs(())

    def remove(self, article_id: int, keys: list[int]) -> None:
        """An article's rows the writer has deleted from the table (by their keys)."""
        self._deleted.append((article_id, keys))

    def _take_out(self) -> None:
        """The deleted rows out of the arrays, all in one pass."""
        if not self._deleted:
            return
        self.keys, self.ids = _without(self.keys, self.ids, self._deleted)
        self.recent_keys, self.recent_ids = _without(self.recent_keys, self.recent_ids, self._deleted)
        self._deleted = []


def lsh_rows(articles: list[tuple[int, list[int]]]) -> tuple[np.ndarray, np.ndarray]:
    """The LSH rows of (article id, its band keys) pairs as a key array and an id array, in the
    table's order (key, then article id): each B-tree page is then visited once, in order, and the
    writer's copy (`Buckets.add`) takes them as they are. Made in numpy, not as sorted tuples."""
    counts = [len(keys) for _, keys in articles]
    keys = np.fromiter(chain.from_iterable(keys for _, keys in articles), dtype=np.int64, count=sum(counts))
    ids = np.repeat(np.array([aid for aid, _ in articles], dtype=np.int64), counts)
    order = np.lexsort((ids, keys))
    return keys[order], ids[order]


def _pairs(values) -> tuple[np.ndarray, np.ndarray]:
    """Flat key, id, key, id… values as a key array and an id array."""
    pairs = np.fromiter(values, dtype=np.int64).reshape(-1, 2)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _newest(levels: list[tuple[np.ndarray, np.ndarray]], query: np.ndarray) -> dict[int, list[int]]:
    """Each queried key's newest BUCKET_SAMPLE ids among sorted rows (one or more pairs of key and id
    arrays, the newer rows' pair last), newest first; keys without rows left out. Gathered for all
    keys at once: each bucket's last rows in every pair, then merged pair by pair."""
    counts = found = None
    for keys, ids in levels:
        if not len(keys):
            continue
        last = np.searchsorted(keys, query, "right")
        more = last - np.maximum(np.searchsorted(keys, query, "left"), last - BUCKET_SAMPLE)
        newer = ids[np.repeat(last - 1, more) - _places(more)]
        counts, found = (more, newer) if counts is None else _merge_newest(counts, found, more, newer)
    if counts is None:
        return {}
    starts = np.cumsum(counts) - counts
    # Buckets with the same members share one list (the copies of one story share most of their
    # buckets): the keys whose ids hash alike, checked equal, take the first one's list.
    hit = counts > 0
    if not hit.any():
        return {}
    starts, counts = starts[hit], counts[hit]
    at = _places(counts)  # each id's place in its bucket's list
    with np.errstate(over="ignore"):
        hashed = np.add.reduceat(found.astype(np.uint64) * _PLACE[at], starts) + counts.astype(np.uint64)
    _, first, inverse = np.unique(hashed, return_index=True, return_inverse=True)
    same = first[inverse]
    if not (np.array_equal(counts, counts[same])
            and np.array_equal(found, found[np.repeat(starts[same], counts) + at])):
        first, inverse = np.arange(len(starts)), np.arange(len(starts))  # a collision: a list a key
    flat = found.tolist()
    lists = [flat[a:a + n] for a, n in zip(starts[first].tolist(), counts[first].tolist())]
    return dict(zip(query[hit].tolist(), map(lists.__getitem__, inverse.tolist())))


def _merge_newest(counts: np.ndarray, found: np.ndarray, more: np.ndarray, newer: np.ndarray):
    """Two pairs' lists (each key's count and ids, newest first, keys in the same order) as one: each
    key's newest BUCKET_SAMPLE of both. Where every id of `newer` is newer than every id of `found`
    in the same bucket (the writer's rows added since the table was read, unless a replacement kept
    an older id), the newer list goes first and the older one fills up to BUCKET_SAMPLE, with no sort."""
    starts, more_starts = np.cumsum(counts) - counts, np.cumsum(more) - more
    both = (counts > 0) & (more > 0)
    if np.all(newer[(more_starts + more - 1)[both]] > found[starts[both]]):
        older = np.minimum(counts, BUCKET_SAMPLE - more)
        total = more + older
        out = np.cumsum(total) - total
        merged = np.empty(int(total.sum()), dtype=found.dtype)
        merged[np.repeat(out, more) + _places(more)] = newer
        kept = _places(counts) < np.repeat(older, counts)  # each bucket's newest `older` of `found`
        merged[np.repeat(out + more, older) + _places(older)] = found[kept]
        return total, merged
    where = np.concatenate([np.repeat(np.arange(len(counts)), counts), np.repeat(np.arange(len(more)), more)])
    ids = np.concatenate([found, newer])
    order = np.lexsort((-ids, where))
    where, ids = where[order], ids[order]
    total = np.bincount(where, minlength=len(counts))
    return np.minimum(total, BUCKET_SAMPLE), ids[_places(total) < BUCKET_SAMPLE]


def _places(counts: np.ndarray) -> np.ndarray:
    """0, 1, … count - 1 for each count in turn, as one array."""
    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)


def _merged(keys: np.ndarray, ids: np.ndarray, new_keys: np.ndarray, new_ids: np.ndarray):
    """Sorted rows and sorted new rows as one sorted pair of arrays. A new row goes after its bucket's
    rows, unless an older article's replacement (its id kept) lands in a bucket holding a newer
    one: then all are sorted again."""
    at = np.searchsorted(keys, new_keys, "right")
    before = np.maximum(at - 1, 0)
    if len(keys) and np.any((at > 0) & (keys[before] == new_keys) & (ids[before] > new_ids)):
        keys, ids = np.concatenate([keys, new_keys]), np.concatenate([ids, new_ids])
        order = np.lexsort((ids, keys))
        return keys[order], ids[order]
    return np.insert(keys, at, new_keys), np.insert(ids, at, new_ids)


def _without(keys: np.ndarray, ids: np.ndarray, deleted: list[tuple[int, list[int]]]):
    """Sorted rows less the (article id, its keys) rows deleted."""
    rows = []
    for article_id, article_keys in deleted:
        for key in article_keys:
            lo = int(np.searchsorted(keys, key, "left"))
            hi = int(np.searchsorted(keys, key, "right"))
            row = lo + int(np.searchsorted(ids[lo:hi], article_id))
            if row < hi and ids[row] == article_id:
                rows.append(row)
    return (np.delete(keys, rows), np.delete(ids, rows)) if rows else (keys, ids)


@dataclass
class Placed:
    """Where a batch's articles went (`group_batch`)."""

    groups: list[int | None]                # each article's group just after it was placed
    members: list[tuple[frozenset, frozenset]]  # its group then: archive parts (see `_Groups`), batch article ids
    final: dict[int, int | None]            # batch article id -> its group at the end of the batch
    relabel: list[tuple[int, str, int]]     # (group, "group" | "article", id): archive rows that joined a group
    origins: set[int]                       # groups whose origin must be chosen again


class _Groups:
    """Groups as they stand while a batch is placed, without writing: archive rows keep the labels
    they were read with, and merged labels point to the label that absorbed them. A group's
    archive part is ("group", g) for the rows labelled g, ("article", id) for a row that had none."""

    def __init__(self):
        self.parent: dict[int, int] = {}
        self.parts: dict[int, set] = {}     # label -> archive parts
        self.batch: dict[int, set] = {}     # label -> batch article ids

    def find(self, label: int | None) -> int | None:
        while label in self.parent:
            label = self.parent[label]
        return label


def group_batch(conn, articles: list[tuple[int, bytes | None, list[int] | None]], buckets=bucket_lists,
                signatures: str = "articles") -> Placed:
    """Place a batch's articles (id, signature, band keys; in write order) in syndication groups as
    placing them one at a time would: each against its LSH buckets' newest members, in the archive
    and among the batch's earlier articles, joining every group a confirmed near-duplicate is in
    (merged groups take the smallest label). Reads the archive first (`buckets`, then the
    candidates' signatures, from `signatures`: the articles table, or where the backend reads its
    columns cheaper); writes nothing (`write_groups` does, once the articles are in)."""
    keyed = [(aid, sig, keys if keys is not None or sig is None else band_keys(sig)) for aid, sig, keys in articles]
    stored = buckets(conn, [k for _, sig, keys in keyed if sig is not None for k in keys])
    # Buckets with the same members share one list (`bucket_lists`): each list is read once.
    known = sorted(set().union(*_distinct(stored.values())))
    label: dict[int, int | None] = {}  # as last written
    sigs: dict[int, bytes | None] = {}
    for i in range(0, len(known), 500):
        chunk = known[i:i + 500]
        for aid, group, sig in conn.execute(
                f"SELECT id, syndication_group, minhash FROM {signatures} WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk):
            label[aid] = group
            sigs[aid] = bytes(sig) if sig is not None else None
    state = _Groups()
    in_batch: dict[int, list[int]] = {}  # bucket key -> batch article ids, newest last
    placed = Placed([], [], {}, [], set())
    batch_ids = {aid for aid, _, _ in keyed}

    for aid, sig, keys in keyed:
        group = None
        if sig is not None:
            sigs[aid] = sig
            mine = _values(sig)
            # Each bucket's newest members: the archive's newest (BUCKET_SAMPLE already) where
            # the batch has put none there yet, else the archive's and the batch's, merged.
            shared = in_batch.keys() & keys
            candidates = set().union(*_distinct(
                [stored[key] for key in keys if key in stored and key not in shared] if shared else
                [stored[key] for key in keys if key in stored]))
            for key in shared:
                archived, batch = stored.get(key), in_batch[key]
                if archived is None and len(batch) <= BUCKET_SAMPLE:
                    candidates.update(batch)
                else:
                    candidates.update(sorted(set(archived or ()) | set(batch), reverse=True)[:BUCKET_SAMPLE])
            for key in keys:
                in_batch.setdefault(key, []).append(aid)
            matched: set[int] = set()
            ungrouped = []
            for cand in sorted(candidates):
                current = state.find(label.get(cand))
                if current is not None and current in matched:
                    continue
                other = sigs.get(cand)
                if other is not None and _agree(mine, other) >= SIMILAR:
                    matched.add(current if current is not None else cand)
                    if current is None:
                        ungrouped.append(cand)
            if matched:
                group = min(matched)
                for g in sorted(matched):  # the target first: it keeps its own archive part
                    parts, members = state.parts.pop(g, None), state.batch.pop(g, set())
                    if parts is None:  # a label first seen now: the archive's rows under it
                        if g in batch_ids:
                            parts = set()
                            members = members | {g}
                        elif g in ungrouped:
                            parts = {("article", g)}
                        else:
                            parts = {("group", g)}
                    state.parts.setdefault(group, set()).update(parts)
                    state.batch.setdefault(group, set()).update(members)
                    if g != group:
                        state.parent[g] = group
                for cand in ungrouped:
                    label[cand] = group
                label[aid] = group
                state.batch[group].add(aid)
                placed.origins.add(group)
        else:
            label[aid] = None
        placed.groups.append(group)
        placed.members.append((frozenset(state.parts.get(group, ())), frozenset(state.batch.get(group, ())))
                              if group is not None else (frozenset(), frozenset()))
    placed.final = {aid: state.find(label.get(aid)) for aid, _, _ in keyed}
    placed.origins = {state.find(g) for g in placed.origins}
    for g, parts in state.parts.items():
        for kind, ident in parts:
            if not (kind == "group" and ident == g):
                placed.relabel.append((g, kind, ident))
    return placed


def _distinct(lists):
    """The distinct list objects among `lists` (buckets with the same members share one)."""
    return {id(ids): ids for ids in lists}.values()


def write_groups(conn, placed: Placed, mark_origins) -> None:
    """The archive's side of `group_batch`: rows that joined a group, and each touched group's origin
    (`mark_origins`: the backend's, for a list of groups)."""
    conn.executemany("UPDATE articles SET syndication_group = ? WHERE syndication_group = ?",
                     [(g, ident) for g, kind, ident in placed.relabel if kind == "group"])
    conn.executemany("UPDATE articles SET syndication_group = ? WHERE id = ?",
                     [(g, ident) for g, kind, ident in placed.relabel if kind == "article"])
    mark_origins(conn, sorted(placed.origins))


def detach(conn, article_id: int, buckets: Buckets | None = None) -> None:
    """Take an article out of the LSH index (and `buckets`, the writer's copy of it) and its group
    before it is deleted."""
    row = conn.execute("SELECT syndication_group, minhash FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    if row[1] is not None:
        # Its LSH rows by their keys (the bands of its signature, as the writer made them): the
        # primary key finds them, and no index by article is kept for this one use.
        keys = band_keys(bytes(row[1]))
        conn.execute(f"DELETE FROM lsh WHERE article_id = ? AND key IN ({', '.join('?' * len(keys))})",
                     (article_id, *keys))
        if buckets is not None:
            buckets.remove(article_id, keys)
    if row[0] is None:
        return
    group = row[0]
    conn.execute("UPDATE articles SET syndication_group = NULL, is_origin = 0 WHERE id = ?", (article_id,))
    rest = [r[0] for r in conn.execute("SELECT id FROM articles WHERE syndication_group = ?", (group,))]
    if len(rest) == 1:
        conn.execute("UPDATE articles SET syndication_group = NULL, is_origin = 0 WHERE id = ?", (rest[0],))
    elif rest:
        new_group = min(rest)
        if new_group != group:
            conn.execute("UPDATE articles SET syndication_group = ? WHERE syndication_group = ?",
                         (new_group, group))
        mark_origin(conn, new_group)


# A group's origin: dated before undated, then earliest, then first written. One statement, no
# result to read: a database server need not be waited for. Parameters: the group, three times.
_ORIGIN = ("(SELECT id FROM articles WHERE syndication_group = ?"
           " ORDER BY published IS NULL, published, id LIMIT 1)")
MARK_ORIGIN = (f"UPDATE articles SET is_origin = CASE WHEN id = {_ORIGIN} THEN 1 ELSE 0 END"
               f" WHERE syndication_group = ? AND is_origin != CASE WHEN id = {_ORIGIN} THEN 1 ELSE 0 END")


def mark_origin(conn, group: int) -> None:
    conn.execute(MARK_ORIGIN, (group, group, group))


# ---------------------------------------------------------------- quotation clusters

def quote_key(text: str) -> str:
    """Equal for quotations that differ only in case, punctuation, spacing or "ё"."""
    norm = " ".join(fold(m.group()) for m in words(text))
    return hashlib.blake2b(norm.encode(), digest_size=8).hexdigest()


def _word_shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    toks = [fold(m.group()) for m in words(text)]
    if len(toks) < size:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + size]) for i in range(len(toks) - size + 1)}


def jaccard(a: str, b: str) -> float:
    sa, sb = _word_shingles(a), _word_shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def stored_clusters(conn, keys: list[str]) -> dict[str, int]:
    """The clusters already recorded for these quotation keys (key -> cluster)."""
    keys = sorted(set(keys))
    out: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        out.update(conn.execute(f"SELECT key, cluster_id FROM quote_keys WHERE key IN ({', '.join('?' * len(chunk))})",
                                chunk).fetchall())
    return out


GROUP_QUOTES = 200  # a new quotation is compared with its group's quotations from its newest articles, this many


def _archived_quotations(conn, parts: set) -> dict[tuple, list[tuple]]:
    """Each group part's (`_Groups`) quotations as the archive holds them: (article, id, content,
    cluster), newest article first, then in article order; the first GROUP_QUOTES."""
    parts = sorted(parts)
    out: dict[tuple, list[tuple]] = {part: [] for part in parts}
    for i in range(0, len(parts), 400):
        chunk = parts[i:i + 400]
        one = ("SELECT * FROM (SELECT {n} AS part, a.id, q.id, q.content, q.cluster_id FROM quotations q"
               " JOIN articles a ON a.id = q.article_id WHERE {column} = ? AND q.cluster_id IS NOT NULL"
               f" ORDER BY a.id DESC, q.id LIMIT {GROUP_QUOTES}) s")
        sql = " UNION ALL ".join(one.format(n=n, column="a.syndication_group" if kind == "group" else "a.id")
                                 for n, (kind, _) in enumerate(chunk))
        for n, *row in conn.execute(sql, [ident for _, ident in chunk]).fetchall():
            out[chunk[n]].append(tuple(row))
    return out


def cluster_batch(conn, articles: list[tuple[int, list[tuple[int, str, str]]]], placed: Placed,
                  insert) -> list[list[int]]:
    """The cluster of each quotation of a batch's articles ((article id, [(quotation id, content,
    quote_key)]) in write order, placed by `group_batch`), as they would get one at a time: a
    quotation whose key is known takes its cluster; else one close enough among its syndication
    group's quotations lends its own (those of the group's newest articles first); else it starts
    one under its own id. Records the new keys (`insert`: the backend's bulk insert); reads the
    archive in two queries."""
    stored = stored_clusters(conn, [key for _, quotes in articles for _, _, key in quotes])
    need: set = set()
    for (_, quotes), (parts, _), group in zip(articles, placed.members, placed.groups):
        if group is not None and any(key not in stored for _, _, key in quotes):
            need |= parts
    archived = _archived_quotations(conn, need) if need else {}
    written: dict[int, list[tuple]] = {}  # batch article -> its quotations so far, as archived rows
    new_keys: list[tuple[str, int]] = []
    out = []
    for (aid, quotes), (parts, members), group in zip(articles, placed.members, placed.groups):
        mine = written.setdefault(aid, [])
        others = None
        clusters = []
        for qid, content, key in quotes:
            if key in stored:
                cluster = stored[key]
            else:
                cluster = qid
                if group is not None:
                    if others is None:
                        others = [row for part in parts for row in archived[part]]
                        others += [row for m in members if m != aid for row in written.get(m, ())]
                    for _, _, other, other_cluster in sorted(others + mine, key=_newest_first)[:GROUP_QUOTES]:
                        if jaccard(content, other) >= QUOTE_SIMILAR:
                            cluster = other_cluster
                            break
                stored[key] = cluster
                new_keys.append((key, cluster))
            clusters.append(cluster)
            mine.append((aid, qid, content, cluster))
        out.append(clusters)
    insert(conn, "quote_keys", ("key", "cluster_id"), new_keys)
    return out


def _newest_first(row: tuple) -> tuple:
    return (-row[0], row[1])
