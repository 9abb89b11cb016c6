"""`lint_text` is pure and picklable, so Spark, Ray and Dask workers can call it."""
from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

from lintnews import Config, Finding, Severity, lint_text

TEXTS = [
    "Officials in kyiv said on Monday.",
    "Kiev’s mayor spoke, and kyiv residents listened.",
    "Officials in Kyiv said nothing new.",
]


def test_config_and_findings_survive_a_pickle_round_trip():
    config = Config(select=("LN2",), ignore=("LN202",), severity=(("LN201", Severity.INFO),),
                    allow=("kyiv-tag",))
    assert pickle.loads(pickle.dumps(config)) == config
    findings = lint_text(TEXTS[1])
    copy = pickle.loads(pickle.dumps(findings))
    assert copy == findings
    assert all(isinstance(f, Finding) for f in copy)
    assert [(f.rule, f.excerpt, f.fixes[0].edits[0].replacement) for f in copy] == [
        ("LN202", "Kiev", "Kyiv"), ("LN201", "kyiv", "Kyiv")]


def test_lint_text_is_pure():
    before = lint_text(TEXTS[1])
    lint_text(TEXTS[0], Config(ignore=("LN201",)))
    assert lint_text(TEXTS[1]) == before
    assert lint_text(TEXTS[1], Config(ignore=("LN201",))) == [before[0]]


def test_lint_text_runs_in_a_fresh_process_pool():
    config = Config(ignore=("LN202",))
    expected = [lint_text(t, config) for t in TEXTS]
    spawn = multiprocessing.get_context("spawn")  # workers that share nothing with this process
    with ProcessPoolExecutor(2, mp_context=spawn) as pool:
        found = list(pool.map(lint_text, TEXTS, [config] * len(TEXTS)))
    assert found == expected
    assert [[f.excerpt for f in fs] for fs in found] == [["kyiv"], ["kyiv"], []]
