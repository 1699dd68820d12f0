"""Loaders for the data files in citata/data: lexicons and patterns live there,
not in code. Each loader reads its file once per process."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """The entries of a data file: its lines, less blank ones and # comments."""
    text = resources.files("citata.data").joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _words(name: str) -> frozenset[str]:
    """A list of lemmas written as pymorphy's normal form, or of word forms as its dictionary spells
    them (with ё; tests/test_lexicons.py checks either), held in both spellings: some callers fold ё
    into е before they look a word up."""
    words = data_lines(name)
    return frozenset(words) | frozenset(w.replace("ё", "е") for w in words)


def data_table(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file, each split into its cells (at least two)."""
    rows = []
    for ln in data_lines(name):
        cells = ln.split("\t")
        if len(cells) < 2:
            raise ValueError(f"{name}: expected tab-separated columns in {ln!r}")
        rows.append(cells)
    return rows


@lru_cache(maxsize=None)
def boilerplate_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(rx)) for kind, rx in data_table("boilerplate.tsv"))


@lru_cache(maxsize=None)
def boilerplate_pattern_limits() -> tuple[int | None, ...]:
    """For each boilerplate pattern anchored at both ends (^…$), the longest line it can
    match, so that a longer line is not tried; None where a line of any length might match."""
    from re import _constants as sre_constants, _parser as sre_parse  # the parser re itself uses

    limits = []
    for _, rx in boilerplate_patterns():
        parsed = sre_parse.parse(rx.pattern, rx.flags)
        items = list(parsed)
        anchored = (len(items) >= 2 and items[0] == (sre_constants.AT, sre_constants.AT_BEGINNING)
                    and items[-1] == (sre_constants.AT, sre_constants.AT_END))
        width = parsed.getwidth()[1]
        limits.append(width if anchored and width < sre_constants.MAXREPEAT else None)
    return tuple(limits)


@lru_cache(maxsize=None)
def boilerplate_prefix_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(rx)) for kind, rx in data_table("boilerplate_prefix.tsv"))


@lru_cache(maxsize=None)
def photo_agencies() -> tuple[str, ...]:
    return tuple(data_lines("photo_agencies.txt"))


@lru_cache(maxsize=None)
def outlets() -> dict[str, str]:
    """Host suffix -> outlet name."""
    return {host.lower(): name for host, name in data_table("outlets.tsv")}


@lru_cache(maxsize=None)
def outlet_table() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    """Rows of outlet_table.tsv: (name, other names, hosts, legal names of its company); the last
    three columns hold `;`-separated lists and may be left out."""
    rows = []
    for ln in data_lines("outlet_table.tsv"):
        cols = (ln.split("\t") + ["", "", ""])[:4]
        rows.append((cols[0].strip(), *(tuple(x.strip() for x in c.split(";") if x.strip()) for c in cols[1:])))
    return tuple(rows)


@lru_cache(maxsize=None)
def site_name_table(name: str) -> dict[str, str]:
    """Host -> the name the site uses for itself, from a file of host<TAB>name[<TAB>…] rows
    (outlet_sites.tsv by hand, outlet_names.tsv mined)."""
    return {host.lower(): site for host, site, *_ in data_table(name)}


@lru_cache(maxsize=None)
def media_names() -> frozenset[str]:
    return frozenset(data_lines("media.txt")) | frozenset(outlets().values())


@lru_cache(maxsize=None)
def seats() -> tuple[str, ...]:
    """Places whose name stands for the government or office seated there (seats.txt)."""
    return tuple(data_lines("seats.txt"))


@lru_cache(maxsize=None)
def media_at_large() -> frozenset[str]:
    return frozenset(data_lines("media_at_large.txt"))


@lru_cache(maxsize=None)
def media_nouns() -> tuple[str, ...]:
    return tuple(data_lines("media_nouns.txt"))


@lru_cache(maxsize=None)
def relay_cues() -> tuple[str, ...]:
    return tuple(data_lines("relay_cues.txt"))


@lru_cache(maxsize=None)
def months() -> tuple[tuple[str, int], ...]:
    return tuple((prefix, int(num)) for prefix, num in data_table("months.tsv"))


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for prefix, num in months():
        if word.startswith(prefix):
            return num
    return None


@lru_cache(maxsize=None)
def title_affixes(kind: str) -> tuple[str, ...]:
    """kind: "prefix" (rubric words before a headline) or "suffix" (markers after it)."""
    return tuple(text for k, text in data_table("title_affixes.tsv") if k == kind)


# --- quotation lexicons -----------------------------------------------------

@lru_cache(maxsize=None)
def speech_verbs() -> dict[str, tuple[str, str]]:
    """Every form of every cue verb (lower case) -> (lemma, class)."""
    from .nlp import morph

    forms: dict[str, tuple[str, str]] = {}
    analyzer = morph()
    for lemma, cls in data_table("speech_verbs.tsv"):
        for parse in analyzer.parse(lemma):
            if parse.normal_form.replace("ё", "е") != lemma.replace("ё", "е") or parse.tag.POS not in ("INFN", "VERB"):
                continue
            for form in parse.lexeme:
                # Participles are noun modifiers, not speech acts ("заявленный").
                if form.tag.POS in ("PRTF", "PRTS"):
                    continue
                forms.setdefault(form.word.replace("ё", "е"), (lemma, cls))
            break
    return forms


@lru_cache(maxsize=None)
def lexeme_forms(lemmas: frozenset[str], pos: str | None = None) -> frozenset[str]:
    """Every form (lower case, ё as е) of every lexeme of the analyser's dictionary whose normal form
    is one of `lemmas` (ё as е); with `pos`, only its forms of that part of speech. A word outside
    it has no dictionary reading with such a normal form, so a test of every token's normal form
    against a lexicon asks this set first and leaves the analysis of the other words (most of a
    text) undone."""
    from .nlp import morph

    analyzer = morph()
    out: set[str] = set()
    for lemma in lemmas:
        for parse in analyzer.parse(lemma):
            if parse.normal_form.replace("ё", "е") == lemma.replace("ё", "е"):
                out.update(f.word.replace("ё", "е") for f in parse.lexeme if pos is None or f.tag.POS == pos)
    return frozenset(out)


@lru_cache(maxsize=None)
def speech_adjectives() -> frozenset[str]:
    return frozenset(data_lines("speech_adjectives.txt"))


@lru_cache(maxsize=None)
def speech_phrases() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Multi-word cues as lemma tuples, longest first."""
    rows = [(tuple(phrase.split()), cls) for phrase, cls in data_table("speech_phrases.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def source_nouns() -> dict[str, str]:
    """Dative plural/singular after "по" -> lemma: словам -> слово."""
    return {form: lemma for form, lemma in data_table("source_nouns.tsv")}


@lru_cache(maxsize=None)
def source_lemmas() -> frozenset[str]:
    """The lemmas of `source_nouns` (слово, данные, опрос, …)."""
    return frozenset(source_nouns().values())


@lru_cache(maxsize=None)
def document_nouns() -> frozenset[str]:
    return _words("document_nouns.txt")


@lru_cache(maxsize=None)
def report_nouns() -> frozenset[str]:
    """Nouns whose что-clause reports their source's words ("утверждение X о том, что …")."""
    return _words("report_nouns.txt")


@lru_cache(maxsize=None)
def frame_cues() -> dict[tuple[str, str], str]:
    """(lemma, frame) -> class of the verbs and nouns reviewed with the frame they govern
    (frame_cues.tsv: "мотивировать тем, что", "известие о том, что"); class "none" for those whose
    frame reports nothing ("гордиться тем, что")."""
    return {(lemma.replace("ё", "е"), frame): cls for lemma, frame, cls in data_table("frame_cues.tsv")}


@lru_cache(maxsize=None)
def report_documents() -> frozenset[str]:
    """Documents that speak for their author after "согласно" (not the laws a clause conforms to)."""
    return _words("report_documents.txt")


@lru_cache(maxsize=None)
def finding_sources() -> frozenset[str]:
    """The nouns whose result speaks as a document when a finding verb has it for its subject ("Опрос
    показал, что …", "испытания выявили, что …") or "по итогам" names it: the source nouns but the
    words of a speaker (report_nouns.txt: "Его слова свидетельствуют о том, что …", "Заявление
    демонстрирует, что …" are the writer's reading of evidence), with finding_nouns.txt (результат,
    испытание, анализ, …); ё folded as well."""
    nouns = source_lemmas() - report_nouns() | _words("finding_nouns.txt")
    return frozenset(w for x in nouns for w in (x, x.replace("ё", "е")))


@lru_cache(maxsize=None)
def norm_nouns() -> frozenset[str]:
    """Norms a clause obeys after "согласно" ("согласно закону / графику"), not sources that state it."""
    return _words("norm_nouns.txt")


@lru_cache(maxsize=None)
def impersonal_cues() -> frozenset[str]:
    return frozenset(data_lines("impersonal_cues.txt"))


@lru_cache(maxsize=None)
def discourse_openers() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(ln.split()) for ln in data_lines("discourse_openers.txt")),
                        key=lambda p: -len(p)))


@lru_cache(maxsize=None)
def walk_skip() -> tuple[str, ...]:
    return tuple(data_lines("walk_skip.txt"))


@lru_cache(maxsize=None)
def time_nouns() -> frozenset[str]:
    return _words("time_nouns.txt")


@lru_cache(maxsize=None)
def content_breaks() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(ln.split()) for ln in data_lines("content_breaks.txt"))


@lru_cache(maxsize=None)
def generic_document_nouns() -> frozenset[str]:
    return _words("generic_document_nouns.txt")


@lru_cache(maxsize=None)
def verdict_verbs() -> frozenset[str]:
    return _words("verdict_verbs.txt")


@lru_cache(maxsize=None)
def generic_person_nouns() -> frozenset[str]:
    return _words("generic_person_nouns.txt")


@lru_cache(maxsize=None)
def named_objects() -> frozenset[str]:
    return _words("named_objects.txt")


@lru_cache(maxsize=None)
def partitive_words() -> frozenset[str]:
    return frozenset(data_lines("partitive_words.txt"))


@lru_cache(maxsize=None)
def directive_verbs() -> frozenset[str]:
    return _words("directive_verbs.txt")


@lru_cache(maxsize=None)
def verdict_breaks() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(ln.split()) for ln in data_lines("verdict_breaks.txt"))


@lru_cache(maxsize=None)
def clause_conjunctions() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(ln.split()) for ln in data_lines("clause_conjunctions.txt"))


@lru_cache(maxsize=None)
def outlet_owner_nouns() -> frozenset[str]:
    return _words("outlet_owner_nouns.txt")


@lru_cache(maxsize=None)
def channel_nouns() -> frozenset[str]:
    return _words("channel_nouns.txt")


@lru_cache(maxsize=None)
def account_nouns() -> frozenset[str]:
    return _words("account_nouns.txt")


@lru_cache(maxsize=None)
def pronouns() -> dict[str, tuple[str, str]]:
    """Pronoun form -> (gender m/f/p, case), for the pronouns that stand for a person. The locative
    rows are not among them: after "в" they stand for a document (`document_pronouns`), and a form
    that is also another case ("ней", "них") keeps that case here."""
    return {form: (gender, case) for form, gender, case in data_table("pronouns.tsv") if case != "loct"}


@lru_cache(maxsize=None)
def document_pronouns() -> dict[str, str]:
    """The locative pronouns of pronouns.tsv, with their gender (m: masculine or neuter): before an
    impersonal cue, "В нём указано, что …" stands for a document (resolution finds which)."""
    return {form: gender for form, gender, case in data_table("pronouns.tsv") if case == "loct"}


@lru_cache(maxsize=None)
def pronouns_in(case: str) -> frozenset[str]:
    """The personal pronouns of pronouns.tsv in one case ("nomn": он, она, они)."""
    return frozenset(form for form, (_, c) in pronouns().items() if c == case)


@lru_cache(maxsize=None)
def possessive_pronouns() -> dict[str, str]:
    """The genitive pronouns that stand as a possessive ("его слова", "её позиция"), with their
    gender: the forms of pronouns.tsv without the н- a preposition asks for (него, неё, них)."""
    return {form: gender for form, (gender, case) in pronouns().items() if case == "gent" and not form.startswith("н")}


@lru_cache(maxsize=None)
def relative_pronouns(case: str | None = None) -> frozenset[str]:
    """The forms of "который" (relative_pronouns.txt); with a case, those the analyser reads in it."""
    forms = frozenset(data_lines("relative_pronouns.txt"))
    if case is None:
        return forms
    from .nlp import morph

    return frozenset(f for f in forms if any(p.tag.case == case for p in morph().parse(f) if p.normal_form == "который"))


@lru_cache(maxsize=None)
def oblique_relative_pronouns() -> frozenset[str]:
    """The forms of "который" that cannot be their clause's subject."""
    return relative_pronouns() - relative_pronouns("nomn")


@lru_cache(maxsize=None)
def negation_asserts() -> frozenset[str]:
    """Cue lemmas whose negation still asserts the complement ("не отрицал, что …")."""
    return _words("negation_asserts.txt")


@lru_cache(maxsize=None)
def negation_gap() -> frozenset[str]:
    """Adverbs a negation reaches past to its cue ("ещё не уверен")."""
    return _words("negation_gap.txt")


@lru_cache(maxsize=None)
def collective_nouns() -> frozenset[str]:
    return _words("collective_nouns.txt")


@lru_cache(maxsize=None)
def relative_words() -> frozenset[str]:
    return _words("relative_words.txt")


@lru_cache(maxsize=None)
def channel_modifiers() -> frozenset[str]:
    """Word forms between "в" and a channel noun ("в своём интервью")."""
    return _words("channel_modifiers.txt")


@lru_cache(maxsize=None)
def group_words() -> frozenset[str]:
    """Words that stand alone for a group of people who speak ("Многие считают, что …")."""
    return frozenset(data_lines("group_words.txt"))


@lru_cache(maxsize=None)
def reflexive_possessives() -> frozenset[str]:
    """The forms of "свой"."""
    return _words("reflexive_possessives.txt")


@lru_cache(maxsize=None)
def role_nouns() -> frozenset[str]:
    """Head nouns of roles, titles and occupations: a role noun before a name is that person's role."""
    return _words("role_nouns.txt") | occupation_nouns()


@lru_cache(maxsize=None)
def occupation_nouns() -> frozenset[str]:
    """The role nouns that name one of many who do a job ("вирусолог", "пилот"), not the holder of an
    office ("министр"): a complement does not make one of them the person quoted a while back."""
    return _words("occupation_nouns.txt")


@lru_cache(maxsize=None)
def unnamed_person_antecedents() -> dict[str, frozenset[str]]:
    """A bare person noun -> the heads of the unnamed participants it may stand for besides its own
    ("чиновник" -> представитель …, "доктор" -> врач …), both spellings of ё."""
    table = {}
    for noun, heads in data_table("unnamed_person_antecedents.tsv"):
        both = frozenset(heads.split()) | frozenset(h.replace("ё", "е") for h in heads.split())
        table[noun] = table[noun.replace("ё", "е")] = both
    return table


@lru_cache(maxsize=None)
def role_synonyms() -> dict[str, str]:
    return {phrase: canonical for phrase, canonical in data_table("role_synonyms.tsv")}


@lru_cache(maxsize=None)
def role_relations() -> dict[tuple[str, str], str]:
    """(relation noun, the holder's title) -> the title the relation is: ("жена", "президент") -> "леди"."""
    return {(relation, holder): title for relation, holder, title in data_table("role_relations.tsv")}


@lru_cache(maxsize=None)
def org_nouns() -> frozenset[str]:
    return _words("org_nouns.txt")


@lru_cache(maxsize=None)
def speaking_nouns() -> frozenset[str]:
    return _words("speaking_nouns.txt")


QUANTIFIERS = frozenset(data_lines("quantifiers.txt"))


@lru_cache(maxsize=None)
def speech_phrase_heads() -> frozenset[str]:
    return frozenset(phrase[0] for phrase, _ in speech_phrases())


@lru_cache(maxsize=None)
def family_nouns() -> frozenset[str]:
    """Nouns for a family or a couple before a surname in the plural ("семья Скрипалей")."""
    return _words("family_nouns.txt")


@lru_cache(maxsize=None)
def relational_nouns() -> frozenset[str]:
    """Roles defined by someone else ("адвокат женщины", "муж Асии"): not a title
    that points back at the last speaker."""
    return _words("relational_nouns.txt")


@lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    return _words("honorifics.txt")


@lru_cache(maxsize=None)
def role_qualifiers() -> frozenset[str]:
    return _words("role_qualifiers.txt")


@lru_cache(maxsize=None)
def function_words() -> frozenset[str]:
    return frozenset(data_lines("function_words.txt"))


@lru_cache(maxsize=None)
def dangling_words() -> frozenset[str]:
    return frozenset(data_lines("dangling_words.txt"))


@lru_cache(maxsize=None)
def legal_forms() -> frozenset[str]:
    return frozenset(data_lines("legal_forms.txt"))


@lru_cache(maxsize=None)
def legal_form_alternation() -> str:
    """legal_forms.txt as a regex alternation of the forms as a page writes them: in capitals
    ("ООО", "LLC"), a Latin-letter one also capitalised ("Ltd"); longest first."""
    written = {f.upper() for f in legal_forms()} | {f.capitalize() for f in legal_forms() if f.isascii()}
    return "|".join(sorted(written, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=None)
def org_aliases() -> tuple[tuple[str, ...], ...]:
    """Rows of org_aliases.tsv: a body's short name, then its other names."""
    return tuple(tuple(ln.split("\t")) for ln in data_lines("org_aliases.tsv"))


@lru_cache(maxsize=None)
def org_classes() -> dict[str, frozenset[str]]:
    """An organisation's class noun -> the broader class nouns that may refer back to it."""
    return {cls: frozenset(broader.split()) for cls, broader in data_table("org_classes.tsv")}


@lru_cache(maxsize=None)
def org_class_parts() -> tuple[tuple[str, str], ...]:
    """Rows of org_class_parts.tsv: a prefix ("гос-") or suffix ("-надзор") and the class it gives
    ("*": the class noun the rest of the compound is)."""
    return tuple((part, cls) for part, cls in data_table("org_class_parts.tsv"))


@lru_cache(maxsize=None)
def interlocutor_nouns() -> frozenset[str]:
    """Nouns for the one the article is talking to ("собеседник агентства"): the person just
    quoted or introduced, whatever role the article gave them."""
    return _words("interlocutor_nouns.txt")


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """A data file of one word, name or host a line, as a set: `generic_host_labels`,
    `not_outlet_names`, `mail_hosts`, `platform_hosts`, `not_brands`, `rubric_words`,
    `place_particles`, `name_particles`, `staff_nouns`, `newsroom_verbs` (the metadata stage's lists), `social_platforms`,
    `notice_labels` (the sentence splitter's), `byline_cues`, `call_platforms` (the cleaner's widget shapes)."""
    return frozenset(data_lines(f"{name}.txt"))


@lru_cache(maxsize=None)
def name_abbreviations() -> frozenset[str]:
    """Abbreviations that stand inside a name or title phrase ("им", "св", "ул", "проф"), without
    their full stop: name_abbreviations.tsv's first column."""
    return frozenset(row[0] for row in data_table("name_abbreviations.tsv"))


@lru_cache(maxsize=None)
def site_nouns() -> frozenset[str]:
    return _words("site_nouns.txt")


@lru_cache(maxsize=None)
def source_heads() -> frozenset[str]:
    return _words("source_heads.txt")


@lru_cache(maxsize=None)
def quotation_nouns() -> frozenset[str]:
    return _words("quotation_nouns.txt")


@lru_cache(maxsize=None)
def citing_verbs() -> frozenset[str]:
    return _words("citing_verbs.txt")


@lru_cache(maxsize=None)
def writer_phrases() -> tuple[tuple[str, ...], ...]:
    """Set phrases in which the writer speaks ("как говорится", "как сказано выше"), each as its
    lower-case words with ё folded into е (as `quotes.view.DocView.lower` holds them)."""
    return tuple(tuple(ln.lower().replace("ё", "е").split()) for ln in data_lines("writer_phrases.txt"))


@lru_cache(maxsize=None)
def relay_verbs() -> frozenset[str]:
    return _words("relay_verbs.txt")


@lru_cache(maxsize=None)
def relay_words() -> frozenset[str]:
    return _words("relay_words.txt")


@lru_cache(maxsize=None)
def leader_nouns() -> frozenset[str]:
    return _words("leader_nouns.txt")


@lru_cache(maxsize=None)
def government_nouns() -> frozenset[str]:
    return _words("government_nouns.txt")


@lru_cache(maxsize=None)
def number_nouns() -> frozenset[str]:
    return _words("number_nouns.txt")


@lru_cache(maxsize=None)
def kin_nouns() -> dict[str, str]:
    """Kinship noun (lemma) -> the sex it names (m/f)."""
    return {noun: sex for noun, sex in data_table("kin_nouns.tsv")}


@lru_cache(maxsize=None)
def subordinators() -> frozenset[str]:
    return frozenset(data_lines("subordinators.txt"))


@lru_cache(maxsize=None)
def fillers() -> frozenset[str]:
    return frozenset(data_lines("fillers.txt"))


@lru_cache(maxsize=None)
def cited_words() -> frozenset[str]:
    return frozenset(data_lines("cited_words.txt"))
