"""eval/mine_org_classes.py's two places of an organisation's class noun, on sentences written for
the test."""
import sys
from collections import Counter, defaultdict

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import analyse  # noqa: E402
from citata.quotes import document_view  # noqa: E402
from mine_org_classes import mine  # noqa: E402


def mined(text: str) -> tuple[dict, dict]:
    before: dict = defaultdict(Counter)
    later: dict = defaultdict(Counter)
    mine(document_view(text, analyse([text])[0]), "U", "test", before, later, {})
    return {k: sum(c.values()) for k, c in before.items()}, {k: sum(c.values()) for k, c in later.items()}


def test_the_noun_before_a_name_and_the_noun_a_later_sentence_opens_with():
    before, later = mined("Британский регулятор Ofcom начал проверку телеканала. Регулятор заявил, что "
                          "канал нарушил правила.")
    assert before.get("регулятор") == 1
    assert later.get("регулятор") == 1


def test_a_name_opening_a_sentence_is_no_later_noun():
    _, later = mined("Авиакомпания Ryanair отменила рейсы. Министерство иностранных дел Ирландии "
                     "заявило, что следит за ситуацией.")
    assert "министерство" not in later
