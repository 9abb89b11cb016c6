"""What makes an unknown name look like a foreign-language transliteration.

Only Slavic-looking names are judged: a Spanish `j` for `kh` in a Slavic
ending (`-jov`, `-jova`, `-jenko`: `Tkajenko`; `Sajarov` is not caught, its
`j` is not at the ending), a Spanish accent on a Slavic ending (`Serguéi`, `Andréi`, `Bórisov`), German `schtsch`, or a German `W-`
and `-tsch-` (`Wjatscheslaw`). Real Spanish names (Jiménez, Martínez, Efraín)
and Polish names (Wladyslaw Bartoszewski) have none of these shapes.

`foreign_look(word)` returns (language, what looks foreign) or None.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    """Compiled on the first word that gets this far: most texts have none."""
    return (
        regex.compile(r"(?:ov|ova|ev|eva|yov|yova|enko|ko|sky|ski|skiy|skyi|skaya|uk|yuk|chuk|ich|vich|"
                      r"ei|iy|yi|insk|ansk|ensk|orsk|grad|gorod|ivka|ovka|iv)$"),
        regex.compile(r"[áéíóú]"),
        regex.compile(r"\p{Ll}(?:jov|jova|jev|jeva|jenko|jenka)$"),
        regex.compile(r"schtsch"),
        regex.compile(r"tsch[aeiouj]"),
        regex.compile(r"(?:ow|owa|ew|ewa|jew|jewa|ij|yj|ja|aw|uk|enko|in|ina)$"),
    )


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def foreign_look(word: str) -> tuple[str, str] | None:
    slavic_end, accented, spanish_kh, german_shch, german_tsch, german_slavic_end = _patterns()
    low = word.lower()
    plain = _plain(low)
    if spanish_kh.search(plain):
        return "Spanish", "a Spanish “j” where English writes “kh”"
    if accented.search(low) and slavic_end.search(plain):
        return "Spanish", f"a Spanish accent ({accented.search(low).group()}) on a Slavic name"
    if german_shch.search(plain):
        return "German", "German “schtsch” where English writes “shch”"
    if german_tsch.search(plain) and (low.startswith("w") or german_slavic_end.search(plain)):
        return "German", "German “tsch” where English writes “ch”"
    if low.startswith("w") and german_slavic_end.search(plain) and regex.search(r"(?:ij|yj|jew|jewa)$", plain):
        return "German", "a German “W” and ending where English writes “V”"
    return None
