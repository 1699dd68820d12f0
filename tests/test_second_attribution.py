"""One report, two attributions (issue 14, twenty-fourth session, wt-subject24): a page that stripped a
link cut the first attribution's source ("…, сообщается в" + the link), and the next sentence names it
("Об этом передает Derbyshire Live", ryanair/raw/ryan-ru_file_2.txt). The attribution that names its
source is kept, not the first. Sentences written for the test after that article."""
from helpers import speaker_by_content as speakers


REPORT = "из-за забастовки пилотов авиакомпания вынуждена отменить в пятницу 120 рейсов"


def test_the_attribution_that_names_the_source_replaces_one_whose_link_was_stripped():
    text = ("Из-за забастовки пилотов авиакомпания вынуждена отменить в пятницу 120 рейсов, сообщается в\n\n"
            "Об этом передает Manchester Evening News. Пассажиров предупредили по электронной почте.")
    found = {c.lower(): s for c, s in speakers(text).items()}
    assert found.get(REPORT) == "Manchester Evening News", found


def test_a_second_attribution_that_names_no_one_leaves_the_first():
    text = ("Из-за забастовки пилотов авиакомпания вынуждена отменить в пятницу 120 рейсов, сообщает "
            "Reuters.\n\nОб этом сообщается в\n\nПассажиров предупредили по электронной почте.")
    found = {c.lower(): s for c, s in speakers(text).items()}
    assert found.get(REPORT) == "Reuters", found


def test_two_named_attributions_keep_the_first():
    text = ("Из-за забастовки пилотов авиакомпания вынуждена отменить в пятницу 120 рейсов, сообщает "
            "Reuters.\n\nОб этом передает Manchester Evening News. Пассажиров предупредили по электронной почте.")
    found = {c.lower(): s for c, s in speakers(text).items()}
    assert found.get(REPORT) == "Reuters", found
