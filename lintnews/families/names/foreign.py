"""What makes an unknown name look like a foreign-language transliteration.

Only Slavic-looking names are judged: a Spanish `j` for `kh` in a Slavic
ending (`-jov`, `-jova`, `-jenko`: `Tkajenko`; `Sajarov` is not caught, its
`j` is not at the ending), a Spanish accent on a Slavic ending (`Serguéi`, `Andréi`, `Bórisov`), German `schtsch`, or a German `W-`
and `-tsch-` (`Wjatscheslaw`). Real Spanish names (Jiménez, Martínez, Efraín)
and Polish names (Wladyslaw Bartoszewski) have none of these shapes.

`foreign_look(word)` returns (language, what looks foreign) or None.
"""
from __future__ import annotations

import regex

import unicodedata


# Compiled on the first word that gets this far: most texts have none.
_SLAVIC_END = regex.compile(r"(?:ov|ova|ev|eva|yov|yova|enko|ko|sky|ski|skiy|skyi|skaya|uk|yuk|chuk|ich|vich|"
                         r"ei|iy|yi|insk|ansk|ensk|orsk|grad|gorod|ivka|ovka|iv)$")
_ACCENTED = regex.compile(r"[áéíóú]")
_SPANISH_KH = regex.compile(r"\p{Ll}(?:jov|jova|jev|jeva|jenko|jenka)$")
_GERMAN_TSCH = regex.compile(r"tsch[aeiouj]")
_GERMAN_SLAVIC_END = regex.compile(r"(?:ow|owa|ew|ewa|jew|jewa|ij|yj|ja|aw|uk|enko|in|ina)$")
_GERMAN_V_END = regex.compile(r"(?:ij|yj|jew|jewa)$")
#: Every shape below needs one of these: a `j`, a `tsch` (in the plain word) or an accent.
_ACCENTS = frozenset("áéíóú")


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def foreign_look(word: str) -> tuple[str, str] | None:
    low = word.lower()
    plain = _plain(low)
    if "j" not in plain and "tsch" not in plain and _ACCENTS.isdisjoint(low):
        return None  # no shape below can match: nothing to compile
    if _SPANISH_KH.search(plain):
        return "Spanish", "a Spanish “j” where English writes “kh”"
    if _ACCENTED.search(low) and _SLAVIC_END.search(plain):
        return "Spanish", f"a Spanish accent ({_ACCENTED.search(low).group()}) on a Slavic name"
    if "schtsch" in plain:
        return "German", "German “schtsch” where English writes “shch”"
    if _GERMAN_TSCH.search(plain) and (low.startswith("w") or _GERMAN_SLAVIC_END.search(plain)):
        return "German", "German “tsch” where English writes “ch”"
    if low.startswith("w") and _GERMAN_SLAVIC_END.search(plain) and _GERMAN_V_END.search(plain):
        return "German", "a German “W” and ending where English writes “V”"
    return None
