"""The generic data kinds: substitution (with `[[rule.term]]` tables, and
`mistranslation`, its other name with LN804's former defaults), and the
removed `consistency` kind, whose job is LN204's over `[[entity]]` data."""
from __future__ import annotations

from lintnews.finding import DISPLAY_ONLY, SAFE
from pathlib import Path

import pytest

from lintnews import Config, lint_text
from lintnews.engine.lint import build_rules
from lintnews.engine.rulefiles import RuleFileError
from tests.helpers import apply_suggestions, fixes, only, spans

HEAD = '''
[[rule]]
code = "NEWS{code}"
name = "house-{code}"
kind = "{kind}"
category = "style"
severity = "warning"
fixable = true
summary = "House list."
'''


def load_error(tmp_path: Path, body: str) -> str:
    """The message of the RuleFileError that loading `body` as a rule file raises."""
    (tmp_path / "house.toml").write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        build_rules.__wrapped__((tmp_path,))
    return str(err.value)


def house(tmp_path: Path, body: str) -> Config:
    (tmp_path / "house.toml").write_text(body, encoding="utf-8")
    return Config(rules=(str(tmp_path),), select=("LN", "NEWS"))


TERMS = HEAD.format(code="101", kind="substitution") + '''
message = "Write “{preferred}”, not “{found}” ({reason})."
safe = false
[rule.swap]
"Supreme Rada" = "Verkhovna Rada"
[[rule.term]]
found = "special military operation"
preferred = "invasion"
reason = "house style"
safe = true
[[rule.examples]]
text = "The special military operation began."
expect = ["NEWS101"]
[[rule.examples]]
text = "The invasion began."
'''


def test_substitution_terms_have_reason_case_and_their_own_safety(tmp_path):
    text = "Special military operation: the Supreme Rada met. THE SPECIAL MILITARY OPERATION went on."
    found = only(lint_text(text, house(tmp_path, TERMS)), "NEWS101")
    assert spans(found) == [("Special military operation", 0, 26), ("Supreme Rada", 32, 44),
                            ("SPECIAL MILITARY OPERATION", 54, 80)]
    assert fixes(found) == ["Invasion", "Verkhovna Rada", "INVASION"]
    assert [f.fixes[0].applicability is SAFE for f in found] == [True, False, True]
    assert found[0].message == "Write “Invasion”, not “Special military operation” (house style)."
    assert found[1].message == "Write “Verkhovna Rada”, not “Supreme Rada” ()."
    assert apply_suggestions(text, found) == "Invasion: the Verkhovna Rada met. THE INVASION went on."


def test_substitution_term_stays_silent_inside_other_words_and_tokens(tmp_path):
    config = house(tmp_path, TERMS)
    text = "See #special military operation and the specialmilitary operation plan."
    assert only(lint_text(text, config), "NEWS101") == []


def test_mistranslation_kind_is_substitution_with_ln804_defaults(tmp_path):
    body = HEAD.format(code="102", kind="mistranslation") + '''
[[rule.term]]
found = "boil the tea"
expected = "make the tea"
reason = "house style"
[[rule.examples]]
text = "They boil the tea."
expect = ["NEWS102"]
[[rule.examples]]
text = "They make the tea."
'''
    found = only(lint_text("They boil the tea.", house(tmp_path, body)), "NEWS102")
    assert spans(found) == [("boil the tea", 5, 17)]
    assert found[0].message == "“boil the tea” is a mistranslation: write “make the tea” (house style)."
    assert fixes(found) == ["make the tea"] and not found[0].fixes[0].applicability is SAFE


def test_mistranslation_name_needs_a_reason_for_every_phrase(tmp_path):
    body = HEAD.format(code="104", kind="mistranslation") + '''
[rule.swap]
"boil the tea" = "make the tea"
[[rule.examples]]
text = "They boil the tea."
expect = ["NEWS104"]
[[rule.examples]]
text = "They make the tea."
'''
    assert "each phrase its reason: [[rule.term]] tables, not [rule.swap]" in load_error(tmp_path, body)
    no_reason = body.replace('[rule.swap]\n"boil the tea" = "make the tea"',
                             '[[rule.term]]\nfound = "boil the tea"\nexpected = "make the tea"')
    (tmp_path / "terms").mkdir()
    assert ("NEWS104: each [[rule.term]] of a mistranslation rule needs a 'reason'"
            in load_error(tmp_path / "terms", no_reason))


def test_substitution_offers_its_fix_unless_the_rule_says_fixable_false(tmp_path):
    (tmp_path / "default").mkdir()
    (tmp_path / "unfixable").mkdir()
    config = house(tmp_path / "default", TERMS.replace("fixable = true\n", ""))
    assert build_rules(config.rule_folders()).by_code["NEWS101"].fixable
    found = only(lint_text("The Supreme Rada met.", config), "NEWS101")
    assert fixes(found) == ["Verkhovna Rada"]
    unfixable = house(tmp_path / "unfixable", TERMS.replace("fixable = true", "fixable = false"))
    found = only(lint_text("The Supreme Rada met.", unfixable), "NEWS101")
    assert spans(found) == [("Supreme Rada", 4, 16)] and fixes(found) == []
    assert [f.applicability for f in found[0].fixes] == [DISPLAY_ONLY]  # the English form, as a hint


def test_substitution_terms_have_alternatives_context_and_labels(tmp_path):
    body = HEAD.format(code="105", kind="substitution") + '''
context = "ru-uk"
label = true
message = "“{found}”: write “{preferred}”."
[[rule.term]]
found = "{Word|Quote} of the day"
preferred = "Today's {1}"
[[rule.examples]]
text = "In Kyiv. Quote of the day: none."
expect = ["NEWS105"]
[[rule.examples]]
text = "In Kyiv, the Quote of the day is short."
'''
    config = house(tmp_path, body)
    found = only(lint_text("In Kyiv.\nQuote of the day: hold on.\n", config), "NEWS105")
    assert spans(found) == [("Quote of the day", 9, 25)]
    assert found[0].message == "“Quote of the day”: write “Today's Quote”." and fixes(found) == ["Today's Quote"]
    assert only(lint_text("In Paris.\nQuote of the day: hold on.\n", config), "NEWS105") == []  # no context word
    assert only(lint_text("In Kyiv the word of the day: hold on.\n", config), "NEWS105") == []  # not a label


def test_a_newsroom_phrase_that_a_built_in_rule_has_is_an_error(tmp_path):
    body = HEAD.format(code="106", kind="substitution") + '''
[rule.swap]
"fragging wound" = "shell wound"
[[rule.examples]]
text = "A fragging wound."
expect = ["NEWS106"]
[[rule.examples]]
text = "A shell wound."
'''
    assert "NEWS106: the phrase 'fragging wound' is also in rule LN804" in load_error(tmp_path, body)


def test_a_swap_table_may_list_each_case_of_a_variant(tmp_path):
    body = HEAD.format(code="107", kind="substitution") + '''
[rule.swap]
"Supreme Rada" = "Verkhovna Rada"
"SUPREME RADA" = "VERKHOVNA RADA"
[[rule.examples]]
text = "The Supreme Rada met."
expect = ["NEWS107"]
[[rule.examples]]
text = "The Verkhovna Rada met."
'''
    found = only(lint_text("The Supreme Rada met. THE SUPREME RADA MET.", house(tmp_path, body)), "NEWS107")
    assert spans(found) == [("Supreme Rada", 4, 16), ("SUPREME RADA", 26, 38)]
    assert fixes(found) == ["Verkhovna Rada", "VERKHOVNA RADA"]


def test_a_variant_without_a_word_is_found_too(tmp_path):
    body = HEAD.format(code="108", kind="substitution") + '''
[rule.swap]
"--" = "—"
"U.S." = "US"
[[rule.examples]]
text = "A -- B."
expect = ["NEWS108"]
[[rule.examples]]
text = "A — B."
'''
    found = only(lint_text("Talks -- in the U.S. -- ended; a--b and x--.\n", house(tmp_path, body)), "NEWS108")
    assert spans(found) == [("--", 6, 8), ("U.S.", 16, 20), ("--", 21, 23)]
    assert fixes(found) == ["—", "US", "—"]


def test_a_variant_followed_by_a_combining_accent_is_part_of_a_longer_word(tmp_path):
    config = house(tmp_path, TERMS)
    assert spans(only(lint_text("The Supreme Rada met.", config), "NEWS101")) == [("Supreme Rada", 4, 16)]
    assert only(lint_text("The Supreme Rada\u0301 met.", config), "NEWS101") == []


def test_substitution_needs_swap_or_terms(tmp_path):
    body = HEAD.format(code="103", kind="substitution") + '''
[[rule.examples]]
text = "The Supreme Rada met."
expect = ["NEWS103"]
[[rule.examples]]
text = "The Verkhovna Rada met."
'''
    assert "needs a [rule.swap] table or [[rule.term]] tables" in load_error(tmp_path, body)


def test_consistency_kind_is_gone_and_says_what_to_write_instead(tmp_path):
    body = HEAD.format(code="104", kind="consistency") + '''
[[rule.group]]
forms = ["Pidhirna", "Pidgirna"]
[[rule.examples]]
text = "Pidhirna and Pidgirna."
expect = ["NEWS104"]
[[rule.examples]]
text = "Pidhirna and Pidhirna."
'''
    message = load_error(tmp_path, body)
    assert message.startswith(f"{tmp_path / 'house.toml'}:2:")
    assert "kind 'consistency' was removed" in message and "[[entity]]" in message and "LN204" in message


ENTITY = '''
[[entity]]
id = "house-mayor"
type = "person"
native = "Оксана Підгірна"
forms = ["Pidhirna", "Pidgirna"]
'''


def test_a_newsrooms_entity_is_what_ln204_checks_for_consistency(tmp_path):
    (tmp_path / "names.toml").write_text(ENTITY, encoding="utf-8")
    config = Config(rules=(str(tmp_path),))
    text = "Pidhirna spoke. Pidhirna left. Later Pidgirna returned."
    found = only(lint_text(text, config), "LN204")
    assert spans(found) == [("Pidgirna", 37, 45)]
    assert found[0].message == "This text writes “Pidgirna” here and “Pidhirna” 2 times elsewhere: use one form, “Pidhirna”."
    assert fixes(found) == ["Pidhirna"] and not found[0].fixes[0].applicability is SAFE
    assert only(lint_text("Pidgirna spoke. Pidgirna left.", config), "LN204") == []
