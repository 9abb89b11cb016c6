"""langdetect's model kept in the table cache (`lintnews.text.langprofiles`).

Read back, it must answer every n-gram exactly as langdetect's own loading
does, and give the same detections to the last bit; a model that does not
read back means langdetect's own loading.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lintnews.text import langid

from lintnews.text import langprofiles

from lintnews.run import tablecache
langdetect = pytest.importorskip("langdetect")
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "Читайте также: паводок на севере области",
    "Міністр заявив, що переговори тривають",
    "El ministro dijo que las conversaciones continúan en la capital",
    "Der Minister sagte, die Gespräche würden fortgesetzt",
    "Le ministre a déclaré que les pourparlers se poursuivent",
    "Il ministro ha detto che i colloqui continuano",
    "The minister said the talks would go on",
    "Министърът каза, че разговорите продължават",
    "x",
]


@pytest.fixture(scope="module")
def fresh():
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@pytest.fixture(scope="module")
def stored(fresh):
    return langprofiles.loads(langprofiles.dumps(fresh.langlist, fresh.word_lang_prob_map))


def _probabilities(langlist, model, text):
    factory = DetectorFactory()
    factory.langlist, factory.word_lang_prob_map = langlist, model
    DetectorFactory.seed = 0
    detector = factory.create()
    detector.append(text)
    return [(p.lang, p.prob) for p in detector.get_probabilities()]


def test_every_ngram_reads_back_as_langdetect_loads_it(fresh, stored):
    langlist, model = stored
    assert langlist == fresh.langlist and len(model) == len(fresh.word_lang_prob_map)
    for ngram, probabilities in fresh.word_lang_prob_map.items():
        assert ngram in model and model[ngram] == probabilities  # the same doubles, in order
    for absent in ("qqqq", "", "Жж1", "\ud800"):
        assert absent not in model
    with pytest.raises(KeyError):
        model["qqqq"]


@pytest.mark.parametrize("text", TEXTS)
def test_detections_are_the_same_to_the_last_bit(fresh, stored, text):
    expected = _probabilities(fresh.langlist, fresh.word_lang_prob_map, text)
    assert _probabilities(*stored, text) == expected


@pytest.mark.parametrize("damage, reason", [
    ("layout", "another layout"), ("truncated", "wrong size"), ("longer", "wrong size"),
])
def test_a_model_that_does_not_read_back_is_refused(fresh, monkeypatch, damage, reason):
    part = dict(list(fresh.word_lang_prob_map.items())[:50])
    if damage == "layout":
        monkeypatch.setattr(langprofiles, "LAYOUT", langprofiles.LAYOUT + 1)
    data = langprofiles.dumps(fresh.langlist, part)
    monkeypatch.undo()
    if damage == "truncated":
        data = data[:-9]
    elif damage == "longer":
        data = data + b"\0" * 8
    with pytest.raises(ValueError, match=reason):
        langprofiles.loads(data)


def _child(cache: Path) -> tuple:
    code = (
        "import sys\n"
        "from lintnews.text.langid import identify, _langdetect_factory\n"
        f"found = [identify(t) for t in {TEXTS!r}]\n"
        "print(repr((found, type(_langdetect_factory().word_lang_prob_map).__name__)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), tablecache.ENV: str(cache)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return ast.literal_eval(proc.stdout.strip().splitlines()[-1])


def test_the_first_process_stores_the_model_and_the_next_reads_it(tmp_path):
    cache = tmp_path / "tables"
    first, first_model = _child(cache)
    again, again_model = _child(cache)
    assert first_model == "dict" and again_model == "ProfileMap"
    assert again == first and any(found and found[0][0] == "ru" for found in first)
    assert len(list(cache.glob("langdetect-*.bin"))) == 1


def test_a_damaged_stored_model_means_langdetects_own_loading(tmp_path, monkeypatch):
    monkeypatch.setenv(tablecache.ENV, str(tmp_path / "tables"))
    key = langprofiles.cache_key()
    assert key is not None
    tablecache.write("langdetect", key, b"not a model")  # intact for the cache (key, CRC), wrong inside
    langid._langdetect_factory.cache_clear()
    try:
        factory = langid._langdetect_factory()
        assert isinstance(factory.word_lang_prob_map, dict)
        assert langid.identify(TEXTS[2])[0][0] == "es"
    finally:
        langid._langdetect_factory.cache_clear()
