"""`citata ingest --dask ADDRESS`: the ingest's batches processed on dask.distributed workers.

Only where `citata.archive.ingest.prepare` runs changes: the parent still reads,
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

from .ingest import prepare_packed

CONNECT_TIMEOUT = 10  # seconds; a mistyped address fails this soon instead of after dask's 30
# Each task costs a dozen messages handled in the parent (client and, for a local cluster, the
# scheduler): about 1 ms per document with a task per 16-document batch. A task carries several
# batches instead (each still its own NER batch, so the result does not change).
BATCHES_PER_TASK = 4
# A local cluster shares its cores with the parent, which reads and writes: dask's own periodic
# work (event-loop ticks every 20 ms, a sampling profiler in each worker every 10 ms, system and
# memory monitors) took about 4% of a core in the parent and 3% in each idle worker; this, 0.3-1%.
# Dask also sets MALLOC_TRIM_THRESHOLD_ in its workers, which turns off glibc's adaptive mmap
# threshold: the NER network's large temporaries are then mapped and unmapped afresh each time,
# for about a fifth more CPU per document; without it peak RSS grew by 6 MiB (236 to 242).
LOCAL_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class DaskError(Exception):
    """Dask is missing, or its cluster cannot be started or reached."""


def _prepare_local_worker() -> None:
    """Run on each local worker: Ctrl-C reaches the whole process group, but only the parent
    should act on it (it closes the cluster); workers would each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.getLogger("distributed.worker").addFilter(_HeartbeatWithoutTraceback())


class _HeartbeatWithoutTraceback(logging.Filter):
    """A heartbeat that finds the scheduler gone is what a local worker sees when the parent
    closes the cluster after Ctrl-C: dask's one-line message stays, its traceback goes."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Failed to communicate with scheduler during heartbeat"):
            record.exc_info = record.exc_text = None
        return True


class DaskExecutor:
    """submit(fn, *args) -> a future with result(); `window` tasks may be pending
    beyond the one being written, so memory stays flat however large the input."""

    def __init__(self, address: str, workers: int | None = None):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise DaskError("--dask needs dask.distributed: pip install 'citata[dask]'") from None
        self.cluster = self.client = None
        try:
            if address == "local":
                with dask.config.set(LOCAL_CONFIG):
                    self.cluster = LocalCluster(
                        n_workers=workers or len(os.sched_getaffinity(0)), threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
                self.client.run(_prepare_local_worker)
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
        self.batches_per_task = BATCHES_PER_TASK
        self.prepare = prepare_packed  # the results come back as one bytes object (`unpack`)

    def submit(self, fn, *args):
        # pure=False: no hashing of the batch for a task key, and two equal batches are two tasks.
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
