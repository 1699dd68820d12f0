"""Quotations on whole web pages when the page's lines are labelled by hand (issue 14, the covid-19
pages): eval/quotes.py --oracle-clean runs the same attribution on the lines a cleaning gold calls
body instead of those citata's cleaner keeps, to tell what cleaning costs who-said-what from what
attribution does. The page is written for the test after the covid-19 pages' layout: a menu, the
headline, the article, a teaser of another story and a closing paragraph after a widget label."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from quotes import extract, predicted  # noqa: E402

PAGE = [
    ("Главная | Новости | Регионы | Контакты", "boilerplate"),
    ("", "empty"),
    ("В Тюмени начали прививать пожилых людей", "title"),
    ("", "empty"),
    ("Вакцинация жителей старше 60 лет началась в поликлиниках Тюмени в понедельник.", "body"),
    ("", "empty"),
    ("Главный врач областной больницы Андрей Соколов заявил, что вакцины хватит всем желающим.", "body"),
    ("", "empty"),
    ("Читайте также: Министр здравоохранения Ольга Петрова заявила, что школы закроют на карантин.",
     "boilerplate"),
    ("", "empty"),
    ("СЮЖЕТ", "boilerplate"),
    ("", "empty"),
    ("Накануне губернатор области Игорь Морозов сообщил, что ограничения продлят до конца месяца.", "body"),
]


def run(tmp_path, labels):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(line for line, _ in PAGE), encoding="utf-8")
    raw, doc = extract(path, "page.txt", labels)
    return raw.text, [predicted(doc, q) for q in doc.quotes]


def said(text, pred):
    return {(p["speaker"] and p["speaker"]["name"], text[slice(*p["raw_content"])]) for p in pred}


def test_the_gold_labels_decide_which_lines_are_read(tmp_path):
    text, pred = run(tmp_path, [label for _, label in PAGE])
    found = said(text, pred)
    assert ("Андрей Соколов", "вакцины хватит всем желающим") in found
    # the closing paragraph after the widget label is the article's: read
    assert ("Игорь Морозов", "ограничения продлят до конца месяца") in found
    # the teaser of another story is the page's furniture: not read
    assert not any("школы закроют" in content for _, content in found)


def test_a_teaser_labelled_body_is_read_as_the_article(tmp_path):
    labels = [label for _, label in PAGE]
    labels[8] = "body"
    _, pred = run(tmp_path, labels)
    assert any(p["speaker"] and p["speaker"]["name"] == "Ольга Петрова" for p in pred)


def test_labels_that_do_not_fit_the_page_are_refused(tmp_path):
    try:
        run(tmp_path, [label for _, label in PAGE][:-1])
    except SystemExit as exc:
        assert "lines" in str(exc)
    else:
        raise AssertionError("a label list one line short was accepted")
