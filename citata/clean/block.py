"""The article's block on a whole page as scrapers save it: menus and pop-ups, the
article, then comments, related lists and the legal footer, one line each.

Every line gets a score for how much it reads like article prose (jusText's and
boilerpipe's signals, applied to text lines: length, sentence punctuation, share of
function words, verb-like endings, no list shape), and the article is the contiguous
run of lines with the highest total (maximum-sum subarray). Short in-article lines —
subheadings, a quoted line — cost little, so a run of prose on both sides carries them;
a menu, a teaser list or a footer costs more than the prose around it is worth.

Comment sections are found by their shape (a name line, then a timestamp; reply and
like widgets; "Сначала новые") and close the article: the block never runs past their
start. A line that recurs within the page (a gallery's title before every item) is
furniture, and so is the gallery it frames.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from ..model import Line

# A line this long with a few function words is prose wherever it stands.
PROSE_CHARS = 80
MIN_FUNCTION_SHARE = 0.12
# Prose is worth its length, up to a cap: one huge paragraph of a teaser list
# must not outweigh a whole article.
MAX_LINE_WORTH = 1000
SAMPLE_CHARS = 500
WORDS_COUNTED = 13  # a line's words are counted this far: a longer line is no label anyway
LONG_PROSE_CHARS = 300
LABEL_COST = 20          # a subheading, a menu item, a name
RELATED_HEADER_COST = 300  # "Читайте также:" — a list of other articles follows
# Furniture that also stands inside articles (a photo's caption or credit, a stamp)
# costs little; a notice, a masthead or a share bar says the article is not here.
INLINE_KINDS = frozenset({"caption", "credit", "embed", "date", "byline", "counter", "title_repeat", "card"})
INLINE_COST = 40
BOILERPLATE_COST = 200
REPEATED_COST = 300
# Lines a comment's head is made of: its author's name and its timestamp.
MAX_NAME_WORDS = 4
MAX_STAMP_CHARS = 80
MAX_COMMENT_GAP = 40  # lines between two comment heads
# A gallery's title recurs before each of its items.
MIN_GALLERY_REPEATS = 3
MIN_REPEATED_CHARS = 12
REPEAT_PREFIX = 40
SHORT_REPEAT = 100
MIN_GALLERY_TITLE_WORDS = 3  # not a commenter's name ("Гость")

_WORDS = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'»”)\]]*$")
# Sentence ends are looked for in a line's tail: a regex searching from every position of a
# long paragraph for "$" is what made whole-page cleaning slow.
TAIL = 12
_VERB_ENDINGS = ("ет", "ют", "ут", "ит", "ят", "ется", "ются", "ится", "ятся", "ал", "ала", "ало", "али",
                 "ил", "ила", "ило", "или", "ел", "ела", "ели", "ыл", "ыла", "ыли", "ался", "алась", "ались",
                 "ился", "илась", "ились")
# (no digit before the first one, checked after it: a regex opening with a look-behind is tried at
# every position of a line, one opening with a digit skips to the digits)
_TIME = re.compile(r"\d(?<!\d\d)\d?:\d{2}(?!\d)")
_MONTH = r"(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]{0,6}"
_DATEISH = re.compile(
    rf"(?<!\d)(?:\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}\.?(?:\s+\d{{4}})?)(?!\d)"
    r"|(?:[Сс]егодня|[Вв]чера)\b|\d+\s+(?:минут\w*|час\w*|дн(?:я|ей)|недел\w+)\s+назад", re.I)
# Readers' marks: "!!", "?!", "))", smileys; a comma glued to the next word. Looked for at the
# characters that close them (_marks) and by a comma-led regex: a regex alternation of them tries
# every position of a paragraph and was a tenth of the cleaning time.
_INFORMAL_MARKS = ("!!", "!?", "?!", "??", "))", ":)", ";)", ":-)", ";-)")
_GLUED_COMMA = re.compile(r",(?<=[а-яё],)[а-яё]{2,}")
_SPACED_COMMA = re.compile(r",(?<=[а-яё],) [а-яё]{2,}")
# A page whose body glues this many times more commas than it spaces glues them by its outlet's (or its
# scraper's) habit: "заявил,что" in every paragraph of the article is then no reader's mark.
GLUED_HABIT_SHARE = 3
MIN_GLUED_HABIT = 3


def informal(s: str, glued_habit: bool = False) -> bool:
    """A reader's marks in `s`; a glued comma only where the page does not glue its commas by habit
    (`glued_commas_habit`)."""
    return _marks(s) or (not glued_habit and _GLUED_COMMA.search(s) is not None)


def glued_commas_habit(texts: list[str]) -> bool:
    """Whether the paragraphs glue most of their commas to the next word (see GLUED_HABIT_SHARE)."""
    glued = sum(len(_GLUED_COMMA.findall(s)) for s in texts)
    if glued < MIN_GLUED_HABIT:
        return False
    return glued > GLUED_HABIT_SHARE * sum(len(_SPACED_COMMA.findall(s)) for s in texts)


def _marks(s: str) -> bool:
    """Whether one of _INFORMAL_MARKS stands in `s`. Each ends with "!", "?" or ")", and what
    precedes that says which: looked for at each of those characters (a parenthesis is common in
    news, and then nine substring tests ran over the whole paragraph)."""
    for mark in "!?":  # "!!", "!?", "?!", "??"
        at = s.find(mark)
        while at >= 0:
            if s[at + 1:at + 2] in ("!", "?"):
                return True
            at = s.find(mark, at + 1)
    at = s.find(")")
    while at >= 0:  # "))", ":)", ";)", ":-)", ";-)"
        if at and (s[at - 1] in "):;" or (s[at - 1] == "-" and at >= 2 and s[at - 2] in ":;")):
            return True
        at = s.find(")", at + 1)
    return False
_COUNTER = re.compile(r"^#?\d{1,4}\.?$")
_NEXT_SENTENCE = re.compile(r"[.!?…][\"'»”)\]]*\s+(\w)")


def edited(s: str) -> bool:
    """Sentences after the first all open with a capital (or a digit), and there is one:
    edited prose, where readers often write on in lower case ("вот интересно")."""
    openers = [m.group(1) for m in _NEXT_SENTENCE.finditer(s, 0, min(len(s), SAMPLE_CHARS * 2))]
    return bool(openers) and not any(c.islower() for c in openers)


def ends_sentence(s: str) -> bool:
    return _SENTENCE_END.search(s, max(0, len(s) - TAIL)) is not None


def _word_sample(s: str) -> tuple[list[str], float]:
    """(the words sampled, the share of function words among them)."""
    # The shares settle long before a long paragraph ends.
    sample = _WORDS.findall(s[:SAMPLE_CHARS].lower())
    function = sum(map(lexicons.function_words().__contains__, sample))
    return sample, function / max(len(sample), 1)


def has_verb(sample: list[str]) -> bool:
    """A verb-like word among the sampled ones (asked only when the shares leave it open)."""
    fw = lexicons.function_words()
    return any(len(w) > 3 and w.endswith(_VERB_ENDINGS) and w not in fw for w in sample)


def line_worth(ln: Line) -> float:
    """Positive for article-like prose, negative for furniture, near zero for labels."""
    s = ln.text.strip()
    return _line_worth(ln, s, ln.label != "boilerplate" and ends_sentence(s))


def _line_worth(ln: Line, s: str, sentence: bool) -> float:
    """line_worth of the line `ln`, stripped `s`, which ends a sentence or not (`sentence`, asked
    only of a line that is no boilerplate)."""
    if ln.label == "boilerplate":
        if ln.kind == "related" and len(s) < MAX_LINK_HEADER_CHARS:
            return -RELATED_HEADER_COST
        if ln.kind == "related":
            # "Читайте также: <headline>" carries its one link: inline like a photo, no list under it
            return -(INLINE_COST + min(len(s), 400) * 0.2)
        if ln.kind in INLINE_KINDS:
            return -(INLINE_COST + min(len(s), 400) * 0.2)
        return -(BOILERPLATE_COST + min(len(s), 400) * 0.5)
    n = len(s)
    if n >= LONG_PROSE_CHARS and sentence:
        return min(n, MAX_LINE_WORTH)  # a long line ending a sentence: prose, no need to count
    nw = len(s.split(None, WORDS_COUNTED))  # (asked only "at least 4?" and "at most 12?")
    # The words are sampled only where the answer turns on them: a line of PROSE_CHARS or more, or a
    # short one that ends a sentence in four words or more.
    sample = None
    if n >= PROSE_CHARS:
        sample, fshare = _word_sample(s)
        if fshare >= MIN_FUNCTION_SHARE:
            return min(n, MAX_LINE_WORTH) * (1.0 if sentence or n >= 200 else 0.6)
    if sentence and nw >= 4:
        if sample is None:
            sample, fshare = _word_sample(s)
        if fshare > 0 or has_verb(sample):
            return n * 0.5  # a short sentence: a closing line, a quoted line
    if nw <= 12:
        return -LABEL_COST
    return -(n * 0.3)  # long and not prose: a tag list, a run of links


# A headline of another story, as sites list them under or inside an article: capitalised, a few
# words, no sentence's end (a question or an exclamation may close it).
MIN_HEADLINE_CHARS = 20
MAX_HEADLINE_CHARS = 150
MIN_HEADLINE_WORDS = 3
_NOT_HEADLINE_ENDS = (".", "…", ":", ";", ",", "-", "–", "—")
_NOT_HEADLINE_MARKS = ".…:;,-–—"


def headline_shaped(s: str) -> bool:
    """Shaped like a headline: "Прививка на Красной площади: вакцинация от COVID-19 проходит в ГУМе",
    "Нужна ли вам прививка от коронавируса?"; not a sentence, a list's item or a lead-in ("…:")."""
    s = s.strip()
    if not MIN_HEADLINE_CHARS <= len(s) <= MAX_HEADLINE_CHARS or not (s[:1].isupper() or s[:1] in "«\"“"):
        return False
    end = _SENTENCE_END.search(s, max(0, len(s) - TAIL))
    if (end is not None and end.group()[0] not in "?!") or s.endswith(_NOT_HEADLINE_ENDS):
        return False
    return len(s.split(None, MIN_HEADLINE_WORDS)) >= MIN_HEADLINE_WORDS


MIN_HEADLINE_LIST = 3  # a list of links as long as this costs like one, not like labels


def headline_runs(lines: list[Line], content: list[int]) -> dict[int, int]:
    """Positions in `content` of body lines in a run of two headline-shaped lines or more (a list
    of other stories' headlines; an article's subheading stands alone, over its paragraph), with
    the run's length."""
    found: dict[int, int] = {}
    run: list[int] = []
    for k, i in enumerate([*content, -1]):
        # (a paragraph's length settles it before it is stripped and searched)
        if i >= 0 and lines[i].label == "body" and len(lines[i].text) <= 2 * MAX_HEADLINE_CHARS \
                and headline_shaped(lines[i].text):
            run.append(k)
            continue
        if len(run) >= 2:
            found.update(dict.fromkeys(run, len(run)))
        run = []
    return found


def block_worth(lines: list[Line], content: list[int], repeats: dict[str, int]) -> list[float]:
    """line_worth of each content line, in the context of the lines around it."""
    worth = []
    prev_sentence = in_list = prose_before = False
    # A long headline reads like prose by its words; in a list of headlines it is one item.
    listed = headline_runs(lines, content)
    # Each repeated opening stays free of the penalty once, where it last occurs: a lead
    # said again as the first paragraph, a page's short lead before its full text.
    keys = {i: repeat_key(lines[i]) for i in content if lines[i].label == "body"}
    last = {key: i for i, key in keys.items()}
    glued_habit = glued_commas_habit([lines[i].text for i in keys])
    for k, i in enumerate(content):
        ln = lines[i]
        s = ln.text.strip()
        sentence = ends_sentence(s)
        w = _line_worth(ln, s, sentence)
        if ln.label == "body":
            key = keys[i]
            if key in repeats and (last[key] != i or repeats[key] >= MIN_GALLERY_REPEATS):
                w = min(w, 0) - REPEATED_COST
            elif informal(s, glued_habit):
                # Edited prose puts a space after a comma and does not shout; readers do.
                w = -(LABEL_COST + len(s) * 0.5)
            elif prev_sentence and s[:1].islower() and len(s.split(None, 3)) >= 4 and not edited(s):
                # After a finished sentence no article paragraph starts in lower case; a reader's
                # comment often does. A scraper's line broken at a link does too, and then goes on
                # in edited prose (its next sentences open with a capital).
                w = -(LABEL_COST + len(s) * 0.5)
            elif in_list and list_item(s):
                # The items of a list a paragraph announces ("Противопоказания:") are its text,
                # however short.
                w = max(w, len(s) * LIST_ITEM_SHARE)
            if k in listed:
                # (a list's cost once the article has begun: over it, a headline, its standfirst
                # and a photo's caption are three headline-shaped lines too)
                long_list = listed[k] >= MIN_HEADLINE_LIST and prose_before
                w = min(w, -LABEL_COST - (len(s) * 0.5 if long_list else 0))
        prev_sentence = sentence
        prose_before = prose_before or w > 0
        in_list = ln.label == "body" and (s.endswith(":") or (in_list and list_item(s)))
        worth.append(w)
    return worth


LIST_ITEM_SHARE = 0.3
_BULLETS = frozenset("-–—•*·●▪►")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s")


def list_item(s: str) -> bool:
    """Shaped like a list's item: a bullet, a dash or a number opens it, or it opens in lower
    case, or it closes with a comma or a semicolon."""
    return bulleted(s) or s[:1].islower() or s.endswith((";", ","))


def bulleted(s: str) -> bool:
    """A bullet, a dash or a number opens the line: "- паспорт,", "2) …"."""
    return s[:1] in _BULLETS or _NUMBERED.match(s) is not None


_DIGIT = re.compile(r"\d")
_DAY_WORD = re.compile(r"сегодня|вчера", re.I)  # (_DATEISH's words, in any case as there)


def is_stamp(s: str) -> bool:
    """A timestamp line: a date and/or time with little else ("[258] - 02 августа 2020, 18:52")."""
    s = s.strip()
    if not s or len(s) > MAX_STAMP_CHARS:
        return False
    # Every stamp has a digit or says "сегодня" or "вчера": most lines asked, labels without
    # digits, are settled without _DATEISH, which is tried at every position.
    if _DIGIT.search(s) is None and _DAY_WORD.search(s) is None:
        return False
    if not (_TIME.search(s) or _DATEISH.search(s)):
        return False
    rest = _DATEISH.sub(" ", _TIME.sub(" ", s))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= MAX_NAME_WORDS


MAX_DATE_LINE_WORDS = 2  # a weekday, "обновлено", a zone ("МСК"), a cue ("Опубликовано")


def date_line(s: str) -> bool:
    """A date line as sites set it under a headline, in whatever words: a date written out with
    digits or a time, and little else ("Четверг, 14 января 2021", "14 янв 2021 в 10:21, обновлено
    11:05", "14/01/2021 10:21 МСК"); no other figure, no sentence."""
    if len(s) > 2 * MAX_STAMP_CHARS:
        return False
    s = s.strip()
    if not s or len(s) > MAX_STAMP_CHARS or _DIGIT.search(s) is None or _SCHEDULE.match(s):
        return False
    dated = _DATEISH.search(s) or _SLASH_DATE.search(s)
    if dated is None and _TIME.search(s) is None:
        return False
    rest = _SLASH_DATE.sub(" ", _DATEISH.sub(" ", _TIME.sub(" ", s)))
    words = re.findall(r"[^\W\d_]{2,}", rest)
    # (a commenter's stamp opens with the name: "Аноним, 21 января 2021 09:12"; the comment's own)
    # (a time alone with words round it is a video's length as often: "Смотреть видео 01:56")
    return _DIGIT.search(rest) is None and len(words) <= (MAX_DATE_LINE_WORDS if dated else 1) and not has_verb(
        [w.lower() for w in words]) and not rest.rstrip().endswith(("!", "?", "…")) \
        and (_DAY_OPENER.match(s) is not None or not _own_name(s))


# A preposition before the date: a schedule's or a term's ("с 18 января", "до 1 марта"), not the page's date.
_SCHEDULE = re.compile(r"(?i)(?:с|со|до|по|на|от|к|в|за|после|перед)\s+\d")
# A weekday or a day word before the date ("Четверг, 14 января", "Пт, 15.01.2021", "Сегодня, 10:21"),
# not a commenter's name.
_DAY_OPENER = re.compile(r"(?i)(?:понедельник|вторник|сред[аы]|четверг|пятниц[аы]|суббот[аы]|воскресень[ея]"
                         r"|пн|вт|ср|чт|пт|сб|вс|сегодня|вчера|позавчера)\b")
_SLASH_DATE = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)")
_AGO = re.compile(r"\d+\s+(?:минут\w*|час\w*|дн(?:я|ей)|недел\w+)\s+назад")
_OWN_NAME = re.compile(r"([^\W\d_][^\d,|:–—\[\]]{0,38}?)\s*[,|–—]\s*\S")


def _own_name(stamp: str) -> bool:
    """The stamp line opens with its author's name: before a separator ("Аноним, 20 января
    2021 01:05") or as a full name ("Иван Петров 12.01.2021 15:30"); "Обновлено 12:30" or
    "Дата публикации 12.01.2021" name no one."""
    m = _OWN_NAME.match(stamp)
    if m is not None and _name_like(m.group(1)):
        return True
    rest = re.sub(r"[\d:.,\-\[\]\s]+", " ", _DATEISH.sub(" ", _TIME.sub(" ", stamp))).split()
    return len(rest) >= 2 and _person_like(" ".join(rest))


NOT_COMMENT_STAMPS = frozenset({"byline", "credit", "caption"})
_NICK = re.compile(r"[A-Za-z0-9_.\-]+$")


def _person_like(s: str) -> bool:
    """A commenter's name or nickname: few words, each capitalised or a Latin nick ("Гость",
    "Марина К.", "Сторонница ЗОЖ", "ozheredov"); a subheading ("Разработка вакцины от
    коронавируса") has lower-case words."""
    return _name_like(s) and all(w[:1].isupper() or _NICK.match(w) is not None for w in s.split())


def _name_like(s: str) -> bool:
    s = s.strip()
    words = s.split()
    return 0 < len(words) <= MAX_NAME_WORDS and len(s) <= 40 and not ends_sentence(s) \
        and not any(c.isdigit() for c in s)


def comment_start(lines: list[Line], after: int) -> int | None:
    """Index of the first line of a comment section that begins after line `after`:
    two or more comment heads (a name line next to a timestamp line, or a widget line
    of kind "comments"), the earliest head counting from its name or counter line."""
    content = [i for i in range(after, len(lines)) if lines[i].label != "empty"]
    heads: list[int] = []
    for k, i in enumerate(content):
        ln = lines[i]
        if ln.label == "boilerplate" and ln.kind == "comments":
            heads.append(i)
            continue
        if ln.label == "boilerplate" and ln.kind in NOT_COMMENT_STAMPS:
            # "Опубликовано: 12.12.20, 15:10" under the headline: the article's own stamp; a
            # photo's credit glued to a stamp ("30 декабря 2020, 15:13Фото: …").
            continue
        s = ln.text.strip()
        # A comment is stamped to the minute ("02 августа 2020, 18:52", "5 минут назад"); a date
        # alone heads a chronology's entry ("8 декабря" over "Великобритания"). (The cheap tests
        # first: a stamp is short, and most short lines show no time.)
        if len(s) > MAX_STAMP_CHARS or not (_TIME.search(s) or _AGO.search(s)) or not is_stamp(s):
            continue
        # The author's name stands just before or after the stamp, or opens the stamp line
        # ("Аноним, 20 января 2021 01:05"; not "Обновлено 12:30").
        prev = lines[content[k - 1]].text if k > 0 and lines[content[k - 1]].label == "body" else ""
        nxt = lines[content[k + 1]].text if k + 1 < len(content) and lines[content[k + 1]].label == "body" else ""
        if _person_like(prev) or _person_like(nxt) or _own_name(s):
            start = content[k - 1] if k > 0 and _person_like(prev) else i
            # A counter before the name ("2.") belongs to the comment too.
            if k > 1 and start == content[k - 1] and _COUNTER.match(lines[content[k - 2]].text.strip()):
                start = content[k - 2]
            heads.append(start)
    # Comments come close together; a byline and a stamp over the article stand alone.
    for a, b in zip(heads, heads[1:]):
        if b - a <= MAX_COMMENT_GAP:
            return a
    return None


# A forum thread: the "comment section" is the page's text. Its opening post is short and
# the posts run long (the forum pages of the tune half: 164 and 475 characters above 4,700
# and 9,300; news pages there carry 1,400 characters or more above their comments, and no
# more comments than article).
MAX_THREAD_OPENING = 600
THREAD_POSTS_RATIO = 3


def is_thread(lines: list[Line], first: int, cut: int) -> bool:
    """Whether the comment section starting at `cut` is a forum thread's posts (see
    MAX_THREAD_OPENING): what stands above it is short and the posts are many times longer."""
    above = sum(len(ln.text.strip()) for ln in lines[first:cut] if ln.label == "body")
    if above >= MAX_THREAD_OPENING:
        return False
    # The posts end where a list of other stories begins: a short note's comments followed by a
    # gallery of teasers are no thread.
    end = next((i for i in range(cut, len(lines)) if lines[i].label == "boilerplate" and lines[i].kind == "related"),
               len(lines))
    posts = sum(len(ln.text.strip()) for ln in lines[cut:end] if ln.label == "body" and not post_head(ln.text))
    return posts >= THREAD_POSTS_RATIO * max(above, 1)


def post_head(s: str) -> bool:
    """A post's head or widget in a thread, not its text: a poster's name or nick, a stamp, a
    counter ("2."), a label ("Цитата:")."""
    s = s.strip()
    return ((_TIME.search(s) is not None or _AGO.search(s) is not None) and is_stamp(s)) or _person_like(s) \
        or _COUNTER.match(s) is not None or (s.endswith(":") and len(s.split()) <= 2)


def repeat_key(ln: Line) -> str:
    """What makes two lines one recurring line: a short line (a gallery's title) recurs
    whole; a paragraph recurs by its opening (a comment quoted in a reply). A caption
    glued to the front of a paragraph is not part of the paragraph."""
    return _repeat_key(ln.text, ln.cut)


@lru_cache(maxsize=4096)  # asked for each line several times; a str keeps its hash
def _repeat_key(text: str, cut: int) -> str:
    s = " ".join(text[cut:cut + 4 * SHORT_REPEAT].split()).lower()
    return s if len(s) <= SHORT_REPEAT else s[:REPEAT_PREFIX]


def repeated_lines(lines: list[Line], first: int) -> dict[str, int]:
    """Line openings (normalised) that occur more than once on the page."""
    counts: dict[str, int] = {}
    for ln in lines[first:]:
        if ln.label != "body":
            continue  # a photo credit recurs under every picture: that is not a gallery
        s = repeat_key(ln)
        if len(s) >= MIN_REPEATED_CHARS and len(s.split()) >= MIN_GALLERY_TITLE_WORDS:
            counts[s] = counts.get(s, 0) + 1
    return {s: c for s, c in counts.items() if c > 1}


def gallery_span(lines: list[Line], first: int, repeats: dict[str, int]) -> tuple[int, int] | None:
    """A title recurring before every item of a gallery or teaser list: the span from its
    first occurrence to the end of the last item (items as long as the others)."""
    best = None
    for key, count in repeats.items():
        if count < MIN_GALLERY_REPEATS:
            continue
        idx = [i for i in range(first, len(lines)) if lines[i].label == "body" and repeat_key(lines[i]) == key]
        content_between = [sum(1 for j in range(a + 1, b) if lines[j].label != "empty")
                           for a, b in zip(idx, idx[1:])]
        # Items of one gallery are alike: none empty, none much longer than another.
        if not content_between or min(content_between) < 1 or max(content_between) > 2 * min(content_between) + 1:
            continue
        item = max(content_between)
        # Items made only of lines said elsewhere too (a strip of thumbnails: captions and
        # counters) have no text of their own: the last one ends where such lines end.
        own_text = any(lines[j].label == "body" and repeat_key(lines[j]) not in repeats
                       for j in range(idx[0] + 1, idx[-1]))
        end, seen = idx[-1], 0
        j = idx[-1] + 1
        while j < len(lines) and seen < item:
            ln = lines[j]
            if ln.label != "empty":
                if not own_text and ln.label == "body" and repeat_key(ln) not in repeats:
                    break
                seen += 1
                end = j
            j += 1
        if best is None or end - idx[0] > best[1] - best[0]:
            best = (idx[0], end)
    return best


_SLIDE_COUNTER = re.compile(r"^\d{1,3}\s*(?:из|/)\s*\d{1,3}$")


def slide_captions(lines: list[Line], first: int, repeats: dict[str, int]) -> list[int]:
    """A slideshow's captions flank its counters ("2 из 4"): the line just before and just
    after a counter, when the page says it again (a caption recurs in the thumbnail strip;
    a subheading next to a counter does not)."""
    content = [i for i in range(first, len(lines)) if lines[i].label != "empty"]
    found = []
    for k, i in enumerate(content):
        if lines[i].label != "boilerplate" or not _SLIDE_COUNTER.match(lines[i].text.strip()):
            continue
        for j in (content[k - 1] if k else None, content[k + 1] if k + 1 < len(content) else None):
            if j is not None and lines[j].label == "body" and repeat_key(lines[j]) in repeats:
                found.append(j)
    return found


_FEED_ITEM = re.compile(r"^(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?,?\s+)?\d{1,2}:\d{2}\s+[«\"А-ЯЁA-Z]")
MIN_FEED_ITEMS = 3


def feed_item(s: str) -> bool:
    """Whether line `s` opens as a feed's item: a stamp with a clock time, then a capitalised word."""
    return _FEED_ITEM.match(s) is not None


def feed_lines(lines: list[Line], first: int) -> list[int]:
    """A news feed ("31.01, 20:56 В Минздраве заявили…", then a teaser sentence): lines
    opening with a stamp, three or more on the page, and a teaser standing between two (or
    under the last, where each item has one)."""
    # An item is a headline after its stamp (a question's or an exclamation's included); a live
    # blog's entries, inside the article, are sentences.
    items = [i for i in range(first, len(lines)) if lines[i].label == "body"
             and feed_item(s := lines[i].text.strip()) and (not ends_sentence(s) or s.endswith(("?", "!")))]
    stamped = _stamped_headlines(lines, first)
    if len(items) < MIN_FEED_ITEMS:
        return stamped
    marked = set(items) | set(stamped)
    teasers = 0
    for a, b in zip(items, items[1:]):
        between = [j for j in range(a + 1, b) if lines[j].label != "empty"]
        if len(between) <= 1:
            marked.update(between)
        teasers += len(between) == 1
    # Where every item has its teaser under it, so has the last one.
    if teasers == len(items) - 1:
        after = next((j for j in range(items[-1] + 1, len(lines)) if lines[j].label != "empty"), None)
        if after is not None and lines[after].label == "body":
            marked.add(after)
    return sorted(marked)


def _stamped_headlines(lines: list[Line], first: int) -> list[int]:
    """A feed whose stamps stand on lines of their own: a stamp over a headline ("17:57", then
    "Минздрав разрешил…"), three times or more in a row. (A comment's stamp has its author's name
    and a reply widget around it, and its text is seldom a headline.)"""
    found: list[int] = []
    run: list[int] = []
    stamp = None  # a stamp line waiting for its headline
    for i in range(first, len(lines)):
        ln = lines[i]
        if ln.label == "empty":
            continue
        if stamp is not None and ln.label == "body" and len(ln.text) <= 2 * MAX_HEADLINE_CHARS \
                and headline_shaped(ln.text):
            run += [stamp, i]
            stamp = None
            continue
        # (the line patterns have marked a stamp standing alone: a date or a counter)
        stamped = ln.label == "boilerplate" and len(ln.text) <= 2 * MAX_STAMP_CHARS and is_stamp(ln.text)
        if stamp is not None or not stamped:
            # (a stamp with no headline under it, or another line: the run ends)
            if len(run) >= 2 * MIN_FEED_ITEMS:
                found += run
            run = []
        stamp = i if stamped else None
    if len(run) >= 2 * MIN_FEED_ITEMS:
        found += run
    return found


# A listed story's line with its widget's mark: a stamp or a place number before the headline
# ("13 января, 17:57 …", "1. …"), a count or a time after it ("… · 3 452", "… (987)", "… 17:57").
_ITEM_HEAD = re.compile(
    rf"^(?:\d{{1,2}}[.)]\s+|(?:(?:\d{{1,2}}\s+{_MONTH}\.?(?:\s+\d{{4}})?|\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?"
    r"|[Сс]егодня|[Вв]чера),?\s+(?:в\s+)?)?\d{1,2}:\d{2}\s+|\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+"
    rf"|\d{{1,2}}\s+{_MONTH}\.?(?:\s+\d{{4}})?,?\s+)", re.I)
_ITEM_TAIL = re.compile(r"\s*(?:[·•|—–]\s*)?(?:\(\s*\d[\d\s]*\)|\d{1,3}(?:\s\d{3})*|\d{1,2}:\d{2})$")
MAX_LIST_STAMP = 30  # a stamp on a line of its own between the items ("2 часа назад", "вчера")
MAX_LIST_HEADER_WORDS = 4


def _listed_item(s: str) -> tuple[bool, bool, bool]:
    """(a headline once its widget's marks are taken off, marked by a stamp or a count, marked by a
    place number only)."""
    first = s[:1]
    if s.endswith(_NOT_HEADLINE_ENDS) or not (first.isupper() or first.isdigit() or first in "«\"“"):
        return False, False, False  # (most short lines asked: a sentence's end, or lower case first)
    # (a stamp or a number opens with a digit, "Сегодня" or "Вчера")
    head = _ITEM_HEAD.match(s) if first.isdigit() or first in "СВ" else None
    core = s[head.end():] if head else s
    tail = _ITEM_TAIL.search(core) if core[-1:].isdigit() or core.endswith(")") else None
    if tail:
        core = core[:tail.start()]
    numbered = bool(head) and head.group()[0].isdigit() and head.group().rstrip()[-1:] in ".)" \
        and _TIME.search(head.group()) is None
    return headline_shaped(core), bool(tail) or (bool(head) and not numbered), numbered and not tail


def stamped_list(lines: list[Line], first: int) -> list[int]:
    """A list of other stories a site sets after or inside an article, by its shape, whatever its
    header says ("Топ за сутки", "Читают сейчас", "Выбор читателей", or none): three headlines or
    more in a row, each marked as a widget marks its items — a stamp or a count on the item's line,
    or a stamp on a line of its own on the same side of every item ("2 часа назад") — or numbered
    under a short header that announces no list of the article's own (no ":"). Body lines from
    `first` on; the header goes with its list."""
    found: list[int] = []
    run: list[tuple[int, str]] = []  # (line, "item" / "marked" / "numbered" / "stamp")

    def close() -> None:
        if sum(kind != "stamp" for _, kind in run) < MIN_FEED_ITEMS:
            return
        # (the site's masthead under the list is no story's headline: the list ends over it)
        cut = next((k for k, (j, kind) in enumerate(run) if kind != "stamp" and site_line(lines[j].text)), len(run))
        kept = _paired(run[:cut])
        items = [k for k in kept if k[1] != "stamp"]
        if len(items) < MIN_FEED_ITEMS:
            return
        marks = sum(k[1] in ("marked", "stamp") for k in kept)
        numbered = sum(k[1] == "numbered" for k in kept)
        at = kept[0][0]
        prev = next((j for j in range(at - 1, first - 1, -1) if lines[j].label != "empty"), None)
        header = prev is not None and lines[prev].label == "body" and _list_header(lines[prev].text)
        if marks >= MIN_LISTED or (header and numbered >= MIN_FEED_ITEMS):
            found.extend(([prev] if header else []) + [k[0] for k in kept])

    for i in range(first, len(lines)):
        ln = lines[i]
        label = ln.label
        if label == "empty":
            continue
        text = ln.text
        n = len(text)
        if label == "body" and MIN_HEADLINE_CHARS <= n <= 2 * MAX_HEADLINE_CHARS and text[-1] not in _NOT_HEADLINE_MARKS:
            shaped, marked, number = _listed_item(text.strip())
            if shaped:
                run.append((i, "marked" if marked else "numbered" if number else "item"))
                continue
        if not run:
            continue
        if n <= 2 * MAX_LIST_STAMP and (label == "body" or ln.kind in ("date", "counter")) \
                and len(s := text.strip()) <= MAX_LIST_STAMP and is_stamp(s):
            run.append((i, "stamp"))
            continue
        close()
        run = []
    close()
    return found


def _paired(run: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The run up to where its stamp lines stop pairing with its items: where they stand on lines of
    their own, each stands on the side of its item the first one does (an item left without one
    after the pairs is another line: "Читайте нас в …")."""
    if not any(kind == "stamp" for _, kind in run):
        return run
    after = run[0][1] != "stamp"  # stamps under their items
    out: list[tuple[int, str]] = []
    k = 0
    while k + 1 < len(run):
        a, b = run[k], run[k + 1]
        if (after and a[1] != "stamp" and b[1] == "stamp") or (not after and a[1] == "stamp" and b[1] != "stamp"):
            out += [a, b]
            k += 2
        else:
            break
    return out


def _list_header(s: str) -> bool:
    s = s.strip()
    return 0 < len(s.split(None, MAX_LIST_HEADER_WORDS)) <= MAX_LIST_HEADER_WORDS and s[:1].isupper() \
        and not s.endswith(":") and _SENTENCE_END.search(s) is None and not any(c.isdigit() for c in s)


MAX_LINK_HEADER_CHARS = 30  # "Читайте также:" alone; a longer line carries its one linked headline
MIN_LISTED = 2


def listed_headlines(lines: list[Line], first: int) -> dict[int, list[int]]:
    """The items of each related list: two or more headline-shaped body lines right under a bare
    "Читайте также" (a line of kind "related"), up to the next line of another shape; by the
    header's index. One such line there may be the article's next subheading ("В ТЕМУ" over "На что
    рассчитывать сердечникам…" in an interview)."""
    found = {}
    for i in range(first, len(lines)):
        ln = lines[i]
        if ln.label != "boilerplate" or ln.kind != "related" or len(ln.text.strip()) >= MAX_LINK_HEADER_CHARS:
            continue
        items = []
        for j in range(i + 1, len(lines)):
            if lines[j].label == "empty":
                continue
            if lines[j].label != "body" or not headline_shaped(lines[j].text) or site_line(lines[j].text):
                break  # (the site's masthead under the list is no story's headline)
            items.append(j)
        if len(items) >= MIN_LISTED:
            found[i] = items
    return found


def best_block(worth: list[float]) -> tuple[int, int] | None:
    """The contiguous run with the highest total worth (Kadane), as (first, last) positions."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, w in enumerate(worth):
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i)
    return best_span


# A site's own line at the page's end (its masthead, its legal footer, its self-description) is no
# reader's: it opens with the site's vocabulary (site_line_heads.txt; "ИА", an abbreviation the
# analyser does not know, here) or describes the site ("Заречье Сегодня — городской портал").
MAX_SITE_LINE = 300
_AGENCY_ABBR = re.compile(r"ИА\s+[«\"“A-ZА-ЯЁ]")


@lru_cache(maxsize=None)
def _site_heads() -> re.Pattern:
    heads = "|".join(map(re.escape, sorted(lexicons.data_lines("site_line_heads.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{heads})(?![\w-])", re.I)


@lru_cache(maxsize=None)
def _self_described() -> re.Pattern:
    nouns = "|".join(map(re.escape, lexicons.media_nouns()))
    return re.compile(rf"[«\"“]?[A-ZА-ЯЁ0-9][^—–]{{1,40}}?\s[—–-]\s(?:это\s+)?(?:[а-яё-]+\s+){{0,2}}(?:{nouns})(?![\w-]).{{0,200}}")


def site_line(s: str) -> bool:
    """Whether a line under the article is the site's own (see MAX_SITE_LINE): "Сетевое издание
    «Заречье Сегодня»", "Учредитель: ООО «Медиа Заречье»", "ИА Заречье Сегодня", "Заречье Сегодня —
    городской портал"; not "Марина К." or "Редакция, исправьте ошибку!" (a reader's)."""
    s = s.strip()
    if len(s) > MAX_SITE_LINE or informal(s):
        return False
    return _site_heads().match(s) is not None or _AGENCY_ABBR.match(s) is not None \
        or _self_described().fullmatch(s) is not None
