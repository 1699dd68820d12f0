"""Candidate cue words derived from the language, not from the corpora (issue 14, item 3): every
verb of pymorphy's dictionary built on a speech root with any prefix, its reflexive and its other
aspect (each is a lemma of its own there, so the root finds them all), and every noun of those roots
that can stand as a source ("по словам", "по утверждению") or in a multi-word cue ("выразить
сожаление"); each marked with what the cue lexicons already say of it and how often it stands in
../shared/corpora (counts only: no line of any text is printed).

    python eval/derive_cues.py verbs [--corpora ../shared/corpora] [--all]   # one TSV row a verb
    python eval/derive_cues.py sources [--corpora ../shared/corpora]         # "по" + a dative noun
    python eval/derive_cues.py phrases [--corpora ../shared/corpora]         # light verb + speech noun
    python eval/derive_cues.py check eval/cue_review.tsv                     # the review against the data

`verbs` prints lemma, root, its aspect and reflexivity, where the lexicons hold it (speech_verbs.tsv
with its class, frame_cues.tsv, directive, relay), and three counts over every .txt of the corpora:
its finite and gerund forms, those right after a quotation's closing mark and a dash («…», — съязвил),
and those right before ", что" / "о том, что". Without --all only lemmas with a form in the corpora
or an aspect partner there are printed (a verb no text uses is reviewed by its partner).

`check` reads the review file (lemma<TAB>decision<TAB>class<TAB>reason; decision accept or reject)
and says which candidates it lacks and which accepted lemma the data files lack: the review is kept
complete as the dictionary or the roots change.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"

# Speech roots, each as a pattern over an infinitive (ё read as е) with any prefix before it. A root
# is written narrowly enough that its verbs can be read one by one (каз- alone would bring every
# "показать / заказать / наказать": they are kept, and rejected in the review, as the brief's
# "указать" shows a prefix can make a cue of a root that mostly makes none).
VERB_ROOTS = {
    "говор": r"гов[оа]р",
    "сказ/каз": r"каз(а|ы)",
    "твержд": r"тверд|тверж",
    "явл": r"явл|яви",
    "общ": r"общ(и|а)",
    "ясн": r"ясн",
    "черк": r"черк",
    "меч/мет": r"меча|мети|мечать|метить",
    "точн": r"точн",
    "зна": r"зна(ть|ва|ться)",
    "бав": r"бав",
    "втор": r"втор",
    "стаив": r"ста(ив|ива|ять)|^насто(ять|яться)$",
    "раз/раж": r"раз(и|ить)|раж(а|ать)",
    "сет": r"сет(ова|уй)",
    "жал": r"жалов",
    "хвал/хваст": r"хвал|хваст",
    "зыв/зв": r"зыв|зва(ть|ться)",
    "рекоменд": r"рекоменд",
    "совет": r"совет",
    "обещ": r"обещ",
    "гроз": r"гроз|угрож",
    "преж/пред": r"предупре",
    "шут": r"шу[тч]",
    "язв": r"язв",
    "мут/мущ": r"мут(и|ить)|мущ",
    "нег": r"негод",
    "ответ": r"ответ",
    "прос/спрос": r"прос(и|ить)|праш|вопрош",
    "треб": r"треб",
    "помн/поми": r"помн|помин|помян",
    "мек": r"мек(а|н)",
    "лож": r"лож(и|ить)|лага",
    "вер": r"вер(и|я)(ть|ться)",
    "клин/клян": r"клян|клясть|клина",
    "ссыл/сла": r"ссыл|сослать",
    "реч/рек": r"реч(ь|ься)|река(ть|ться)|рекн",
    "глас": r"глас",
    "вещ": r"вещ|вест(и|ить)",
    "молв": r"молв",
    "крит": r"крити",
    "вин": r"вин(и|я)",
    "дум": r"дума",
    "счит": r"счит|счесть",
    "сомн": r"сомн",
    "крик/крич": r"крик|крич",
    "клик/клиц": r"клик|клиц",
    "шеп": r"шеп",
    "ворч": r"ворч",
    "бормот": r"бормот",
    "ирон": r"[иы]рон",
    "коммент": r"коммент",
    "информ": r"информ",
    "цит": r"цитир",
    "ведом/вед": r"ведом|ведать",
    "оцен": r"оцен",
    "рассужд": r"сужд|судить",
    "толк": r"толков",
    "сообр": r"соображ|сообраз",
    "интерес": r"интересова",
    "гарант": r"гарантир",
    "прогноз": r"прогноз|предсказ|предрек",
    "резюм": r"резюм|подыто|итожи",
    "констат": r"констат",
    "парир": r"парир",
    "акцент": r"акцент",
    "формул": r"формулир",
    "озвуч": r"озвуч",
    "отриц/вер(г)": r"отриц|опроверг",
    "тверд(подтв)": r"подтверд",
    "соглас": r"соглас",
    "пуст": r"допус",
    "раз(выраз)": r"выраз|выраж",
    "сказ(выска)": r"выска",
    "нес(произн)": r"произн",
    "уведом": r"уведом",
    "доклад/докла": r"доклад|доложи",
    "отчит": r"отчит",
    "недоум": r"недоум",
    "удив": r"удив",
    "сокруш": r"сокруш",
    "сожал": r"сожал",
    "благодар": r"благодар",
    "извин": r"извин",
    "смех/улыб": r"усмех|улыб|смея",
    "вздох": r"вздох|вздых",
    "позд": r"поздрав",
    "уверять": r"увер(и|я)",
    "убед": r"убед|убежд",
    "призн/каян": r"каять|кая",
    "реза(отрезать)": r"отреза(ть)$",
    "огрыз": r"огрыз",
    "хмык": r"хмык",
    "аргумент": r"аргумент",
    "обоснов": r"обоснов",
    "дикт": r"диктова",
    "деклар": r"деклар|провозгла",
    "анонс": r"анонс",
    "спор": r"спор(и|ить)",
    "рапорт": r"рапорт",
    "описа": r"описа|описыва",
    "вспом": r"вспом",
    "упрек": r"упрек",
    "обвин": r"обвин",
    "осуж": r"осуд|осужд",
    "клейм": r"клейм",
    "призыв": r"призыв|призва",
    "умол": r"умол|взмол",
    "велеть": r"велеть|приказ",
    "пожел": r"пожела|желать",
    "реагир": r"реагир",
    "поправ": r"^поправ(ить|лять)$",
    "перебив": r"^переби(ть|вать)$",
    "подхват": r"^подхват(ить|ывать)$",
    "откровен": r"откровенн",
    "ехид": r"ехидн",
    "ерн": r"^(съ|по)?[её]рничать$",
    "напутств": r"напутств",
    "дел(иться)": r"^(по)?делиться$",
    "подозр": r"подозр",
}

# Nouns of a source phrase "по X-у Y-а, …" and of a light-verb phrase ("выразить сожаление"): the same
# roots read as nouns; kept to nouns of speech, thought and estimate (the rest are reviewed as verbs).
NOUN_ROOTS = r"(слов|мнени|оценк|утвержд|заявлени|признани|сообщени|информац|сведени|данн|верси|" \
    r"прогноз|подсчет|расчет|убеждени|опрос|исследовани|отчет|доклад|заключени|выражени|предсказани|" \
    r"словам|замечани|разъяснени|пояснени|объяснени|уточнени|комментари|свидетельств|показани|" \
    r"предположени|предупреждени|обещани|уверени|заверени|наблюдени|представлени|понимани|" \
    r"определени|толковани|трактовк|формулировк|логик|замысл|плану|прикидк|ожидани|" \
    r"надежд|сожалени|сомнени|опасени|обеспокоенност|озабоченност|уверенност|недоумени|" \
    r"возмущени|негодовани|удивлени|благодарност|соболезновани|извинени|признательност|" \
    r"позици|точк|взгляд|суждени|вывод|предложени|требовани|призыв|просьб|критик|протест|" \
    r"несогласи|согласи|поддержк|одобрени|осуждени|претензи|упрек|жалоб|сетовани|похвал|" \
    r"угроз|ультиматум|совет|рекомендац|указани|распоряжени|поручени|интервью|выступлени|" \
    r"реплик|цитат|фраз|высказывани|тезис|аргумент|довод|идея|мысл|точн|прочтени|словосочет|" \
    r"намек|догадк|подозрени|гипотез|теори|концепци|инструкци|согласн)"

LIGHT_VERBS = ("выразить", "выражать", "высказать", "высказывать", "сделать", "делать", "выступить",
               "выступать", "дать", "давать", "принести", "приносить", "задать", "задавать",
               "обратить", "обращать", "поделиться", "делиться", "привести", "приводить", "озвучить",
               "озвучивать", "изложить", "излагать", "огласить", "оглашать", "выдвинуть", "выдвигать",
               "опубликовать", "публиковать", "распространить", "распространять", "направить",
               "направлять", "не исключить", "прийти", "придерживаться", "разделять", "разделить",
               "сойтись", "сходиться", "заявить", "высказаться", "подтвердить", "выпустить")

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
VERB_POS = ("INFN", "VERB", "GRND")


@lru_cache(maxsize=1)
def infinitives() -> tuple[str, ...]:
    """Every infinitive of the analyser's dictionary (a verb's lexeme is listed under it)."""
    d = morph().dictionary
    out = set()
    for word, (para, idx) in d.words.iteritems():
        if idx == 0 and word.endswith(("ть", "ться", "ти", "тись", "чь", "чься")) \
                and d.build_tag_info(para, 0).POS == "INFN":
            out.add(word)
    return tuple(sorted(out))


def verb_root(lemma: str) -> str | None:
    low = lemma.replace("ё", "е")
    for name, rx in VERB_ROOTS.items():
        if re.search(rx, low):
            return name
    return None


def candidates() -> dict[str, str]:
    """Lemma -> root of every infinitive on a speech root."""
    out = {}
    for lemma in infinitives():
        root = verb_root(lemma)
        if root:
            out[lemma] = root
    return out


def lexeme(lemma: str, pos: tuple[str, ...]) -> set[str]:
    """Forms of `lemma`'s lexeme (lower case, ё as е) of the parts of speech `pos`."""
    out = set()
    for p in morph().parse(lemma):
        if p.normal_form == lemma and p.tag.POS in ("INFN", "NOUN", "VERB"):
            out.update(f.word.replace("ё", "е") for f in p.lexeme if f.tag.POS in pos)
            break
    return out


def texts(corpora: Path) -> list[Path]:
    return sorted(p for p in corpora.rglob("*.txt") if p.is_file())


def known(lemma: str) -> str:
    """Where the cue lexicons hold a lemma."""
    low = lemma.replace("ё", "е")
    where = []
    for l, cls in lex.data_table("speech_verbs.tsv"):
        if l.replace("ё", "е") == low:
            where.append(f"speech_verbs:{cls}")
    for (l, frame), cls in lex.frame_cues().items():
        if l == low:
            where.append(f"frame_cues:{frame}:{cls}")
    for name in ("directive_verbs.txt", "relay_verbs.txt", "citing_verbs.txt", "newsroom_verbs.txt",
                 "verdict_verbs.txt"):
        if low in {w.replace("ё", "е") for w in lex.data_lines(name)}:
            where.append(name.split(".")[0])
    return ",".join(where) or "-"


def aspect(lemma: str) -> str:
    p = next((p for p in morph().parse(lemma) if p.tag.POS == "INFN"), None)
    return "" if p is None else str(p.tag.aspect or "")


def count_verbs(corpora: Path, forms: dict[str, str]) -> dict[str, Counter]:
    """Per lemma: all its verb forms, those right after «…», — and those right before ", что"."""
    counts = {lemma: Counter() for lemma in set(forms.values())}
    for path in texts(corpora):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in WORD.finditer(text):
            lemma = forms.get(m.group().lower().replace("ё", "е"))
            if lemma is None:
                continue
            c = counts[lemma]
            c["all"] += 1
            before = text[max(0, m.start() - 6):m.start()]
            if re.search(r"[»\"”][,.!?]?\s*[—–-]\s*$", before):
                c["dash"] += 1
            after = text[m.end():m.end() + 12]
            if re.match(r"\s*,\s*(что|будто)\b|\s+о\s+том\s*,\s*что\b", after):
                c["что"] += 1
    return counts


def verbs(args) -> None:
    cands = candidates()
    forms: dict[str, str] = {}
    for lemma in cands:
        for form in lexeme(lemma, VERB_POS):
            forms.setdefault(form, lemma)
    counts = count_verbs(args.corpora, forms)
    print("lemma\troot\taspect\tlexicon\tforms\tafter «…», —\tbefore , что")
    shown = 0
    for lemma, root in sorted(cands.items(), key=lambda kv: (kv[1], kv[0])):
        c = counts.get(lemma, Counter())
        partner = lemma[:-2] if lemma.endswith("ся") else lemma + "ся"
        if not args.all and not c["all"] and not counts.get(partner, Counter())["all"]:
            continue
        shown += 1
        print(f"{lemma}\t{root}\t{aspect(lemma)}\t{known(lemma)}\t{c['all']}\t{c['dash']}\t{c['что']}")
    print(f"# {len(cands)} infinitives on {len(VERB_ROOTS)} roots, {shown} shown", file=sys.stderr)


def nouns() -> list[str]:
    d = morph().dictionary
    out = set()
    rx = re.compile(NOUN_ROOTS)
    for word, (para, idx) in d.words.iteritems():
        if idx == 0 and rx.match(word.replace("ё", "е")) and d.build_tag_info(para, 0).POS == "NOUN":
            out.add(word)
    return sorted(out)


def lemma_stream(corpora: Path):
    """Each text as a list of (lower form, its normal forms) with commas kept as tokens."""
    parse = lru_cache(maxsize=None)(lambda w: frozenset(p.normal_form.replace("ё", "е") for p in morph().parse(w)))
    for path in texts(corpora):
        text = path.read_text(encoding="utf-8", errors="replace")
        toks = []
        for m in re.finditer(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|[,:]", text):
            w = m.group().lower().replace("ё", "е")
            toks.append((w, parse(w) if w.isalpha() or "-" in w else frozenset()))
        yield toks


def sources(args) -> None:
    """"по" + a dative noun of a speech root with a genitive or a name after it and a comma later in
    the sentence: the form, its lemma, whether source_nouns.tsv holds it, and the count."""
    known_forms = lex.source_nouns()
    cands = set(nouns())
    seen: Counter = Counter()
    lemma_of = {}
    for toks in lemma_stream(args.corpora):
        for i in range(len(toks) - 2):
            if toks[i][0] != "по":
                continue
            w, lemmas = toks[i + 1]
            hit = next((l for l in lemmas if l in cands), None)
            if hit is None or not any(p.tag.case == "datv" for p in morph().parse(w) if p.normal_form.replace("ё", "е") == hit):
                continue
            if not any(t[0] == "," for t in toks[i + 2:i + 12]):
                continue
            seen[w] += 1
            lemma_of[w] = hit
    print("form\tlemma\tsource_nouns\tplaces")
    for w, n in seen.most_common():
        print(f"{w}\t{lemma_of[w]}\t{'yes' if w in known_forms else '-'}\t{n}")


def phrases(args) -> None:
    """A light verb (LIGHT_VERBS, any form) with a speech noun within two words after it (or before
    it, "уверенность выразил"): the lemma pair, whether speech_phrases.tsv holds it, the count and
    how many of them a что-clause or a colon follows within four words."""
    # the rows' prepositions ("выступить с заявление", "прийти к вывод") are not counted here
    known_rows = {" ".join(w for w in p if len(w) > 2) for p, _ in lex.speech_phrases()}
    cands = set(n.replace("ё", "е") for n in nouns())
    light = {v for v in LIGHT_VERBS if " " not in v}
    seen: Counter = Counter()
    clause: Counter = Counter()
    for toks in lemma_stream(args.corpora):
        for i, (w, lemmas) in enumerate(toks):
            verb = next((l for l in lemmas if l in light), None)
            if verb is None:
                continue
            for j in range(i + 1, min(i + 4, len(toks))):
                noun = next((l for l in toks[j][1] if l in cands), None)
                if noun is None:
                    continue
                key = f"{verb} {noun}"
                seen[key] += 1
                tail = [t[0] for t in toks[j + 1:j + 6]]
                if ":" in tail[:2] or any(a == "," and b in ("что", "будто") for a, b in zip(tail, tail[1:])):
                    clause[key] += 1
                break
    print("phrase\tspeech_phrases\tplaces\twith a clause or colon")
    for key, n in seen.most_common():
        if n >= args.min or key in known_rows:
            print(f"{key}\t{'yes' if key in known_rows else '-'}\t{n}\t{clause[key]}")


def review_rows(path: Path) -> dict[str, list[str]]:
    """The review file's rows by lemma: [lemma, decision, class, reason]."""
    return {cells[0]: cells for cells in (ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
                                          if ln.strip() and not ln.startswith("#"))}


def check(args) -> None:
    rows = review_rows(args.review)
    cands = candidates()
    lacking = sorted(set(cands) - rows.keys())
    data = {l.replace("ё", "е"): cls for l, cls in lex.data_table("speech_verbs.tsv")}
    accepted = {l: cells[2] for l, cells in rows.items() if cells[1] == "accept"}
    unlisted = sorted(l for l in accepted if l.replace("ё", "е") not in data)
    wrong = sorted(l for l, cls in accepted.items() if data.get(l.replace("ё", "е"), cls) != cls)
    rejected_in = sorted(l for l, cells in rows.items() if cells[1] == "reject" and l.replace("ё", "е") in data)
    print(f"{len(rows)} reviewed of {len(cands)} candidates: "
          + ", ".join(f"{k} {v}" for k, v in sorted(Counter(c[1] for c in rows.values()).items())))
    for label, items in (("not reviewed", lacking), ("accepted, not in speech_verbs.tsv", unlisted),
                         ("accepted with another class there", wrong),
                         ("rejected, yet in speech_verbs.tsv", rejected_in)):
        print(f"{label}: {' '.join(items) or 'none'}")
    if lacking or unlisted or wrong or rejected_in:
        sys.exit(1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("verbs", "sources", "phrases", "check"))
    ap.add_argument("review", nargs="?", type=Path, default=ROOT / "eval" / "cue_review.tsv")
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--all", action="store_true", help="verbs: also the lemmas no text uses")
    ap.add_argument("--min", type=int, default=2, help="phrases: the fewest places shown")
    args = ap.parse_args()
    {"verbs": verbs, "sources": sources, "phrases": phrases, "check": check}[args.mode](args)


if __name__ == "__main__":
    main()
