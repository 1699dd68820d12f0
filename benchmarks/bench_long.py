"""Time per document as one document grows: 1,000 to 64,000 sentences of reported speech, and
`citata extract` on an 8 MB one.

    python benchmarks/bench_long.py [--max 64000] [--repeat 1] [--kinds reported,quoted,named]
                                    [--mb 8] [--stages] [--against DIR [--pairs N]]

Issue 17's repro, `('Президент заявил, что всё хорошо. ' * 10 + '\\n') * n/10` ("reported"), a
variant with quotation marks ("quoted": direct quotations and mixed что-clauses exercise the
quotation-mark pairing, the mixed marking and the stand-alone quotations) and one with names, an
organisation, pronouns and titles ("named": the speaker resolution over the document), each run
through the whole `citata extract` path (`pipeline.extract_text`) in this process, the models
loaded beforehand. Printed per size: wall and CPU seconds, CPU ms per sentence, and that figure
over log2(n) relative to the smallest size: for growth at most n·log n the per-sentence time may
rise at most as fast as log n, so the last column stays ≤ ~1. CPU time is what the growth column
uses: on a shared machine the wall clock also counts other jobs' time. --stages adds the CPU
seconds of each stage (clean and metadata, NER, quotation finding, speaker resolution, entities).

Then (unless --mb 0) the literal case of the issue: a file of --mb megabytes of the reported
kind, through `citata extract FILE` in a child process (start-up and model loading included, the
JSON written to a file), with its wall and CPU seconds. BLAS is pinned to one thread. With
--against DIR (another revision's `citata` package, e.g. `git archive REV citata | tar -x -C DIR`),
that revision's extract alternates with this one's --pairs times: the CPU ratio in one run, and
the two outputs' hashes to show that they are the same bytes.
"""
from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.pipeline import extract_text  # noqa: E402

KINDS = {
    "reported (issue 17)": "Президент заявил, что всё хорошо. ",
    "quoted": "«Всё хорошо», — заявил президент. Министр сказал, что «всё идёт по плану». ",
    "named": "Иван Петров заявил, что всё хорошо. «Мы готовы», — сказал он. Компания «Ромашка» сообщила об этом. "
             "Глава компании Анна Смирнова отметила, что план выполнен. Министр подчеркнул: «Сроки не сорваны». ",
}


def document(kind: str, sentences: int) -> str:
    unit = KINDS[kind]
    line = unit * (10 // unit.count(". "))
    return (line + "\n") * (sentences // 10)


def stages(text: str) -> dict[str, float]:
    """CPU seconds of each stage of `extract_text` on `text`, run as it runs them."""
    from citata.entities import correct, link_document
    from citata.nlp import analyse
    from citata.pipeline import build_document
    from citata.quotes import DocView, find, resolve
    from citata.registry import Registry, assign
    from citata.source import text_document

    out: dict[str, float] = {}

    def timed(name, fn, *args):
        t0 = time.process_time()
        result = fn(*args)
        out[name] = out.get(name, 0.0) + time.process_time() - t0
        return result

    doc = timed("clean+metadata", build_document, timed("clean+metadata", text_document, "<text>", text))
    analysis = timed("NER", lambda: analyse([doc.text])[0])
    analysis.entities = timed("entities", correct, analysis.entities, doc.text)
    view = timed("find quotations", DocView, doc.text, analysis)
    found = timed("find quotations", find, view)
    doc.quotes = timed("resolve speakers", resolve, view, found)
    doc.entities, doc.entity_index = timed("entities", link_document, doc.text, view.entities, view.names)
    timed("entities", assign, doc, Registry())
    return out


def whole_file(megabytes: float, against: str | None = None, pairs: int = 1) -> None:
    """`citata extract` of a file of `megabytes` MB of reported speech, in a child process; with
    `against` (a folder holding another revision's `citata` package, e.g. from `git archive`), that
    revision's run alternates with this one's, `pairs` times, and the CPU ratio is printed."""
    import hashlib
    import json
    import resource
    import subprocess
    import tempfile

    line = KINDS["reported (issue 17)"] * 10 + "\n"
    text = line * int(megabytes * 2**20 // len(line.encode()))
    roots = [("this", str(ROOT))] + ([("against", str(Path(against).resolve()))] if against else [])
    with tempfile.TemporaryDirectory(prefix="citata-long-") as tmp:
        path, out = Path(tmp) / "long.txt", Path(tmp) / "out.jsonl"
        path.write_text(text, encoding="utf-8")
        for _ in range(pairs if against else 1):
            cpus = {}
            for name, root in roots:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                with open(out, "w") as fh:
                    done = subprocess.run([sys.executable, "-m", "citata", "extract", str(path)], stdout=fh,
                                          stderr=subprocess.PIPE, text=True, cwd=tmp, env={**os.environ, "PYTHONPATH": root})
                wall = time.perf_counter() - t0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[name] = cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                quotes = sum(len(json.loads(ln).get("quotes", [])) for ln in out.open(encoding="utf-8") if ln.strip())
                digest = hashlib.sha1(out.read_bytes()).hexdigest()[:12]
                print(f"\n{name + ': ' if against else ''}`citata extract` of {path.stat().st_size / 2**20:.1f} MB "
                      f"({text.count('. '):,} sentences): exit {done.returncode}, {quotes:,} quotations, {wall:.1f} s wall, "
                      f"{cpu:.1f} s CPU (model loading included), output sha1 {digest}, load average "
                      f"{os.getloadavg()[0]:.1f}{'; ' + done.stderr.strip()[-300:] if done.returncode else ''}", flush=True)
            if against:
                print(f"CPU this / against: {cpus['this'] / cpus['against']:.2f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max", type=int, default=64000, help="largest document, in sentences")
    ap.add_argument("--repeat", type=int, default=1, help="best of this many passes per size")
    ap.add_argument("--kinds", default="reported,quoted,named", help="comma-separated: reported, quoted, named")
    ap.add_argument("--mb", type=float, default=8, help="size of the file for `citata extract` (0: none)")
    ap.add_argument("--stages", action="store_true", help="CPU seconds per stage (a second pass per size)")
    ap.add_argument("--against", help="a folder holding another revision's citata package: the 8 MB extract "
                                      "alternates between it and this one")
    ap.add_argument("--pairs", type=int, default=1, help="alternating pairs of 8 MB runs with --against")
    args = ap.parse_args()
    kinds = [k for k in KINDS if k.split()[0] in args.kinds.split(",")]
    extract_text(document("quoted", 100))  # load the models, warm the caches
    sizes = []
    n = 1000
    while n <= args.max:
        sizes.append(n)
        n *= 2
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start\n")
    print("| document | sentences | KB | quotations | wall s | CPU s | CPU ms per sentence | growth over n·log n |")
    print("|---|---|---|---|---|---|---|---|")
    split = []
    for kind in kinds:
        base = None
        for n in sizes:
            text = document(kind, n)
            wall = cpu = math.inf
            for _ in range(args.repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                doc = extract_text(text)
                wall, cpu = min(wall, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
            per = cpu / n * 1000
            rel = per / math.log2(n)
            base = base or rel
            print(f"| {kind} | {n:,} | {len(text.encode()) // 1024:,} | {len(doc.quotes):,} | {wall:.2f} | {cpu:.2f} | "
                  f"{per:.3f} | {rel / base:.2f} |", flush=True)
            if args.stages:
                split.append((kind, n, stages(text)))
    if split:
        names = list(split[0][2])
        print("\n| document | sentences | " + " | ".join(f"{s}, CPU s" for s in names) + " |")
        print("|---|---|" + "---|" * len(names))
        for kind, n, row in split:
            print(f"| {kind} | {n:,} | " + " | ".join(f"{row[s]:.2f}" for s in names) + " |")
    if args.mb:
        whole_file(args.mb, args.against, args.pairs)


if __name__ == "__main__":
    main()
