"""`citata ingest --dask`: the same archive as a single-process ingest, errors per file,
natasha loaded once per worker, clean shutdown on Ctrl-C. Real archives under tmp_path."""
import json
import os
import signal
import sqlite3
import subprocess
import sys

import psutil
import pytest
from click.testing import CliRunner

from citata import Archive, read
from citata.archive import EXPORTS
from citata.cli import main
from citata.model import RawDocument
from conftest import (BSNLP, CORPORA, ROOT, SEED_KG, SEED_MD, needs_corpora, sqlite_articles, wait_for_articles,
                      write_bad_inputs, write_jsonl)

pytest.importorskip("distributed", reason="citata[dask] is not installed (the test extra includes it)")
from distributed import Client, LocalCluster  # noqa: E402

from citata.nlp import ner_tagger  # noqa: E402

CITATA = [sys.executable, "-m", "citata"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def exported(db) -> dict:
    """Everything `citata export` offers, plus the identity registry; only ingest times left out."""
    out = {}
    for what in EXPORTS:
        result = run("export", "--db", db, "--what", what, "--format", "jsonl")
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        for row in rows:
            row.pop("ingested_at", None)
        out[what] = rows
    conn = sqlite3.connect(db)
    out["identities"] = conn.execute("SELECT id, type, name, data FROM identities ORDER BY id").fetchall()
    conn.close()
    return out


def assert_same_archive(got: dict, expected: dict) -> None:
    """Equal exports; where not, the first differing row of each table and the fields that differ."""
    report = []
    for what, rows in expected.items():
        if got[what] == rows:
            continue
        at = next((i for i, (a, b) in enumerate(zip(got[what], rows)) if a != b), min(len(got[what]), len(rows)))
        a, b = (got[what][at] if at < len(got[what]) else None), (rows[at] if at < len(rows) else None)
        if isinstance(a, dict) and isinstance(b, dict):
            fields = [k for k in b if a.get(k) != b.get(k) or k in ("id", "source")]
            a, b = {k: a.get(k) for k in fields}, {k: b[k] for k in fields}
        report.append(f"{what}: {len(got[what])} rows against {len(rows)}; first difference, row {at}: {a!r} against {b!r}")
    assert not report, "\n".join(report)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The shared corpora's files, then a reprint of each under a new id dated earlier (so the
    cross-document step has syndication groups whose origin comes later in the input),
    and their single-process archive. Only for tests marked needs_corpora."""
    base = tmp_path_factory.mktemp("corpus")
    paths = [str(p) for p in sorted(BSNLP.glob("*/raw"))]
    paths += [str(p) for p in sorted((CORPORA / "factrueval-2016" / "devset").glob("*.txt"))]
    raws = [r for r in read(paths) if isinstance(r, RawDocument)]
    reprints = base / "reprints.jsonl"
    write_jsonl(reprints, [{"id": f"reprint/{r.source}", "text": r.text, "published": f"2015-01-{1 + i % 28:02d}"}
                      for i, r in enumerate(raws)])
    paths.append(str(reprints))
    single = base / "single.db"
    result = run("ingest", "--db", single, "--workers", 1, *paths)
    assert result.exit_code == 0, result.output
    return paths, 2 * len(raws), single


@needs_corpora
def test_dask_archive_is_identical_to_single_process(corpus, tmp_path):
    paths, total, single = corpus
    db = tmp_path / "dask.db"
    result = run("ingest", "--db", db, "--dask", "local", "--workers", 2, *paths)
    assert result.exit_code == 0, result.output
    assert f"{total} read: {total} new" in result.stdout
    expected = exported(single)
    # Enough of everything that the comparison means something.
    assert len(expected["articles"]) == total
    assert len(expected["quotes"]) > 2000 and len(expected["mentions"]) > 10000
    assert sum(a["syndication_group"] is not None for a in expected["articles"]) >= total // 2
    assert sum(q["cluster"] != q["id"] for q in expected["quotes"]) > 1000
    assert len(expected["identities"]) > 1000
    assert_same_archive(exported(db), expected)


def test_unreadable_files_are_reported_per_file_under_dask(tmp_path):
    inputs = write_bad_inputs(tmp_path / "in")
    db = tmp_path / "a.db"
    result = run("ingest", "--db", db, "--dask", "local", "--workers", 2, inputs, tmp_path / "missing.txt")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("citata: error:")]
    assert len(errors) == 4, result.stderr
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.bin: binary file" in e for e in errors)
    assert any("lines.jsonl:2: invalid JSON" in e for e in errors)
    assert any("missing.txt: no such file or directory" in e for e in errors)
    assert "4 errors" in result.stdout
    archive = Archive(db)
    assert archive.stats()["articles"] == 2  # good.txt and the valid JSON line
    assert any(q["speaker"]["name"] == "Сергей Лавров" for q in archive.quotes(limit=None) if q["speaker"])


def test_each_worker_loads_natasha_once(tmp_path):
    # Twenty documents, one per batch: twenty NER batches in five tasks over two workers.
    src = tmp_path / "seeds.jsonl"
    write_jsonl(src, [{"id": f"{i}/{seed.name}", "text": seed.read_text(encoding="utf-8")}
                 for i in range(10) for seed in (SEED_KG, SEED_MD)])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        report = Archive(tmp_path / "dask.db").ingest([str(src)], dask=cluster.scheduler_address, batch_size=1)
        loads = client.run(ner_tagger.cache_info)
    assert report.new == 20 and not report.errors
    assert len(loads) == 2
    assert all(info.misses <= 1 for info in loads.values())
    assert sum(info.hits + info.misses for info in loads.values()) >= 20
    Archive(tmp_path / "single.db").ingest([str(src)], workers=1, batch_size=1)
    assert exported(tmp_path / "dask.db") == exported(tmp_path / "single.db")


def test_without_dask_installed_the_option_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    result = run("ingest", "--db", tmp_path / "a.db", "--dask", "local", SEED_KG)
    assert result.exit_code == 1
    assert "citata: error: --dask needs dask.distributed: pip install 'citata[dask]'" in result.stderr
    assert not (tmp_path / "a.db").exists()


def test_workers_apply_to_a_local_cluster_only(tmp_path):
    result = run("ingest", "--db", tmp_path / "a.db", "--dask", "tcp://127.0.0.1:8786", "--workers", 2, SEED_KG)
    assert result.exit_code == 1
    assert "--workers sets the size of --dask local" in result.stderr
    assert not (tmp_path / "a.db").exists()


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@needs_corpora
def test_interrupted_dask_ingest_stops_its_workers_and_resumes(corpus, tmp_path):
    paths, total, single = corpus
    db = tmp_path / "dask.db"
    args = CITATA + ["ingest", "--db", str(db), "--dask", "local", "--workers", "2"] + paths
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # Its own process group, which gets the SIGINT as a terminal's Ctrl-C would send it; a
    # disposition to ignore or block SIGINT that this test process may have picked up survives
    # exec, and the ingest would then finish with status 0, so the child starts with the default.
    proc = subprocess.Popen(args, env=env, start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)
    wait_for_articles(proc, lambda: sqlite_articles(db))
    children = psutil.Process(proc.pid).children(recursive=True)
    assert len(children) >= 2  # the two workers
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    said = f"the interrupted run said:\n{stdout}{stderr}"
    assert proc.returncode != 0, said
    assert "Traceback" not in stderr, said  # neither the parent nor a worker died untidily
    _, alive = psutil.wait_procs(children, timeout=60)
    assert not alive
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    written = [source for (source,) in conn.execute("SELECT source FROM articles ORDER BY id")]
    conn.close()
    partial = len(written)
    assert 100 <= partial < total
    conn = sqlite3.connect(single)
    assert written == [source for (source,) in conn.execute("SELECT source FROM articles ORDER BY id LIMIT ?",
                                                              (partial,))], f"not a prefix of the input; {said}"
    conn.close()

    again = subprocess.run(args, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{total - partial} new, 0 replaced, {partial} unchanged" in again.stdout
    assert_same_archive(exported(db), exported(single))
