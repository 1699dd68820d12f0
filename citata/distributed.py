"""`citata ingest --dask ADDRESS`: the ingest's batches processed on dask.distributed workers.

Only where `citata.ingest.prepare` runs changes: the parent still reads,
hashes, skips unchanged documents and writes in input order (the registry,
syndication and quotation clusters are the reduce step, in the writer).
Batches of raw documents travel to the workers, so a worker needs citata
installed but not the parent's files. Each worker process keeps natasha
loaded between batches (`citata.nlp` caches it per process).

"local" starts a LocalCluster of worker processes with one thread each;
any other ADDRESS is a running scheduler (tcp://host:8786).
"""
from __future__ import annotations

import logging
import os
import signal

CONNECT_TIMEOUT = 10  # seconds; a mistyped address fails this soon instead of after dask's 30

class DaskError(Exception):
    """Dask is missing, or its cluster cannot be started or reached."""


def _ignore_interrupt() -> None:
    """Run on each local worker: Ctrl-C reaches the whole process group, but only the parent
    should act on it (it closes the cluster); workers would each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class DaskExecutor:
    """submit(fn, batch) -> a future with result(); `window` batches may be pending
    beyond the one being written, so memory stays flat however large the input."""

    def __init__(self, address: str, workers: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskError("--dask needs dask.distributed: pip install 'citata[dask]'") from None
        self.cluster = self.client = None
        try:
            if address == "local":
                self.cluster = LocalCluster(
                    n_workers=workers or len(os.sched_getaffinity(0)), threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
                self.client.run(_ignore_interrupt)
            else:
                if workers:
                    raise DaskError("--workers sets the size of --dask local; a scheduler has its own workers")
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
            threads = sum(self.client.nthreads().values())
        except BaseException as exc:
            self.close()
            if isinstance(exc, (OSError, TimeoutError)):
                raise DaskError(f"cannot reach a Dask scheduler at {address}: {exc}") from None
            raise
        if not threads:
            self.close()
            raise DaskError(f"the Dask scheduler at {address} has no workers")
        self.window = 2 * threads

    def submit(self, fn, batch):
        # pure=False: no hashing of the batch for a task key, and two equal batches are two tasks.
        return self.client.submit(fn, batch, pure=False)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
