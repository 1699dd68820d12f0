"""Probe the outlet and the date citata reads from a whole page, shape by shape (issue 15): one article,
written for the probe, with one piece of furniture around it in each of the shapes Russian news sites
use — the page's own name (©, rights, legal and registration lines, the editors' mail, a logo, a title's
tail, an author's line) for an outlet no table knows ("Заречье Сегодня", zarechye-today.ru), other
outlets' names (photo credits, sources, partner widgets, relays, channel promos) that must not become
the page's outlet, and date stamps in many forms and places (publication and update, after widgets); the
footer's shapes again under a comment section and under a related list, and whether the article's last
paragraph survives a footer line right under it (not cut as a photo's caption).

    python eval/probe_page_shapes.py [-v] [--longer-names] [--footers] [--names]

Prints right / wrong / none for each group (-v: every case). --longer-names lists instead every line of
the BSNLP raw files (of covid-19, the tune half's only) and the factRuEval texts where a known outlet's
name stands only inside a longer name (metadata.signals.part_of_longer_name); --footers, every line of
them with a © and every removed line under the article's last paragraph that reads as the site's own
(clean.block.site_line), with the kind the cleaner gives it. The shapes are no sample of real pages:
the figures say which shapes are read, not how often pages use them (for that: eval/cleaning.py and
eval/mine_outlets.py --check). --names puts real outlets' names of every shape (one word, a kind of
outlet after an adjective, hyphened, Latin, a site's, an acronym, digits) in place of the probe's own name in
each shape that names it, every one left out of citata's outlet tables (eval/mine_outlets.py's
without_outlet): whether a shape reads the names new sites have, not only the probe's two words."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from citata.pipeline import build_document  # noqa: E402
from citata.source import text_document  # noqa: E402

HEAD = "ru-1\nru\n2021-02-01\nhttp://www.fromtheweb.eu\n"  # (the covid-19 dumps' placeholder address)
TITLE = "В области открылись новые пункты вакцинации от коронавируса"
BODY = [
    "В областном центре с понедельника начали работу еще четыре пункта вакцинации от коронавируса, сообщили "
    "в региональном министерстве здравоохранения.",
    "Как пояснили в ведомстве, прививку можно сделать без предварительной записи, достаточно взять с собой "
    "паспорт и полис обязательного медицинского страхования.",
    "По словам главного врача городской поликлиники Ивана Сергеева, за первую неделю прививку получили более "
    "двух тысяч человек, и очередей почти нет.",
    "Врачи напоминают, что перед вакцинацией нужно пройти осмотр терапевта, а после нее полчаса побыть под "
    "наблюдением медиков.",
    "Всего в регионе с начала кампании привились около сорока тысяч жителей, при этом запасов вакцины хватит "
    "еще на несколько недель.",
]
OWN = "Заречье Сегодня"

# (where, lines, the outlet expected: a name, or None where the page shows none of its own)
OWN_SHAPES = [
    ("bottom", ["© 2021 Заречье Сегодня"], OWN),
    ("bottom", ["© Заречье Сегодня, 2008–2021. Все права защищены."], OWN),
    ("bottom", ["© «Заречье Сегодня», 2021"], OWN),
    ("bottom", ["Заречье Сегодня © 2021"], OWN),
    ("bottom", ["Заречье Сегодня, 2021. Все права защищены."], OWN),
    ("bottom", ["Заречье Сегодня | Все права защищены | 2021"], OWN),
    ("bottom", ["Все права защищены © Заречье Сегодня"], OWN),
    ("bottom", ["Мнение редакции может не совпадать с мнением авторов. © ЗАРЕЧЬЕ СЕГОДНЯ 2021"], "ЗАРЕЧЬЕ СЕГОДНЯ"),
    ("bottom", ["Сетевое издание «Заречье Сегодня» зарегистрировано Роскомнадзором, свидетельство Эл № ФС77-12345."], OWN),
    ("bottom", ["Сетевое издание «Заречье Сегодня» (18+). Учредитель: ООО «Медиа Заречье»"], OWN),
    ("bottom", ["Наименование СМИ: «Заречье Сегодня». Учредитель: ООО «Медиа Заречье»"], OWN),
    ("bottom", ["Главный редактор сетевого издания «Заречье Сегодня» — Петров И.И."], OWN),
    ("bottom", ["ИА «Заречье Сегодня»"], OWN),
    ("bottom", ["Любое копирование материалов без ссылки на «Заречье Сегодня» запрещено."], OWN),
    ("bottom", ["При использовании материалов гиперссылка на «Заречье Сегодня» обязательна."], OWN),
    ("bottom", ["Использование материалов разрешено при наличии активной гиперссылки на «Заречье Сегодня»."], OWN),
    ("bottom", ["Электронная почта редакции: info@zarechye-today.ru"], "zarechye-today.ru"),
    ("bottom", ["Все права защищены. При использовании материалов ссылка на zarechye-today.ru обязательна. 18+"],
     "zarechye-today.ru"),
    ("bottom", ["Мнение редакции может не совпадать с мнением автора. zarechye-today.ru 18+"], "zarechye-today.ru"),
    ("bottom", ["Copyright © 2021 Zarechye Today. All rights reserved."], "Zarechye Today"),
    ("bottom", ["Сетевое издание ZARECHYE.RU (18+)"], "ZARECHYE.RU"),
    ("bottom", ["Автор: Иван Петров, обозреватель ZarNews"], "ZarNews"),
    ("top", ["Автор: Иван Петров, корреспондент «Заречье Сегодня»"], OWN),
    ("top", ["ZARECHYE.RU"], "ZARECHYE.RU"),
    ("title", [TITLE + " | Заречье Сегодня"], OWN),
    ("title", [TITLE + " - Zarechye.ru"], "Zarechye.ru"),
    # (fourteenth session: an unquoted name where the line's shape says it is the site's)
    ("bottom", ["Информационное агентство Заречье Сегодня"], OWN),
    ("bottom", ["Заречье Сегодня — городской портал"], OWN),
    ("bottom", ["Редакция сайта «Заречье Сегодня»"], OWN),
    ("title", [TITLE + " - Новости Заречья - Заречье Сегодня"], OWN),
    ("title", [TITLE + " | Заречье Сегодня — новости Заречья"], OWN),
    ("bottom", ["© 2021 ООО «Медиа Заречье». Все права защищены.", "zarechye-today.ru"], "zarechye-today.ru"),
    ("bottom", ["Адрес редакции: 123456, г. Заречье, ул. Ленина, 1. E-mail: info@zarechye.ru"], "zarechye.ru"),
    # shapes not read (each names something else as often: a topic, a person, a photographer)
    ("title", [TITLE + " — Заречье Сегодня"], OWN),
    ("title", ["Заречье Сегодня: " + TITLE], OWN),
    ("bottom", ["© Заречье Сегодня"], OWN),
    ("bottom", ["Заречье Сегодня в Telegram"], OWN),
    ("top", ["Заречье Сегодня"], OWN),
    ("bottom", ["Источник: Заречье Сегодня"], OWN),
]
OTHER_SHAPES = [
    ("top", ["Фото: РИА Новости"]),
    ("bottom", ["Фото: Иван Петров / ТАСС"]),
    ("bottom", ["По материалам ТАСС"]),
    ("bottom", ["По материалам РИА Новости и Интерфакса"]),
    ("bottom", ["При подготовке материала использованы данные ТАСС"]),
    ("bottom", ["Материал подготовлен на основе информации РИА Новости"]),
    ("bottom", ["Читайте также: Минздрав назвал сроки массовой вакцинации — РБК"]),
    ("bottom", ["Читайте также", "Минздрав назвал сроки массовой вакцинации", "РИА Новости, 12.11.2020"]),
    ("bottom", ["Новости партнеров", "Минздрав назвал сроки массовой вакцинации", "РБК",
                "Врачи назвали главный симптом нового штамма", "Лента.ру"]),
    ("bottom", ["Новости СМИ2", "Минздрав назвал сроки массовой вакцинации", "РБК"]),
    ("bottom", ["Минздрав назвал сроки массовой вакцинации", "РИА Новости", "12:30"]),
    ("bottom", ["Минздрав назвал сроки массовой вакцинации (РБК)"]),
    ("bottom", ["Ранее РИА Новости сообщало о начале вакцинации в регионе."]),
    ("bottom", ["Как сообщает ТАСС, в соседней области также открылись пункты вакцинации."]),
    ("bottom", ["Комментарии", "Иван: а в Москве уже всех привили, пишет РБК", "Ольга: спасибо!"]),
    ("bottom", ["Видео: YouTube / Россия 24"]),
    ("top", ["Иван Петров, ТАСС"]),
    ("title", [TITLE + " — Политика — Дональд Трамп"]),
    ("title", [TITLE + " | Pfizer — последние новости"]),
    # an unknown outlet whose name holds a known one
    ("bottom", ["Использование материалов сайта разрешено только при наличии активной гиперссылки на Заречье Сегодня"]),
    ("bottom", ["Читайте также на Заречье Сегодня:"]),
    # read as the page's outlet by design (a source line or a site's promo is the outlet's where nothing else is)
    ("bottom", ["Источник: ТАСС"]),
    ("bottom", ["Оригинал статьи: https://www.kp.ru/daily/27200/4321/"]),
    ("bottom", ["Подписывайтесь на канал ТАСС в Telegram"]),
    ("bottom", ["Главное на RT"]),
    ("top", ["12:30 Интерфакс"]),
]
# The page's own name in two places that each alone name something else as often (a title's tail or
# head, a lone line above the article, a bare ©, a platform's or an app's line, a tagline, a link):
# (title, lines above the article, lines under it, the outlet expected)
PAIRS = [
    (TITLE + " — " + OWN, [], [OWN + " в Telegram"], OWN),
    (TITLE, [OWN], ["© " + OWN], OWN),
    (OWN + ": " + TITLE, [], ["© " + OWN], OWN),
    (TITLE + " — " + OWN, [], ["Мобильное приложение «Заречье Сегодня»"], OWN),
    (TITLE, [OWN], [OWN + " — новости Заречья и области"], OWN),
    (TITLE, [], ["© " + OWN, "При цитировании ссылка на Заречье Сегодня обязательна"], OWN),
    (TITLE + " | ZARECHYE TODAY", [], ["ZARECHYE TODAY в соцсетях"], "ZARECHYE TODAY"),
    # two places naming no site: an author and a photographer, a rubric, a topic, a photo agency twice
    (TITLE + " — Иван Петров", [], ["© Иван Петров"], None),
    (TITLE + " | Новости Заречья", ["Новости Заречья"], [], None),
    (TITLE + " — COVID-19", [], ["COVID-19 в Telegram"], None),
    (TITLE, ["© Reuters"], ["© Reuters"], None),
    ("Pfizer: " + TITLE, ["© Pfizer"], [], None),  # (a source heading the title, its photo's credit over the article)
    (TITLE, [], [OWN + " в Telegram", "Читайте " + OWN + " в Яндекс.Дзен"], None),  # (one kind of place twice)
]
# (lines standing where, the date expected)
DATE_SHAPES = [
    *((["top"], [s], "2020-12-30") for s in (
        "30.12.20 15:13", "Опубликовано 30.12.20 в 15:13", "30 дек. 2020, 15:13", "30/12/2020", "30-12-2020 15:13",
        "Пн, 30 Дек 2020 15:13:00 +0300", "Dec 30, 2020", "30 December 2020", "30 декабря 2020 г., 15:13",
        "Дата публикации: 30 декабря 2020", "15:13, 30 декабря 2020", "30.12.2020 / 15:13 / Иван Петров",
        "Общество | 30.12.2020", "2020-12-30 15:13:00", "30 ДЕКАБРЯ 2020", "декабрь 30, 2020", "среда, 30 декабря 2020 г.",
        "30 грудня 2020", "30.12.2020г.", "от 30.12.2020", "Размещено: 30.12.2020", "2020-12-30T15:13:00+03:00",
        "30.12.2020 (обновлено 31.12.2020)", "Дата публикации: 30 декабря 2020 г. Обновлено: 31 декабря 2020 г.")),
    (["top"], ["Обновлено: 31.12.2020 10:00", "Опубликовано: 30.12.2020 15:13"], "2020-12-30"),
    (["top"], ["Последнее обновление: 31.12.2020", "30.12.2020 15:13"], "2020-12-30"),
    (["top"], ["31.12.2020", "Опубликовано: 30.12.2020"], "2020-12-30"),
    (["top"], ["Обновлено 31 декабря 2020"], "2020-12-31"),
    (["bottom"], ["Поделиться", "ВКонтакте", "30 декабря 2020, 15:13"], "2020-12-30"),
    (["bottom"], ["Теги: вакцинация, здоровье", "Поделиться", "30 декабря 2020"], "2020-12-30"),
    (["bottom"], ["Читайте также", "Поделиться", "30 декабря 2020, 15:13"], None),  # (a teaser's)
    (["top"], ["30 декабря, 15:13"], None),  # (no year: a guessed one is an invented date)
    # a relative stamp: dated by the day the page shows as today, else undated (the header's date is no stamp)
    (["above"], ["Сегодня: 30 декабря 2020", "Вчера, 15:13"], "2020-12-29"),
    (["above"], ["Среда, 30 декабря 2020", "Вчера, 15:13"], None),
    # a teaser's date just over the headline, the article's just under it; widgets' dates
    (["above"], ["Минздрав назвал сроки массовой вакцинации", "29.12.2020", "30.12.2020 15:13"], "2020-12-30"),
    (["above"], ["Курс валют на 31.12.2020: USD 73,88", "30.12.2020"], "2020-12-30"),
    (["above"], ["Погода 31.12.2020 −5°"], None),
    (["top"], ["Данные на 31.12.2020"], None),
]


# What stands between the article and the site's footer on a whole page (fourteenth session, wt-footer9):
# a comment section (names and stamps) or a related list (headlines).
COMMENTS = ["Комментарии", "Марина К.", "30 декабря 2020, 16:02",
            "Наконец-то, давно пора было открыть пункты поближе к дому.", "Гость", "30 декабря 2020, 17:45",
            "А вакцины на всех точно хватит?"]
RELATED = ["Читайте также", "Минздрав назвал сроки массовой вакцинации в регионе",
           "В Заречье открыли новую поликлинику на окраине", "Врачи назвали главный симптом нового штамма коронавируса"]


def page(where: str, lines: list[str]) -> str:
    if where in ("comments", "related"):
        parts = [TITLE, *BODY, *(COMMENTS if where == "comments" else RELATED), *lines]
    elif where == "title":
        parts = [lines[0], *BODY]
    elif where == "above":  # (the last line under the headline, the others over it)
        parts = [*lines[:-1], TITLE, lines[-1], *BODY]
    elif where == "top":
        parts = [TITLE, *lines, *BODY]
    else:
        parts = [TITLE, *BODY, *lines]
    return HEAD + "\n\n".join(parts) + "\n"


def pair_page(title: str, top: list[str], bottom: list[str]) -> str:
    return HEAD + "\n\n".join([title, *top, *BODY, *bottom]) + "\n"


def outcome(got, want) -> str:
    if want is True:
        return "right" if got else "wrong"
    if want is None:
        return "right" if got is None else "wrong"
    return "right" if got == want else "none" if got is None else "wrong"


# Real outlets' names of every shape, each read as if no table knew it (--names).
NAME_SHAPES = ["Бумага", "Росбалт", "Фонтанка", "Новая газета", "Эхо Москвы", "Вечерняя Москва", "Пенза-Пресс",
               "Говорит Москва", "The Bell", "Meduza", "Readovka", "Фонтанка.ру", "URA.RU", "Znak.com", "E1.RU",
               "Москва 24", "Город 812", "НГС"]


def names(verbose: bool) -> None:
    """The own-name shapes again with each of NAME_SHAPES as the page's name, its rows left out of the tables."""
    from cleaning import same_outlet
    from mine_outlets import without_outlet

    shapes = [(where, lines, want) for where, lines, want in OWN_SHAPES if want in (OWN, OWN.upper())]
    print("| name | cases | right | wrong | none |")
    print("|---|---|---|---|---|")
    for name in NAME_SHAPES:
        tally, rows = {"right": 0, "wrong": 0, "none": 0}, []
        with without_outlet([name]):
            for where, lines, want in shapes:
                lines = [s.replace(OWN, name).replace(OWN.upper(), name.upper()) for s in lines]
                want = name if want == OWN else name.upper()
                got = build_document(text_document("probe.txt", page(where, lines))).outlet
                result = "right" if same_outlet(got, want) else "none" if got is None else "wrong"
                tally[result] += 1
                rows.append(f"  {result:<5} {where:<6} got {got!r:<24} {' / '.join(lines)[:90]}")
        print(f"| {name} | {len(shapes)} | {tally['right']} | {tally['wrong']} | {tally['none']} |")
        if verbose:
            print("\n".join(r for r in rows if not r.startswith("  right")))


def longer_names(corpora: Path) -> None:
    """Each line where a known outlet's name is only part of a longer one, and the count."""
    import re

    from cleaning import PAGES, load  # (eval/: which covid-19 pages are in the tune half)
    from citata.metadata.outlets import outlet_names
    from citata.metadata.signals import part_of_longer_name

    media = outlet_names()
    tune = {Path(e["file"]).name for e in load(PAGES, "tune")}
    files = [f for f in sorted((corpora / "bsnlp-ru").glob("*/raw/*")) if "covid-19" not in str(f) or f.name in tune]
    files += sorted((corpora / "factrueval-2016").rglob("*.txt"))
    fired = 0
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            words = re.findall(r"[\w\-]+(?:\.[\w\-]+)*", line)
            for name in {" ".join(words[i:i + k]) for k in (3, 2, 1) for i in range(len(words) - k + 1)} & media:
                for m in re.finditer(re.escape(name), line):
                    if part_of_longer_name(line, m.start(), m.end()):
                        fired += 1
                        print(f"  {f.name}: {name!r} in …{line[max(0, m.start() - 50):m.end() + 30].strip()}")
    print(f"{fired} lines of {len(files)} texts name a known outlet only inside a longer name")


def footers(corpora: Path) -> None:
    """The unannotated texts' © lines and site's own lines under the article, each with its kind, and
    the counts by kind: how often the footer shapes stand where a comment section or a list would
    swallow them."""
    from collections import Counter

    from page_metadata import texts  # (eval/: the texts a session may read)
    from citata.clean import clean
    from citata.clean.block import site_line
    from citata.source import text_document

    marks, own = Counter(), Counter()
    for f in texts(corpora):
        lines = clean(text_document(f.name, f.read_text(encoding="utf-8", errors="replace"))).lines
        last = max((i for i, ln in enumerate(lines) if ln.label == "body"), default=len(lines))
        for i, ln in enumerate(lines):
            s = ln.text.strip()
            if "©" in s or s.startswith(("Copyright", "(c)", "(с)")):
                marks[f"{ln.label}/{ln.kind}"] += 1
                print(f"  ©    {f.name}: [{ln.label}/{ln.kind}] {s[:100]}")
            if i > last and ln.label == "boilerplate" and site_line(s):
                own[ln.kind] += 1
                print(f"  own  {f.name}: [{ln.kind}] {s[:100]}")
    print(f"© lines by label/kind: {dict(marks)}; the site's own lines under the article by kind: {dict(own)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", action="store_true", help="every case")
    ap.add_argument("--longer-names", action="store_true",
                    help="the unannotated texts' lines where a known name stands inside a longer one")
    ap.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpora")
    ap.add_argument("--footers", action="store_true",
                    help="the unannotated texts' © lines and the site's own lines under the article, by kind")
    ap.add_argument("--names", action="store_true",
                    help="the own-name shapes with real outlets' names of every shape, each left out of the tables")
    args = ap.parse_args()
    if args.names:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        names(args.v)
        return
    if args.footers:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        footers(args.corpora)
        return
    if args.longer_names:
        longer_names(args.corpora)
        return
    groups = {
        "the page's own name (an outlet no table knows)": [
            (where, lines, want, lambda d: d.outlet) for where, lines, want in OWN_SHAPES],
        "other outlets' names (none is the page's)": [
            (where, lines, None, lambda d: d.outlet) for where, lines in OTHER_SHAPES],
        "the own name in two weak places (or none where they name no site)": [
            ("pair", (title, top, bottom), want, lambda d: d.outlet) for title, top, bottom, want in PAIRS],
        "date stamps": [(where[0], lines, want, lambda d: d.published) for where, lines, want in DATE_SHAPES],
        # (the bottom shapes again, under a comment section and under a related list)
        **{f"the page's own name under {what}": [
            (what, lines, want, lambda d: d.outlet) for where, lines, want in OWN_SHAPES if where == "bottom"]
           for what in ("comments", "related")},
        **{f"other outlets' names under {what}": [
            (what, lines, None, lambda d: d.outlet) for where, lines in OTHER_SHAPES if where == "bottom"]
           for what in ("comments", "related")},
        # (a site's footer line right under the last paragraph must not make it a photo's caption)
        "the last paragraph kept over the own footer line": [
            ("bottom", lines, True, lambda d: BODY[-1] in d.text) for where, lines, want in OWN_SHAPES
            if where == "bottom"],
    }
    print("| shapes | cases | right | wrong | none |")
    print("|---|---|---|---|---|")
    for name, cases in groups.items():
        tally = {"right": 0, "wrong": 0, "none": 0}
        rows = []
        for where, lines, want, field in cases:
            text = pair_page(*lines) if where == "pair" else page(where, lines)
            got = field(build_document(text_document("probe.txt", text)))
            result = outcome(got, want)
            tally[result] += 1
            shown = [lines[0][-30:], *lines[1], "…", *lines[2]] if where == "pair" else lines
            rows.append(f"  {result:<5} {where:<6} got {got!r:<24} want {want!r:<22} {' / '.join(shown)[:90]}")
        print(f"| {name} | {len(cases)} | {tally['right']} | {tally['wrong']} | {tally['none']} |")
        if args.v:
            print("\n".join(rows))


if __name__ == "__main__":
    main()
