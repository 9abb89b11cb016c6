"""Language identification, loaded lazily and only for real candidates.

The checks decide cheaply (letters, function words, diacritics) whether a
stretch of text might be foreign; only those candidates come here. The
detector library costs about 0.3 s (langdetect) or more (lingua) to load, so
it is imported on the first call, never at import time: a clean English
article never loads it.

langdetect is random by design; `DetectorFactory.seed = 0` makes every call
give the same answer for the same text, whatever ran before it. lingua
(`pip install lintnews[lingua]`, config `language-detector = "lingua"`) is
deterministic and is built once for the languages lintnews cares about.
See docs/language-detection.md for the measurements behind the default.
"""
from __future__ import annotations

from functools import lru_cache

#: The languages either detector is asked about (ISO 639-1).
LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "pl", "nl", "sv", "ru", "uk", "be", "bg", "mk", "sr")


class DetectorUnavailable(RuntimeError):
    """The configured detector is not installed."""


def identify(text: str, detector: str = "langdetect") -> list[tuple[str, float]]:
    """Languages of `text` with their probabilities, most likely first.

    An empty list when nothing could be said (no letters).
    """
    if detector == "lingua":
        return _lingua(text)
    return _langdetect(text)


def _langdetect(text: str) -> list[tuple[str, float]]:
    factory = _langdetect_factory()
    from langdetect.lang_detect_exception import LangDetectException

    try:
        d = factory.create()
        d.append(text)
        return [(str(p.lang), float(p.prob)) for p in d.get_probabilities()]
    except LangDetectException:
        return []


@lru_cache(maxsize=1)
def _langdetect_factory():
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0
    detector_factory.init_factory()
    return detector_factory._factory


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
