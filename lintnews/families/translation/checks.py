"""LN801-LN804: what translation leaves behind in an English article.

- LN801 a source-language dateline: Spanish agencies open with `Moscú.-` or
  `Moscow/Kiev.-` (city, full stop, hyphen); English writes `MOSCOW/KYIV —`.
- LN802 the Spanish opening marks `¿` and `¡` before an English sentence.
- LN803 a translator's note carried over from the source, such as
  `(spelling and punctuation preserved)` from Russian `(орфография и
  пунктуация сохранены)`. `(sic)` is English usage and stays.
- LN804 known mistranslations and calques are data (kind `substitution`,
  `lintnews/kinds/substitution.py`, rules in `rules/translation.toml`), and so
  is LN808, a machine-translation service's notice (kind `existence`).
"""
from __future__ import annotations

import re
import regex


from lintnews.finding import SAFE, Fix, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.patterns import deferred_regex

DATELINE = Rule(
    code="LN801",
    name="source-language-dateline",
    category="translation",
    severity=Severity.WARNING,
    summary="A Spanish-style dateline (“Moscow/Kiev.-”) left by translation.",
    doc="""
Spanish news agencies open a story with the city, a full stop and a hyphen:
`Moscú.-`, `Moscow/Kiev.-`. Translation keeps the punctuation and often the
Spanish or Russian-derived city names. English datelines are in capitals and
followed by a dash: `MOSCOW/KYIV —`. The fix rewrites the dateline, with the
English names of the cities listed under `[dateline-places]` in
`rules/translation.toml`.
""",
    examples=(
        Example("<marker>Moscú/Kiev.-</marker> Ukraine launched its largest drone attack.", ("LN801",),
                fixed="MOSCOW/KYIV — Ukraine launched its largest drone attack."),
        Example("<marker>MADRID.-</marker> The government said on Tuesday.", ("LN801",),
                fixed="MADRID — The government said on Tuesday."),
        Example("MOSCOW/KYIV — Ukraine launched its largest drone attack."),
        Example("The score was 2-1.- That was all."),
    ),
    fixable=True,
    messages={
        "default": "“{found}” is a Spanish-style dateline left by translation. An English dateline is “{fixed}”.",
        # with the messages of the names in it (lintnews.engine.overlap)
        "with-names": "“{found}” is a Spanish-style dateline left by translation. An English dateline is "
                      "“{fixed}”. {names}",
    },
)

INVERTED_MARK = Rule(
    code="LN802",
    name="inverted-punctuation",
    category="translation",
    severity=Severity.WARNING,
    summary="A Spanish “¿” or “¡” before an English sentence.",
    doc="""
Spanish opens questions and exclamations with `¿` and `¡`; English does not.
When a translation keeps them the English sentence starts with a stray mark.
The fix removes it. A quoted Spanish phrase (`“¡No pasarán!”`) keeps its marks.
""",
    examples=(
        Example("<marker>¿</marker>What will happen to the truce now?", ("LN802",),
                fixed="What will happen to the truce now?"),
        Example("He shouted “¡No pasarán!” at the crowd."),
    ),
    fixable=True,
    messages={"default": "“{mark}” opens questions and exclamations in Spanish, not in English: remove it."},
)

TRANSLATOR_NOTE = Rule(
    code="LN803",
    name="translator-note",
    category="translation",
    severity=Severity.WARNING,
    summary="A translator's note from the source, such as “(spelling and punctuation preserved)”.",
    doc="""
Russian media mark quoted posts `(орфография и пунктуация сохранены)`, and
translations carry the note over as `(spelling and punctuation preserved)`,
which means nothing once the text is translated. Translators' own notes
(`(translator's note: ...)`, `(N. del T.)`) are not part of an article either.
The fix removes a “preserved” note; a translator's note needs an editor.
`(sic)` is English usage and is not reported, nor is an editor's note.
""",
    examples=(
        Example("“We will win,” he wrote <marker>(spelling and punctuation preserved)</marker>.", ("LN803",),
                fixed="“We will win,” he wrote."),
        Example("The Rada <marker>(translator’s note: the parliament)</marker> voted.", ("LN803",),
                fixed=False),
        Example("“We will wins (sic),” he wrote (Editor’s note: updated at 10:00)."),
    ),
    fixable=True,
    messages={
        "default": "“{found}” is a note carried over from the source (Russian media mark quoted posts this "
                   "way); it means nothing in a translation: remove it.",
        "translator": "A translator's note is not part of the article: work what it says into the text, "
                      "or remove it.",
    },
)

# -- LN801 ---------------------------------------------------------------
_PLACE = r"\p{Lu}[\p{L}\p{M}'’]*(?:[ -]\p{Lu}[\p{L}\p{M}'’]*){0,2}"
_DATELINE = regex.compile(
    rf"(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)(?P<agency>\s*\([\p{{Lu}}][\p{{L}} ]{{1,20}}\))?"
    r"\s*\.[ \t]?[-–](?=[ \t]+\S)"
)
#: What every dateline has after its places: the text needs it before `_DATELINE` is tried.
_DATELINE_HINT = re.compile(r"\.[ \t]?[-–][ \t]")

def build_dateline_places(ruleset) -> dict[str, str]:
    """The `[dateline-places]` of the rule set: a Spanish or Russian form, lowercased -> English."""
    table: dict[str, str] = {}
    for _path, value in ruleset.table("dateline-places"):
        table.update({k.lower(): v for k, v in value.items()})
    return table


@check(DATELINE)
def datelines(doc, ctx):
    prose = doc.prose
    if _DATELINE_HINT.search(prose) is None:
        return
    places = None
    for start, end in doc.paragraphs:
        m = _DATELINE.match(prose, start, end)
        if m is None:
            continue
        if places is None:
            places = ctx.ruleset.data.dateline_places
        names = [p.strip() for p in m.group("places").split("/")]
        english = "/".join(places.get(n.lower(), n).upper() for n in names)
        agency = (m.group("agency") or "").strip()
        fixed = f"{english} {agency} —" if agency else f"{english} —"
        yield doc.finding(DATELINE, m.start(), m.end(), {"found": m.group(), "fixed": fixed}, [(fixed, SAFE)])


# -- LN802 ---------------------------------------------------------------
_inverted = deferred_regex(r"[¿¡]\s*([^?!¿¡\n]{1,300})[?!]?")
_WORDS = regex.compile(r"\p{L}+")


@check(INVERTED_MARK)
def inverted_marks(doc, ctx):
    prose = doc.prose
    if "¿" not in prose and "¡" not in prose:
        return
    ev = ctx.ruleset.data.language_evidence
    spanish = ev.function_words.get("es", frozenset())
    spanish_letters = ev.letters.get("es", frozenset()) - {"¿", "¡"}
    for m in _inverted().finditer(prose):
        words = [w.lower() for w in _WORDS.findall(m.group(1))]
        if (not words or sum(1 for w in words if w in ev.english) * 3 < len(words)
                or any(w in spanish for w in words) or spanish_letters & set(m.group(1))):
            continue  # Spanish text keeps its marks (LN103 reports it if untranslated)
        s = m.start()
        e = s + 1
        while e < len(prose) and prose[e] in " \t":
            e += 1
        yield doc.finding(INVERTED_MARK, s, s + 1, {"mark": prose[s]},
                          [Fix.replace(*doc.to_original(s, e), "", SAFE)])


# -- LN803 ---------------------------------------------------------------
_PRESERVED = (
    r"(?:the\s+)?(?:author[’']?s\s+|original\s+)?(?:spelling|orthography|punctuation|grammar|style)"
    r"(?:\s*(?:,|and)\s*(?:the\s+)?(?:author[’']?s\s+)?(?:spelling|orthography|punctuation|grammar|style))*"
    r"\s+(?:(?:has|have|is|are)\s+been\s+)?(?:preserved|retained|kept|unchanged|maintained)"
)
_TRANSLATOR = (
    r"(?:translator[’']?s?[’']?\s+note|note\s+(?:of|from|by)\s+the\s+translator|"
    r"N\.\s?(?:del|de)\s?T\.|nota\s+del\s+traductor)[^()\[\]\n]{0,200}"
)
_NOTE = regex.compile(
    rf"[(\[]\s*(?:(?P<preserved>{_PRESERVED})|(?P<translator>{_TRANSLATOR}))\s*[)\]]",
    regex.IGNORECASE,
)
_OPENING = re.compile(r"[(\[]")


def _notes(prose: str):
    """The matches of `_NOTE.finditer(prose)`, tried only where a bracket opens
    (found by `re`, which scans for one class faster)."""
    pos = 0
    while (opening := _OPENING.search(prose, pos)) is not None:
        m = _NOTE.match(prose, opening.start())
        if m is None:
            pos = opening.start() + 1
            continue
        yield m
        pos = m.end()


@check(TRANSLATOR_NOTE)
def translator_notes(doc, ctx):
    prose = doc.prose
    for m in _notes(prose):
        start = m.start()
        if m.group("preserved"):
            cut = start - 1 if start and prose[start - 1] in " \t" else start
            yield doc.finding(TRANSLATOR_NOTE, start, m.end(), {"found": m.group()},
                              [Fix.replace(*doc.to_original(cut, m.end()), "", SAFE)])
        else:
            yield doc.finding(TRANSLATOR_NOTE, start, m.end(), template="translator")


CHECKS = [datelines, inverted_marks, translator_notes]
