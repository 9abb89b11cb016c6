"""Names: house-style spelling of people and places, driven by `[[entity]]` data.

    [[rule]]
    kind = "names"
    report = "variants"                   # or "inconsistent", "near", "foreign-looking"
    origins = ["spanish", "german"]       # the variant origins it reports ("variants", "near")
    origin-severity = { romanization = "info" }   # optional, per origin

Every rule of this kind shares ONE check and ONE pass of the entity pattern
(`lintnews.families.names.entities`) over the prose; unknown capitalised words then get
a cheap second look for misspelt (`near`) or foreign-looking names. The fix
is the house style's form (`[profile.NAME]`, `lintnews.families.names.profiles`),
else the form the document already uses most, else the entity's first form.
Inside a direct quotation findings come one severity lower (`quoted-severity`).
"""
from __future__ import annotations

import regex

from collections import Counter
from functools import lru_cache


from lintnews.finding import Severity
from lintnews.engine.registry import Check
from lintnews.families.names.entities import ORIGINS
from lintnews.families.names.foreign import foreign_look
from lintnews.families.names.near import NearIndex
from lintnews.families.names.profiles import profile
from lintnews.kinds.common import Spans, is_inside_token, match_case, quoted_severity, starts_word

#: A lowercase variant this frequent in English is a word, not a name (the
#: English list also holds names such as "kiev" at low frequencies).
COMMON_WORD = 1000
REPORTS = ("variants", "inconsistent", "near", "foreign-looking")
_FOREIGN = {"spanish", "german", "french", "italian", "polish", "portuguese"}
#: A word with a productive Slavic name ending is as likely another real name
#: (Fedotov beside Fedorov, Mariyevka beside Makiivka): not a misspelling.
_WELL_FORMED = regex.compile(
    r"(?:ov|ova|ev|eva|in|ina|yn|yna|sky|ska|skyi|skiy|skaya|enko|uk|chuk|ich|vich|ych|"
    r"ivka|ovka|evka|sk|pol|grad|hrad|gorod|horod|ets|ia|iya|yi|ii|iy)$"
)
#: How far (characters, either side) a guarded variant looks for Ukraine.
CONTEXT = 250
_REGION_AFTER = regex.compile(r"[ \u00a0](?:region|district|raion|oblast|Oblast|Raion|hromada)\b")
#: A Russian compound place name goes on past the variant (Slavyansk-na-Kubani,
#: Komsomolsk-on-Amur); Kiev-based and Kiev-Pechersk do not.
_COMPOUND_AFTER = regex.compile(r"-(?:na|on|upon)-")
_WORD_BEFORE = regex.compile(r"(\p{Lu}\p{Ll}+)[ \u00a0]$")
#: Cheap gate before `foreign_look`: an accent, a j, a German sch or a W.
_MAYBE_FOREIGN = regex.compile(r"^W|[j\u00e1\u00e9\u00ed\u00f3\u00fa]|sch")
_CAPITALISED = regex.compile(r"(?<![\w\u0300-\u036f'’-])\p{Lu}[\p{Ll}\u0300-\u036f]{4,}(?![\w\u0300-\u036f])")


def build(entries, ruleset):
    by_origin: dict[str, tuple] = {}
    by_report: dict[str, object] = {}
    for entry in entries:
        report = entry.data.get("report")
        if report not in REPORTS:
            raise entry.error(f"'report' must be one of {', '.join(REPORTS)}")
        if report in ("variants", "near") and ("origins" in entry.data or report == "variants"):
            origins = entry.data.get("origins")
            if not isinstance(origins, list) or not origins or not all(o in ORIGINS for o in origins):
                raise entry.error(f"'origins' must be a list of: {', '.join(ORIGINS)}")
            try:
                levels = {o: Severity.parse(v) for o, v in entry.data.get("origin-severity", {}).items()}
            except (ValueError, AttributeError) as exc:
                raise entry.error(f"'origin-severity': {exc}") from None
            for origin in origins:
                if origin in by_origin:
                    raise entry.error(f"origin '{origin}' is already reported by {by_origin[origin][0].rule.code}")
                by_origin[origin] = (entry, levels.get(origin))
        if report != "variants":
            if report in by_report:
                raise entry.error(f"another rule already reports '{report}'")
            by_report[report] = entry
    table = ruleset.data.entities
    near = NearIndex(table.near_forms) if "near" in by_report else None
    checker = _Names(table, by_origin, by_report, near)
    return [Check(tuple(e.rule for e in entries), checker.run)]


class _Names:
    def __init__(self, table, by_origin, by_report, near) -> None:
        self.table = table
        self.by_origin = by_origin
        self.inconsistent = by_report.get("inconsistent")
        self.near_entry = by_report.get("near")
        self.foreign_entry = by_report.get("foreign-looking")
        self.near = near
        self._context = None
        # capitalised words repeat across a corpus: judge each one once per process
        self.judge = lru_cache(maxsize=65536)(self._judge)

    def run(self, doc, ctx):
        prose = doc.prose
        house = profile(ctx.ruleset, ctx.style)
        seen: dict[str, list] = {}      # entity id -> [(start, end, form, lowercase)]
        entities: dict[str, object] = {}
        variants: list = []
        covered = Spans()  # (start, end) of every name found: millions in a hostile text
        hits = self.table.hits
        for m in self.table.index.finditer(prose, doc.word_set):
            start, end = m.span()
            if not starts_word(prose, start) or is_inside_token(prose, start, end):
                continue
            found = m.group()
            hit = hits[found]
            covered.append((start, end))
            if hit.role == "accepted":
                if hit.form:
                    entities[hit.entity.id] = hit.entity
                    seen.setdefault(hit.entity.id, []).append((start, end, hit.form, hit.lowercase))
            elif hit.role == "variant" and found not in house.accept:
                variants.append((start, end, found, hit))
        preferred = {eid: _preferred(house, entities[eid], items) for eid, items in seen.items()}
        written = {eid: _most_written(items) for eid, items in seen.items()}  # counted once, not per variant
        for start, end, found, hit in variants:
            yield from self._variant(doc, ctx, house, written, preferred, start, end, found, hit)
        if self.inconsistent is not None and ctx.enabled(self.inconsistent.rule.code):
            yield from self._inconsistent(doc, ctx, house, seen, preferred)
        if (self.near_entry is not None and ctx.enabled(self.near_entry.rule.code)) or (
                self.foreign_entry is not None and ctx.enabled(self.foreign_entry.rule.code)):
            yield from self._unknown(doc, ctx, house, preferred, covered)

    # -- what the house (or the document) writes ----------------------------
    def _surname(self, house, preferred, entity) -> str:
        return house.form_for(entity.forms) or preferred.get(entity.id) or entity.forms[0]

    def _fix(self, house, preferred, hit) -> str:
        if hit.replacement:
            if hit.entity.type == "region" and " " in hit.replacement:
                # an oblast: the house may prefer "Oblast" to "region" (prefer = { region = "Oblast" })
                stem, word = hit.replacement.rsplit(" ", 1)
                return f"{stem} {house.prefer.get(word, house.prefer.get(word.lower(), word))}"
            return hit.replacement
        if hit.part == "given":
            return hit.given
        surname = house.form_for(hit.entity.forms) or preferred.get(hit.entity.id) or hit.form or hit.entity.forms[0]
        return f"{hit.given} {surname}" if hit.part == "full" else surname

    # -- LN202 / LN203 / LN205: a listed variant ----------------------------
    def _variant(self, doc, ctx, house, written, preferred, start, end, found, hit):
        owner = self.by_origin.get(hit.origin)
        if owner is None or not ctx.enabled(owner[0].rule.code):
            return
        entry, origin_level = owner
        if hit.lowercase and _is_word(found, COMMON_WORD):
            return
        if hit.guard and (self._after_given_name(doc.prose, start) or not self._in_ukraine(doc.prose, start, end)):
            return
        if _COMPOUND_AFTER.match(doc.prose, end):
            return  # part of a longer name: Slavyansk-na-Kubani, Komsomolsk-on-Amur
        fix = self._fix(house, preferred, hit)
        fix = match_case(fix, found) if not hit.lowercase else fix
        native = hit.entity.native_part(hit.part)
        language = ORIGINS[hit.origin]
        if hit.origin in _FOREIGN:
            message = f"{language} transliteration of {native}: English writes “{fix}”."
        elif hit.origin == "russian-derived":
            message = f"“{found}” is the Russian-derived spelling of {native}: English news writes “{fix}”."
        elif hit.origin == "romanization":
            message = (f"“{found}” is an older or non-standard romanization of {native}: "
                       f"{_house_name(house)} writes “{fix}”.")
        elif hit.origin == "renamed":
            old = f" ({hit.old_native})" if hit.old_native else ""
            message = (f"“{found}”{old} is the former name of {fix}, renamed in {hit.renamed}: "
                       f"write “{fix}”, unless the text is about the time before {hit.renamed}.")
        elif hit.origin == "historical":
            message = (f"“{found}” is the historical spelling: keep it only in a historical text "
                       f"or a quoted title; otherwise write “{fix}”.")
        else:
            message = f"“{found}” is a misspelling of {native}: write “{fix}”."
        if hit.entity.id in written:
            form, n, lower = written[hit.entity.id]
            if lower == n:
                message += f" This text also writes “{form}” {_times(n)}, in lowercase."
            elif lower:
                message += f" This text also writes “{form}” {_times(n)} ({lower} in lowercase)."
            else:
                message += f" This text also writes “{form}” {_times(n)}."
        severity = house.severity.get(entry.rule.code) or origin_level or entry.rule.severity
        severity = quoted_severity(doc, ctx, severity, start, end)
        if severity is not None:
            yield doc.finding(entry.rule, start, end, message, [(fix, hit.safe)], severity=severity)

    def _after_given_name(self, prose: str, start: int) -> bool:
        m = _WORD_BEFORE.search(prose, max(0, start - 30), start)
        return m is not None and m.group(1) in self.table.given_names

    def _in_ukraine(self, prose: str, start: int, end: int) -> bool:
        """Does the text around a guarded variant put it in Ukraine?

        A name of an oblast or "Ukraine", "raion"... in the same paragraph, at
        most CONTEXT characters away, or "region" / "district" right after the
        name (Gorodok district).
        """
        if self._context is None:
            words = sorted(self.table.context, key=len, reverse=True)
            self._context = regex.compile(r"\b(?:" + "|".join(map(regex.escape, words)) + r")\b") if words else None
        if _REGION_AFTER.match(prose, end):
            return True
        if self._context is None:
            return False
        lo = max(0, start - CONTEXT, prose.rfind("\n\n", 0, start) + 1)
        hi = prose.find("\n\n", end)
        hi = min(len(prose), end + CONTEXT, hi if hi >= 0 else len(prose))
        return self._context.search(prose, lo, hi) is not None

    # -- LN204: several forms of one name -----------------------------------
    def _inconsistent(self, doc, ctx, house, seen, preferred):
        entry = self.inconsistent
        for eid, items in seen.items():
            target = preferred[eid]
            counts = Counter(form for *_x, form, _low in items)
            if len(counts) < 2 and target in counts:
                continue
            for start, end, form, lowercase in items:
                if form == target or lowercase:
                    continue
                if target in counts:
                    message = (f"This text writes “{prose_at(doc, start, end)}” here and “{target}” "
                               f"{_times(counts[target])} elsewhere: use one form, “{target}”.")
                    severity = house.severity.get(entry.rule.code) or entry.rule.severity
                else:
                    message = f"{_house_name(house)} style writes “{target}”, not “{form}”."
                    severity = Severity.INFO
                severity = quoted_severity(doc, ctx, severity, start, end)
                if severity is not None:
                    fix = match_case(target, prose_at(doc, start, end))
                    yield doc.finding(entry.rule, start, end, message, [(fix, False)], severity=severity)

    # -- LN205 near a known name, LN206 foreign-looking ---------------------
    def _judge(self, word: str):
        """("near", entity) or ("foreign", (language, what)) or None; cached per word."""
        low = word.lower()
        if low in self.table.known:
            return None
        if len(word) >= 6 and not _WELL_FORMED.search(low) and not _is_word(low):
            close = self.near.nearest(low) if self.near is not None else None
            if close is not None:
                return "near", self.table.near_forms[close[0]]
        if _MAYBE_FOREIGN.search(word):
            look = foreign_look(word)
            if look is not None:
                return "foreign", look
        return None

    def _unknown(self, doc, ctx, house, preferred, covered):
        prose = doc.prose
        near_on = self.near_entry is not None and ctx.enabled(self.near_entry.rule.code)
        foreign_on = self.foreign_entry is not None and ctx.enabled(self.foreign_entry.rule.code)
        judge = self.judge
        # Most texts have no capitalised word worth a verdict: find that out in
        # one pass over the distinct words before walking every occurrence.
        if not any(map(judge, set(_CAPITALISED.findall(prose)))):
            return
        i = 0
        for m in _CAPITALISED.finditer(prose):
            start, end = m.span()
            while i < len(covered) and covered[i][1] <= start:
                i += 1
            if i < len(covered) and covered[i][0] < end:
                continue
            word = m.group()
            verdict = judge(word)
            if verdict is None or is_inside_token(prose, start, end):
                continue
            kind, detail = verdict
            if kind == "near" and near_on:
                yield from self._near(doc, ctx, house, preferred, start, end, word, detail)
            elif kind == "foreign" and foreign_on:
                language, what = detail
                entry = self.foreign_entry
                severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
                if severity is not None:
                    yield doc.finding(
                        entry.rule, start, end,
                        f"“{word}” looks like a {language} spelling of a Slavic name ({what}): "
                        "check the English form of this name.", severity=severity)

    def _near(self, doc, ctx, house, preferred, start, end, word, entity):
        entry = self.near_entry
        fix = self._surname(house, preferred, entity)
        severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
        if severity is not None:
            yield doc.finding(
                entry.rule, start, end,
                f"“{word}” is not a word and is close to {entity.native}: did you mean “{fix}”?",
                [(fix, False)], severity=severity)


def _preferred(house, entity, items) -> str:
    """The house's form; failing that the document's most frequent (ties: data order)."""
    target = house.form_for(entity.forms)
    if target:
        return target
    counts = Counter(form for _s, _e, form, _low in items)
    best = max(counts.values())
    return next(f for f in entity.forms if counts.get(f) == best)


def prose_at(doc, start: int, end: int) -> str:
    return doc.prose[start:end]


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _house_name(house) -> str:
    return "English news" if house.name == "default" else house.title


def _is_word(low: str, min_frequency: int = 1) -> bool:
    from lintnews.text.wordlist import is_word
    return is_word(low, min_frequency=min_frequency)


def _most_written(items) -> tuple[str, int, int]:
    """The form a text writes most often, how often, and how often in lowercase."""
    counts = Counter(form for *_x, form, _low in items)
    form, n = counts.most_common(1)[0]
    return form, n, sum(1 for *_x, f, low in items if f == form and low)
