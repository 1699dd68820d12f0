"""Measured behaviour on the shared corpora (skipped, with the reason, where they are absent)."""
import subprocess
import sys

from citata import read
from citata.pipeline import process
from citata.model import ReadError
from conftest import BSNLP, CORPORA, ROOT, needs_corpora

sys.path.insert(0, str(ROOT / "eval"))


@needs_corpora
def test_gold_set_targets():
    import cleaning

    res = cleaning.evaluate(cleaning.load(cleaning.GOLD), CORPORA)
    p, r, f = cleaning.prf(res["tp"], res["pred"], res["gold"])
    assert res["docs"] >= 40
    assert f >= 0.97
    assert res["leak"] / res["pred"] <= 0.03
    assert res["dates"]["right"] / res["dates"]["n"] >= 0.95
    # Cleaning must beat keeping everything by a clear margin, or it does nothing.
    _, _, base_f = cleaning.prf(res["gold"], res["base_pred"], res["gold"])
    assert f - base_f >= 0.05


@needs_corpora
def test_every_bsnlp_article_is_read_with_its_header_metadata():
    docs = list(process(read([str(p) for p in sorted(BSNLP.glob("*/raw"))])))
    assert len(docs) > 400
    assert not [d for d in docs if isinstance(d, ReadError)]
    with_text = [d for d in docs if d.text]
    # A few pages are furniture only (a directory entry under a legal line, a forum thread
    # whose every post is a comment): at most one page in a hundred ends up with no text.
    assert len(with_text) >= 0.99 * len(docs)
    assert sum(1 for d in docs if d.url) == len(docs)
    # A header whose URL is a placeholder (a bare site root, as in covid-19) speaks for the
    # collection: its date is not the page's, which comes from the page or not at all.
    from citata.metadata import is_placeholder_url

    real = [d for d in docs if not is_placeholder_url(d.url)]
    assert sum(1 for d in real if d.published) / len(real) > 0.9
    assert sum(1 for d in docs if d.title) / len(docs) > 0.95


@needs_corpora
def test_evaluation_command_prints_the_table():
    out = subprocess.run([sys.executable, str(ROOT / "eval" / "cleaning.py"), "--corpora", str(CORPORA)],
                         capture_output=True, text=True, check=True).stdout
    assert "| existing gold | 50 |" in out and "headline right" in out and "dates invented" in out
