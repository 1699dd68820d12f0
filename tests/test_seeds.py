"""The two founding articles: metadata right, boilerplate out, every body paragraph in."""
import pytest

from citata import extract, extract_text
from conftest import ROOT, SEED_KG, SEED_MD, gold_entries


@pytest.fixture(scope="module")
def docs():
    kg, md = extract([str(SEED_KG), str(SEED_MD)])
    return {"kg": kg, "md": md}


def test_kyrgyzstan_metadata(docs):
    d = docs["kg"]
    assert d.title == "Россия не обращалась к партнерам по ОДКБ за содействием в спецоперации — Лавров"
    assert d.outlet == "Sputnik Кыргызстан"
    assert d.published == "2023-02-02"
    assert d.url.startswith("https://ru.sputnik.kg/20230202/")
    assert (d.dateline.place, d.dateline.agency, d.dateline.date) == ("Бишкек", "Sputnik", "2023-02-02")
    assert d.credits == ["Sputnik / Алексей Куденко"]
    assert d.relayed_from == []


def test_moldova_metadata(docs):
    d = docs["md"]
    assert d.title == "Лавров: безопасность либо одна для всех, либо ее нет ни для кого"
    assert d.outlet == "Sputnik Молдова"
    # From the article's own photo caption (01.02.2022), not the teaser's 30.01.2022.
    assert d.published == "2022-02-01"
    assert (d.dateline.place, d.dateline.date) == ("Кишинев", "2022-02-01")
    assert d.relayed_from == ["РИА Новости"]
    assert d.credits == ["Пресс-служба Госдумы РФ"]


@pytest.mark.parametrize("needle", [
    "Le Kremlin de Moscou",  # image alt text
    "Читайте актуальные новости",  # rubric blurb
    "Перейти в фотобанк",  # photo credit glued to a caption
    "Sputnik Молдова, 1920",  # caption
    "Подписаться",  # button
    "министр иностранных дел России\n",  # pull-quote card
    "Лавров – о гарантиях безопасности",  # teaser of another article
    "30.01.2022",  # the teaser's date
    "Лента новостей",  # footer
])
def test_moldova_boilerplate_removed(docs, needle):
    assert needle not in docs["md"].text


@pytest.mark.parametrize("needle", ["Источник: https://ru.sputnik.kg", "Фото: © Sputnik"])
def test_kyrgyzstan_boilerplate_removed(docs, needle):
    assert needle not in docs["kg"].text


def test_every_gold_line_lands_where_annotated(docs):
    by_file = {"examples/" + SEED_KG.name: docs["kg"], "examples/" + SEED_MD.name: docs["md"]}
    entries = [e for e in gold_entries() if e["file"] in by_file]
    assert len(entries) == 2
    for entry in entries:
        doc = by_file[entry["file"]]
        lines = (ROOT / entry["file"]).read_text(encoding="utf-8").split("\n")
        paragraphs = doc.text.split("\n\n")
        for line, label in zip(lines, entry["labels"]):
            if label == "body":
                assert line.strip() in paragraphs
            elif label == "boilerplate":
                assert line.strip() not in paragraphs


def test_body_is_verbatim_and_offsets_map_back(docs):
    for doc in docs.values():
        for seg in doc.segments:
            assert doc.text[seg.text_start:seg.text_start + seg.length] == \
                doc.raw[seg.raw_start:seg.raw_start + seg.length]
        i = doc.text.index("Лавров")
        assert doc.raw[doc.raw_offset(i):doc.raw_offset(i) + 6] == "Лавров"


def test_boilerplate_offsets_index_the_raw_input(docs):
    raw = docs["md"].raw
    kinds = {raw[b.start:b.end]: b.kind for b in docs["md"].boilerplate}
    assert kinds["Подписаться"] == "button"
    assert kinds["Лента новостей"] == "footer"
    assert kinds["Сергей Лавров"] == "card"
    assert kinds["Лавров – о гарантиях безопасности в Европе, отношениях с США и Украине"] == "teaser"


def test_agency_page_furniture_around_a_real_article():
    """The seed's paragraphs inside the furniture of another agency's page: rubric,
    time stamp, media-bank credit, subscription line, tags, share row."""
    body = [ln for ln in SEED_KG.read_text(encoding="utf-8").split("\n")[3:20] if ln.strip()]
    page = "\n".join([
        "Политика",
        "Россия не обращалась к партнерам по ОДКБ за содействием в спецоперации — Лавров",
        "10:15 02.02.2023 (обновлено: 12:30 02.02.2023)",
        "© РИА Новости / Алексей Куденко / Перейти в медиабанк",
        *body[:3],
        "Читайте РИА Новости в Telegram",
        *body[3:],
        "Теги: Сергей Лавров, ОДКБ, Россия",
        "Поделиться",
        "ВКонтакте Telegram Одноклассники",
    ])
    doc = extract_text(page)
    assert doc.title == "Россия не обращалась к партнерам по ОДКБ за содействием в спецоперации — Лавров"
    assert doc.published == "2023-02-02"
    assert doc.text.split("\n\n") == body
    assert doc.credits == ["РИА Новости / Алексей Куденко"]
    assert [b.kind for b in doc.boilerplate] == ["rubric", "date", "credit", "subscription", "tags", "button", "share"]
