import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_KG = EXAMPLES / "000_c14e630103cc6e18.txt"  # Sputnik Кыргызстан, 2023-02-02
SEED_MD = EXAMPLES / "003_b927d54b9469dc94.txt"  # Sputnik Молдова, 2022-02-01
CORPORA = ROOT.parent / "shared" / "corpora"
BSNLP = CORPORA / "bsnlp-ru"


def gold_entries():
    path = ROOT / "eval" / "gold" / "cleaning.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


needs_corpora = pytest.mark.skipif(
    not BSNLP.is_dir(),
    reason="../shared/corpora is not beside this checkout (a user's fresh clone); CI has it",
)
