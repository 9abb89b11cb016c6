"""House-style profiles: which form of a name a newsroom writes.

    [profile.ap]
    title = "AP"                        # how messages name the house style
    extends = "default"                 # optional: start from another profile
    source = "AP Stylebook ..."         # where the facts come from
    accept = ["Odessa"]                 # variants this house keeps (never reported)
    [profile.ap.prefer]                 # form -> the form this house writes
    "Zelensky" = "Zelenskyy"
    [profile.ap.severity]               # rule code -> severity under this profile
    LN202 = "error"

Profiles from every rule folder merge by name, later folders winning key by
key, so a newsroom can add its own profile or adjust a built-in one in its own
rule folder. `default` needs no table: it prefers nothing, so every accepted
form is fine and only mixing them is reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from lintnews.finding import Severity
from lintnews.errors import RuleFileError


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    prefer: dict[str, str] = field(default_factory=dict)
    accept: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)

    def form_for(self, forms: tuple[str, ...]) -> str | None:
        """The form this house writes for a name with these accepted forms."""
        for form in forms:
            target = self.prefer.get(form)
            if target is not None:
                return target
        for form in forms:
            if form in self.prefer.values():
                return form
        return None


DEFAULT = Profile("default", "default")


def profile(ruleset, name: str) -> Profile:
    """The profile `name` of `ruleset` (`default` when it has no table)."""
    return ruleset.data.profiles.get(name, DEFAULT)


def build_profiles(ruleset) -> dict[str, Profile]:
    """Every profile of `ruleset` by name (its `RuleData.profiles`)."""
    raw: dict[str, dict] = {}
    for path, table in ruleset.table("profile"):
        if not isinstance(table, dict):
            raise RuleFileError(path, None, "'profile' must be [profile.NAME] tables")
        for name, body in table.items():
            if not isinstance(body, dict):
                raise RuleFileError(path, None, f"profile {name}: must be a table")
            merged = raw.setdefault(name, {"prefer": {}, "accept": [], "severity": {}})
            for key, value in body.items():
                if key in ("prefer", "severity"):
                    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                        raise RuleFileError(path, None, f"profile {name}: '{key}' must be a table of strings")
                    merged[key].update(value)
                elif key == "accept":
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        raise RuleFileError(path, None, f"profile {name}: 'accept' must be a list of strings")
                    merged["accept"].extend(value)
                elif key in ("title", "extends", "source", "note"):
                    merged[key] = value
                else:
                    raise RuleFileError(path, None, f"profile {name}: unknown key '{key}'")
            merged.setdefault("path", path)
    out = {"default": DEFAULT}
    for name in raw:
        out[name] = _resolve(name, raw, set())
    return out


def _resolve(name: str, raw: dict, seen: set) -> Profile:
    if name in seen:
        raise RuleFileError(raw[name]["path"], None, f"profile {name}: 'extends' goes round in a circle")
    seen.add(name)
    body = raw[name]
    base = DEFAULT
    parent = body.get("extends")
    if parent and parent != "default":
        if parent not in raw:
            raise RuleFileError(body["path"], None, f"profile {name}: extends unknown profile '{parent}'")
        base = _resolve(parent, raw, seen)
    try:
        severity = {code.upper(): Severity.parse(v) for code, v in body["severity"].items()}
    except ValueError as exc:
        raise RuleFileError(body["path"], None, f"profile {name}: {exc}") from None
    return Profile(
        name=name,
        title=str(body.get("title", name)),
        prefer={**base.prefer, **body["prefer"]},
        accept=base.accept | frozenset(body["accept"]),
        severity={**base.severity, **severity},
    )
