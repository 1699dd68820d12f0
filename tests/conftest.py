import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_KG = EXAMPLES / "000_c14e630103cc6e18.txt"  # Sputnik Кыргызстан, 2023-02-02
SEED_MD = EXAMPLES / "003_b927d54b9469dc94.txt"  # Sputnik Молдова, 2022-02-01
CORPORA = ROOT.parent / "shared" / "corpora"
BSNLP = CORPORA / "bsnlp-ru"
# The four container lines every covid-19 page of bsnlp-ru opens with; the URL is a placeholder on one
# host for all of them, never the page's own address (issue 15).
COVID_PAGE_HEADER = "ru-1\nru\n2021-02-01\nhttp://www.fromtheweb.eu\n"


def gold_entries():
    path = ROOT / "eval" / "gold" / "cleaning.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


needs_corpora = pytest.mark.skipif(
    not BSNLP.is_dir(),
    reason="../shared/corpora is not beside this checkout (a user's fresh clone); CI has it",
)


def write_jsonl(path: Path, records) -> None:
    """`records` (dicts) as a JSON-lines input file, one record a line."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def write_bad_inputs(inputs: Path) -> Path:
    """A folder with one good article and three unreadable files (empty, binary, a bad JSON line)."""
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED_MD.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (inputs / "lines.jsonl").write_text('{"text": "Президент сказал, что всё хорошо."}\n{not json\n', encoding="utf-8")
    return inputs


def wait_for_articles(proc, count_articles, at_least: int = 100, timeout: float = 300) -> None:
    """Poll until an ingest running as `proc` has written `at_least` articles, as
    `count_articles()` reports (None while the archive does not exist yet); it must still run."""
    written = 0
    deadline = time.monotonic() + timeout
    while written < at_least and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        written = count_articles() or 0
    assert proc.poll() is None, "the ingest ended before it could be interrupted"


def kill_mid_ingest(command: list[str], env: dict, count_articles) -> None:
    """Run an ingest (`command`) in a process group of its own and kill it (SIGKILL: no clean-up)
    once `count_articles()` says it has written 100 articles."""
    proc = subprocess.Popen(command, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wait_for_articles(proc, count_articles)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def sqlite_articles(db) -> int | None:
    try:
        return sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return None
