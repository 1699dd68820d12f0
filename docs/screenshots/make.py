"""Regenerates the screenshots in docs/screenshots/: the web UI over an archive of the bundled
examples and, when ../shared/corpora is beside the checkout, the BSNLP Russian corpus, in
Debian's headless chromium (the browser tests' own helpers).

    .venv/bin/python docs/screenshots/make.py
"""
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from citata import Archive  # noqa: E402
from citata.web import create_app  # noqa: E402
from test_browser import chromium, screenshot, serving  # noqa: E402

MAX_HEIGHT = 1800  # a screenful and a half: enough to show a page, small enough for the repository


def main() -> None:
    sources = [str(ROOT / "examples")] + sorted(str(p) for p in (ROOT.parent / "shared/corpora/bsnlp-ru").glob("*/raw"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "docs.db"
        Archive(db).ingest(sources, workers=1)
        with Archive(db) as archive:
            lavrov = archive.speaker_list(name="Лавров")[0]["id"]
            article = archive.search("неделимость безопасности")[0]["id"]
            reprinted = max((q for q in archive.quotes(limit=None) if (q["speaker"] or {}).get("kind") == "person"),
                            key=lambda q: (q["appearances"], -q["id"]))["id"]
        pages = {"home": "/", "search": "/?q=безопасность", "speaker": f"/speakers/{lavrov}",
                 "article": f"/articles/{article}", "quotation": f"/quotations/{reprinted}", "outlets": "/outlets",
                 "speaker-en": f"/speakers/{lavrov}?lang=en"}
        with serving(create_app(db)) as url, chromium(Path(tmp) / "profile") as driver:
            for name, path in pages.items():
                driver.get(url + path)
                screenshot(driver, HERE / f"{name}.png", MAX_HEIGHT)
                print(f"docs/screenshots/{name}.png  {path}")


if __name__ == "__main__":
    main()
