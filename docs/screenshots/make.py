"""Regenerates the screenshots in docs/screenshots/: the web UI over an archive of the bundled
examples and, when ../shared/corpora is beside the checkout, the BSNLP Russian corpus, in
Debian's headless chromium (the browser tests' own helpers).

    .venv/bin/python docs/screenshots/make.py [ARCHIVE]   # ARCHIVE: reuse one built from the same sources
"""
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

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
        db = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp) / "docs.db"
        if len(sys.argv) == 1:
            Archive(db).ingest(sources, workers=1)
        with Archive(db) as archive:
            lavrov = archive.speaker_list(name="Лавров")[0]["id"]
            # The Asia Bibi story in the BSNLP corpus: three of its people, day by day; else two of the examples'.
            names = ["Асия Биби", "Имран Хан", "Хадим Ризви"] if len(sources) > 1 else ["Лавров", "Блинкен"]
            compared = [found[0]["id"] for found in (archive.speaker_list(name=n, limit=1) for n in names) if found]
            article = archive.search("неделимость безопасности")[0]["id"]
            reprinted = max((q for q in archive.quotes(limit=None) if (q["speaker"] or {}).get("kind") == "person"),
                            key=lambda q: (q["appearances"], -q["id"]))["id"]
        pages = {"home": "/", "search": "/?q=безопасность", "speaker": f"/speakers/{lavrov}",
                 "article": f"/articles/{article}", "quotation": f"/quotations/{reprinted}", "outlets": "/outlets",
                 "attention": ("/attention?since=2018-07&until=2018-11&interval=week" if len(sources) > 1
                               else "/attention"),
                 "compare": "/compare?" + urlencode(
                     {"speaker_id": compared} | ({"since": "2018-10-25", "until": "2018-11-25", "interval": "day"}
                                                 if len(sources) > 1 else {}), doseq=True),
                 "speaker-en": f"/speakers/{lavrov}?lang=en"}  # last: the language is remembered
        with serving(create_app(db)) as url, chromium(Path(tmp) / "profile") as driver:
            for name, path in pages.items():
                driver.get(url + path)
                screenshot(driver, HERE / f"{name}.png", MAX_HEIGHT)
                print(f"docs/screenshots/{name}.png  {path}")


if __name__ == "__main__":
    main()
