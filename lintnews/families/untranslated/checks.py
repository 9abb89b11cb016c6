"""LN102, LN103: passages the translation left in the source language.

LN102 finds runs of Cyrillic words in an English text: words joined by spaces,
punctuation and numbers on one line make one finding. The message names the
language from its letters (Ukrainian і ї є ґ, Russian ы э ё, Belarusian ў,
Serbian ђ ћ џ љ њ ј, Macedonian ѓ ќ ѕ); when the letters do not tell, a run of
four words or more goes to language identification. A romanized preview (KMU
2010 for Ukrainian, press BGN/PCGN for Russian) shows what the passage says.

LN103 finds a sentence or line left in Spanish, German, French, Italian,
Portuguese or Polish. A sentence becomes a candidate only on cheap evidence:
few English function words, several function words of one of those languages
and, for short lines, that language's letters. Names and titles (capitalised
words inside a sentence), foreign phrases English uses (`de facto`, `coup
d'état`) and a quoted phrase followed by its translation do not count. Only
candidates go to the language detector, loaded on first use.
"""
from __future__ import annotations

import regex

import re
from functools import lru_cache


from lintnews.finding import Severity
from lintnews.text.langid import CYRILLIC_LANGUAGES, LANGUAGE_NAMES, LANGUAGES, identify
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.romanize import preview
from lintnews.families.script.checks import initials_in_latin_name
from lintnews.text.patterns import deferred_regex

UNTRANSLATED_CYRILLIC = Rule(
    code="LN102",
    name="untranslated-cyrillic",
    category="untranslated",
    severity=Severity.ERROR,
    summary="A passage in Russian, Ukrainian or another Cyrillic language left untranslated.",
    doc="""
Machine translation sometimes leaves a clause in the source language, usually
inside an otherwise English sentence. A run of Cyrillic words (with the spaces,
commas and numbers between them) is one finding; the message names the
language where its letters tell (Ukrainian і ї є ґ, Russian ы э ё, Belarusian ў,
Serbian ђ ћ џ љ њ ј, Macedonian ѓ ќ ѕ) and shows a romanized preview. The passage
needs translating; there is no automatic fix.

Not reported: a Cyrillic gloss in parentheses (`Kyiv (Київ)`), a quoted word
introduced as a word (`the word “слава”`), a Cyrillic title followed by its
translation (`“Слуга народу” (“Servant of the People”)`), up to three words
that the sentence cites as spelling (`spelt Київ in Ukrainian and Киев in
Russian`), and anything listed in the configuration's `allow`.
""",
    examples=(
        Example("The glass of the bus, <marker>который следовал по маршруту</marker>, was "
                "damaged.", ("LN102",),
                fixed=False),
        Example("Officials said: <marker>Ми не здамося</marker>.", ("LN102",),
                fixed=False),
        Example("Kyiv (Київ) is the capital; the word “слава” means glory."),
        Example("The series “Слуга народу” (“Servant of the People”) made him famous."),
    ),
    messages={
        "letters": "Untranslated {language} (its letters {letters} tell): “{roman}”. This passage was left in the source language and needs translating into English.",
        "identified": "Untranslated {language} (language identification, {probability:.0%} sure): “{roman}”. "
                      "This passage was left in the source language and needs translating into English.",
        "default": "Untranslated Cyrillic text (Russian or a related language; too short to tell which): "
                   "“{roman}”. This passage was left in the source language and needs translating into English.",
    },
)

UNTRANSLATED_PASSAGE = Rule(
    code="LN103",
    name="untranslated-passage",
    category="untranslated",
    severity=Severity.WARNING,
    summary="A sentence left in Spanish, German, French, Italian, Portuguese or Polish.",
    doc="""
A sentence or a line that the translation skipped, or a scraper's label in the
source language (`Lea también:`). Detected in two steps: cheap evidence first
(few English function words, several of the other language's, its letters),
then language identification on the candidates only. The message gives the
language and the detector's confidence.

Not reported: names and titles of organisations and events (`Folk och
Försvar`, `Verkhovna Rada`), foreign phrases English uses (`de facto`, `status
quo`, `per se`, `coup d'état`), and a quoted foreign phrase followed by its
translation.
""",
    examples=(
        Example("Police closed the road.\n"
                "<marker>Lea también: las noticias del día</marker>\n", ("LN103",),
                fixed=False),
        Example("The talks ended. <marker>El ministro dijo que la situación es muy "
                "grave.</marker>", ("LN103",),
                fixed=False),
        Example("He spoke at the Folk och Försvar conference in Sälen."),
        Example("It was a de facto coup d'état, and the status quo per se held."),
        Example("Their motto “Liberté, égalité, fraternité” (“Liberty, equality, fraternity”) was sung."),
    ),
    messages={"default": "This passage is in {language} (language identification, {probability:.0%} sure), "
                         "not English: the translation left it out. Translate it, or remove it if it is a "
                         "leftover label."},
)

# -- Cyrillic runs ---------------------------------------------------------
_CYR_WORD = r"\p{Script=Cyrillic}[\p{Script=Cyrillic}\p{M}ʼ'’\-]*"
_JOIN = r"(?:[ \t\u00a0]*[,;:.!?…–—\-«»]+[ \t\u00a0]*|[ \t\u00a0]+(?:\d[\d.,:%]*[ \t\u00a0]+)?)"
_cyr_run = deferred_regex(rf"{_CYR_WORD}(?:{_JOIN}{_CYR_WORD})*")
_CYR_ANY = regex.compile(r"\p{Script=Cyrillic}")
#: What ends the text just before a bracketed gloss (`Kyiv (Київ)`): a Latin word or a quote.
_glossed = deferred_regex(r"[\p{Script=Latin}\d\"”’»]\s*$")
_cyr_words = deferred_regex(_CYR_WORD)
_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")

_OPENERS = {"“": "”", "\"": "\"", "‘": "’", "«": "»", "„": "“”", "(": ")", "[": "]"}
_metalinguistic = deferred_regex(
    r"(?:\b(?:word|words|term|phrase|slogan|motto|name|names|title|called|known as|inscription|"
    r"reads|read|spelled|spelt|letters?|hashtag|entitled|titled|dubbed|nicknamed|nickname|"
    r"song|book|film|newspaper|magazine|channel|programme|program|show|series|party|means|"
    r"meaning|Russian|Ukrainian|Belarusian|Serbian|Bulgarian|Cyrillic)\s*[,:]?\s*)$",
    regex.IGNORECASE,
)
#: An unquoted run that a sentence talks about as spelling: `spelt Київ`, `Киев in Russian`.
_spelling_before = deferred_regex(
    r"\b(?:spelt|spelled|written|transliterated|pronounced)(?:\s+as)?\s*[,:]?\s*$", regex.IGNORECASE,
)
_language_after = deferred_regex(r"\s*,?\s*in\s+(?:Ukrainian|Russian|Belarusian|Bulgarian|Serbian|Macedonian|Cyrillic)\b")
_MAX_SPELLING_WORDS = 3
_translation_after = deferred_regex(
    r"[\"”’»]?\s*(?:\(\s*[“\"‘«]?\s*\p{Script=Latin}|[,–—-]\s*(?:meaning|or|which means|literally|"
    r"lit\.)\s)",
)
_MAX_GLOSS_WORDS = 8
#: Below this many words language identification guesses (`Ми не здамося` comes back Russian).
_MIN_IDENTIFY_WORDS = 4


def cyrillic_language(text: str) -> tuple[str | None, str]:
    """(language code or None, the letters that tell) from the letters of `text`."""
    letters = set(text.lower())
    found = lambda chars: "".join(sorted(letters & set(chars)))  # noqa: E731
    if "ў" in letters:
        return "be", "ў"
    if found("ђћ"):
        return "sr", found("ђћџљњј")
    if found("ѓќѕ"):
        return "mk", found("ѓќѕ")
    if found("џљњј"):
        return "sr", found("џљњј")
    ukrainian, russian = found("іїєґ"), found("ыэъё")
    if ukrainian and not russian:
        return "uk", ukrainian
    if "і" in letters and found("ыэ") and not found("їєґи"):
        return "be", found("іыэ")
    if russian and not ukrainian and russian != "ъ":
        return "ru", russian
    return None, ""


def _enclosure(prose: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The bracket or quotation mark right around [start, end), if any."""
    before = start - 1
    while before >= 0 and prose[before] in " \t":
        before -= 1
    if before < 0 or prose[before] not in _OPENERS:
        return None
    after = end
    while after < len(prose) and prose[after] in " \t.,!?":
        after += 1
    if after < len(prose) and prose[after] in _OPENERS[prose[before]]:
        return prose[before], before, after + 1
    return None


def is_gloss(prose: str, start: int, end: int, words: int) -> bool:
    """True when the Cyrillic run at [start, end) is a gloss, a cited word or a translated title."""
    if words > _MAX_GLOSS_WORDS:
        return False
    outer = _enclosure(prose, start, end)
    close = outer[2] if outer else end
    if _translation_after().match(prose, close, min(len(prose), close + 40)):
        return True
    if outer is None:
        return words <= _MAX_SPELLING_WORDS and bool(
            _spelling_before().search(prose, max(0, start - 40), start)
            or _language_after().match(prose, end, min(len(prose), end + 20)))
    mark, open_at, close = outer
    if mark in "([":
        # `Kyiv (Київ)`, `(“Слуга народу”)` after its English title: a gloss of what precedes
        return open_at > 0 and bool(_glossed().search(prose[max(0, open_at - 3):open_at]))
    inner = _enclosure(prose, open_at, close)  # quotation inside parentheses
    if inner and inner[0] in "([":
        return True
    return bool(_metalinguistic().search(prose, max(0, open_at - 40), open_at))


@check(UNTRANSLATED_CYRILLIC)
def untranslated_cyrillic(doc, ctx):
    prose = doc.prose
    first = _CYR_ANY.search(prose)
    if first is None:
        return
    for m in _cyr_run().finditer(prose, first.start()):
        start, end = m.span()
        run = m.group()
        words = len(_cyr_words().findall(run))
        if len(run) == 1 and start and prose[start - 1] in "°0123456789 ":
            continue  # a look-alike unit letter (`°С`): LN101's business
        if words == 1 and ((start and _LATIN_LETTER.match(prose, start - 1))
                           or _LATIN_LETTER.match(prose, end)):
            continue  # a look-alike inside a Latin word (`Кyiv`, `Kyїv`): LN101's business
        if is_gloss(prose, start, end, words):
            continue
        if initials_in_latin_name(prose, start, end):
            continue  # `В. K. Arsenyev`: a look-alike initial, LN101's business
        lang, letters = cyrillic_language(run)
        arguments: dict = {"letters": ", ".join(letters)} if lang else {}
        if lang is None and words >= _MIN_IDENTIFY_WORDS:
            guess = _identify(run, CYRILLIC_LANGUAGES, ctx.config.language_detector, among=CYRILLIC_LANGUAGES)
            if guess:
                lang, arguments = guess[0], {"probability": guess[1]}
        template = "default" if not lang else "letters" if "letters" in arguments else "identified"
        if lang:
            arguments.update(language=LANGUAGE_NAMES[lang], lang=lang)
        arguments["roman"] = preview(run, lang or "ru")
        yield doc.finding(UNTRANSLATED_CYRILLIC, start, end, arguments, template=template)


def _identify(text: str, allowed: tuple[str, ...], detector: str,
              among: tuple[str, ...] = LANGUAGES) -> tuple[str, float] | None:
    """The most likely language of `text` of those `among`, when it is one of
    `allowed` and the detector is sure enough.

    The detectors are deterministic (langdetect with its seed fixed) and slow
    per sentence: a text seen before in this process (a leftover label,
    boilerplate in a foreign language) gets the same answer from a cache.
    """
    if len(text) > _CACHED_TEXT:
        return _identify_now(text, allowed, detector, among)
    return _identify_cached(text, allowed, detector, among)


def _identify_now(text: str, allowed: tuple[str, ...], detector: str,
                  among: tuple[str, ...] = LANGUAGES) -> tuple[str, float] | None:
    for lang, prob in identify(text, detector, among):
        if lang in allowed and prob >= 0.8:
            return lang, prob
        break
    return None


_CACHED_TEXT = 1000  # longer texts are identified afresh: a cache of them would hold megabytes
_identify_cached = lru_cache(maxsize=4096)(_identify_now)


# -- Latin-script passages ---------------------------------------------------
_SENTENCE_END = regex.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\p{Lu}¿¡“\"«(])")
_LATIN_WORD = regex.compile(r"\p{Script=Latin}[\p{Script=Latin}\p{M}'’]*")
_translated_quote = deferred_regex(
    r"[“\"«‘][^“”\"«»‘’\n]{1,200}[”\"»’]\s*(?:\([^()\n]*\)|[,–—-]\s*(?:or|meaning|which means|literally)\b)"
    r"|\(\s*[“\"«‘][^()\n]*\)"
)
_QUOTE_OPENING = re.compile(r"[“\"«‘]")
_ANY_WORD = regex.compile(r"\w+")  # the words as the borrowed-phrase pattern bounds them
_PUNCTUATION = "\"'“”‘’«»„()[]{},.;:!?¿¡-–—…/"
_PUNCT_TO_SPACE = str.maketrans({c: " " for c in _PUNCTUATION})
_WORD_RUNS = re.compile(r"[^\s" + re.escape(_PUNCTUATION) + "]+")  # the same split as a regex
_FOREIGN_LANGUAGES = ("es", "de", "fr", "it", "pt", "pl", "nl", "sv")


def _tokens(text: str) -> list[str]:
    """`text` split at blanks and punctuation: the cheap pre-filter's words.

    `str.translate` runs in C at full speed on ASCII only; on other text the
    same split by a regex is twice as fast.
    """
    if text.isascii():
        return text.translate(_PUNCT_TO_SPACE).split()
    return _WORD_RUNS.findall(text)


_ASCII_LETTERS = re.compile(r"[a-z]+")
_LATIN_LETTERS = regex.compile(r"\p{Script=Latin}+")


def foreign_words_are_latin(ev) -> bool:
    """Whether `_may_be_foreign` is sound for this rule set: every foreign
    function word is made of Latin letters only (a newsroom could add `l'`)."""
    return all(_LATIN_LETTERS.fullmatch(w) for w in ev.foreign)


def _may_be_foreign(text: str, foreign: frozenset) -> bool:
    """False when `passage_candidate(text)` cannot find a foreign function word.

    Each word it counts is a run of Latin letters, marks and apostrophes,
    lowercased, trailing apostrophes dropped; one made of letters only is
    therefore a whole run of Latin letters of the lowercased text, which is
    what this looks up (the borrowed phrases and translated quotes it removes
    start and end beside a non-letter, so they create no new run). Cheap
    enough to run on every sentence of a paragraph the paragraph gate let
    through, where `passage_candidate` costs a regex substitution or two.
    """
    low = text.lower()
    runs = _ASCII_LETTERS.findall(low) if low.isascii() else _LATIN_LETTERS.findall(low)
    return not foreign.isdisjoint(runs)


def _sentences(prose: str, start: int, end: int):
    pos = start
    for m in _SENTENCE_END.finditer(prose, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _counted_words(text: str, ev) -> list[str]:
    """The words that can be evidence: lowercase, or the first of the sentence."""
    if ev.borrowed is not None and (ev.borrowed_words is None or not ev.borrowed_words.isdisjoint(
            map(str.casefold, _ANY_WORD.findall(text)))):
        text = ev.borrowed.sub(" ", text)  # a borrowed phrase has its longest word in the text
    if _QUOTE_OPENING.search(text):  # every translated quote opens with one
        text = _translated_quote().sub(" ", text)
    # skipped: a name, a title or an acronym
    return [word.lower().rstrip("'’") for i, word in enumerate(_LATIN_WORD.findall(text))
            if not (i and word[0].isupper() or (len(word) > 1 and word.isupper()))]


def passage_candidate(text: str, ev) -> str | None:
    """The language a sentence may be in, on cheap evidence, or None."""
    words = _counted_words(text, ev)
    n = len(words)
    if n < 2:
        return None
    english = sum(1 for w in words if w in ev.english)
    if english * 5 >= n:
        return None
    best = ev.best_foreign(words, set("".join(words)))
    if best is None:
        return None
    lang, hits, marked = best
    if n <= 3:
        return lang if marked else None
    return lang if hits >= 2 and hits * 4 >= n else None


@check(UNTRANSLATED_PASSAGE)
def untranslated_passages(doc, ctx):
    prose = doc.prose
    ev = ctx.ruleset.data.language_evidence
    detector = ctx.config.language_detector
    if not ev.foreign:
        return
    foreign = ev.foreign
    gated = ctx.ruleset.data.foreign_words_are_latin
    # A paragraph's token that is a foreign word of Latin letters is one of the
    # document's word runs, lowercased: much plain news has none (C set work).
    if gated and foreign.isdisjoint(map(str.lower, doc.word_set)):
        return
    for pstart, pend in doc.paragraphs:
        if foreign.isdisjoint(_tokens(prose[pstart:pend].lower())):
            continue
        pending = None  # (start, end, lang, prob): consecutive sentences make one finding
        for start, end in _sentences(prose, pstart, pend):
            text = prose[start:end]
            found = None
            if (not gated or _may_be_foreign(text, foreign)) and passage_candidate(text, ev):
                guess = _identify(text, _FOREIGN_LANGUAGES, detector)
                if guess and guess[0] in ev.function_words:
                    found = guess
            if found and pending and pending[2] == found[0]:
                pending = (pending[0], end, found[0], min(pending[3], found[1]))
                continue
            if pending:
                yield _passage_finding(doc, ev, *pending)
            pending = (start, end, *found) if found else None
        if pending:
            yield _passage_finding(doc, ev, *pending)


def _passage_finding(doc, ev, start, end, lang, prob):
    prose = doc.prose
    while end > start and prose[end - 1] in " \t:":
        end -= 1
    return doc.finding(UNTRANSLATED_PASSAGE, start, end,
                       {"language": ev.name(lang), "lang": lang, "probability": prob})


CHECKS = [untranslated_cyrillic, untranslated_passages]
