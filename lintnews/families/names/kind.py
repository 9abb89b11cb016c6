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

import regex

from lintnews.errors import RuleFileError
from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Check
from lintnews.families.names import given as given_names, nearby, soundalike
from lintnews.families.names.context import Whereabouts, occurrences
from lintnews.families.names.entities import ORIGINS
from lintnews.families.names.figures import TITLES, Figures, load_figures, skeleton
from lintnews.families.names.foreign import foreign_look
from lintnews.families.names.inflection import DISTRICT_GUARD, PLACE_GUARD, GUARD as GENERATED, in_position
from lintnews.families.names.near import NearIndex
from lintnews.families.names.profiles import profile
from lintnews.families.names.runs import capitalised_runs, known_starts, starts as word_starts
from lintnews.families.names.sounds import bare, sound_key, stem_key
from lintnews.kinds.common import Spans, is_inside_token, match_case, quoted_severity, starts_word, templated

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
_ANY_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \u00a0]$")
_WORD_AFTER = regex.compile(r"[ \u00a0](\p{Lu}\p{Ll}+)(?![\w\u0300-\u036f-])")
#: Cheap gate before `foreign_look`: an accent, a j, a German sch or a W.
_MAYBE_FOREIGN = regex.compile(r"^W|[j\u00e1\u00e9\u00ed\u00f3\u00fa]|sch")
_CAPITALISED = regex.compile(r"(?<![\w\u0300-\u036f'’-])\p{Lu}[\p{Ll}\u0300-\u036f]{4,}(?![\w\u0300-\u036f])")

#: The messages of a listed variant by its origin (any rule with `origins`) ...
_VARIANT_MESSAGES = {
    "foreign": "{language} transliteration of {native}: English writes “{fixed}”.",
    "case-form": "“{found}” is {native} with a Russian or Ukrainian case ending, left by translation: "
                 "English writes “{fixed}”.",
    "russian-derived": "“{found}” is the Russian-derived spelling of {native}: English news writes “{fixed}”.",
    "romanization": "“{found}” is an older or non-standard romanization of {native}: {house} writes “{fixed}”.",
    "renamed": "“{found}” is the former name of {fixed}, renamed in {renamed}: write “{fixed}”, unless the text "
               "is about the time before {renamed}.",
    "renamed-native": "“{found}” ({old_native}) is the former name of {fixed}, renamed in {renamed}: write "
                      "“{fixed}”, unless the text is about the time before {renamed}.",
    "historical": "“{found}” is the historical spelling: keep it only in a historical text or a quoted title; "
                  "otherwise write “{fixed}”.",
    "misspelling": "“{found}” is a misspelling of {native}: write “{fixed}”.",
    "nearby-case-form": "“{found}” is {native} ({country}) with a Russian, Ukrainian or Belarusian case ending, "
                        "left by translation: English writes “{fixed}”.",
    "russian-reading": "“{found}” is the Russian reading of {native}: English news writes “{fixed}”.",
}
#: ... each also with what else the text writes (the template's name gets the suffix's).
_ALSO_WRITTEN = {
    "+lowercase": " This text also writes “{form}” {times}, in lowercase.",
    "+some-lowercase": " This text also writes “{form}” {times} ({lowercase} in lowercase).",
    "+also": " This text also writes “{form}” {times}.",
}
#: The messages of each report of the names kind.
MESSAGES = {
    "variants": {**_VARIANT_MESSAGES, **{name + suffix_name: message + suffix
                                         for name, message in _VARIANT_MESSAGES.items()
                                         for suffix_name, suffix in _ALSO_WRITTEN.items()}},
    "inconsistent": {
        "default": "This text writes “{found}” here and “{target}” {times} elsewhere: use one form, “{target}”.",
        "house": "{house} style writes “{target}”, not “{form}”.",
    },
    "near": {
        "default": "“{word}” is not a word and is close to {native}: did you mean “{fixed}”?",
        "given": "“{word}” is one letter off {given}, the given name of {native}: did you mean “{given}”?",
    },
    "foreign-looking": {
        "default": "“{word}” looks like a {language} spelling of a Slavic name ({what}): check the English form "
                   "of this name.",
    },
    "russified-given": {
        "default": "“{russian}” is the Russian form of the Ukrainian given name {ukrainian}: for a Ukrainian "
                   "({russian} {surname}), English news writes “{ukrainian}”.",
        "no-surname": "“{russian}” is the Russian form of the Ukrainian given name {ukrainian}, and this text "
                      "gives Ukrainians Russian given names: for a Ukrainian, write “{ukrainian}”.",
        "patronymic": "“{russian}” is the Russian form of a Ukrainian patronymic: for a Ukrainian, English news "
                      "writes “{ukrainian}”.",
    },
    "round-trip": {
        "default": "“{found}” looks like {figure}, spelt back from Cyrillic: write “{fixed}”.",
        "role": "“{found}” looks like {figure}, {role}, spelt back from Cyrillic: write “{fixed}”.",
        "given": "“{found}” looks like the given name of {figure}, spelt back from Cyrillic: write “{fixed}”.",
        "given-role": "“{found}” looks like the given name of {figure}, {role}, spelt back from Cyrillic: "
                      "write “{fixed}”.",
    },
    "sound-alike": {
        "default": "“{word}” and “{target}” {times} elsewhere are one name in two spellings: write “{target}”.",
        "official": "“{word}” and the official form “{target}” are one name in two spellings: write “{target}”.",
        "case-ending": "“{word}” is “{target}” ({times} elsewhere) with a Russian or Ukrainian case ending, "
                       "left by translation: write “{target}”.",
        "two-spellings": "“{word}” and “{other}” elsewhere are one name in two spellings: use one.",
        "other-romanization": "“{word}” is {native} in another romanization: English news writes “{target}”.",
    },
}


def build(entries, ruleset):
    by_origin: dict[str, tuple] = {}
    by_report: dict[str, object] = {}
    for entry in entries:
        if entry.data.get("report") not in REPORTS:
            raise entry.error(f"'report' must be one of {', '.join(REPORTS)}")
    entries = [templated(e, {**(MESSAGES["variants"] if "origins" in e.data else {}), **MESSAGES[e.data["report"]]})
               for e in entries]
    for entry in entries:
        report = entry.data.get("report")
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
        self._by_sound = None  # sound key -> hand-written entity (`_sound_index`)
        self._nearby_places = None  # [[nearby-places]] (`nearby.load`), read when first needed
        self._people_by_sound = None  # (Russian given name, surname key) -> listed Ukrainian
        # capitalised words repeat across a corpus: judge each one once per process
        self.judge = lru_cache(maxsize=65536)(self._judge)
        self.sound_candidate = lru_cache(maxsize=65536)(self._sound_candidate)
        self.nearby_word = lru_cache(maxsize=65536)(self._nearby_word)
        self.word_facts = lru_cache(maxsize=65536)(self._word_facts)

    def run(self, doc, ctx):
        prose = doc.prose
        house = profile(ctx.ruleset, ctx.style)
        seen: dict[str, list] = {}      # entity id -> [(start, end, form, lowercase)]
        entities: dict[str, object] = {}
        variants: list = []
        covered = Spans()  # (start, end) of every name found: millions in a hostile text
        hits = self.table.hits
        for start, end in self.table.index.spans(prose, doc.word_set, known_starts(doc)):
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
        inside: dict[str, list[str]] = {}  # entity id -> accepted surnames written inside a reported full name
        for _s, _e, found, hit in variants:
            if hit.part == "full" and hit.form and found.endswith(" " + hit.form):
                inside.setdefault(hit.entity.id, []).append(hit.form)
        tallies = {eid: _tally(prose, items, inside.get(eid, ())) for eid, items in seen.items()}
        preferred = {eid: _preferred(house, entities[eid], tallies[eid]) for eid in seen}
        whereabouts = None

        def where() -> Whereabouts:
            nonlocal whereabouts
            if whereabouts is None:
                whereabouts = self._where(doc)
            return whereabouts

        variants += self._surnames_alone(prose, variants)
        # counted once per name, not per variant
        written = {eid: _most_written(seen[eid]) for eid in {hit.entity.id for *_x, hit in variants} if eid in seen}
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

        facts = None

        def word_facts() -> list[tuple]:
            nonlocal facts
            if facts is None:
                of = self.word_facts
                facts = [(word, *of(word)) for word in capitalised_words()]
            return facts

        if self.sound_entry is not None and ctx.enabled(self.sound_entry.rule.code):
            yield from self._sound_alike(doc, ctx, word_facts())
            yield from self._sound_known(doc, ctx, word_facts(), where)
        if self.inconsistent is not None and ctx.enabled(self.inconsistent.rule.code):
            yield from self._inconsistent(doc, ctx, house, seen, preferred, tallies)
        if any(e is not None and ctx.enabled(e.rule.code) for e in (self.near_entry, self.foreign_entry, self.trip_entry)):
            yield from self._unknown(doc, ctx, house, preferred, covered, word_facts())
        if self.near_entry is not None and ctx.enabled(self.near_entry.rule.code):
            yield from self._misspelt_given(doc, ctx, seen, entities)
        if self.trip_entry is not None and ctx.enabled(self.trip_entry.rule.code):
            yield from self._figure_names(doc, ctx)
        case_owner = self.by_origin.get("case-form")
        if case_owner is not None and ctx.enabled(case_owner[0].rule.code):
            yield from self._nearby(doc, ctx, case_owner, capitalised_words)

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
        if hit.guard in (DISTRICT_GUARD, PLACE_GUARD) and not (in_position(hit.guard, doc.prose, start, end)
                                                               and where().named_in_ukraine(start, end)):
            return  # Buchan is Bucha only in "Buchan district", Lutsky Lutsk only in "the city of Lutsky"
        if hit.guard in (GENERATED, DISTRICT_GUARD, PLACE_GUARD) and place and self._given_before(doc.prose, start):
            return  # Hans Buche: a surname, not a case form of Bucha
        if _COMPOUND_AFTER.match(doc.prose, end):
            return  # part of a longer name: Slavyansk-na-Kubani, Komsomolsk-on-Amur
        fix = self._fix(house, preferred, hit)
        fix = match_case(fix, found) if not hit.lowercase else fix
        native = hit.entity.native_part(hit.part)
        language = ORIGINS[hit.origin]
        arguments = {"found": found, "fixed": fix, "native": native, "language": language, "origin": hit.origin}
        if hit.origin in _FOREIGN:
            template = "foreign"
        elif hit.origin == "romanization":
            template = "romanization"
            arguments["house"] = _house_name(house)
        elif hit.origin == "renamed":
            template = "renamed-native" if hit.old_native else "renamed"
            arguments.update(renamed=hit.renamed, old_native=hit.old_native)
        elif hit.origin in ("case-form", "russian-derived", "historical"):
            template = hit.origin
        else:
            template = "misspelling"
        if hit.entity.id in written:
            form, n, lower = written[hit.entity.id]
            arguments.update(form=form, times=_times(n), count=n, lowercase=lower)
            template += "+lowercase" if lower == n else "+some-lowercase" if lower else "+also"
        severity = house.severity.get(entry.rule.code) or origin_level or entry.rule.severity
        severity = quoted_severity(doc, ctx, severity, start, end)
        if severity is not None:
            yield doc.finding(entry.rule, start, end, arguments, [(fix, SAFE if hit.safe else UNSAFE)],
                              severity=severity, template=template)

    def _surnames_alone(self, prose: str, variants) -> list:
        """The surname variant of a reported full name, written alone elsewhere in the text
        ("Igor Klimenko" ... "according to Klimenko"): once the text names the person,
        the bare surname is that person; not when the text also writes it after another
        given name (another person)."""
        taken = {(s, e) for s, e, _f, _h in variants}
        out = []
        for start, end, found, hit in list(variants):
            if hit.part != "full" or " " not in found:
                continue
            surname = found.rsplit(" ", 1)[1]
            if surname == hit.form or surname in self.table.hits or len(surname) < 5:
                continue  # an accepted surname, or one the table reports alone anyway
            alone = hit._replace(part="surname", given="", safe=False)
            bare = self._bare_starts(prose, surname, start, end)
            if any(self._given_before(prose, at) for at in bare):
                continue  # another person of that name (Vitali Klimenko): the surname alone may be either
            for at in bare:
                if (at, at + len(surname)) not in taken:
                    taken.add((at, at + len(surname)))
                    out.append((at, at + len(surname), surname, alone))
        out.sort()
        return out

    @staticmethod
    def _bare_starts(prose: str, word: str, start: int, end: int) -> list[int]:
        """Where `word` stands as a whole word outside [start, end)."""
        out, n = [], len(word)
        i = prose.find(word)
        while i != -1:
            j = i + n
            if not start <= i < end and not (i and (prose[i - 1].isalnum() or prose[i - 1] in "-_")) \
                    and not (j < len(prose) and (prose[j].isalnum() or prose[j] in "-_")):
                out.append(i)
            i = prose.find(word, i + 1)
        return out

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
    def _inconsistent(self, doc, ctx, house, seen, preferred, tallies):
        entry = self.inconsistent
        for eid, items in seen.items():
            target = preferred[eid]
            counts = tallies[eid]
            if len(counts) < 2 and target in counts:
                continue
            last_end, last_form = -1, ""
            for start, end, form, lowercase in items:
                repeated = form == last_form and last_end >= 0 and not doc.prose[last_end:start].strip()
                last_end, last_form = end, form
                if form == target or lowercase or repeated:
                    continue  # a name written twice in a row is a duplication (LN704), reported once here
                if target in counts:
                    arguments = {"found": prose_at(doc, start, end), "target": target,
                                 "times": _times(counts[target]), "count": counts[target]}
                    template = "default"
                    severity = house.severity.get(entry.rule.code) or entry.rule.severity
                else:
                    arguments = {"house": _house_name(house), "target": target, "form": form}
                    template = "house"
                    severity = Severity.INFO
                severity = quoted_severity(doc, ctx, severity, start, end)
                if severity is not None:
                    fix = match_case(target, prose_at(doc, start, end))
                    yield doc.finding(entry.rule, start, end, arguments, [(fix, UNSAFE)], severity=severity,
                                      template=template)

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

    def _unknown(self, doc, ctx, house, preferred, covered, facts):
        prose = doc.prose
        near_on = self.near_entry is not None and ctx.enabled(self.near_entry.rule.code)
        foreign_on = self.foreign_entry is not None and ctx.enabled(self.foreign_entry.rule.code)
        trip_on = self.trip_entry is not None and ctx.enabled(self.trip_entry.rule.code)
        # Most texts have no capitalised word worth a verdict: judge the distinct
        # words, then visit only the occurrences of those that have one.
        flagged = {word: verdict for word, _keys, _known, verdict in facts if verdict is not None}
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
                    yield doc.finding(entry.rule, start, end, {"word": word, "language": language, "what": what},
                                      severity=severity)
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
        reported: dict[str, object] = {}
        for start, end, word, figure in trips:
            if word in others and figure.name not in confirmed:
                continue
            before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
            if (before is not None and Figures.same_given(before.group(1), figure)) or any(
                    w in words for w in Figures.evidence(figure)):
                reported[word] = figure
                yield from self._trip(doc, ctx, start, end, word, figure)
        if reported:
            yield from self._more_spellings(doc, ctx, reported)

    def _more_spellings(self, doc, ctx, reported):
        """Once a figure is found spelt back (Sholts, Sholz), another unknown word of the text
        with the same consonants through the round trip is the same figure too (Silz): MT
        spells a name anew at each occurrence."""
        by_skeleton = {skeleton(figure.surname.split()[-1]): figure for figure in reported.values()}
        hits, known = self.table.hits, self.table.known
        found = []
        words = capitalised_runs(doc)
        for word in doc.word_set if words is None else words:
            if len(word) < 4 or not word[0].isupper() or not word[1:].islower():
                continue
            figure = by_skeleton.get(skeleton(word))
            if figure is None or word in reported or word in hits or word in self.table.given_names:
                continue
            low = word.lower()
            if low in known or _is_word(low) or bare(word) == bare(figure.surname.split()[-1]):
                continue
            starts = word_starts(doc, word)
            givens = [g for g in (self._given_before(doc.prose, s) for s in starts) if g]
            if any(not Figures.same_given(g, figure) for g in givens):
                continue  # another person: Jan Salz beside Sholts
            found += [(start, word, figure) for start in starts
                      if not is_inside_token(doc.prose, start, start + len(word))]
        for start, word, figure in sorted(found):
            yield from self._trip(doc, ctx, start, start + len(word), word, figure)

    def _near(self, doc, ctx, house, preferred, start, end, word, entity):
        entry = self.near_entry
        fix = self._surname(house, preferred, entity)
        severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
        if severity is not None:
            yield doc.finding(entry.rule, start, end, {"word": word, "native": entity.native, "fixed": fix},
                              [(fix, UNSAFE)], severity=severity)


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
                    yield doc.finding(self.near_entry.rule, before.start(1), before.end(1),
                                      {"word": word, "given": given, "native": entity.native},
                                      [(given, UNSAFE)], severity=severity, template="given")

    # -- LN214: a town of a neighbouring country with a case ending ------------
    def _nearby_word(self, word: str) -> tuple:
        """The `[[nearby-places]]` towns `word` may be with a case ending (cached per word):
        ((index of the country's list, place), ...)."""
        low = word.lower()
        if (word in self.table.hits or low in self.table.known or word in self.table.given_names
                or _is_word(low) or self.judge(word) is not None):
            return ()
        found = ((i, places.match(word)) for i, places in enumerate(self._nearby_places))
        return tuple((i, place) for i, place in found if place is not None)

    def _nearby(self, doc, ctx, owner, capitalised_words):
        """LN214 for the towns of `[[nearby-places]]` (`nearby`): Bobruska in a text about Belarus."""
        if self._nearby_places is None:
            self._nearby_places = nearby.load(self._ruleset)
        words = doc.word_set
        about = {i for i, places in enumerate(self._nearby_places) if not words.isdisjoint(places.context)
                 and len(occurrences(doc, places.context)) >= nearby.MIN_CONTEXT}
        if not about:
            return
        prose = doc.prose
        level = profile(ctx.ruleset, ctx.style).severity.get(owner[0].rule.code) or owner[1] or owner[0].rule.severity
        nearby_word = self.nearby_word
        towns = [(word, found) for word in capitalised_words() if (found := nearby_word(word))]
        for word, found in sorted(towns):
            place = next((p for i, p in found if i in about), None)
            if place is None:
                continue
            starts = word_starts(doc, word)
            if any(self._given_before(prose, start) for start in starts):
                continue  # a person (Ivan Baranovich), here and where the text writes the surname alone
            for start in starts:
                end = start + len(word)
                if is_inside_token(prose, start, end):
                    continue
                severity = quoted_severity(doc, ctx, level, start, end)
                if severity is not None:
                    yield doc.finding(
                        owner[0].rule, start, end,
                        {"found": word, "native": place.native, "country": place.country, "fixed": place.english},
                        [(place.english, UNSAFE)], severity=severity, template="nearby-case-form")

    # -- LN212: a Western name through Cyrillic ------------------------------
    def figures(self) -> Figures:
        if self._figures is None:
            self._figures = load_figures(self._ruleset)
        return self._figures

    def _figure_names(self, doc, ctx):
        """LN212 where one half of a listed figure's name is as listed and the other is spelt
        back from Cyrillic: Joe Baden, Wopke Gokstra (the surname's consonants kept), Maya
        Sandu (the given name's round-trip key kept)."""
        figures = self.figures()
        words = doc.word_set
        prose = doc.prose
        hits = self.table.hits
        for given in sorted(words.intersection(figures.by_given())):
            for start in word_starts(doc, given):
                after = _WORD_AFTER.match(prose, start + len(given))
                if after is None:
                    continue
                word = after.group(1)
                if figures.after_given(given, word, True) is None:
                    continue  # not even after a title: the cheapest of the tests first
                if word in hits or word in self.table.given_names:
                    continue
                title = _ANY_WORD_BEFORE.search(prose, max(0, start - 30), start)
                titled = title is not None and title.group(1).capitalize() in TITLES
                figure = figures.after_given(given, word, titled)
                if figure is None:
                    continue
                verdict = self.judge(word)
                if verdict is not None and verdict[0] == "trip":
                    continue  # reported as a round trip already
                yield from self._trip(doc, ctx, after.start(1), after.end(1), word, figure)
        for surname in sorted(words.intersection(figures.surnames())):
            for start in word_starts(doc, surname):
                before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
                if before is None:
                    continue
                figure = figures.given_spelling(before.group(1), surname)
                if figure is None or before.group(1) in hits:
                    continue
                fix = figure.given.split()[0]
                severity = quoted_severity(doc, ctx, self.trip_entry.rule.severity, before.start(1), before.end(1))
                if severity is not None:
                    arguments = {"found": before.group(1), "figure": figure.name, "fixed": fix}
                    if figure.role:
                        arguments["role"] = figure.role
                    yield doc.finding(
                        self.trip_entry.rule, before.start(1), before.end(1), arguments, [(fix, UNSAFE)],
                        severity=severity, template="given-role" if figure.role else "given")

    def _trip(self, doc, ctx, start, end, word, figure):
        entry = self.trip_entry
        prose = doc.prose
        fix = figure.surname.split()[-1]
        before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
        if before is not None and Figures.same_given(before.group(1), figure):
            start = before.start(1)
            fix = f"{figure.given.split()[0]} {fix}"
        arguments = {"found": prose[start:end], "figure": figure.name, "fixed": fix}
        if figure.role:
            arguments["role"] = figure.role
        severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
        if severity is not None:
            yield doc.finding(entry.rule, start, end, arguments, [(fix, UNSAFE)], severity=severity,
                              template="role" if figure.role else "default")

    # -- LN211: a Russian given name before a Ukrainian surname ---------------
    def _russified(self, doc, ctx, covered, where, listed):
        if self._given is None:
            from lintnews.families.names.gazetteer import given_variants

            self._given = given_names.russian_to_ukrainian(given_variants(self._ruleset))
        ukrainian_of = self._given
        if doc.word_set.isdisjoint(ukrainian_of) and not (
                given_names.may_hold_patronymic(doc.prose) and given_names.patronymic_runs(doc.prose)):
            return
        entry = self.given_entry

        spans: list[tuple[int, int]] = []
        starts: list[int] = []

        def covered_at(start, end):
            if not spans and len(covered):
                spans.extend(covered[i] for i in range(len(covered)))
                starts.extend(s for s, _e in spans)
            i = bisect_right(starts, start) - 1
            return any(s < end and start < e for s, e in spans[max(0, i - 1):i + 2])

        for start, end, russian, ukrainian, surname, person in given_names.find(
                doc, ukrainian_of, self.table.hits, where(), covered_at, listed, self._person_of):
            if person is not None:
                yield from self._russian_reading(doc, ctx, start, end, ukrainian, person)
                continue
            arguments = {"russian": russian, "ukrainian": ukrainian}
            if surname:
                arguments["surname"] = surname
            severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
            if severity is not None:
                yield doc.finding(entry.rule, start, end, arguments, [(ukrainian, UNSAFE)], severity=severity,
                                  template="default" if surname else "no-surname")
        for start, end, russian, ukrainian in given_names.patronymics(
                doc, ukrainian_of, self.table.hits, where, covered_at):
            severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
            if severity is not None:
                yield doc.finding(entry.rule, start, end, {"russian": russian, "ukrainian": ukrainian},
                                  [(ukrainian, UNSAFE)], severity=severity, template="patronymic")

    def _person_of(self, russian: str, surname: str):
        """The listed Ukrainian whose Russian-read name "russian surname" is (`given.people_by_sound`)."""
        if self._people_by_sound is None:
            from lintnews.families.names.gazetteer import given_variants

            self._people_by_sound = given_names.people_by_sound(
                self.table.entities, given_variants(self._ruleset))
        return self._people_by_sound.get((russian, soundalike.sound_key(surname)))

    def _russian_reading(self, doc, ctx, start, end, ukrainian, person):
        """LN202 for a listed Ukrainian's whole name read in Russian (Andrei Beletsky)."""
        owner = self.by_origin.get("russian-derived")
        if owner is None or not ctx.enabled(owner[0].rule.code):
            return
        found = doc.prose[start:end]
        fix = f"{person.given[0]} {person.forms[0]}"
        house = profile(ctx.ruleset, ctx.style)
        level = house.severity.get(owner[0].rule.code) or owner[1] or owner[0].rule.severity
        severity = quoted_severity(doc, ctx, level, start, end)
        if severity is not None:
            yield doc.finding(owner[0].rule, start, end, {"found": found, "native": person.native, "fixed": fix},
                              [(fix, UNSAFE)], severity=severity, template="russian-reading")

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

    def _word_facts(self, word: str) -> tuple:
        """What the passes over the capitalised words ask of `word`, cached per word:
        (`_sound_keys`, `_sound_known_word`, `_judge`), None for a pass no rule has."""
        sound = self.sound_entry is not None
        judged = any(e is not None for e in (self.near_entry, self.foreign_entry, self.trip_entry))
        return (self._sound_keys(word) if sound else ("", "", ""), self._sound_known_word(word) if sound else None,
                self.judge(word) if judged else None)

    def _sound_keys(self, word: str) -> tuple[str, str, str]:
        """`soundalike.spellings`' keys of `word`, cached per word."""
        if not self.sound_candidate(word):
            return "", "", ""
        return (soundalike.group_key(word), *soundalike.case_key(word))

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

    def _sound_index(self) -> dict:
        """sound key -> the hand-written person or place whose accepted form has it (None: two do)."""
        if self._by_sound is None:
            self._by_sound = {}
            for entity in self.table.hand_entities():
                if not (entity.is_person or entity.type in ("city", "town", "village", "region", "place")):
                    continue
                for form in entity.forms:
                    word = form.split()[-1] if entity.is_person else form
                    if " " in word or len(word) < 5:
                        continue
                    key = sound_key(word)
                    old = self._by_sound.get(key, entity)
                    self._by_sound[key] = entity if old is not None and old.id == entity.id else None
        return self._by_sound

    def _sound_known_word(self, word: str):
        """(entity, target) when `word` is a hand-written name in another romanization, else
        None: the part of `_sound_known` that does not depend on the text (cached per word)."""
        if word in self.table.hits or word.lower() in self.table.known or not self.sound_candidate(word):
            return None
        key = sound_key(word)
        entity = self._sound_index().get(key)
        if entity is None or self.judge(word) is not None:
            return None
        target = entity.forms[0].split()[-1] if entity.is_person else entity.forms[0]
        if bare(word) == bare(target) or (not entity.is_person and len(key.split("/", 1)[0]) < 4):
            return None
        return entity, target

    def _sound_known(self, doc, ctx, facts, where):
        """LN213 for a word that is a hand-written name in another romanization, alone in the
        text: a person's surname after one of the person's given names (Boris Elcin for
        Yeltsin through Czech Jelcin; Stanislav Šuškevich), a place's name of four
        consonants or more, in Ukraine for a Ukrainian place (Siverodonetsk). Words that
        sound alike in the text itself are `_sound_alike`'s."""
        candidates = [(w, found) for w, _keys, found, _verdict in facts if found is not None]
        if not candidates:
            return
        keys = Counter(stem_key(w) for w, *_x in facts if self.sound_candidate(w))
        prose = doc.prose
        entry = self.sound_entry
        for word, (entity, target) in sorted(candidates):
            if keys[stem_key(word)] > 1:
                continue
            givens = {sound_key(g) for g in entity.given}
            for start in word_starts(doc, word):
                end = start + len(word)
                if is_inside_token(prose, start, end):
                    continue
                if not entity.is_person:
                    if entity.country == "UA" and not where().in_ukraine(start, end):
                        continue
                else:
                    given = self._given_before(prose, start)
                    if not given or sound_key(given) not in givens:
                        continue
                severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
                if severity is not None:
                    yield doc.finding(entry.rule, start, end, {"word": word, "native": entity.native, "target": target},
                                      [(match_case(target, word), UNSAFE)], severity=severity,
                                      template="other-romanization")

    def _sound_alike(self, doc, ctx, facts):
        prose = doc.prose
        found, case_forms = soundalike.spellings(facts)
        cases = {w: n for w, n in case_forms.items() if w not in self.table.hits}
        if not found and not cases:
            return
        wanted = {w for spellings in found.values() for w in spellings} | set(cases) | set(cases.values())
        counts: Counter = Counter()
        givens: dict[str, set[str]] = {}
        places: list[tuple[int, int, str]] = []
        for word in wanted:
            for start in word_starts(doc, word):
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
                report[spelling] = (target, group_counts[target] if target else 0)
        entry = self.sound_entry
        for start, end, word in places:
            if word in cases and word not in report:
                target = cases[word]
                if givens.get(word) or givens.get(target):
                    continue  # people: Anna Kovalska and Petro Kovalsky, a woman and a man
                severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
                if severity is not None:
                    yield doc.finding(entry.rule, start, end,
                                      {"word": word, "target": target, "times": _times(counts[target]),
                                       "count": counts[target]},
                                      [(match_case(target, word), UNSAFE)], severity=severity, template="case-ending")
                continue
            if word not in report:
                continue
            target, n = report[word]
            if target is None:
                others = [w for w in report if w != word and report[w][0] is None and stem_key(w)
                          == stem_key(word)]
                severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
                if severity is not None and others:
                    yield doc.finding(entry.rule, start, end, {"word": word, "other": others[0]},
                                      severity=severity, template="two-spellings")
                continue
            arguments = {"word": word, "target": target, "times": _times(n), "count": n} if n else \
                {"word": word, "target": target}
            severity = quoted_severity(doc, ctx, entry.rule.severity, start, end)
            if severity is not None:
                yield doc.finding(entry.rule, start, end, arguments, [(match_case(target, word), UNSAFE)],
                                  severity=severity, template="default" if n else "official")


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


def _form_counts(items) -> dict[str, int]:
    """How often each form occurs in `items`, in the order first seen (as a Counter counts)."""
    counts: dict[str, int] = {}
    for item in items:
        form = item[2]
        counts[form] = counts.get(form, 0) + 1
    return counts


def _tally(prose: str, items, inside=()) -> dict[str, int]:
    """How often a text writes each form of one name: a form repeated right after
    itself (a headline's "Zaluzhny Zaluzhny") counts once, and the surname
    written inside a reported full name ("Valery Zaluzhnyi") counts too."""
    plain = _form_counts(items)
    if not inside and len(plain) < 2:
        return plain  # one form: how often matters to no message
    counts: Counter = Counter(inside)
    last_end, last_form = -1, ""
    for start, end, form, _low in items:
        if not (form == last_form and last_end >= 0 and not prose[last_end:start].strip()):
            counts[form] += 1
        last_end, last_form = end, form
    return counts


def _preferred(house, entity, counts: dict[str, int]) -> str:
    """The house's form; failing that the document's most frequent (ties: data order)."""
    target = house.form_for(entity.forms)
    if target:
        return target
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
    counts = _form_counts(items)
    form = max(counts, key=counts.__getitem__)  # the first seen of the most frequent, as Counter.most_common
    return form, counts[form], sum(1 for *_x, f, low in items if f == form and low)
