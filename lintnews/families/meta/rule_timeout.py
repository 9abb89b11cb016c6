"""LN002: registers the rule-timeout rule so it is listed, documented and selectable.

The finding itself is made where user patterns run (`safe_regex`, used by the
existence kind), since only that code knows a pattern ran out of time; this
check adds nothing of its own.
"""
from __future__ import annotations

from lintnews.engine.registry import Check
from lintnews.text.safe_regex import RULE_TIMEOUT

CHECKS = [Check((RULE_TIMEOUT,), lambda doc, ctx: ())]
