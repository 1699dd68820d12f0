"""The classes of the tune half's errors on the covid-19 whole pages, each counted on raw text (issue
14, twenty-second session): does a class recur on text nobody annotated, or is it one page's?

    python eval/survey_page_classes.py [--pages] [--show CLASS ...] [--examples 10]

Population: every unannotated article (and with --pages every whole page) survey_quotes.py reads,
and, apart, the tune half's gold articles (raw text only: every covid-19 page is annotated, so the
pages' classes can be counted on the tune pages alone). Each probe reads the raw text with regular
expressions and the analyser; it counts where the construction stands, not whether citata errs
there (the tune rows say that). The probes:
- latin-alias: a Cyrillic name followed by its Latin original in parentheses («Пфайзер» (Pfizer)):
  the gold names such a speaker by the Latin, citata by the Cyrillic;
- relayed-as-clause: "Как сообщалось, …, сообщает X" — an impersonal as-clause whose sentence ends
  with the outlet that reports it;
- passive-agent: a short passive participle of a speech verb with its agent in the instrumental
  ("подтверждено учеными", "как заявлено производителями");
- role-complement-name: a title in the genitive with its own genitive complement and then a
  person's first name and surname ("генерального директора центра имени Чумакова Айдара
  Ишмухаметова"): the name is the title's holder, not its complement's;
- qa-dash: a question line followed by an answer line opened by a dash (an interview's layout).
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import parse  # noqa: E402
from quotes import CORPUS_FILES, corpus_path, entries  # noqa: E402
from survey_quotes import sample_arguments, sampled_articles  # noqa: E402

LATIN_ALIAS = re.compile(r"(«[А-ЯЁ][^»]{1,40}»|[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)?) \(([A-Z][A-Za-z&.\- ]{1,40})\)")
RELAYED_AS = re.compile(r"(?:^|[.!?]\s+)(Как (?:уже )?(?:сообщалось|сообщается|стало известно|отмечалось)(?: ранее)?,"
                        r"[^.!?\n]{10,400}?,\s*(?:сообщает|сообщают|передает|передают|пишет|пишут)\s+[^.!?\n]{2,60})[.!?]")
QA_DASH = re.compile(r"\?[ \t]*\n\s*[–—-] ?[А-ЯЁ]")
WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")


def _speech_infinitive(word: str, verbs: set[str]) -> bool:
    for p in parse(word.lower()):
        if p.tag.POS == "PRTS" and "pssv" in p.tag:
            inf = p.inflect({"INFN"})
            if inf is not None and inf.word in verbs:
                return True
    return False


def passive_agents(text: str, verbs: set[str]) -> list[re.Match]:
    """A speech verb's short passive participle and, right after it, a noun in the instrumental
    that can act (animate, or a plural: "учеными", "производителями")."""
    words = list(WORD.finditer(text))
    out = []
    for i, m in enumerate(words[:-1]):
        nxt = words[i + 1]
        if text[m.end():nxt.start()] != " " or not _speech_infinitive(m.group(), verbs):
            continue
        if any(p.tag.POS == "NOUN" and "ablt" in p.tag and ("anim" in p.tag or "plur" in p.tag)
               for p in parse(nxt.group().lower())[:2]):
            out.append(m)
    return out


def role_complement_names(text: str) -> list[re.Match]:
    """A title in the genitive, a genitive complement of it, then a first name and a surname in the
    genitive."""
    roles = lex.role_nouns()
    words = list(WORD.finditer(text))
    out = []
    for i, m in enumerate(words[:-3]):
        if not any(p.normal_form in roles and "gent" in p.tag for p in parse(m.group().lower())[:2]):
            continue
        k = i + 1
        while k < min(len(words) - 1, i + 5) and words[k].group()[:1].islower() and any(
                "gent" in p.tag for p in parse(words[k].group().lower())[:2]):
            k += 1
        if k == i + 1 or k + 1 >= len(words):
            continue  # no complement between: "адвоката Асии Биби" is Асия's lawyer
        first, last = words[k].group(), words[k + 1].group()
        if first[:1].isupper() and last[:1].isupper() and any(
                "Name" in p.tag and "gent" in p.tag for p in parse(first.lower())):
            out.append(m)
    return out


def probes(text: str, verbs: set[str]) -> dict[str, list[int]]:
    return {"latin-alias": [m.start() for m in LATIN_ALIAS.finditer(text)],
            "relayed-as-clause": [m.start(1) for m in RELAYED_AS.finditer(text)],
            "passive-agent": [m.start() for m in passive_agents(text, verbs)],
            "role-complement-name": [m.start() for m in role_complement_names(text)],
            "qa-dash": [m.start() for m in QA_DASH.finditer(text)]}


def main() -> None:
    ap = sample_arguments(__doc__.split("\n")[0], sample=100_000, seed=1)
    ap.add_argument("--show", nargs="*", default=[], help="print examples of these classes")
    ap.add_argument("--examples", type=int, default=10)
    args = ap.parse_args()
    groups = {"unannotated": [args.corpora / rel for rel in sampled_articles(args)],
              "tune": [corpus_path(e["file"], args.corpora) for e in entries(CORPUS_FILES, "tune")]}
    verbs = {lemma.replace("ё", "е") for lemma, _ in lex.data_table("speech_verbs.tsv")}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    shown: dict[str, list[str]] = defaultdict(list)
    for group, paths in groups.items():
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            kind = "covid-19 pages" if "/covid-19/" in str(path) else "other"
            for name, where in probes(text, verbs).items():
                c = counts[(f"{group}, {kind}", name)]
                c[0] += len(where)
                c[1] += bool(where)
                if name in args.show and len(shown[name]) < args.examples:
                    shown[name] += [f"{path.name}: …{text[max(0, o - 40):o + 110]}…".replace("\n", " / ")
                                    for o in where[:args.examples - len(shown[name])]]
    names = list(probes("", verbs))
    rows = sorted({g for g, _ in counts})
    print("| class | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join("{} ({})".format(*counts[(g, name)]) for g in rows) + " |")
    print("\n(places (texts); texts read: " + ", ".join(f"{g} {len(p)}" for g, p in groups.items()) + ")")
    for name in args.show:
        print(f"\n{name}:")
        for line in shown[name]:
            print("  " + line)


if __name__ == "__main__":
    main()
