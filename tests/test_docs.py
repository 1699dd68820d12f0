"""The documentation's commands, as written, against the archive `make demo` builds: every
`citata` example in README.md prints something, and every curl example in README.md and
docs/web.md succeeds against a running server (issue 18: examples that print nothing, curl
lines the HTTP server refuses)."""
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from citata import Archive
from citata.web import create_app
from conftest import ROOT
from test_browser import serving

DOCS = [ROOT / "README.md", ROOT / "docs" / "web.md"]
ARCHIVE_COMMANDS = {"quotes", "search", "speakers", "speaker", "article", "export", "stats"}
NOTHING = {"", "[]", "no quotations found", "no articles found"}
TOKEN = "doc-example-token"


def shell_lines(path) -> list[str]:
    """The commands of a file's ```sh blocks, continuation lines joined, comments kept out."""
    lines, joined = [], ""
    for block in re.findall(r"```sh\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S):
        for line in block.splitlines():
            joined += line.rstrip()
            if joined.endswith("\\"):
                joined = joined[:-1] + " "
                continue
            if joined.strip():
                lines.append(joined.strip())
            joined = ""
    return lines


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """What `make demo` ingests: the bundled examples."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    report = Archive(db).ingest([str(ROOT / "examples")], workers=1)
    assert report.new >= 2 and not report.errors
    return db


def readme_commands() -> list[list[str]]:
    found = []
    for line in shell_lines(ROOT / "README.md"):
        args = shlex.split(line, comments=True)
        if args and args[0] == ".venv/bin/citata" and len(args) > 1 and args[1] in ARCHIVE_COMMANDS:
            found.append(args[1:])
    return found


def test_the_readme_has_archive_examples():
    assert {args[0] for args in readme_commands()} == ARCHIVE_COMMANDS


@pytest.mark.parametrize("args", readme_commands(), ids=" ".join)
def test_every_readme_example_prints_something_on_the_demo_archive(args, demo_db, tmp_path):
    env = dict(os.environ, CITATA_DB=str(demo_db), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "citata", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() not in NOTHING
    assert "Traceback" not in done.stderr


def curl_examples() -> list[str]:
    return [line for path in DOCS for line in shell_lines(path) if line.startswith("curl ")]


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl (apt-get install curl)")
def test_every_curl_example_succeeds_as_written(demo_db, tmp_path):
    examples = curl_examples()
    assert any("--data-urlencode" in e for e in examples) and any("/api/ingest" in e for e in examples)
    (tmp_path / "records.jsonl").write_text(
        '{"id": "doc-example", "text": "Министр Иван Петров заявил: «Мы готовы к переговорам»."}\n',
        encoding="utf-8")
    env = dict(os.environ, CITATA_TOKEN=TOKEN)
    with serving(create_app(demo_db, allow_ingest=True, token=TOKEN)) as url:
        # The ingest example last: it changes the archive the others read.
        for example in sorted(examples, key=lambda e: "/api/ingest" in e):
            command = example.replace("http://127.0.0.1:8000", url).replace("curl ", "curl --fail -sS ", 1)
            done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                                  timeout=60)
            assert done.returncode == 0, f"{example}\n{done.stderr}"
            written = tmp_path / "lavrov.csv"
            assert done.stdout.strip() or written.exists(), example
    assert "Лавров" in (tmp_path / "lavrov.csv").read_text(encoding="utf-8-sig")
