"""House conventions: typographic choices a newsroom makes, which turn style notes into warnings.

A text that mixes straight and curly quotation marks is a style choice, not
damage: lintnews notes it (`info`) unless the house has chosen (docs/severity.md).
The choice comes from the configuration key `quotes = "curly" | "straight" |
"any"`, or else from the style profile's convention in the rule data:

    [convention.bbc]
    quotes = "curly"

A bad value in the rule data is a `RuleFileError` naming the file.
"""
from __future__ import annotations

from lintnews.errors import RuleFileError

QUOTE_STYLES = ("curly", "straight", "any")
_KEYS = {"quotes": QUOTE_STYLES}


def build_conventions(ruleset) -> dict[str, dict[str, str]]:
    """Profile name -> {key: value}, merged over every rule folder (later wins)."""
    out: dict[str, dict[str, str]] = {}
    for path, table in ruleset.table("convention"):
        if not isinstance(table, dict):
            raise RuleFileError(path, None, "'convention' must be [convention.PROFILE] tables")
        for name, body in table.items():
            if not isinstance(body, dict):
                raise RuleFileError(path, None, f"convention {name}: must be a table")
            for key, value in body.items():
                if key not in _KEYS:
                    raise RuleFileError(path, None, f"convention {name}: unknown key '{key}' "
                                                    f"(known: {', '.join(sorted(_KEYS))})")
                if value not in _KEYS[key]:
                    raise RuleFileError(path, None, f"convention {name}: {key} = {value!r}: "
                                                    f"expected one of {', '.join(_KEYS[key])}")
                out.setdefault(name, {})[key] = value
    return out


def quote_style(ctx) -> str | None:
    """'curly' or 'straight' when the house has chosen its quotation marks, else None."""
    chosen = getattr(ctx.config, "quotes", "") or ctx.ruleset.data.conventions.get(ctx.style, {}).get("quotes", "")
    return chosen if chosen in ("curly", "straight") else None
