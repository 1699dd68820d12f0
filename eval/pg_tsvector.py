"""The workers' tsvector texts against PostgreSQL's `to_tsvector('russian', …)`, string for string.

    python eval/pg_tsvector.py [--corpora ../shared/corpora] [--pg URL] [--cache FILE]

Every article and quotation of the shared corpora (bsnlp-ru raw texts, factrueval-2016 devset) is
extracted as an ingest's worker extracts it (`citata.archive.ingest.prepare`); each lemma string
the archive's full-text index receives is turned into a tsvector text by
`citata.archive.tsvector` and by the server (--pg, default $CITATA_TEST_PG). Printed: how many
strings the workers build, how many they leave to the server (and the words that send them
there), and how many differ — which must be none (the script fails otherwise).
"""
from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus_strings(corpora: Path, cache: Path | None) -> tuple[list[str], list[str]]:
    """The lemma strings of every article and every quotation, as an ingest's workers make them."""
    if cache and cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    from citata.archive.ingest import content_hash, prepare
    from citata.model import RawDocument
    from citata.source import read

    paths = [str(p) for p in sorted((corpora / "bsnlp-ru").glob("*/raw"))]
    paths += [str(p) for p in sorted((corpora / "factrueval-2016" / "devset").glob("*.txt"))]
    if not paths:
        raise SystemExit(f"no corpus texts under {corpora}")
    raws = [r for r in read(paths) if isinstance(r, RawDocument)]
    articles, quotes = [], []
    for i in range(0, len(raws), 16):
        for p in prepare([(r, content_hash(r)) for r in raws[i:i + 16]]):
            if not hasattr(p, "message"):
                articles.append(p.text_lemmas)
                quotes.extend(p.quote_lemmas)
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump((articles, quotes), fh)
    return articles, quotes


def server_tsvectors(url: str, strings: list[str]) -> list[str]:
    import psycopg

    out: list[str] = []
    with psycopg.connect(url) as conn:
        for i in range(0, len(strings), 500):
            out += [r[0] for r in conn.execute(
                "SELECT to_tsvector('russian', s)::text FROM unnest(%b::text[]) WITH ORDINALITY u (s, n) ORDER BY n",
                (strings[i:i + 500],))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--pg", default=os.environ.get("CITATA_TEST_PG"), help="a PostgreSQL URL to compare with")
    ap.add_argument("--cache", type=Path, help="pickle of the corpora's lemma strings (made if missing)")
    args = ap.parse_args()
    if not args.pg:
        raise SystemExit("no server: --pg URL or $CITATA_TEST_PG (.ci/pg-server start)")
    from citata.archive import tsvector

    articles, quotes = corpus_strings(args.corpora, args.cache)
    tsvector.clear_cache()
    t0 = time.process_time()
    mine = [tsvector.tsvector(s) for s in articles + quotes]
    cpu = time.process_time() - t0
    server = server_tsvectors(args.pg, articles + quotes)
    left: Counter[str] = Counter()  # the words that leave a string to the server
    for s, m in zip(articles + quotes, mine):
        if m is None:
            left.update({w for w in s.split(" ") if tsvector.tsvector(w) is None} or {"(a text too long)"})
    differ = [(s, m, v) for s, m, v in zip(articles + quotes, mine, server) if m is not None and m != v]
    print("| strings | count | built by the worker | left to the server | differing from the server |")
    print("|---|---|---|---|---|")
    for label, lo, hi in (("articles", 0, len(articles)), ("quotations", len(articles), len(mine))):
        part = mine[lo:hi]
        built = sum(m is not None for m in part)
        print(f"| {label} | {len(part)} | {built} | {len(part) - built} |"
              f" {sum(lo <= i < hi for i, (m, v) in enumerate(zip(mine, server)) if m is not None and m != v)} |")
    print(f"\nCPU: {1000 * cpu / len(articles):.3f} ms an article (its text and its quotations),"
          f" every word new to the process once")
    print("words that leave a string to the server (strings holding each): "
          + ", ".join(f"{w} {n}" for w, n in left.most_common(25)))
    for s, m, v in differ[:10]:
        print(f"DIFFERS: {s[:120]!r}\n  here:   {m[:200]}\n  server: {v[:200]}")
    if differ:
        raise SystemExit(f"{len(differ)} strings differ from the server's to_tsvector")


if __name__ == "__main__":
    main()
