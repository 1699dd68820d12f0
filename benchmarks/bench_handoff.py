"""What the hand-off of an extracted document costs: the worker pickles each `Prepared`
(`citata.archive.ingest.prepare`'s result) and the writer's process unpickles it, outside
bench_writer.py's clock.

    python benchmarks/bench_handoff.py [--cache FILE] [--docs 400] [--corpora ../shared/corpora] [--rounds 5]

--cache: bench_writer.py's pickle of extracted documents (made by its `extract` when missing).
Printed, per article, over the cached documents (the fastest of --rounds; CPU time of this process):
- pickle.dumps (the worker's side) and the writer's unpickling of a worker's batch of 16: as a
  pickled list with Python's cycle collector on (the ingest before `unpack`: every 700 containers
  made start a collection), and by `citata.archive.ingest.unpack` (the collector paused), bytes sent;
- the Python objects one article unpickles into, by type;
- each part's bytes, and what `unpack` saves when the part is left out (the document's lists and
  the worker-built fields, one at a time): what building its objects costs.
"""
from __future__ import annotations

import argparse
import collections
import copy
import dataclasses
import pickle
import time
from pathlib import Path

from _corpus import load_items

ROOT = Path(__file__).resolve().parent.parent
PROTOCOL = pickle.DEFAULT_PROTOCOL  # what concurrent.futures' pickling uses for a result
BATCH = 16  # documents a worker returns at once (citata.archive.ingest.BATCH_SIZE)


def per_article(fn, items: list, rounds: int) -> float:
    """The fastest round's CPU ms per article of fn(item) over items."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for item in items:
            fn(item)
        best = min(best, (time.process_time() - t0) / len(items) * 1000)
    return best


def loads_cost(prepared: list, rounds: int, batch: int = BATCH) -> tuple[float, float]:
    """CPU ms and bytes per article of unpickling `prepared` in batches as a worker returns them (one
    pickled list of `batch` results), as the ingest did before `unpack`: the cycle collector on."""
    blobs = [pickle.dumps(prepared[i:i + batch], protocol=PROTOCOL) for i in range(0, len(prepared), batch)]
    best = float("inf")
    for _ in range(rounds):
        kept = []  # kept alive, as the writer keeps a batch until it is written: collections walk them
        t0 = time.process_time()
        for b in blobs:
            kept.append(pickle.loads(b))
        best = min(best, (time.process_time() - t0) / len(prepared) * 1000)
    return best, sum(map(len, blobs)) / len(prepared)


def unpack_cost(prepared: list, rounds: int, batch: int = BATCH) -> tuple[float, float]:
    """The same for today's hand-off: `prepare_packed` in the worker, `unpack` in the writer."""
    from citata.archive.ingest import unpack

    blobs = [pickle.dumps(prepared[i:i + batch], protocol=pickle.HIGHEST_PROTOCOL)
             for i in range(0, len(prepared), batch)]
    best = float("inf")
    for _ in range(rounds):
        kept = []
        t0 = time.process_time()
        for b in blobs:
            kept.append(unpack(b))
        best = min(best, (time.process_time() - t0) / len(prepared) * 1000)
    return best, sum(map(len, blobs)) / len(prepared)


def objects(prepared: list) -> collections.Counter:
    """Python objects per article by type name, each object once."""
    counts: collections.Counter = collections.Counter()

    def walk(o, seen):
        if id(o) in seen:
            return
        seen.add(id(o))
        counts[type(o).__name__] += 1
        if dataclasses.is_dataclass(o):
            for f in dataclasses.fields(o):
                walk(getattr(o, f.name), seen)
        elif isinstance(o, dict):
            for k, v in o.items():
                walk(k, seen)
                walk(v, seen)
        elif isinstance(o, (list, tuple, set, frozenset)):
            for v in o:
                walk(v, seen)

    for p in prepared:
        walk(p, set())
    return counts


def without(prepared: list, part: str) -> list:
    """The documents with one part emptied: a field of `Prepared` or `doc.<field>` of its document."""
    out = []
    for p in prepared:
        q = copy.copy(p)
        if part.startswith("doc."):
            q.doc = dataclasses.replace(p.doc, **{part[4:]: []})
        else:
            setattr(q, part, None)
        out.append(q)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="bench_writer.py's pickle of extracted documents")
    ap.add_argument("--docs", type=int, default=400, help="corpus texts to extract when --cache is missing")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    if args.cache and args.cache.exists():
        with open(args.cache, "rb") as fh:
            prepared = load_items(fh)
    else:
        from bench_writer import extract

        prepared, _ = extract(args.corpora, args.docs, args.cache or Path("/tmp/citata-bench-handoff.pkl"))
    n = len(prepared)
    print(f"{n} extracted articles, pickle protocol {PROTOCOL}")

    dumps = per_article(lambda p: pickle.dumps(p, protocol=PROTOCOL), prepared, args.rounds)
    for _ in range(2):  # twice: the machine's load moves each figure by a few hundredths
        before, size = loads_cost(prepared, args.rounds)
        after, _ = unpack_cost(prepared, args.rounds)
        print(f"writer's loads, CPU ms an article: {before:.3f} as a pickled list of {BATCH} (the collector on), "
              f"{after:.3f} by `unpack`; {size:,.0f} bytes an article")
    print(f"worker's dumps: {dumps:.3f} CPU ms an article")

    counts = objects(prepared)
    print("objects an article: " + ", ".join(f"{name} {c / n:.1f}" for name, c in counts.most_common(14)))

    base, _ = unpack_cost(prepared, args.rounds)
    print(f"{'part':18s} {'bytes':>7s} {'unpack saved (ms)':>17s}")
    parts = [f"doc.{f.name}" for f in dataclasses.fields(prepared[0].doc)
             if isinstance(getattr(prepared[0].doc, f.name), list)]
    parts += [f.name for f in dataclasses.fields(prepared[0]) if f.name not in ("doc", "hash")]
    for part in parts:
        owner = (lambda p: p.doc) if part.startswith("doc.") else (lambda p: p)
        name = part.removeprefix("doc.")
        nbytes = sum(len(pickle.dumps(getattr(owner(p), name), protocol=PROTOCOL)) for p in prepared) / n
        rest, _ = unpack_cost(without(prepared, part), args.rounds)
        print(f"{part:18s} {nbytes:7.0f} {base - rest:17.3f}")


if __name__ == "__main__":
    main()
