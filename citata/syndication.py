"""Cross-document grouping, done incrementally as each article is written.

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
import zlib

import numpy as np

from .lemmas import fold, words

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


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit bucket key per band (the band number is part of the key)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS * 4:(band + 1) * ROWS * 4]
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


# ---------------------------------------------------------------- syndication groups

def bucket_members(conn, keys: list[int]) -> dict[int, int | None]:
    """The newest BUCKET_SAMPLE articles of each key's bucket: article id -> its group."""
    if not keys:
        return {}
    # One statement for every bucket: in process, the per-statement overhead was the larger cost.
    one = ("SELECT * FROM (SELECT l.article_id, a.syndication_group FROM lsh l JOIN articles a ON a.id = l.article_id"
           " WHERE l.key = ? ORDER BY l.article_id DESC LIMIT ?)")
    params = [p for key in keys for p in (key, BUCKET_SAMPLE)]
    return dict(conn.execute(" UNION ALL ".join([one] * len(keys)), params).fetchall())


def attach(conn, article_id: int, sig: bytes | None, keys: list[int] | None = None,
           buckets=bucket_members) -> int | None:
    """Index a new article's signature and join it to the group of its near-duplicates.
    Returns its group id (the id of the group's first article), or None if it has none.
    `keys`: the signature's `band_keys` when already computed (by an ingest worker);
    `buckets`: `bucket_members` or a backend's equivalent in fewer round trips."""
    if sig is None:
        return None
    if keys is None:
        keys = band_keys(sig)
    candidates = buckets(conn, keys)
    conn.executemany("INSERT INTO lsh (key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                     [(k, article_id) for k in keys])
    matched_groups: set[int] = set()
    ungrouped = False  # a match not in any group yet
    for cand, group in sorted(candidates.items()):
        if group is not None and group in matched_groups:
            continue  # one confirmed member is enough for its group
        (other,) = conn.execute("SELECT minhash FROM articles WHERE id = ?", (cand,)).fetchone()
        if other is not None and similarity(sig, other) >= SIMILAR:
            matched_groups.add(group if group is not None else cand)
            ungrouped |= group is None
    if not matched_groups:
        return None
    target = min(matched_groups)
    if len(matched_groups) == 1 and not ungrouped:
        # Joining one existing group: only the new article can displace its origin.
        conn.execute("UPDATE articles SET syndication_group = ? WHERE id = ?", (target, article_id))
        _challenge_origin(conn, target, article_id)
        return target
    for g in matched_groups:
        # A group id is its first member's id, so an ungrouped match is named by its own id. Rows
        # already in the target group are left alone: rewriting them costs a new row version each
        # in PostgreSQL, for every article that joins a large group.
        conn.execute("UPDATE articles SET syndication_group = ? WHERE (syndication_group = ? OR id = ?)"
                     " AND (syndication_group IS NULL OR syndication_group != ?)", (target, g, g, target))
    conn.execute("UPDATE articles SET syndication_group = ? WHERE id = ?", (target, article_id))
    mark_origin(conn, target)
    return target


def detach(conn, article_id: int) -> None:
    """Take an article out of the LSH index and its group before it is deleted."""
    conn.execute("DELETE FROM lsh WHERE article_id = ?", (article_id,))
    row = conn.execute("SELECT syndication_group FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None or row[0] is None:
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


def _origin_key(published, article_id: int) -> tuple:
    # mark_origin's order: dated before undated, then earliest, then first written.
    return (published is None, published or "", article_id)


def _challenge_origin(conn, group: int, article_id: int) -> None:
    origin = conn.execute("SELECT id, published FROM articles WHERE syndication_group = ? AND is_origin = 1",
                          (group,)).fetchone()
    if origin is None:
        mark_origin(conn, group)
        return
    (published,) = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
    if _origin_key(published, article_id) < _origin_key(origin[1], origin[0]):
        conn.execute("UPDATE articles SET is_origin = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE id IN (?, ?)",
                     (article_id, article_id, origin[0]))


def mark_origin(conn, group: int) -> None:
    # One statement, no result to read: a database server need not be waited for.
    origin = ("(SELECT id FROM articles WHERE syndication_group = ?"
              " ORDER BY published IS NULL, published, id LIMIT 1)")
    conn.execute(f"UPDATE articles SET is_origin = CASE WHEN id = {origin} THEN 1 ELSE 0 END"
                 f" WHERE syndication_group = ? AND is_origin != CASE WHEN id = {origin} THEN 1 ELSE 0 END",
                 (group, group, group))


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
    """The clusters already recorded for these quotation keys, in one query (key -> cluster)."""
    keys = sorted(set(keys))
    if not keys:
        return {}
    return dict(conn.execute(f"SELECT key, cluster_id FROM quote_keys WHERE key IN ({', '.join('?' * len(keys))})",
                             keys).fetchall())


def cluster_for(conn, quotation_id: int, content: str, key: str, group: int | None, stored: dict[str, int]) -> int:
    """The cluster a new quotation (`quote_key` `key`) belongs to (its own id if it starts one);
    records its key, in the archive and in `stored` (`stored_clusters` of its article's quotations)."""
    if key in stored:
        return stored[key]
    cluster = quotation_id
    if group is not None:
        for other_content, other_cluster in conn.execute(
                "SELECT q.content, q.cluster_id FROM quotations q JOIN articles a ON a.id = q.article_id"
                " WHERE a.syndication_group = ? AND q.id != ? AND q.cluster_id IS NOT NULL"
                " ORDER BY a.id DESC LIMIT 200", (group, quotation_id)):
            if jaccard(content, other_content) >= QUOTE_SIMILAR:
                cluster = other_cluster
                break
    conn.execute("INSERT INTO quote_keys (key, cluster_id) VALUES (?, ?)", (key, cluster))
    stored[key] = cluster
    return cluster
