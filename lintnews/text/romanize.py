"""Romanize Cyrillic text for a preview in a message: what does this passage say?

Each language gets the romanization English-language news uses for it:

- Ukrainian: the national system, Resolution No. 55 of the Cabinet of Ministers
  of Ukraine of 27 January 2010 ("KMU 2010"): Київ → Kyiv, Харків → Kharkiv,
  Згурівка → Zghurivka; є, ї, й, ю, я are written ye, yi, y, yu, ya at the
  start of a word and ie, i, i, iu, ia inside it; the soft sign and the
  apostrophe are dropped.
- Russian: BGN/PCGN as the press writes it: Захарова → Zakharova (not the
  scholarly Zaharova or the Spanish Zajarova), Пєсков → Peskov, е is ye at the
  start of a word and after a vowel or a hard or soft sign, ё is yo, the word
  endings -ий and -ый are -y (Дмитрий → Dmitry), ъ and ь are dropped.
- Belarusian, Bulgarian, Serbian and Macedonian: their national Latin forms,
  close enough for a preview (Serbian Cyrillic maps one to one onto Gaj's Latin
  alphabet; Bulgarian follows its 2009 Transliteration Act: ъ → a, щ → sht).

>>> romanize("Захарова", "ru")
'Zakharova'
>>> romanize("Київ, Згурівка, Юлія", "uk")
'Kyiv, Zghurivka, Yuliia'
>>> romanize("Дмитрий Песков", "ru")
'Dmitry Peskov'
"""
from __future__ import annotations

_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ь": "", "'": "", "’": "", "ʼ": "",
}

_RU = {**_COMMON, "г": "g", "е": "e", "ё": "yo", "и": "i", "й": "y", "ы": "y",
       "э": "e", "ю": "yu", "я": "ya", "і": "i", "є": "ye", "ї": "yi", "ґ": "g"}

_UK = {**_COMMON, "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i",
       "ї": "i", "й": "i", "ю": "iu", "я": "ia", "ё": "io", "ы": "y", "э": "e"}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_BE = {**_RU, "г": "h", "ў": "w", "і": "i", "е": "ie", "ё": "io", "ю": "iu", "я": "ia"}

_BG = {**_COMMON, "г": "g", "е": "e", "и": "i", "й": "y", "х": "h", "щ": "sht",
       "ъ": "a", "ь": "y", "ю": "yu", "я": "ya"}

_SR = {**_COMMON, "г": "g", "е": "e", "и": "i", "х": "h", "ц": "c", "ч": "č",
       "ш": "š", "ж": "ž", "ђ": "đ", "ћ": "ć", "џ": "dž", "љ": "lj", "њ": "nj",
       "ј": "j", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "щ": "šč"}

TABLES = {"ru": _RU, "uk": _UK, "be": _BE, "bg": _BG, "sr": _SR, "mk": _SR}
_VOWELS = set("аеёиоуыэюяіїєaeiouy")
_SIGNS = set("ъь'’ʼ")


def romanize(text: str, lang: str = "ru") -> str:
    """`text` with its Cyrillic letters romanized for `lang` (others kept)."""
    table = TABLES.get(lang, _RU)
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1].lower() if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        initial = not prev.isalpha() and prev not in _SIGNS
        if low not in table and low not in _UK_INITIAL:
            out.append(ch)
            continue
        piece = table.get(low, low)
        if lang == "uk":
            if initial and low in _UK_INITIAL:
                piece = _UK_INITIAL[low]
            elif low == "г" and prev == "з":
                piece = "gh"
        elif lang in ("ru", "be"):
            if low == "е" and (initial or prev in _VOWELS or prev in _SIGNS):
                piece = "ye"
            elif low == "й" and prev in "иы" and not nxt.isalpha():
                piece = ""  # -ий, -ый → -y: the и or ы already wrote the y
                if out and out[-1].lower() == "i":
                    out[-1] = "y" if out[-1] == "i" else "Y"
        if ch != low and piece:
            if nxt.isupper() or (not nxt.isalpha() and i and text[i - 1].isupper()):
                piece = piece.upper()
            else:
                piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)


def preview(text: str, lang: str, limit: int = 60) -> str:
    """A romanized preview of at most about `limit` characters, cut at a word."""
    roman = romanize(text, lang)
    if len(roman) <= limit:
        return roman
    cut = roman.rfind(" ", 0, limit)
    return roman[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"
