"""The cheap gate in front of `names.foreign.foreign_look` changes no answer."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st




def _foreign_look_ungated(word):
    """`names.foreign.foreign_look` as it was before its cheap gate (patterns compiled up front)."""
    import regex

    from lintnews.families.names.foreign import _plain

    low = word.lower()
    plain = _plain(low)
    if regex.search(r"\p{Ll}(?:jov|jova|jev|jeva|jenko|jenka)$", plain):
        return "Spanish", "a Spanish “j” where English writes “kh”"
    accent = regex.search(r"[áéíóú]", low)
    if accent and regex.search(r"(?:ov|ova|ev|eva|yov|yova|enko|ko|sky|ski|skiy|skyi|skaya|uk|yuk|chuk|ich|vich|"
                               r"ei|iy|yi|insk|ansk|ensk|orsk|grad|gorod|ivka|ovka|iv)$", plain):
        return "Spanish", f"a Spanish accent ({accent.group()}) on a Slavic name"
    if "schtsch" in plain:
        return "German", "German “schtsch” where English writes “shch”"
    german_end = regex.search(r"(?:ow|owa|ew|ewa|jew|jewa|ij|yj|ja|aw|uk|enko|in|ina)$", plain)
    if regex.search(r"tsch[aeiouj]", plain) and (low.startswith("w") or german_end):
        return "German", "German “tsch” where English writes “ch”"
    if low.startswith("w") and german_end and regex.search(r"(?:ij|yj|jew|jewa)$", plain):
        return "German", "a German “W” and ending where English writes “V”"
    return None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["W", "w", "j", "J", "tsch", "sch", "ov", "ova", "enko", "ij", "jew", "a", "e",
                                 "i", "o", "u", "k", "á", "é", "É", "ó", "a\u0301", "ew", "in", "Sajar", "ko"]),
                min_size=1, max_size=8).map("".join))
def test_foreign_look_gate_changes_no_answer(word):
    from lintnews.families.names.foreign import foreign_look

    assert foreign_look(word) == _foreign_look_ungated(word)
    for name in ("Tkajenko", "Serguéi", "Wjatscheslaw", "Schtschukin", "Wladyslaw", "Jiménez", "Kharkiv"):
        assert foreign_look(name) == _foreign_look_ungated(name)

