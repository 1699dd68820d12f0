"""eval/survey_participant_roles.py: the words it counts, on sentences written for the test."""
import sys

from conftest import ROOT
from helpers import view_of

sys.path.insert(0, str(ROOT / "eval"))

from citata.quotes.participants import Participants  # noqa: E402
from survey_participant_roles import members, roles_missed, shortenings  # noqa: E402


def test_a_body_named_past_its_members_is_counted_and_classed():
    view = view_of("Ирландский профсоюз пилотов Forsa объявил забастовку. Пилоты требуют повышения зарплат.")
    assert members(view, Participants(view), show=False) == (1, 1)
    view = view_of("Профсоюзы бортпроводников Ryanair объявили забастовку.")
    assert members(view, Participants(view), show=False) == (1, 0)  # several unions of Ryanair's crews


def test_a_compound_shortening_of_a_class_noun_is_counted():
    assert shortenings(view_of("Госагентство по авиабезопасности начало расследование."), show=False) == 1
    assert shortenings(view_of("Госдума приняла закон."), show=False) == 0


def test_a_role_the_walk_leaves_past_a_conjunction_is_a_miss():
    view = view_of("Министр информации и телерадиовещания Фавад Чаудхри выступил в парламенте.")
    assert roles_missed(view, Participants(view), show=False) == (1, 0)  # the walk crosses "и" here
    view = view_of("Патриарх Московский и всея Руси Кирилл выступил в храме.")
    assert roles_missed(view, Participants(view), show=False) == (1, 1)  # an adjective before the "и"
