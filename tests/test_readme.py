"""The README's rule table is the one tools/readme_rules.py writes from the rule records."""
from __future__ import annotations

from tools.readme_rules import README, table, with_table


def test_readme_rule_table_matches_the_rule_records():
    text = README.read_text(encoding="utf-8")
    assert with_table(text) == text, "README.md's rule table is stale: run python tools/readme_rules.py"


def test_rule_table_has_one_row_per_rule_with_its_summary():
    rows = [line for line in table().splitlines() if line.startswith("| LN")]
    assert "| LN202 | `russian-derived-name` | transliteration | warning | yes |" in table()
    codes = [row.split(" | ")[0][2:] for row in rows]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    assert "LN001" in codes and "LN804" in codes
