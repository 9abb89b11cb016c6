"""Names: house-style spelling of people and places, driven by `[[entity]]` data.

    [[rule]]
    kind = "names"
    report = "variants"                   # or "inconsistent", "near", "foreign-looking",
                                          # "russified-given", "round-trip", "sound-alike"
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

from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import repeat

import regex

from lintnews.errors import RuleFileError
from lintnews.finding import Severity
from lintnews.engine.registry import Check
from lintnews.families.names import given as given_names, soundalike
from lintnews.families.names.context import Whereabouts
from lintnews.families.names.entities import ORIGINS
from lintnews.families.names.figures import TITLES, Figures, figure_files
from lintnews.families.names.foreign import foreign_look
from lintnews.families.names.inflection import GUARD as GENERATED
from lintnews.families.names.near import NearIndex
from lintnews.families.names.profiles import profile
from lintnews.kinds.common import Spans, is_inside_token, match_case, quoted_severity, starts_word

#: A lowercase variant this frequent in English is a word, not a name (the
#: English list also holds names such as "kiev" at low frequencies).
COMMON_WORD = 1000
#: A capitalised word this frequent opening a sentence is a word (Later, Yesterday),
#: not a given name (Derek, Max, Eric are rarer).
SENTENCE_WORD = 10000
REPORTS = ("variants", "inconsistent", "near", "foreign-looking", "russified-given", "round-trip", "sound-alike")
_FOREIGN = {"spanish", "german", "french", "italian", "polish", "portuguese", "czech"}
#: A word with a productive Slavic name ending is as likely another real name
#: (Fedotov beside Fedorov, Mariyevka beside Makiivka): not a misspelling.
_WELL_FORMED = regex.compile(
    r"(?:ov|ova|ev|eva|in|ina|yn|yna|sky|ska|skyi|skiy|skaya|enko|uk|chuk|ich|vich|ych|"
    r"ivka|ovka|evka|sk|pol|grad|hrad|gorod|horod|ets|ia|iya|yi|ii|iy)$"
)
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
    checker = _Names(table, by_origin, by_report, near, ruleset)
    return [Check(tuple(e.rule for e in entries), checker.run)]


class _Names:
    def __init__(self, table, by_origin, by_report, near, ruleset) -> None:
        self.table = table
        self.by_origin = by_origin
        self.inconsistent = by_report.get("inconsistent")
        self.near_entry = by_report.get("near")
        self.foreign_entry = by_report.get("foreign-looking")
        self.given_entry = by_report.get("russified-given")
        self.trip_entry = by_report.get("round-trip")
        self.sound_entry = by_report.get("sound-alike")
        self.near = near
        self._ruleset = ruleset
        self._patterns = None  # (ukraine words, elsewhere words), compiled when first needed
        self._given = None     # Russian -> Ukrainian given names
        self._figures = None
        # capitalised words repeat across a corpus: judge each one once per process
        self.judge = lru_cache(maxsize=65536)(self._judge)
        self.sound_candidate = lru_cache(maxsize=65536)(self._sound_candidate)

    def run(self, doc, ctx):
        prose = doc.prose
        house = profile(ctx.ruleset, ctx.style)
        seen: dict[str, list] = {}      # entity id -> [(start, end, form, lowercase)]
        entities: dict[str, object] = {}
        variants: list = []
        covered = Spans()  # (start, end) of every name found: millions in a hostile text
        hits = self.table.hits
        for start, end in self.table.index.spans(prose, doc.word_set):
            if not starts_word(prose, start) or is_inside_token(prose, start, end):
                continue
            found = prose[start:end]
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
        whereabouts = None

        def where() -> Whereabouts:
            nonlocal whereabouts
            if whereabouts is None:
                whereabouts = self._where(doc)
            return whereabouts

        for start, end, found, hit in variants:
            yield from self._variant(doc, ctx, house, written, preferred, start, end, found, hit, where)
        if self.given_entry is not None and ctx.enabled(self.given_entry.rule.code):
            listed = any(hit.part == "full" and hit.given and hit.origin == "russian-derived"
                         for *_x, hit in variants)
            yield from self._russified(doc, ctx, covered, where, listed)
        capitalised = None

        def capitalised_words() -> set[str]:
            nonlocal capitalised
            if capitalised is None:
                capitalised = set(_CAPITALISED.findall(prose))
            return capitalised

        if self.sound_entry is not None and ctx.enabled(self.sound_entry.rule.code):
            yield from self._sound_alike(doc, ctx, capitalised_words())
        if self.inconsistent is not None and ctx.enabled(self.inconsistent.rule.code):
            yield from self._inconsistent(doc, ctx, house, seen, preferred)
        if any(e is not None and ctx.enabled(e.rule.code) for e in (self.near_entry, self.foreign_entry, self.trip_entry)):
            yield from self._unknown(doc, ctx, house, preferred, covered, capitalised_words())
        if self.near_entry is not None and ctx.enabled(self.near_entry.rule.code):
            yield from self._misspelt_given(doc, ctx, seen, entities)

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
    def _variant(self, doc, ctx, house, written, preferred, start, end, found, hit, where):
        owner = self.by_origin.get(hit.origin)
        if owner is None or not ctx.enabled(owner[0].rule.code):
            return
        entry, origin_level = owner
        if hit.lowercase and _is_word(found, COMMON_WORD):
            return
        place = hit.part == "place"
        if hit.guard and ((place and self._after_given_name(doc.prose, start)) or not where().in_ukraine(start, end)):
            return
        if hit.guard == GENERATED and place and self._given_before(doc.prose, start):
            return  # Hans Buche: a surname, not a case form of Bucha
        if _COMPOUND_AFTER.match(doc.prose, end):
            return  # part of a longer name: Slavyansk-na-Kubani, Komsomolsk-on-Amur
        fix = self._fix(house, preferred, hit)
        fix = match_case(fix, found) if not hit.lowercase else fix
        native = hit.entity.native_part(hit.part)
        language = ORIGINS[hit.origin]
        if hit.origin in _FOREIGN:
            message = f"{language} transliteration of {native}: English writes “{fix}”."
        elif hit.origin == "case-form":
            message = (f"“{found}” is {native} with a Russian or Ukrainian case ending, left by translation: "
                       f"English writes “{fix}”.")
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

    def _where(self, doc) -> Whereabouts:
        """The document's Ukraine context (`context.Whereabouts`)."""
        if self._patterns is None:
            elsewhere = []
            for path, table in self._ruleset.table("ukraine-context"):
                words = table.get("elsewhere", []) if isinstance(table, dict) else None
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise RuleFileError(path, None, "'ukraine-context': 'elsewhere' must be a list of words")
                elsewhere += words
            self._patterns = (tuple(self.table.context), tuple(dict.fromkeys(elsewhere)))
        return Whereabouts(doc, *self._patterns)

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
        """("near", entity), ("trip", figure) or ("foreign", (language, what)) or None; cached per word."""
        low = word.lower()
        if low in self.table.known:
            return None
        if self.trip_entry is not None and not _is_word(low):
            figure = self.figures().match(word)
            if figure is not None:
                return "trip", figure
        if len(word) >= 6 and not _WELL_FORMED.search(low) and not _is_word(low):
            close = self.near.nearest(low) if self.near is not None else None
            if close is not None:
                return "near", self.table.near_forms[close[0]]
        if _MAYBE_FOREIGN.search(word):
            look = foreign_look(word)
            if look is not None:
                return "foreign", look
        return None

    def _unknown(self, doc, ctx, house, preferred, covered, words):
        prose = doc.prose
        near_on = self.near_entry is not None and ctx.enabled(self.near_entry.rule.code)
        foreign_on = self.foreign_entry is not None and ctx.enabled(self.foreign_entry.rule.code)
        trip_on = self.trip_entry is not None and ctx.enabled(self.trip_entry.rule.code)
        judge = self.judge
        # Most texts have no capitalised word worth a verdict: judge the distinct
        # words, then visit only the occurrences of those that have one.
        flagged = {word: verdict for word in words if (verdict := judge(word)) is not None}
        if not flagged:
            return
        trips: list = []
        i, n_covered = 0, len(covered)
        for start, word in _occurrences(prose, flagged):
            end = start + len(word)
            while i < n_covered and covered[i][1] <= start:
                i += 1
            if i < n_covered and covered[i][0] < end:
                continue
            verdict = flagged[word]
            if is_inside_token(prose, start, end):
                continue
            kind, detail = verdict
            if kind == "near" and near_on:
                yield from self._near(doc, ctx, house, preferred, start, end, word, detail)
            elif kind == "trip" and trip_on:
                trips.append((start, end, word, detail))
            elif kind == "foreign" and foreign_on:
                language, what = detail
                entry = self.foreign_entry
                severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
                if severity is not None:
                    yield doc.finding(
                        entry.rule, start, end,
                        f"“{word}” looks like a {language} spelling of a Slavic name ({what}): "
                        "check the English form of this name.", severity=severity)
        if trips:
            yield from self._trips(doc, ctx, trips)

    def _trips(self, doc, ctx, trips):
        """LN212 for each word found, unless one of its occurrences follows another given name
        and no other spelling of the same figure in the text does not (Luc Hemilton is
        Hamilton when the text also writes Chemilton; Mark Milley alone is not Milei)."""
        prose = doc.prose
        others = set()
        words = doc.word_set
        for start, _end, word, figure in trips:
            before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
            if before is None:
                continue
            given = before.group(1)
            if Figures.same_given(given, figure):
                continue
            if self._given_before(prose, start):
                others.add(word)
        confirmed = {figure.name for _s, _e, word, figure in trips if word not in others}
        for start, end, word, figure in trips:
            if word in others and figure.name not in confirmed:
                continue
            before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
            if (before is not None and Figures.same_given(before.group(1), figure)) or any(
                    w in words for w in Figures.evidence(figure)):
                yield from self._trip(doc, ctx, start, end, word, figure)

    def _near(self, doc, ctx, house, preferred, start, end, word, entity):
        entry = self.near_entry
        fix = self._surname(house, preferred, entity)
        severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
        if severity is not None:
            yield doc.finding(
                entry.rule, start, end,
                f"“{word}” is not a word and is close to {entity.native}: did you mean “{fix}”?",
                [(fix, False)], severity=severity)


    def _misspelt_given(self, doc, ctx, seen, entities):
        """A listed person's given name misspelt by one letter right before the surname (Dmetry Medvedev)."""
        prose = doc.prose
        for eid, items in seen.items():
            entity = entities[eid]
            if not entity.is_person or not entity.given:
                continue
            for start, _end, _form, lowercase in items:
                before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
                if lowercase or before is None:
                    continue
                word = before.group(1)
                if len(word) < 4 or word in self.table.given_names or _is_word(word.lower()):
                    continue
                given = next((g for g in entity.given if " " not in g and one_letter_off(word, g)), "")
                if not given:
                    continue
                severity = quoted_severity(doc, ctx, self.near_entry.rule.severity, before.start(1), before.end(1))
                if severity is not None:
                    yield doc.finding(
                        self.near_entry.rule, before.start(1), before.end(1),
                        f"“{word}” is one letter off {given}, the given name of {entity.native}: "
                        f"did you mean “{given}”?", [(given, False)], severity=severity)

    # -- LN212: a Western name through Cyrillic ------------------------------
    def figures(self) -> Figures:
        if self._figures is None:
            self._figures = Figures(figure_files(self._ruleset))
        return self._figures

    def _trip(self, doc, ctx, start, end, word, figure):
        entry = self.trip_entry
        prose = doc.prose
        fix = figure.surname.split()[-1]
        before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
        if before is not None and Figures.same_given(before.group(1), figure):
            start = before.start(1)
            fix = f"{figure.given.split()[0]} {fix}"
        found = prose[start:end]
        role = f", {figure.role}" if figure.role else ""
        severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
        if severity is not None:
            yield doc.finding(
                entry.rule, start, end,
                f"“{found}” looks like {figure.name}{role}, spelt back from Cyrillic: write “{fix}”.",
                [(fix, False)], severity=severity)

    # -- LN211: a Russian given name before a Ukrainian surname ---------------
    def _russified(self, doc, ctx, covered, where, listed):
        if self._given is None:
            from lintnews.families.names.gazetteer import given_variants

            self._given = given_names.russian_to_ukrainian(given_variants(self._ruleset))
        ukrainian_of = self._given
        if doc.word_set.isdisjoint(ukrainian_of) and not _ends_a_word(doc, given_names.PATRONYMIC_ENDINGS):
            return
        entry = self.given_entry
        prose = doc.prose

        spans: list[tuple[int, int]] = []
        starts: list[int] = []

        def covered_at(start, end):
            if not spans and len(covered):
                spans.extend(covered[i] for i in range(len(covered)))
                starts.extend(s for s, _e in spans)
            i = bisect_right(starts, start) - 1
            return any(s < end and start < e for s, e in spans[max(0, i - 1):i + 2])

        for start, end, russian, ukrainian, surname in given_names.find(
                doc, ukrainian_of, self.table.hits, where(), covered_at, listed):
            if surname:
                message = (f"“{russian}” is the Russian form of the Ukrainian given name {ukrainian}: "
                           f"for a Ukrainian ({russian} {surname}), English news writes “{ukrainian}”.")
            else:
                message = (f"“{russian}” is the Russian form of the Ukrainian given name {ukrainian}, and this "
                           f"text gives Ukrainians Russian given names: for a Ukrainian, write “{ukrainian}”.")
            severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
            if severity is not None:
                yield doc.finding(entry.rule, start, end, message, [(ukrainian, False)], severity=severity)
        for start, end, russian, ukrainian in given_names.patronymics(
                doc, ukrainian_of, self.table.hits, where, covered_at):
            message = (f"“{russian}” is the Russian form of a Ukrainian patronymic: for a Ukrainian, "
                       f"English news writes “{ukrainian}”.")
            severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
            if severity is not None:
                yield doc.finding(entry.rule, start, end, message, [(ukrainian, False)], severity=severity)

    # -- LN213: one name, two spellings ----------------------------------------
    def _official(self, word: str) -> str:
        hits = self.table.hits
        if word in hits:
            hit = hits[word]
            if hit.role in ("accepted", "variant") and hit.form:
                return hit.form  # a variant's accepted form (LN202 reports the variant itself)
        return self.figures().official(word) if self.trip_entry is not None else ""

    def _sound_candidate(self, word: str) -> bool:
        low = word.lower()
        if word in self.table.given_names:
            return False
        if low in self.table.known:
            return True
        return not _is_word(low)

    @staticmethod
    def _given_before(prose: str, start: int) -> str:
        """The given name right before a name at `start`: not a title, not a common word opening a sentence."""
        before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
        if before is None:
            return ""
        word = before.group(1)
        if word in TITLES or (_sentence_start(prose, before.start(1)) and _is_word(word.lower(), SENTENCE_WORD)):
            return ""
        return word

    def _sound_alike(self, doc, ctx, words):
        prose = doc.prose
        found = soundalike.groups(words, self.sound_candidate)
        if not found:
            return
        wanted = {w for spellings in found.values() for w in spellings}
        counts: Counter = Counter()
        givens: dict[str, set[str]] = {}
        places: list[tuple[int, int, str]] = []
        for word in wanted:
            for start in doc.word_starts(word):
                end = start + len(word)
                if is_inside_token(prose, start, end):
                    continue
                counts[word] += 1
                places.append((start, end, word))
                given = self._given_before(prose, start)
                if given:
                    givens.setdefault(word, set()).add(soundalike.sound_key(given))
        places.sort()
        report: dict[str, tuple[str, int]] = {}
        for spellings in found.values():
            group_counts = Counter({w: counts[w] for w in spellings if counts[w]})
            for spelling, target in soundalike.verdicts(list(group_counts), group_counts, self._official, givens):
                report[spelling] = (target, group_counts[target])
        entry = self.sound_entry
        for start, end, word in places:
            if word not in report:
                continue
            target, n = report[word]
            elsewhere = f"“{target}” {_times(n)} elsewhere" if n else f"the official form “{target}”"
            severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
            if severity is not None:
                yield doc.finding(
                    entry.rule, start, end,
                    f"“{word}” and {elsewhere} are one name in two spellings: write “{target}”.",
                    [(match_case(target, word), False)], severity=severity)


def _ends_a_word(doc, endings: tuple[str, ...]) -> bool:
    """Does a word of the document end with one of `endings`? The prose must
    hold the ending at all (`str.find`, in C) before the words are visited."""
    if not any(ending in doc.prose for ending in endings):
        return False
    return any(map(str.endswith, doc.word_set, repeat(endings)))


def _occurrences(prose: str, words) -> list[tuple[int, str]]:
    """(start, word) of each match of `_CAPITALISED` in `prose` that is one of
    `words`, in order: `str.find` of each word, kept where the pattern matches
    there with exactly that word (its look-behind sees the text before)."""
    match, out = _CAPITALISED.match, []
    for word in words:
        n = len(word)
        i = prose.find(word)
        while i != -1:
            m = match(prose, i)
            if m is not None and m.end() == i + n:
                out.append((i, word))
            i = prose.find(word, i + 1)
    out.sort()
    return out


def _sentence_start(prose: str, start: int) -> bool:
    """Does a sentence (or a line) begin at `start`?"""
    head = prose[max(0, start - 3):start].rstrip(" \u00a0\"“”'‘’")
    return not head or head[-1] in ".!?:\n"


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


#: Letters that romanizations swap (Sergei, Sergey; Vladimir, Wladimir; Olga,
#: Olha; Aleksej, Aleksei): a given name differing only by one of them is
#: another spelling, not a misspelling.
_ROMANIZATION_PAIRS = frozenset(map(frozenset, ("iy", "vw", "gh", "jy", "ji", "sz", "kc", "ae", "eё")))


def one_letter_off(word: str, name: str) -> bool:
    """`word` is `name` with one letter changed, and not by a romanization's swap."""
    if len(word) != len(name) or word[0] != name[0]:
        return False
    diff = [(a, b) for a, b in zip(word.lower(), name.lower()) if a != b]
    return len(diff) == 1 and frozenset(diff[0]) not in _ROMANIZATION_PAIRS


def _is_word(low: str, min_frequency: int = 1) -> bool:
    from lintnews.text.wordlist import is_word
    return is_word(low, min_frequency=min_frequency)


def _most_written(items) -> tuple[str, int, int]:
    """The form a text writes most often, how often, and how often in lowercase."""
    counts = Counter(form for *_x, form, _low in items)
    form, n = counts.most_common(1)[0]
    return form, n, sum(1 for *_x, f, low in items if f == form and low)
