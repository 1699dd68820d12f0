"""Identity linking alone (`citata.registry.assign`, the writer's largest Python part), this
worktree's code against an older revision's, and whether the two link alike.

    python benchmarks/bench_linking.py [--baseline 9d7811e] [--n 3000] [--passes 4] [--rounds 3] [--cache FILE]

bench_writer.py's N articles (--cache: its pickle of extracted documents) are linked into a fresh
registry, in input order, PASSES times in each child process (a copy of the articles each pass;
the first pass meets every name's pymorphy parse and key for the first time, the later ones only
the registry's own work), with Python's garbage collector off while timed. The children of the two
revisions alternate ROUNDS times. Printed: CPU ms per article of every pass, and whether every
mention's and speaker's identity id and every identity (name, first name, surname, aliases with
counts, roles with dates, documents) are the same for both revisions; the run fails if not.
"""
from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(items_path: str, passes: int, out: str) -> None:
    """Runs with the revision under test first on PYTHONPATH."""
    sys.path.append(str(ROOT / "benchmarks"))
    from _corpus import load_items
    from citata.nlp import morph
    from citata.registry import Registry, assign

    morph()
    with open(items_path, "rb") as fh:
        docs = [item.doc for item in load_items(fh)]
    times = []
    for _ in range(passes):
        batch = copy.deepcopy(docs)
        registry = Registry()
        gc.collect()
        gc.disable()
        t = time.process_time()
        for doc in batch:
            if any("key" in m for m in doc.entities):
                assign(doc, registry)
        times.append(1000 * (time.process_time() - t) / len(batch))
        gc.enable()
    links = [([m.get("entity_id") for m in d.entities], [q.speaker.entity_id if q.speaker else None for q in d.quotes])
             for d in batch]
    identities = sorted((i.id, i.type, i.name, i.first, i.surname, sorted(i.aliases.items()),
                         sorted((r, list(v)) for r, v in i.roles.items()), i.documents)
                        for i in registry.identities())
    with open(out, "wb") as fh:
        pickle.dump((links, identities), fh)
    print(json.dumps(times))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default="9d7811e", help="the git revision to compare with")
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--docs", type=int, default=400, help="corpus texts behind the cache")
    ap.add_argument("--passes", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cache", type=Path, help="bench_writer.py's pickle of extracted documents")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.passes, args.child[2])
        return
    cache = args.cache or Path(tempfile.gettempdir()) / f"citata-bench-writer-{args.docs}.pkl"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        items = tmp / "items.pkl"
        # The articles made as profile_writer.py makes them (a child: no name parsed here first).
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "profile_writer.py"), "--items", str(items),
                        "--cache", str(cache), "--n", str(args.n), "--docs", str(args.docs)], check=True)
        old = tmp / "old"
        old.mkdir()
        subprocess.run(f"git -C {ROOT} archive {args.baseline} citata | tar -x -C {old}", shell=True, check=True)
        codes = [(args.baseline, old), ("this code", ROOT)]
        results = {}
        for r in range(args.rounds):
            for label, code in codes:
                out = tmp / f"{label.replace(' ', '_')}.pkl"
                env = dict(os.environ, PYTHONPATH=str(code))
                run = subprocess.run([sys.executable, __file__, "--passes", str(args.passes),
                                      "--child", str(items), label, str(out)],
                                     env=env, capture_output=True, text=True)
                if run.returncode:
                    raise SystemExit(run.stderr[-3000:])
                times = json.loads(run.stdout.splitlines()[-1])
                print(f"round {r + 1}, {label}: " + ", ".join(f"{t:.3f}" for t in times)
                      + " CPU ms per article (passes in order)")
                with open(out, "rb") as fh:
                    results[label] = pickle.load(fh)
            same = results[args.baseline] == results["this code"]
            print(f"round {r + 1}: links and identities " + ("the same" if same else "DIFFER"))
            if not same:
                raise SystemExit("the two revisions link differently")


if __name__ == "__main__":
    main()
