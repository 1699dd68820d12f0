"""The same text gives the same quotations whatever else is analysed with it and whatever Python's
string hashing (issue 14: an archive whose quotations move with the run is not one to cite)."""
import json
import os
import subprocess
import sys

from conftest import BSNLP, EXAMPLES, ROOT

from citata.pipeline import annotate, build_document
from citata.source import decode, text_document

TEXT = EXAMPLES / "003_b927d54b9469dc94.txt"
OTHERS = [EXAMPLES / "000_c14e630103cc6e18.txt"] + sorted(BSNLP.glob("**/*.txt"))[:12]  # ../shared if present

# One document's quotations as JSON, printed by a fresh interpreter.
CHILD = """
import json, sys
from citata.pipeline import annotate, build_document
from citata.source import decode, text_document
doc = annotate([build_document(text_document(sys.argv[1], decode(open(sys.argv[1], 'rb').read())))])[0]
print(json.dumps([q.to_dict() for q in doc.quotes], ensure_ascii=False, sort_keys=True))
"""


def _document(path):
    return build_document(text_document(str(path), decode(path.read_bytes())))


def _quotations(doc) -> list[dict]:
    return json.loads(json.dumps([q.to_dict() for q in doc.quotes], ensure_ascii=False, sort_keys=True))


def test_quotations_alone_in_a_batch_and_under_two_hash_seeds():
    alone = _quotations(annotate([_document(TEXT)])[0])
    assert len(alone) >= 3  # the article quotes; an empty list would prove nothing
    others = [_document(p) for p in OTHERS]
    for batch in ([*others, _document(TEXT)], [_document(TEXT), *others[:5]]):
        docs = annotate(batch)
        mine = next(d for d in docs if d.source == str(TEXT))
        assert _quotations(mine) == alone
    for seed in ("0", "1"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        out = subprocess.run([sys.executable, "-c", CHILD, str(TEXT)], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        assert json.loads(out) == alone, f"PYTHONHASHSEED={seed}"
