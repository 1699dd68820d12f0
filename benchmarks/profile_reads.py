"""Where /api/quotations and the home page spend their time: CPU ms per call of each archive
query behind them and of the handlers themselves (rendering or validation included), in this
process, without HTTP (nor the server's kept answers, citata.web.cache). Each figure also as a
multiple of one cold `Archive.stats()` (the queries behind the read benchmark's baseline), so the
table holds on a busy machine. Run with PYTHONPATH naming another checkout to profile its code.

    python benchmarks/profile_reads.py --db FILE [--calls 200] [--cprofile]

"cold": the archive's remembered query results dropped before every call (what every call cost
before they were remembered); "warm": as a server thread runs them between two ingests.
--cprofile adds cProfile's top functions of the home page handler.
"""
from __future__ import annotations

import argparse
import inspect
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: another checkout may be profiled

from starlette.requests import Request  # noqa: E402

from citata.archive import FACETS  # noqa: E402
from citata.web import api, create_app, pages  # noqa: E402



def unfiltered(handler) -> dict:
    """Every parameter of an endpoint function but the request, as a request without a query sets them."""
    params = inspect.signature(handler).parameters
    return {k: (0 if k == "offset" else None) for k in params if k != "request"}


def cpu_ms(fn, calls: int, before=None) -> float:
    fn()
    total = 0.0
    for _ in range(calls):
        if before:
            before()
        t = time.process_time()
        fn()
        total += time.process_time() - t
    return total / calls * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--cprofile", action="store_true")
    args = ap.parse_args()
    app = create_app(args.db)
    archive = app.state.archives.get()

    def request(path: str) -> Request:
        return Request({"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": [],
                        "app": app, "router": app.router, "root_path": "", "scheme": "http", "server": ("bench", 80)})

    def forget() -> None:  # the next call finds nothing remembered
        if hasattr(archive, "forget"):
            archive.forget()
        else:  # code from before Archive.forget
            archive._memo_version = None

    filters = api.quote_filters(**unfiltered(api.quote_filters))
    calls = {
        "Archive.stats()": archive.stats,
        "Archive.quotes(limit=50)": lambda: archive.quotes(limit=50),
        "Archive.quotes(limit=20)": lambda: archive.quotes(limit=20),
        "Archive.count_quotes()": archive.count_quotes,
        "Archive.speaker_list(limit=12)": lambda: archive.speaker_list(limit=12),
        "Archive.facets(FACETS, 8)": lambda: archive.facets(FACETS, 8),
        "GET /api/quotations?limit=50 handler": lambda: api.quotations(request("/api/quotations"), filters,
                                                                       limit=50, offset=0),
        "GET / handler (with rendering)": lambda: pages.search(request("/"), **unfiltered(pages.search)),
    }
    base = None
    print("| call | cold CPU ms | warm CPU ms | cold / stats | warm / stats |\n|---|---|---|---|---|")
    for name, fn in calls.items():
        cold, warm = cpu_ms(fn, args.calls, forget), cpu_ms(fn, args.calls)
        base = base or cold  # one cold Archive.stats()
        print(f"| `{name}` | {cold:.2f} | {warm:.2f} | {cold / base:.1f} | {warm / base:.1f} |")
    if args.cprofile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.calls):
            calls["GET / handler (with rendering)"]()
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
