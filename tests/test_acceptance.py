"""The shared acceptance check over the seed articles and the clean dev set.

Skips itself when ../shared is absent (a clone without the workplace around it).
A missed item counts only when lintnews has a rule of one of the item's
categories, so the test is strict for every family that exists; a false
positive on the clean dev set always fails.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import regex

from lintnews.engine.lint import build_rules

ROOT = Path(__file__).resolve().parent.parent
ACCEPTANCE = ROOT.parent / "shared" / "tools" / "acceptance.py"
_FAILED_ITEM = regex.compile(r"^FAIL .*? \[([a-z/-]+)\] ")


@pytest.mark.skipif(not ACCEPTANCE.is_file(), reason="../shared is not present")
def test_acceptance_seeds_and_clean_devset():
    proc = subprocess.run([sys.executable, str(ACCEPTANCE), "--project", str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    categories = {rule.category for rule in build_rules().by_code.values()}
    problems = []
    for line in proc.stdout.splitlines():
        if line.startswith("FP "):
            problems.append(line)
        m = _FAILED_ITEM.match(line)
        if m and categories & set(m.group(1).split("/")):
            problems.append(line)
    assert problems == [], "\n".join(problems)
