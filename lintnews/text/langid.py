"""Language identification, loaded lazily and only for real candidates.

The checks decide cheaply (letters, function words, diacritics) whether a
stretch of text might be foreign; only those candidates come here. The
detector library (langdetect, or lingua) is slow to load, so it is imported
on the first call, never at import time: a clean English article never
loads it.

langdetect is random by design; `DetectorFactory.seed = 0` makes every call
give the same answer for the same text, whatever ran before it. lingua
(`pip install lintnews[lingua]`, config `language-detector = "lingua"`) is
deterministic and is built once for the languages lintnews cares about.
See docs/language-detection.md for the measurements behind the default.
"""
from __future__ import annotations

import regex

import os
from functools import lru_cache

from dataclasses import dataclass

#: The languages either detector is asked about (ISO 639-1).
LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "pl", "nl", "sv", "ru", "uk", "be", "bg", "mk", "sr")
#: Those written in Cyrillic: the languages a Cyrillic run can be.
CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "mk", "sr")


LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "de": "German", "fr": "French", "it": "Italian",
    "pt": "Portuguese", "pl": "Polish", "nl": "Dutch", "sv": "Swedish", "ru": "Russian",
    "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian", "mk": "Macedonian", "sr": "Serbian",
}


@dataclass(frozen=True)
class Evidence:
    """The cheap language evidence of `rules/languages.toml`, compiled once per rule set."""

    english: frozenset
    function_words: dict  # language code → frozenset of its function words (English ones removed)
    letters: dict  # language code → frozenset of its distinctive letters
    names: dict  # language code → English name of the language
    borrowed: "regex.Pattern | None"  # foreign phrases English uses as its own, compiled on first use
    foreign: frozenset  # every foreign function word, for the pre-filter
    #: The longest word (`\\w+` run, case-folded) of each borrowed phrase: a text
    #: without one of them as a word holds no borrowed phrase (None: a phrase has no word).
    borrowed_words: "frozenset | None" = None

    def name(self, code: str) -> str:
        return self.names.get(code) or LANGUAGE_NAMES.get(code, code)

    def best_foreign(self, words: list[str], letters: set[str]) -> tuple[str, int, bool] | None:
        """(language, function words of it among `words`, has its letters) of the best language."""
        best = None
        for code, vocabulary in self.function_words.items():
            hits = sum(1 for w in words if w in vocabulary)
            if not hits:
                continue
            marked = bool(letters & self.letters.get(code, frozenset()))
            key = (hits, marked, code)
            if best is None or key[:2] > best[0][:2]:
                best = (key, (code, hits, marked))
        return best[1] if best else None


def build_evidence(ruleset) -> Evidence:
    """The Evidence of a rule set's `language` and `borrowed-phrases` tables (its `RuleData.language_evidence`)."""
    english: set[str] = set()
    words: dict[str, set[str]] = {}
    letters: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    borrowed: list[str] = []
    for _path, table in ruleset.table("language"):
        for code, spec in sorted(table.items()):
            vocabulary = {w.lower() for w in spec.get("function-words", [])}
            if code == "en":
                english |= vocabulary
            else:
                words.setdefault(code, set()).update(vocabulary)
                letters.setdefault(code, set()).update(spec.get("letters", ""))
            if "name" in spec:
                names[code] = spec["name"]
    for _path, table in ruleset.table("borrowed-phrases"):
        borrowed.extend(table.get("phrases", []))
    # compiled only for a text that gets as far as the borrowed phrases (LN103's candidates)
    pattern = (regex.compile(r"(?<![\w])\L<phrases>(?![\w])", regex.IGNORECASE, phrases=borrowed)
               if borrowed else None)
    foreign = frozenset(set().union(*words.values()) - english) if words else frozenset()
    longest = [max(_WORD_RUN.findall(phrase), key=len, default="") for phrase in borrowed]
    borrowed_words = frozenset(run.casefold() for run in longest) if all(longest) else None
    found = Evidence(
        english=frozenset(english),
        function_words={c: frozenset(v - english) for c, v in sorted(words.items())},
        letters={c: frozenset(v) for c, v in letters.items()},
        names=names,
        borrowed=pattern,
        foreign=foreign,
        borrowed_words=borrowed_words,
    )
    return found


#: A word as the borrowed-phrase pattern bounds it (`regex`'s `\\w`).
_WORD_RUN = regex.compile(r"\w+")


class DetectorUnavailable(RuntimeError):
    """The configured detector is not installed."""


def identify(text: str, detector: str = "langdetect",
             languages: tuple[str, ...] = LANGUAGES) -> list[tuple[str, float]]:
    """Languages of `text` with their probabilities, most likely first.

    langdetect chooses among `languages` (those of `LANGUAGES` it has a
    profile for): a Cyrillic run needs only the Cyrillic ones, whose profiles
    load in a third of the time of all thirteen. lingua always chooses among
    all of `LANGUAGES`. An empty list when nothing could be said (no letters).
    """
    if detector == "lingua":
        return _lingua(text)
    return _langdetect(text, languages)


def _langdetect(text: str, languages: tuple[str, ...]) -> list[tuple[str, float]]:
    factory = _langdetect_factory(languages)
    from langdetect.lang_detect_exception import LangDetectException

    try:
        d = factory.create()
        d.append(text)
        return [(str(p.lang), float(p.prob)) for p in d.get_probabilities()]
    except LangDetectException:
        return []


@lru_cache(maxsize=4)
def _langdetect_factory(languages: tuple[str, ...]):
    """langdetect's factory with the profiles of `languages` it has (not
    Belarusian or Serbian), loaded through its public `load_json_profile`,
    with a fixed seed."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    profiles = []
    for code in languages:
        path = os.path.join(PROFILES_DIRECTORY, code)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


def _lingua(text: str) -> list[tuple[str, float]]:
    detector = _lingua_detector()
    values = detector.compute_language_confidence_values(text)
    out = []
    for v in values:
        code = v.language.iso_code_639_1.name.lower()
        if v.value > 0.0:
            out.append((code, float(v.value)))
    return out


@lru_cache(maxsize=1)
def _lingua_detector():
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        raise DetectorUnavailable(
            "language-detector = \"lingua\" needs the lingua extra: pip install 'lintnews[lingua]'"
        ) from None
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()
