"""One problem, one finding (`lintnews.engine.overlap`): each explaining family against
each family it explains, with the same inner problem outside as the twin that
must still fire; one finding per span; no safe fix inside quoted speech."""
from __future__ import annotations

from lintnews.finding import SAFE
import pytest

import lintnews.engine.lint as engine
from tests.helpers import apply_suggestions, lint


def codes(findings):
    return sorted({f.rule for f in findings})


@pytest.fixture
def unfolded(monkeypatch):
    """The findings the checks made, before the fold step."""
    def run(text, **kw):
        monkeypatch.setattr(engine, "fold", lambda doc, found: found)
        try:
            return lint(text, **kw)
        finally:
            monkeypatch.undo()
    return run


# (text, the explaining finding, the inner findings it explains)
PAIRS = [
    pytest.param("Officials met. Las autoridades de Kiev y Jarkov han dicho que la situación es muy "
                 "difícil para todos nosotros. Then he left.\n", "LN103", {"LN202", "LN203"},
                 id="untranslated-latin x transliteration"),
    pytest.param("Officials met. Las autoridades de Kharkiv han dicho que la situación es muy "
                 "difícil , para todos nosotros. Then he left.\n", "LN103", {"LN601"},
                 id="untranslated-latin x spacing"),
    pytest.param("Officials met. Las autoridades de «Kharkiv» han dicho que la situación es muy "
                 "difícil para todos nosotros. Then he left.\n", "LN103", {"LN407"},
                 id="untranslated-latin x quotes"),
    pytest.param("Officials met. Las autoridades de Kharkiv han dicho que la situación es muy difícil "
                 "para todos nosotros hoy en kyiv. Then he left.\n", "LN103", {"LN201"},
                 id="untranslated-latin x capitalization"),
    pytest.param("Officials met. Las autoridades de \u041aharkiv han dicho que la situación es muy "
                 "difícil para todos nosotros. Then he left.\n", "LN103", {"LN101"},
                 id="untranslated-latin x mixed-script"),
    pytest.param("Officials met. Las autoridades de Kharkiv han dicho que la situación es muy difícil "
                 "para “todos nosotros. Then he left.\n", "LN103", {"LN401"},
                 id="untranslated-latin x unclosed quote"),
    pytest.param("Officials met. Президент Зеленский сказал , что заявили о наступлении. Then he left.\n",
                 "LN102", {"LN601"}, id="untranslated-cyrillic x spacing"),
    pytest.param("The minister visited Ukraineâ€™s capital.\n", "LN501", {"LN205"},
                 id="mojibake x transliteration"),
    pytest.param("The talks resumed.\nFollow us on Twitter @kyiv_news , Jarkov\nThe talks ended.\n",
                 "LN301", {"LN203", "LN601"}, id="boilerplate-line x transliteration, spacing"),
]


@pytest.mark.parametrize("text,explaining,inner", PAIRS)
def test_explaining_finding_folds_the_findings_inside_it(unfolded, text, explaining, inner):
    before = codes(unfolded(text))
    assert explaining in before and inner <= set(before)  # the checks did report them
    after = lint(text)
    assert explaining in codes(after) and inner.isdisjoint(codes(after))
    outer = next(f for f in after if f.rule == explaining)
    assert all(not (outer.offset <= f.offset and f.end_offset <= outer.end_offset)
               for f in after if f is not outer)


@pytest.mark.parametrize("text,expected", [
    ("Officials in Jarkov said so.\n", {"LN203"}),
    ("Officials met in Kharkiv , then left.\n", {"LN601"}),
    ("The agency called it «a provocation» today.\n", {"LN407"}),
    ("The minister visited Ukrainex on Monday.\n", {"LN205"}),
])
def test_the_same_problems_outside_an_explaining_finding_still_fire(text, expected):
    assert expected <= set(codes(lint(text)))


def test_a_block_of_teasers_explains_nothing():
    # the related-articles block holds other articles' headlines: their damage stays
    text = ("The talks ended.\n\nRelated articles\n\nThe mayor of Kharkiv met officials , "
            "then left for the capital\n\nThe bridge reopened after repairs in the town\n")
    found = lint(text)
    assert "LN302" in codes(found) and "LN601" in codes(found)


def test_a_repeated_paragraph_is_never_folded(unfolded):
    para = ("Las autoridades de Kharkiv han dicho que la situación es muy difícil para todos "
            "nosotros hoy.")
    text = f"{para}\n\nThe talks ended on Monday, officials said.\n\n{para}\n"
    assert {"LN103", "LN701"} <= set(codes(lint(text)))


def test_same_span_same_category_is_one_finding():
    from lintnews.finding import Finding, Severity
    from lintnews.markup import make_document
    from lintnews.engine.overlap import fold

    def make(rule, severity):
        return Finding(rule, "x", "quotes", severity, 3, 4, 1, 4, 1, 5, "“", "m")
    doc = make_document("He “said.\n")
    kept = fold(doc, [make("LN401", Severity.WARNING), make("LN404", Severity.ERROR)])
    assert [(f.rule, f.severity) for f in kept] == [("LN404", Severity.ERROR)]
    other = Finding("LN502", "x", "encoding", Severity.WARNING, 3, 4, 1, 4, 1, 5, "“", "m")
    assert len(fold(doc, [make("LN401", Severity.WARNING), other])) == 2  # two categories: two problems


# -- no safe fix inside quoted speech

def test_fix_inside_a_direct_quotation_is_unsafe():
    text = "She said “I am from Chernigov and I left,” today.\n"
    found = [f for f in lint(text) if f.rule == "LN202"]
    assert [(f.excerpt, f.fixes[0].edits[0].replacement, f.fixes[0].applicability is SAFE) for f in found] == [
        ("Chernigov", "Chernihiv", False)]


def test_the_same_fix_outside_a_quotation_stays_safe():
    text = "She said she was from Chernigov and left today.\n"
    found = [f for f in lint(text) if f.rule == "LN202"]
    assert [(f.fixes[0].edits[0].replacement, f.fixes[0].applicability is SAFE) for f in found] == [("Chernihiv", True)]


def test_quotation_mark_fixes_inside_a_quotation_stay_safe():
    text = "“One,” he said. “Two,” she said. “It said «no» today,” they said.\n"
    found = [f for f in lint(text) if f.rule == "LN407"]
    assert [f.fixes[0].applicability is SAFE for f in found] == [True, True]
    assert apply_suggestions(text, found) == "“One,” he said. “Two,” she said. “It said ‘no’ today,” they said.\n"


def test_fold_is_linear_in_many_explaining_findings():
    # thousands of untranslated lines, each with a finding inside: every inner one folded
    line = "Президент сказал , что переговоры продолжатся.\n"
    found = lint(line * 3000)
    assert {f.rule for f in found} == {"LN102"} and len(found) == 3000


# A scraped page of our own: a menu, a body of prose, a share bar, a teaser
# list and a footer around it (LN305 finds the blocks by the page's structure).
_BODY = (
    "The air force said it had shot down most of the drones launched overnight, but several hit "
    "power facilities in the east of the country, cutting electricity to thousands of homes.\n"
    "The energy ministry said repair crews were working to restore supplies and that hospitals had "
    "switched to backup generators while the damage was assessed.\n"
    "Officials in the region urged residents to limit their use of heavy appliances during the "
    "evening peak, and said more repairs would follow.\n"
)
_MENU = "Home\nWorld\nEurope\nkyiv\nBusiness\nSport\n"
_SHARE = "Share this article\nFacebook\nTwitter\nWhatsApp\nEmail\n"
_TEASERS = "More on this story\nThe mayor of kyiv met officials , then left\nWhat we know about the drone attacks\n"
_FOOTER = "© 2024 Example News. All rights reserved.\nTerms of use\nPrivacy policy\nCookie settings\n"
PAGE = _MENU + "Drones strike energy sites\n" + _BODY + _SHARE + _TEASERS + _FOOTER


def test_a_furniture_block_folds_what_lies_inside_it(unfolded):
    menu_kyiv = PAGE.index("kyiv")
    assert any(f.rule == "LN201" and f.offset == menu_kyiv for f in unfolded(PAGE))
    found = lint(PAGE)
    menu = next(f for f in found if f.rule == "LN305" and f.offset == 0)
    assert "menu" in menu.message and menu.end_offset > menu_kyiv
    assert not any(f.rule == "LN201" and f.offset == menu_kyiv for f in found)


def test_a_teaser_list_block_keeps_the_damage_of_its_headlines():
    found = lint(PAGE)
    teaser_kyiv = PAGE.index("kyiv", PAGE.index("The mayor of"))
    teasers = next(f for f in found if f.rule == "LN305" and "teaser list" in f.message)
    assert teasers.offset < teaser_kyiv < teasers.end_offset
    assert [(f.rule, f.offset) for f in found if f.rule in ("LN201", "LN601")] == [
        ("LN201", teaser_kyiv), ("LN601", PAGE.index(" , then"))]


def test_the_same_lowercase_name_in_the_body_still_fires():
    page = PAGE.replace("Officials in the region", "Officials in kyiv")
    assert ("LN201", page.index("kyiv", page.index("Officials"))) in {(f.rule, f.offset) for f in lint(page)}


def test_a_repeat_inside_a_furniture_block_is_folded_but_not_one_outside():
    from lintnews.finding import Finding, Severity
    from lintnews.markup import make_document
    from lintnews.engine.overlap import fold

    from dataclasses import replace

    text = "a\nb\nc\nd\ne\n"
    doc = make_document(text)
    # the block's kind and size are its details; its message is never read back
    block = Finding("LN305", "page-structure", "boilerplate", Severity.WARNING, 0, 6, 1, 1, 3, 2,
                    "a", "any words", (), "block", (("lines", 3), ("kind", "share bar"), ("first", "a")))
    inside = Finding("LN701", "x", "duplication", Severity.WARNING, 2, 3, 2, 1, 2, 2, "b", "m")
    outside = Finding("LN701", "x", "duplication", Severity.WARNING, 8, 9, 5, 1, 5, 2, "e", "m")
    assert fold(doc, [block, inside, outside]) == [block, outside]
    teasers = replace(block, arguments=(("lines", 3), ("kind", "teaser list"), ("first", "a")))
    assert fold(doc, [teasers, inside, outside]) == [teasers, inside, outside]
    one_line = replace(block, arguments=(("lines", 1), ("kind", "share bar"), ("first", "a")))
    assert fold(doc, [one_line, inside, outside]) == [one_line, inside, outside]
    # a message that reads like a block's, without the details, is no block
    worded = replace(block, template="default", arguments=(),
                     message="These 3 lines look like a share bar of the web page around the article, "
                             "not part of it (“a”): remove them.")
    assert fold(doc, [worded, inside, outside]) == [worded, inside, outside]


def test_an_ln305_block_carries_its_kind_and_size_as_details():
    blocks = [f for f in lint(PAGE) if f.rule == "LN305" and f.template == "block"]
    assert blocks
    for f in blocks:
        assert f.detail("lines") == f.end_line - f.line + 1 > 1
        assert f"look like a {f.detail('kind')} of the web page" in f.message
    assert "teaser list" in {f.detail("kind") for f in blocks}


# A name in a translated dateline: LN801 and the name's rule at one place are one problem.
@pytest.mark.parametrize("text, name_rule, fixed", [
    ("Kiev.- Officials said the talks would resume.\n", "LN202", "KYIV — Officials said the talks would resume.\n"),
    ("Moscú.- Officials said the talks would resume.\n", "LN203", "MOSCOW — Officials said the talks would resume.\n"),
    # a name the dateline table does not know: the name's own fix goes into the dateline
    ("Jarkov.- Officials said the talks would resume.\n", "LN203", "KHARKIV — Officials said the talks would resume.\n"),
])
def test_a_name_in_a_dateline_is_one_finding_whose_fix_handles_both(unfolded, text, name_rule, fixed):
    before = unfolded(text)
    (name,) = [f for f in before if f.rule == name_rule]
    assert "LN801" in codes(before)  # the checks find both ...
    (finding,) = lint(text)  # ... the fold keeps one, with both messages
    assert (finding.rule, finding.offset, finding.end_offset) == ("LN801", 0, text.index("-") + 1)
    assert finding.message.startswith(f"“{text[:finding.end_offset]}” is a Spanish-style dateline")
    assert finding.message.endswith(name.message)
    assert f"An English dateline is “{fixed.split(' Officials')[0]}”." in finding.message
    assert finding.severity == max(f.severity for f in before)
    assert apply_suggestions(text, [finding]) == fixed


def test_a_name_outside_the_dateline_keeps_its_own_finding():
    text = "Kiev.- Officials in Kiev said the talks would resume.\n"
    found = [(f.rule, f.offset) for f in lint(text)]
    assert found == [("LN801", 0), ("LN202", text.index("Kiev", 1))]


def test_an_english_dateline_and_a_name_after_it_are_not_merged():
    text = "KYIV — Officials in Kiev said the talks would resume.\n"
    assert [(f.rule, f.offset) for f in lint(text)] == [("LN202", text.index("Kiev"))]
