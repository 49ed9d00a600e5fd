"""Offline Dutch extraction rules: money, fte, deadlines, roles, parties, themes, kaders.

Dutch administrators write "drie ton", "2,5 mln", "anderhalve fte" and "eind 2027";
general parsers (dateparser, price-parser, text2num) get exactly those wrong, so the
rules live here. Pure functions, stdlib only, every pattern compiled at import. Every
public function returns None or [] when the text does not say it, and never raises.

Matching is case- and accent-insensitive: `_fold` maps the text to lower case without
diacritics *keeping its length*, so a span found in the folded text is the same span in
the original (needed to keep names as written: "wethouder De Vries").

The vocabularies (`THEME_PATTERNS`, `FRAMEWORKS`, `INSTRUMENTS`, `PARTY_GENERIC`,
`PARTY_NAMES`, `COMMISSIONER_ROLES`) are plain module-level tables so that other modules
(the review rules) can reuse them.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from opdrachtassistent.commission import Level, Theme

__all__ = [
    "COMMISSIONER_ROLES",
    "FRAMEWORKS",
    "INSTRUMENTS",
    "PARTY_GENERIC",
    "PARTY_KINDS",
    "PARTY_NAMES",
    "THEME_PATTERNS",
    "WORKING_HOURS_PER_WEEK",
    "Party",
    "find_commissioner",
    "find_frameworks",
    "find_instruments",
    "find_level",
    "find_parties",
    "find_themes",
    "level_of",
    "parse_amount_eur",
    "parse_deadline",
    "parse_fte",
    "words_to_number",
]

WORKING_HOURS_PER_WEEK = 36  # Dutch government (CAO Gemeenten): 1 fte = 36 hours a week
WORKING_DAYS_PER_WEEK = 5  # "twee dagen per week" = 2/5 fte
MAX_TEXT = 200_000  # longer input is cut: nobody answers a question with more

# --------------------------------------------------------------------------- folding


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x41, 0x2500):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = base.lower()
        if len(low) == 1 and low != ch:
            table[cp] = low
    for cp in (0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4):
        table[cp] = "'"
    for cp in (0x201C, 0x201D, 0x201E):
        table[cp] = '"'
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212):
        table[cp] = "-"
    for cp in (0x00A0, 0x202F, 0x2007, 0x2009, 0x200A, 0x2002, 0x2003, 0x2004, 0x2005):
        table[cp] = " "
    return table


_FOLD_TABLE = _build_fold_table()


def _fold(text: str) -> str:
    """Lower case, no diacritics, typographic quotes/dashes/spaces made plain; same length."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def _clean(text: object) -> str:
    """The text to work on: always a str, cut to `MAX_TEXT`."""
    if not isinstance(text, str):
        return ""
    return text[:MAX_TEXT]


# --------------------------------------------------------------------------- numerals

_UNIT_VALUES: dict[str, float] = {
    "nul": 0,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
_TEEN_VALUES: dict[str, float] = {
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
_TEN_VALUES: dict[str, float] = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
# "ton" is a hundred thousand (euro) in Dutch administrative speech: "drie ton" = 300.000.
_WORD_SCALES: dict[str, float] = {"duizend": 1e3, "ton": 1e5, "miljoen": 1e6, "miljard": 1e9}
_HALF = frozenset({"half", "halve"})
_ANDERHALF = frozenset({"anderhalf", "anderhalve"})
_CONNECTORS = frozenset({"en", "komma"})
_MORPHS: tuple[str, ...] = tuple(
    sorted(
        [
            *_UNIT_VALUES,
            *_TEEN_VALUES,
            *_TEN_VALUES,
            *_WORD_SCALES,
            "honderd",
            *_HALF,
            *_ANDERHALF,
            *_CONNECTORS,
        ],
        key=len,
        reverse=True,
    )
)
_MORPH_ALT = "|".join(_MORPHS)
_MORPH_RE = re.compile(_MORPH_ALT)
# A numeral word: at most eight morphemes, so backtracking stays bounded on any input.
_NUMWORD_RE = re.compile(rf"(?<![a-z0-9])(?:{_MORPH_ALT}){{1,8}}(?![a-z0-9])")
# Trivial numerals ("een", "half") count only before a unit: "een halve fte", "een jaar".
_TRIVIAL = frozenset({"een", "half", "halve", "en"})
_UNIT_AFTER = re.compile(
    r"[ \t-]*(?:fte|vte|f\.t\.e|formatieplaats|voltijd|fulltime|ton\b|miljoen|miljard|jaar|"
    r"maand|week|weken|dag\b|dagen|uur|kwartaal|halfjaar|mln|mld|werkdag)"
)
_BIG = frozenset({"honderd", *_WORD_SCALES})


def _split_word(word: str) -> list[str] | None:
    morphs: list[str] = _MORPH_RE.findall(word)
    return morphs if "".join(morphs) == word else None


def _is_digit_word(m: str) -> bool:
    return m in _UNIT_VALUES or m in _TEEN_VALUES or m in _TEN_VALUES


def _eval_morphs(ms: list[str]) -> float | None:
    """The value of a sequence of numeral morphemes, or None when it is not a numeral."""
    total = 0.0
    chunk = 0.0
    seen = False
    prev = ""
    i = 0
    n = len(ms)
    while i < n:
        m = ms[i]
        if m == "en":
            nxt = ms[i + 1] if i + 1 < n else ""
            ok = (
                nxt in _TEN_VALUES
                or nxt in _HALF
                or (nxt == "een" and i + 2 < n and ms[i + 2] in _HALF)
            )
            if not ok or not seen:
                return None
        elif m in _HALF:
            if prev == "een":
                chunk -= 1
            elif prev not in ("", "en"):
                return None
            chunk += 0.5
            seen = True
        elif m in _ANDERHALF:
            if seen and prev not in _WORD_SCALES:
                return None
            chunk += 1.5
            seen = True
        elif m == "honderd":
            if chunk >= 100:
                return None
            chunk = (chunk or 1) * 100
            seen = True
        elif m in _WORD_SCALES:
            total += (chunk or 1) * _WORD_SCALES[m]
            chunk = 0
            seen = True
        elif m == "komma":
            j = i + 1
            while j < n and ms[j] not in _WORD_SCALES and ms[j] != "komma":
                j += 1
            frac = ms[i + 1 : j]
            if not seen or not frac:
                return None
            if all(x in _UNIT_VALUES for x in frac):
                digits = "".join(str(int(_UNIT_VALUES[x])) for x in frac)
            else:
                v = _eval_morphs(frac)
                if v is None or v != int(v):
                    return None
                digits = str(int(v))
            chunk += float("0." + digits)
            prev = frac[-1]
            i = j
            continue
        elif m in _UNIT_VALUES or m in _TEEN_VALUES:
            if _is_digit_word(prev):
                return None
            chunk += _UNIT_VALUES.get(m, 0) + _TEEN_VALUES.get(m, 0)
            seen = True
        elif m in _TEN_VALUES:
            if prev in _TEEN_VALUES or prev in _TEN_VALUES or prev in _UNIT_VALUES:
                return None  # "vijftwintig": the "en" is missing
            chunk += _TEN_VALUES[m]
            seen = True
        else:  # pragma: no cover - every morpheme is handled above
            return None
        prev = m
        i += 1
    return total + chunk if seen else None


def _can_follow(last: str, first: str) -> bool:
    """Whether a numeral word starting with `first` continues one ending in `last`."""
    if first == "en":
        return last not in _CONNECTORS and last not in _WORD_SCALES
    if last == "komma":
        return _is_digit_word(first)
    if first in _UNIT_VALUES or first in _TEEN_VALUES:
        return last in _BIG or (last == "en" and first == "een")
    if first in _TEN_VALUES:
        return last in _BIG or last == "en"
    if first == "honderd":
        return last in _UNIT_VALUES or last in _TEEN_VALUES
    if first in _WORD_SCALES or first == "komma":
        return last not in _CONNECTORS and last != ""
    if first in _HALF:
        return last in ("een", "en")
    return False


def _fmt(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.10g}".replace(".", ",")


_Word = tuple[int, int, list[str]]


def _digitize(s: str) -> str:
    """Folded text with numeral words as digits: "twee komma vijf miljoen" -> "2,5 miljoen".

    A trailing separate scale word is kept ("drie ton" -> "3 ton") so that the money rules
    still see it; "een", "half" alone count only before a unit ("een halve fte" -> "0,5 fte").
    """
    words: list[_Word] = []
    for m in _NUMWORD_RE.finditer(s):
        morphs = _split_word(m.group())
        if morphs is None:
            continue
        if morphs not in (["en"], ["komma"]) and _eval_morphs(morphs) is None:
            continue
        words.append((m.start(), m.end(), morphs))
    if not words:
        return s
    out: list[str] = []
    pos = 0

    def flush(g: list[_Word]) -> None:
        nonlocal pos
        while g and g[0][2] in (["en"], ["komma"]):
            g = g[1:]
        while g and g[-1][2] in (["en"], ["komma"]):
            g = g[:-1]
        if not g:
            return
        flat = [x for w in g for x in w[2]]
        value = _eval_morphs(flat)
        if value is None:
            cut = next((k for k, w in enumerate(g) if w[2] == ["en"]), None)
            if cut is not None:
                flush(g[:cut])
                flush(g[cut + 1 :])
            return
        start, end = g[0][0], g[-1][1]
        if set(flat) <= _TRIVIAL and not _UNIT_AFTER.match(s, end):
            return
        last = g[-1][2]
        if len(last) == 1 and last[0] in _WORD_SCALES:
            if len(g) == 1:
                return  # "miljoen", "ton" alone is no number
            prefix = _eval_morphs([x for w in g[:-1] for x in w[2]])
            text = f"{_fmt(prefix)} {last[0]}" if prefix is not None else _fmt(value)
        else:
            text = _fmt(value)
        out.append(s[pos:start])
        out.append(text)
        pos = end

    group: list[_Word] = []
    for w in words:
        if group:
            gap = s[group[-1][1] : w[0]]
            joined = gap.strip(" \t-") == "" and len(gap) <= 3
            if not joined or not _can_follow(group[-1][2][-1], w[2][0]):
                flush(group)
                group = []
        group.append(w)
    flush(group)
    out.append(s[pos:])
    return "".join(out)


_SCALE_VALUES: dict[str, float] = {
    "miljard": 1e9,
    "mrd": 1e9,
    "mld": 1e9,
    "billion": 1e9,
    "miljoen": 1e6,
    "mln": 1e6,
    "milj": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "m": 1e6,
    "ton": 1e5,
    "duizend": 1e3,
    "dzd": 1e3,
    "thousand": 1e3,
    "k": 1e3,
}
_NL_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_SPACE_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+(?:,\d+)?")
_ONE_COMMA_GROUP = re.compile(r"\d{1,3},\d{3}")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")


def _num_value(token: str, *, scaled: bool = False) -> float | None:
    """Dutch (1.750.000,50) and English (1,750,000.50) number formats; "2,5" is 2.5."""
    if _NL_THOUSANDS.fullmatch(token):
        return float(token.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.fullmatch(token):
        return float(token.replace(",", ""))
    if _SPACE_THOUSANDS.fullmatch(token):
        return float(token.replace(" ", "").replace(",", "."))
    if not scaled and _ONE_COMMA_GROUP.fullmatch(token):
        return float(token.replace(",", ""))  # "€ 1,750": a budget of 1,75 is no budget
    if _PLAIN.fullmatch(token):
        return float(token.replace(",", "."))
    return None


_W2N_DIGITS = re.compile(
    r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?"
    r"|\d+(?:[.,]\d+)?)\s*(?:(miljard|mrd|mld|miljoen|mln|mio|million|ton|duizend|dzd|k)\.?)?"
)


def words_to_number(text: str) -> float | None:
    """The number a whole phrase names: "tweehonderdvijftigduizend" -> 250000.

    Dutch numeral words ("anderhalf" 1.5, "twee komma vijf" 2.5, "tweeënhalf" 2.5, "een
    half" 0.5, "drie ton" 300000: a ton is a hundred thousand), digits in Dutch or English
    format, digits with a scale ("2,5 miljoen", "450k"). None when the phrase is not a
    number as a whole.
    """
    try:
        s = _fold(_clean(text)).strip().strip(".!?:;").strip()
        if not s or len(s) > 200:
            return None
        m = _W2N_DIGITS.fullmatch(s)
        if m:
            value = _num_value(m.group(1), scaled=m.group(2) is not None)
            if value is None:
                return None
            return value * (_SCALE_VALUES[m.group(2)] if m.group(2) else 1)
        morphs: list[str] = []
        for word in re.split(r"[\s-]+", s):
            split = _split_word(word)
            if split is None:
                return None
            morphs.extend(split)
        return _eval_morphs(morphs)
    except Exception:
        return None


# --------------------------------------------------------------------------- money

_MONEY_NUM = (
    r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
    r"|\d{1,3}(?: \d{3})+(?:,\d+)?(?=\s*(?:€|euro|eur\b))|\d+(?:[.,]\d+)?)(?!\d)"
)
_SCALE = (
    r"(miljard|mrd|mld|billion|miljoen|milj|mln|mio|million|ton|duizend|dzd|thousand|k|m)"
    r"\.?(?![a-z])"
)
_STRONG_SCALE = r"(miljard|mrd|mld|billion|miljoen|milj|mln|mio|million|ton|k)\.?(?![a-z])"
_NOT_MONEY_AFTER = re.compile(
    r"\s*(?:inwoners|mensen|personen|bezoekers|reizigers|passagiers|huishoudens|woningen|"
    r"huizen|bomen|planten|auto|voertuigen|fietsers|fietsen|m2|m3|m²|m³|vierkante|kubieke|"
    r"kuub|liter|kilo|kg|ton\b|km|kilometer|meter|tegels|stenen|co2|jaar|uur|fte|%|procent|"
    r"asfalt|grond|zand|puin|beton|staal|materiaal|afval|keer|stuks|deelnemers|leerlingen|"
    r"kinderen|dieren|vogels|zakken|aansluitingen|adressen|klanten|m\b|mm\b|cm\b)"
)
_MONEY_PATTERNS: tuple[re.Pattern[str], ...] = (
    # € 2,5 miljoen / EUR 450.000 / €2.5M / euro 300.000
    re.compile(
        r"(?:€|\beur\b|\beuro\b)\.?\s*"
        + _MONEY_NUM.replace(r"(?=\s*(?:€|euro|eur\b))", "")
        + r"(?:\s*,[-=]{1,2})?(?:\s*"
        + _SCALE
        + ")?"
    ),
    # 2,5 miljoen euro / 450.000 euro / 450 k€ / 450k euro
    re.compile(_MONEY_NUM + r"(?:\s*" + _SCALE + r")?(?:\s*,[-=]{1,2})?\s*(?:€|euro\b|eur\b)"),
    # 3 miljoen / 2,5 mln / drie ton / 450k (a scale word alone is money enough)
    re.compile(_MONEY_NUM + r"\s*" + _STRONG_SCALE),
)
_TOTAL_CUE = re.compile(r"\b(?:totaal|in totaal|totale|samen|bij elkaar|opgeteld)\b")
_BUDGET_CUE = re.compile(
    r"\b(?:budget\w*|\w*krediet\w*|beschikbaar|gereserveerd|reserveren|reservering|begroot|"
    r"uitgetrokken|toegekend|gealloceerd|geoormerkt|opgenomen in de begroting|"
    r"financiering|dekking|middelen|potje|pot|ter beschikking|taakstellend)\b"
)
_WEAK_CUE = re.compile(
    r"\b(?:kost\w*|raming|geraamd|investering\w*|investeren|bedrag|begroting|subsidie\w*|"
    r"bijdrage|dekken)\b"
)
_BARE_AFTER_CUE = re.compile(
    r"\b(?:budget\w*|\w*krediet\w*|bedrag|beschikbaar|gereserveerd|begroot|raming|geraamd)"
    r"\b[^.;!?\n\d€]{0,30}?" + _MONEY_NUM + r"(?:\s*,[-=]{1,2})?"
)
_YEARLIKE = re.compile(r"(?:19|20)\d{2}")
_RANGE_AFTER = re.compile(r"\s*(?:-|t/m|tot)\s*\d")
_CLAUSE_BREAK = re.compile(r"[;!?\n]|\.(?!\d)")

_Cand = tuple[float, int, int]


def _money_candidates(d: str) -> list[_Cand]:
    found: dict[int, _Cand] = {}
    for i, pattern in enumerate(_MONEY_PATTERNS):
        for m in pattern.finditer(d):
            token = m.group(1)
            scale = m.group(2)
            if i == 2 and _NOT_MONEY_AFTER.match(d, m.end()):
                continue
            value = _num_value(token, scaled=scale is not None)
            if value is None:
                continue
            if scale:
                value *= _SCALE_VALUES[scale]
            start = m.start(1)
            if start not in found:
                found[start] = (value, start, m.end())
    for m in _BARE_AFTER_CUE.finditer(d):
        start = m.start(1)
        if any(s <= start < e for _, s, e in found.values()):
            continue
        token = m.group(1)
        value = _num_value(token)
        if value is None or value < 1000 or _YEARLIKE.fullmatch(token):
            continue  # "budget voor 2026" names a year
        if _NOT_MONEY_AFTER.match(d, m.end()) or _RANGE_AFTER.match(d, m.end()):
            continue
        found[start] = (value, start, m.end())
    return sorted(found.values(), key=lambda c: c[1])


def _cue_distance(d: str, cue: re.Pattern[str], start: int, end: int, window: int) -> int | None:
    """Characters between the candidate and the nearest cue in the same clause, or None."""
    best: int | None = None
    for m in cue.finditer(d, max(0, start - window), min(len(d), end + window)):
        if m.end() <= start:
            gap = d[m.end() : start]
        elif m.start() >= end:
            gap = d[end : m.start()]
        else:
            continue
        if _CLAUSE_BREAK.search(gap):
            continue
        if best is None or len(gap) < best:
            best = len(gap)
    return best


def parse_amount_eur(text: str) -> float | None:
    """The budget in euro named in the text.

    "€ 2,5 miljoen" -> 2500000, "drie ton" -> 300000, "450k" -> 450000, "€ 1.750.000,-" ->
    1750000. A scale word alone makes an amount ("3 miljoen"); a bare number needs a euro
    sign or a budget word ("budget: 800.000"); "200 bomen", "30 km/u", "2027" are no money.
    With several amounts: one marked as total ("totaal € 1.500.000"), else the one nearest
    to a budget word (budget, beschikbaar, gereserveerd, krediet, ...) in the same clause,
    else one near a cost word, else the largest. In a range ("2 à 3 miljoen") the amount
    with the scale word wins: the upper bound.
    """
    try:
        d = _digitize(_fold(_clean(text)))
        cands = _money_candidates(d)
        if not cands:
            return None

        def score(c: _Cand) -> tuple[int, int, float]:
            value, start, end = c
            total = _cue_distance(d, _TOTAL_CUE, start, start, 20)
            if total is not None:
                return (3, -total, value)
            strong = _cue_distance(d, _BUDGET_CUE, start, end, 80)
            if strong is not None:
                return (2, -strong, value)
            weak = _cue_distance(d, _WEAK_CUE, start, end, 60)
            if weak is not None:
                return (1, -weak, value)
            return (0, 0, value)

        return round(max(cands, key=score)[0], 2)
    except Exception:
        return None


# --------------------------------------------------------------------------- fte

_FTE_NUM = r"(?<![\w.,])(\d+(?:[.,]\d+)?)"
_FTE_UNIT = (
    r"\s*(?:fte(?:'s|s)?|f\.t\.e\.?|vte|formatieplaats(?:en)?|voltijdsbanen?|"
    r"voltijd(?:s)?\s*-?\s*(?:equivalent(?:en)?|banen?|krachten?)|fulltimers?|"
    r"(?:volle|fulltime|voltijds?e?)\s+(?:kracht|krachten|baan|banen|medewerkers?|"
    r"projectleiders?|collega'?s?|werkvoorbereiders?)|arbeidsplaats(?:en)?)(?![a-z])"
)
_FTE_RANGE = re.compile(_FTE_NUM + r"\s*(?:à|a|-|tot|of)\s*" + _FTE_NUM + _FTE_UNIT)
_FTE_SINGLE = re.compile(_FTE_NUM + _FTE_UNIT)
_FTE_HOURS = re.compile(_FTE_NUM + r"\s*(?:uur|u\.?|uren)\s*(?:per|in de|p/w|/|a)\s*(?:week|wk)\b")
_FTE_DAYS = re.compile(_FTE_NUM + r"\s*(?:dag|dagen|werkdag|werkdagen)\s*(?:per|in de|/)\s*week\b")
_FTE_TOTAL = re.compile(r"\b(?:totaal|in totaal|samen|bij elkaar|opgeteld|totale|alles bij)\b")
_FTE_TOTAL_AFTER = re.compile(r"\s*(?:in totaal|totaal)\b")
_FTE_SUBSET = re.compile(r"[^.;!?\n]{0,25}?\b(?:waarvan|daarvan|waaronder|inclusief|incl)\b")


def parse_fte(text: str) -> float | None:
    """The capacity in fte named in the text.

    "anderhalve fte" -> 1.5, "een halve fte" -> 0.5, "3 formatieplaatsen" -> 3.
    Choices: amounts for separate roles are summed, because the commission asks for the
    total capacity ("0,8 fte projectleider en 0,5 fte werkvoorbereider" -> 1.3); an amount
    marked as total ("in totaal 2 fte") wins; an amount followed by "waarvan" is the total
    and the rest are its parts; a range ("1 à 2 fte") counts its upper bound. Hours a week
    are divided by 36 (the Dutch government working week, CAO Gemeenten), days a week by
    5; the result is rounded to two decimals.
    """
    try:
        d = _digitize(_fold(_clean(text)))
        if not re.search(r"\d", d):
            return None
        cands: list[tuple[int, int, float]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b, _ in cands)

        for m in _FTE_RANGE.finditer(d):
            hi = _num_value(m.group(2), scaled=True)
            if hi is not None:
                cands.append((m.start(), m.end(), hi))
        for pattern, divisor in (
            (_FTE_SINGLE, 1),
            (_FTE_HOURS, WORKING_HOURS_PER_WEEK),
            (_FTE_DAYS, WORKING_DAYS_PER_WEEK),
        ):
            for m in pattern.finditer(d):
                v = _num_value(m.group(1), scaled=True)
                if v is not None and free(m.start(), m.end()):
                    cands.append((m.start(), m.end(), v / divisor))
        cands = sorted(c for c in cands if 0 <= c[2] <= 10_000)
        if not cands:
            return None
        for start, end, value in cands:
            before = d[max(0, start - 25) : start]
            if (_FTE_TOTAL.search(before) and not _CLAUSE_BREAK.search(before)) or (
                _FTE_TOTAL_AFTER.match(d, end)
            ):
                return round(value, 2)
        first = cands[0]
        if len(cands) > 1 and _FTE_SUBSET.match(d, first[1]):
            return round(first[2], 2)
        return round(sum(c[2] for c in cands), 2)
    except Exception:
        return None


# --------------------------------------------------------------------------- deadlines

_MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "febr": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_FULL_MONTHS = frozenset(k for k in _MONTHS if len(k) > 4 or k == "mei")
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_Y = r"(?P<y>(?:19|20)\d{2}|'\d{2})(?![\d.,]\d)(?!\d)"
_YOPT = r"(?:\s+(?:van\s+)?(?:het\s+jaar\s+)?" + _Y + ")?"
_ORD = {
    "eerste": 1,
    "1e": 1,
    "1ste": 1,
    "tweede": 2,
    "2e": 2,
    "2de": 2,
    "derde": 3,
    "3e": 3,
    "3de": 3,
    "vierde": 4,
    "4e": 4,
    "4de": 4,
    "laatste": 4,
}
_ORD_ALT = "|".join(sorted(_ORD, key=len, reverse=True))

# A deadline is the LAST day of the period the text names:
#
# | phrase                                   | deadline                          |
# |------------------------------------------|-----------------------------------|
# | eind / einde / ultimo 2027               | 2027-12-31                        |
# | in 2027 klaar (a year with a cue word)   | 2027-12-31                        |
# | voor 2028 (klaar)                        | 2027-12-31 (the day before)       |
# | begin / aan het begin van 2028           | 2028-03-31 (end of Q1)            |
# | medio / midden / half / halverwege 2027  | 2027-06-30                        |
# | Q3 2026 / derde kwartaal (van) 2026      | 2026-09-30                        |
# | voor Q3 2026                             | 2026-06-30 (the day before)       |
# | eerste helft 2027 / H1 2027              | 2027-06-30                        |
# | voorjaar / lente 2026                    | 2026-05-31 (March-May)            |
# | zomer 2026                               | 2026-08-31 (June-August)          |
# | voor de zomer(vakantie) van 2026         | 2026-06-30 (before the holidays)  |
# | na de zomer 2026                         | 2026-09-30                        |
# | najaar / herfst 2026                     | 2026-11-30 (September-November)   |
# | voor het najaar / voor de winter 2026    | 2026-08-31 / 2026-11-30           |
# | winter 2026                              | 2027-02-28 (December-February)    |
# | voor de kerst / jaarwisseling 2026       | 2026-12-24 / 2026-12-31           |
# | december 2026 / eind december 2026       | 2026-12-31                        |
# | begin december 2026                      | 2026-12-10                        |
# | medio december 2026                      | 2026-12-15                        |
# | voor december 2026                       | 2026-11-30                        |
# | 1 augustus 2026 / voor 1 augustus 2026   | 2026-08-01 (a date is kept)       |
# | binnen twee jaar / binnen 18 maanden     | today + 2 years / + 18 months     |
# | volgend jaar / eind dit jaar             | 31 December of next / this year   |
# | december, Q3, najaar without a year      | the first such period from today  |
_SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int], int]] = {
    # name: ((start month, day), (end month, day), years added to the end)
    "voorjaar": ((3, 1), (5, 31), 0),
    "lente": ((3, 1), (5, 31), 0),
    "zomer": ((6, 1), (8, 31), 0),
    "zomervakantie": ((7, 1), (8, 31), 0),
    "zomerreces": ((7, 1), (8, 31), 0),
    "bouwvak": ((7, 15), (8, 15), 0),
    "najaar": ((9, 1), (11, 30), 0),
    "herfst": ((9, 1), (11, 30), 0),
    "herfstvakantie": ((10, 15), (10, 31), 0),
    "winter": ((12, 1), (2, 28), 1),
    "kerst": ((12, 24), (12, 24), 0),
    "kerstvakantie": ((12, 20), (12, 31), 0),
    "jaarwisseling": ((12, 31), (12, 31), 0),
}
_SUMMER = frozenset({"zomer", "zomervakantie", "zomerreces"})
_SEASON_ALT = "|".join(sorted(_SEASONS, key=len, reverse=True))
_MOD_END: dict[str, tuple[int, int]] = {
    "begin": (3, 31),
    "aan het begin van": (3, 31),
    "het begin van": (3, 31),
    "aan het eind van": (12, 31),
    "aan het einde van": (12, 31),
    "het eind van": (12, 31),
    "het einde van": (12, 31),
    "eind": (12, 31),
    "einde": (12, 31),
    "eind van": (12, 31),
    "einde van": (12, 31),
    "eind december": (12, 31),
    "ultimo": (12, 31),
    "in de loop van": (12, 31),
    "medio": (6, 30),
    "midden": (6, 30),
    "half": (6, 30),
    "halverwege": (6, 30),
    "het midden van": (6, 30),
    "midden van": (6, 30),
}
_MOD_ALT = "|".join(sorted((re.escape(k) for k in _MOD_END), key=len, reverse=True))
_MID_MONTH = frozenset({"medio", "half", "midden", "halverwege"})

_P_ISO = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_P_NUMDATE = re.compile(
    r"(?<![\d.,])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>(?:19|20)\d{2}|\d{2})(?![\d])"
)
_P_DMY = re.compile(
    r"(?<![\d.,])(?P<d>\d{1,2})(?:e|ste|de)?\s+(?P<mon>" + _MON + r")\.?(?![a-z])" + _YOPT
)
_P_MON = re.compile(
    r"(?:(?P<mod>begin|eind|einde|medio|half|midden|halverwege|ultimo)\s+(?:van\s+)?)?"
    r"\b(?P<mon>" + _MON + r")\.?(?![a-z])" + _YOPT
)
_P_QUARTER = re.compile(
    r"\bq\s?(?P<q>[1-4])(?:\s*[-/]?\s*(?:van\s+)?(?P<y>(?:19|20)\d{2}|'?\d{2})(?![\d.,]\d)(?!\d))?"
    r"|\b(?P<y2>(?:19|20)\d{2})\s*[-/]?\s*q(?P<q2>[1-4])\b"
    r"|\b(?P<qw>"
    + _ORD_ALT
    + r")\s+kwartaal"
    + _YOPT.replace("?P<y>", "?P<y3>")
    + r"|\bkwartaal\s+(?P<q4>[1-4])(?:\s+(?:van\s+)?(?P<y4>(?:19|20)\d{2}))?"
)
_P_HALFYEAR = re.compile(
    r"\b(?P<hw>eerste|1e|1ste|tweede|2e|2de|laatste)\s+(?:helft|halfjaar|half jaar|0,5 jaar)"
    + _YOPT
    + r"|\bh(?P<h>[12])\s*[-/]?\s*(?P<y2>(?:19|20)\d{2})\b"
)
_P_SEASON = re.compile(
    r"(?P<pre>(?:voor|na)\s+(?:de\s+|het\s+)?)?\b(?P<s>" + _SEASON_ALT + r")(?![a-z])" + _YOPT
)
_P_MODYEAR = re.compile(r"\b(?P<mod>" + _MOD_ALT + r")\s+(?:het\s+jaar\s+)?" + _Y)
_P_YEAR = re.compile(r"(?<![\d.,/'-])\b(?P<y>(?:19|20)\d{2})(?![\d.,]\d)(?!\d)")
_P_RELATIVE = re.compile(
    r"\b(?P<pre>binnen|over|uiterlijk over|in)\s+(?:de\s+|het\s+)?(?:komende\s+|volgende\s+)?"
    r"(?P<n>\d+(?:,\d+)?)\s*(?P<u>jaar|jaren|maand|maanden|mnd|week|weken|wk|dag|dagen|"
    r"werkdagen)\b"
)
_P_THISYEAR = re.compile(
    r"\b(?:(?P<mod>begin|eind|einde|medio|halverwege|eind van|einde van|het eind van|"
    r"het einde van|voor het eind van|voor het einde van)\s+)?(?P<w>volgend|komend|dit|"
    r"het komende|het volgende|deze|het)\s+jaar\b"
)
_DL_CUE = re.compile(
    r"\b(?:klaar|gereed|af|afgerond|afronden|opgeleverd|opleveren|oplevering|voltooid|"
    r"voltooiing|afgewerkt|deadline|einddatum|uiterlijk|uiterste|streefdatum|gerealiseerd|"
    r"realiseren|realisatie|tot en met|t/m|tot|moet|moeten|opleverdatum|eindtermijn|"
    r"afgelopen|gedaan|ingebruikname|in gebruik|eindigen|eindigt|rond|afsluiten)\b"
)
_START_CUE = re.compile(
    r"\b(?:start\w*|begint|beginnen|begonnen|aanvang|vanaf|sinds|gestart|van start|"
    r"aanvangen|opstarten|na)\b"
)
_CLAUSE_SPLIT = re.compile(r"[.;:!?\n,(]|(?<!tot )\ben\b|\b(?:maar|terwijl|daarna|waarna|dan)\b")
_BEFORE = re.compile(r"\b(?:voor|voordat|ruim voor)\s+(?:de\s+|het\s+)?$")
_MONTH_PRE = re.compile(r"\b(?:voor|in|per|tot|uiterlijk|t/m|eind|begin|medio)\s+$")
_PREV_WORD = re.compile(r"([a-z/]+)\s+$")
# Words that may stand right before a bare year in a deadline phrase ("klaar in 2027").
_YEAR_LEAD = frozenset(
    {
        "in",
        "voor",
        "tot",
        "t/m",
        "met",
        "uiterlijk",
        "per",
        "rond",
        "omstreeks",
        "ergens",
        "vanaf",
        "sinds",
        "na",
        "jaar",
        "deadline",
        "klaar",
        "gereed",
        "af",
        "opgeleverd",
        "afgerond",
        "voltooid",
        "oplevering",
        "opleveren",
        "einddatum",
        "looptijd",
        "realisatie",
        "gerealiseerd",
        "is",
        "zijn",
        "wordt",
        "worden",
        "moet",
        "moeten",
        "en",
        "of",
        "ook",
        "pas",
        "al",
        "nog",
        "wel",
        "streefdatum",
        "streven",
        "planning",
        "gepland",
        "afronding",
        "voltooiing",
        "uiterst",
        "uiterste",
        "eind",
        "einde",
        "loopt",
        "lopen",
        "dus",
        "echt",
        "zeker",
        "liefst",
        "graag",
    }
)
_PLAN_PERIOD_AFTER = re.compile(r"\s*(?:-|t/m|tot)\s*(?:19|20)?\d{2}(?!\d)")
_PLAN_PERIOD_BEFORE = re.compile(r"(?:19|20)\d{2}\s*(?:-|t/m)\s*$")


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    month = m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _year(token: str | None) -> int | None:
    if not token:
        return None
    y = int(token.lstrip("'"))
    if y < 100:
        y += 2000
    return y if 1990 <= y <= 2100 else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _cue_class(d: str, start: int, end: int) -> int:
    """2 when a deadline word is nearest in the clause, 0 for a start word, 1 for none."""
    before = _CLAUSE_SPLIT.split(d[max(0, start - 45) : start])[-1]
    after = _CLAUSE_SPLIT.split(d[end : end + 35])[0]
    best: tuple[int, int] | None = None  # (distance, class)
    for cue, cls in ((_DL_CUE, 2), (_START_CUE, 0)):
        for m in cue.finditer(before):
            dist = len(before) - m.end()
            if best is None or dist < best[0]:
                best = (dist, cls)
        m2 = cue.search(after)
        if m2 is not None and (best is None or m2.start() < best[0]):
            best = (m2.start(), cls)
    return 1 if best is None else best[1]


@dataclass(frozen=True)
class _Period:
    start: date
    end: date
    kind: str  # "date", "month", "quarter", "half", "season", "year", "mod", "relative"


def _upcoming(today: date, build: Callable[[int], _Period | None]) -> _Period | None:
    """The period built for this year or next whose end is not before today."""
    for y in (today.year, today.year + 1):
        p = build(y)
        if p is not None and p.end >= today:
            return p
    return None


def _season(year: int, name: str, pre: str) -> _Period:
    (sm, sd), (em, ed), plus = _SEASONS[name]
    if pre.startswith("voor"):
        if name in _SUMMER:
            day = date(year, 6, 30)  # "voor de zomer": before the summer holidays
        elif name in ("kerst", "jaarwisseling"):
            day = date(year, sm, sd)
        else:
            day = date(year, sm, sd) - timedelta(days=1)
        return _Period(day, day, "date")
    if pre.startswith("na"):
        day = _last_day(year, 9) if name in _SUMMER else _last_day(year + plus, em)
        return _Period(day, day, "date")
    end_year = year + plus
    end = _last_day(end_year, em) if ed >= 28 else date(end_year, em, ed)
    return _Period(date(year, sm, sd), end, "season")


def _quarter(year: int, q: int) -> _Period:
    return _Period(date(year, 3 * q - 2, 1), _last_day(year, 3 * q), "quarter")


def _halfyear(year: int, h: int) -> _Period:
    if h == 1:
        return _Period(date(year, 1, 1), date(year, 6, 30), "half")
    return _Period(date(year, 7, 1), date(year, 12, 31), "half")


def _month(year: int, mon: int, mod: str | None) -> _Period:
    last = _last_day(year, mon)
    if mod == "begin":
        last = date(year, mon, 10)
    elif mod in _MID_MONTH:
        last = date(year, mon, 15)
    return _Period(date(year, mon, 1), last, "mod" if mod else "month")


def _day(year: int, mon: int, dd: int) -> _Period | None:
    day = _safe_date(year, mon, dd)
    return _Period(day, day, "date") if day else None


class _Collector:
    """Deadline candidates, each span used once (earlier, more specific patterns win)."""

    def __init__(self, d: str) -> None:
        self.d = d
        self.spans: list[tuple[int, int]] = []
        self.out: list[tuple[int, bool, date]] = []

    def add(
        self,
        m: re.Match[str],
        period: _Period | None,
        *,
        needs_cue: bool = False,
        explicit: bool = True,
    ) -> None:
        s, e = m.start(), m.end()
        if period is None or not all(e <= a or s >= b for a, b in self.spans):
            return
        self.spans.append((s, e))
        cls = _cue_class(self.d, s, e)
        if cls == 0 or (needs_cue and cls != 2):
            return
        end = period.end
        if period.kind in ("year", "quarter", "half", "month", "season") and _BEFORE.search(
            self.d[max(0, s - 16) : s]
        ):
            end = period.start - timedelta(days=1)
        self.out.append((cls, explicit, end))


def _deadline_candidates(d: str, today: date) -> list[tuple[int, bool, date]]:
    """(class, explicit year, deadline) for every deadline-like period in the digitized text."""
    c = _Collector(d)
    for m in _P_ISO.finditer(d):
        c.add(m, _day(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _P_NUMDATE.finditer(d):
        y = _year(m["y"])
        c.add(m, _day(y, int(m["m"]), int(m["d"])) if y else None)
    for m in _P_DMY.finditer(d):
        mon, dd = _MONTHS[m["mon"]], int(m["d"])
        if m["y"] is None:
            if m["mon"] in _FULL_MONTHS:
                c.add(m, explicit=False, period=_upcoming(today, partial(_day, mon=mon, dd=dd)))
            continue
        y = _year(m["y"])
        c.add(m, _day(y, mon, dd) if y else None)
    for m in _P_QUARTER.finditer(d):
        if m["q"]:
            q, ytok = int(m["q"]), m["y"]
        elif m["q2"]:
            q, ytok = int(m["q2"]), m["y2"]
        elif m["qw"]:
            q, ytok = _ORD[m["qw"]], m["y3"]
        else:
            q, ytok = int(m["q4"]), m["y4"]
        y = _year(ytok)
        if ytok and y is None:
            continue
        c.add(
            m,
            _quarter(y, q) if y else _upcoming(today, partial(_quarter, q=q)),
            explicit=y is not None,
        )
    for m in _P_HALFYEAR.finditer(d):
        h = int(m["h"]) if m["h"] else (1 if m["hw"] in ("eerste", "1e", "1ste") else 2)
        ytok = m["y2"] if m["h"] else m["y"]
        y = _year(ytok)
        c.add(
            m,
            _halfyear(y, h) if y else _upcoming(today, partial(_halfyear, h=h)),
            explicit=y is not None,
        )
    for m in _P_SEASON.finditer(d):
        name, pre = m["s"], (m["pre"] or "").strip()
        y = _year(m["y"])
        if m["y"] and y is None:
            continue
        if y:
            c.add(m, _season(y, name, pre))
        else:
            c.add(m, explicit=False, period=_upcoming(today, partial(_season, name=name, pre=pre)))
    for m in _P_MON.finditer(d):
        mon_name, mod = m["mon"], m["mod"]
        mon = _MONTHS[mon_name]
        if m["y"] is None:
            if mon_name not in _FULL_MONTHS:
                continue
            if not mod and not _MONTH_PRE.search(d[max(0, m.start() - 12) : m.start()]):
                continue
            c.add(m, explicit=False, period=_upcoming(today, partial(_month, mon=mon, mod=mod)))
            continue
        y = _year(m["y"])
        c.add(m, _month(y, mon, mod) if y else None)
    for m in _P_MODYEAR.finditer(d):
        y = _year(m["y"])
        if y is not None:
            em, ed = _MOD_END[m["mod"]]
            c.add(m, _Period(date(y, 1, 1), date(y, em, ed), "mod"))
    for m in _P_RELATIVE.finditer(d):
        n = _num_value(m["n"], scaled=True)
        if n is None or n <= 0 or n > 50:
            continue
        unit = m["u"]
        if unit.startswith("ja"):
            day = _add_months(today, round(n * 12))
        elif unit.startswith("m"):
            day = _add_months(today, round(n))
        elif unit.startswith("w"):
            day = today + timedelta(days=round(n * 7))
        elif unit == "werkdagen":
            day = today + timedelta(days=round(n * 7 / 5))
        else:
            day = today + timedelta(days=round(n))
        c.add(m, _Period(day, day, "relative"), explicit=False)
    for m in _P_THISYEAR.finditer(d):
        w = m["w"]
        if w == "het" and not m["mod"]:
            continue
        y = today.year if w in ("dit", "deze", "het") else today.year + 1
        mod = (m["mod"] or "").removeprefix("voor ")
        em, ed = _MOD_END.get(mod, (12, 31))
        c.add(m, _Period(date(y, 1, 1), date(y, em, ed), "mod"), explicit=False)
    for m in _P_YEAR.finditer(d):
        y = _year(m["y"])
        if y is None:
            continue
        if _PLAN_PERIOD_AFTER.match(d, m.end()) or _PLAN_PERIOD_BEFORE.search(
            d[max(0, m.start() - 10) : m.start()]
        ):
            continue  # "GRP 2023-2027": a plan period, not a deadline
        prev = _PREV_WORD.search(d, max(0, m.start() - 30), m.start())
        if prev and prev.group(1) not in _YEAR_LEAD:
            continue  # "carnaval 2027", "Mobiliteitsplan 2040": the year names something
        c.add(m, _Period(date(y, 1, 1), date(y, 12, 31), "year"), needs_cue=True)
    return c.out


_ANY_PERIOD = re.compile(
    r"\d|jaar|zomer|voorjaar|najaar|herfst|winter|lente|kerst|jaarwis|bouwvak|"
    + "|".join(k for k in _MONTHS if len(k) > 4)
)


def parse_deadline(text: str, *, today: date | None = None) -> date | None:
    """The deadline the text names: the last day of the named period (table above).

    Only deadline-like dates count: a period after a start word ("start in 2026") is
    skipped; a bare year needs a deadline word ("in 2027 klaar", "opgeleverd in 2027").
    Of several, those near a deadline word win, then the latest ("start 2026, klaar eind
    2027" -> 2027-12-31). Relative phrases ("binnen twee jaar", "volgend jaar", a month
    without a year) count from `today` (default: the current date).
    """
    try:
        d = _digitize(_fold(_clean(text)))
        if not _ANY_PERIOD.search(d):
            return None
        cands = _deadline_candidates(d, today or date.today())
        return max(cands)[2] if cands else None
    except Exception:
        return None


# --------------------------------------------------------------------------- names

_TUSSEN = r"(?:van 't|van|de|der|den|ter|ten|te|het|'t|op|in|uit|la|le|du|da|von|d'|voor)"
_STOP = (
    "Het|Een|Wij|We|Ik|Zij|Hij|Die|Dat|Deze|Dit|En|Maar|Of|Is|Wordt|Zijn|Heeft|Moet|Kan|Gaat|"
    "Als|Ook|Niet|Nog|Er|Hier|Daar|Wie|Wat|Waar|Want|Dus|Omdat|Met|Bij|Om|Naar|Tot|Na|Over|"
    "Aan|Door|Budget|Opdrachtgever|Eind|Begin|Medio|Q[1-4]|Januari|Februari|Maart|April|Mei|"
    "Juni|Juli|Augustus|September|Oktober|November|December|Verder|Daarnaast|Ook|Graag|"
    "Samen|Enexis|Liander|Stedin|Vitens|Evides|KPN|ProRail|Rijkswaterstaat"
)
_CAPWORD = r"(?!(?:" + _STOP + r")\b)[A-Z\u00C0-\u00DE][\w'’&\-]*"
_NAME_RE = re.compile(
    r"[ \t]+((?:"
    + _TUSSEN
    + r"[ \t]+){0,3}"
    + _CAPWORD
    + r"(?:[ \t]+(?:"
    + _TUSSEN
    + r"[ \t]+){0,3}"
    + _CAPWORD
    + r"){0,3})"
)
_NAME_EN_RE = re.compile(
    r"[ \t]+((?:"
    + _TUSSEN
    + r"[ \t]+){0,3}"
    + _CAPWORD
    + r"(?:[ \t]+(?:(?:"
    + _TUSSEN
    + r"|en|&)[ \t]+){0,3}"
    + _CAPWORD
    + r"){0,3})"
)


def _name_after(orig: str, pos: int, *, allow_en: bool = False) -> int:
    """End of a capitalised name (with tussenvoegsels) right after `pos`, else `pos`."""
    m = (_NAME_EN_RE if allow_en else _NAME_RE).match(orig, pos)
    return m.end() if m else pos


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" \t\n,;:.-")


def _dispatch(patterns: Iterable[str], prefix: str = "g") -> str:
    """One alternation of named groups `{prefix}{i}`, bucketed by first letter.

    Python's re tries alternatives one by one; a lookahead on the first letter lets it skip
    whole buckets, which keeps a scan over a few hundred patterns well under a millisecond.
    """
    buckets: dict[str, list[str]] = {}
    wild: list[str] = []
    for i, p in enumerate(patterns):
        group = f"(?P<{prefix}{i}>{p})"
        if re.match(r"[a-z0-9](?![?*{])", p):
            buckets.setdefault(p[0], []).append(group)
        else:
            wild.append(group)
    branches = [f"(?={c})(?:{'|'.join(gs)})" for c, gs in buckets.items()]
    return "(?:" + "|".join([*branches, *wild]) + ")"


# --------------------------------------------------------------------------- commissioner

# Roles and bodies that commission (folded regex) and whether a capitalised name may follow.
COMMISSIONER_ROLES: tuple[tuple[str, bool], ...] = (
    (
        r"(?:het\s+)?college\s+van\s+(?:b\s*(?:&|en)\s*w|burgemeester\s+en\s+wethouders|gs|"
        r"gedeputeerde\s+staten)",
        False,
    ),
    (r"(?:het\s+)?college", False),
    (r"(?:het\s+)?b\s*(?:&|en)\s*w", False),
    (r"(?:de\s+)?wethouders?", True),
    (r"(?:de\s+)?burgemeester", True),
    (r"(?:de\s+)?gedeputeerden?", True),
    (r"(?:de\s+)?portefeuillehouder", True),
    (r"(?:de\s+)?(?:provinciale|gedeputeerde)\s+staten", False),
    (r"(?:het\s+)?(?:dagelijks|algemeen)\s+bestuur", False),
    (r"(?:de\s+)?dijkgraaf", True),
    (r"(?:de\s+)?(?:gemeente)?raad", False),
    (r"(?:de\s+)?(?:(?:bestuurlijke|ambtelijke|integrale)\s+)?stuurgroep", True),
    (r"(?:de\s+)?gemeentesecretaris", True),
    (r"(?:de\s+)?\w*directeur", True),
    (r"(?:de\s+)?directie", True),
    (r"(?:het\s+)?afdelingshoofd", True),
    (r"(?:het\s+)?hoofd(?:\s+(?:van\s+)?(?:de\s+)?afdeling)?", True),
    (r"(?:de\s+)?\w*manager", True),
    (r"(?:de\s+)?teamleider", True),
    (r"(?:de\s+)?programmaleider", True),
    (r"(?:de\s+)?projectleider", True),
)
_ROLE_RE = re.compile(r"\b" + _dispatch((p for p, _ in COMMISSIONER_ROLES), "r") + r"\b")
_NEEDS_NAME = re.compile(r"(?:^|\s)(?:hoofd|directie)$")
_NOT_UNMARKED = re.compile(r"projectleider|omgevingsmanager|contractmanager|programmaleider")
_MARK_BEFORE = re.compile(
    r"(?:in opdracht van|namens|opdrachtgever\w*\s*(?:is|wordt|zijn|blijft|:|=|-)?"
    r"(?:\s+(?:nu|straks|formeel|feitelijk|eigenlijk))?|portefeuillehouder\s*(?:is|:))\s*$"
)
_MARK_AFTER = re.compile(
    r"\s*[,)]?\s*(?:\([^)]{0,30}\)\s*)?(?:is|wordt|treedt op als|fungeert als|blijft|als|"
    r"zijn|zal|zal optreden als|treedt als)?\s*(?:de\s+|het\s+|onze\s+)?(?:formele\s+)?"
    r"(?:bestuurlijke?\s+|ambtelijke?\s+|eerste\s+|enige\s+)?(?:opdrachtgever|opdrachtgeefster|"
    r"eigenaar van|geeft de opdracht|heeft (?:de )?opdracht gegeven|verstrekt de opdracht)"
    r"|\s*\((?:[^()]{0,25}?[,;/]\s*)?(?:bestuurlijke?\s+|ambtelijke?\s+)?opdrachtgever"
)
_LABEL_AFTER = re.compile(r"\s*(?:is\b|:)")
_NOT_AFTER = re.compile(r"\s*(?:is|wordt|als)?\s*(?:de\s+)?opdrachtnemer")
_BARE_OG = re.compile(
    r"\b(?:bestuurlijke?\s+|ambtelijke?\s+)?opdrachtgever\s*(?:is|wordt|:|=)(?=[ \t])"
)
_SENTENCE = re.compile(r"[.;!?\n]")
# An unmarked role after these words decides or is escalated to; it is not the opdrachtgever.
_DECIDER_BEFORE = re.compile(
    r"\b(?:beslist|besluit|beslissen|bepaalt|escaleert|escaleren|escalatie|voorleggen|"
    r"voorgelegd|leggen|informeren|geinformeerd|goedkeuring|akkoord|besluitvorming|"
    r"instemming|stemt|rapporteren|verantwoording)\b(?:\s+(?:we|wij|het|dit|dat|dan|zelf|"
    r"uiteindelijk|altijd|in|naar|aan|bij|van|door|voor|met|ter|af|toe))*\s+(?:de\s+|het\s+)?$"
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    marked: bool
    role: str  # the role as matched, folded, without article
    named: bool = False  # a name or qualifier follows the role
    plausible: bool = True  # not after "beslist", "voorleggen aan", ...
    weak: bool = False  # marked only by "namens"/"in opdracht van", not as opdrachtgever


_ARTICLE_START = re.compile(r"^(?:de|het)\s+", re.IGNORECASE)
_BODY = re.compile(r"college|b\s*(?:&|en)\s*w|raad|stuurgroep|bestuur|staten|directie")


def _commissioner_mentions(orig: str, f: str) -> list[_Mention]:
    raw: list[tuple[int, int, bool]] = [
        (m.start(), m.end(), COMMISSIONER_ROLES[int(m.lastgroup[1:])][1])
        for m in _ROLE_RE.finditer(f)
        if m.lastgroup
    ]
    mentions: list[_Mention] = []
    last_end = -1
    for start, end, may_name in raw:
        if start < last_end:
            continue
        role = _ARTICLE_START.sub("", f[start:end])
        name_end = _name_after(orig, end) if may_name else end
        if _NEEDS_NAME.search(role) and name_end == end:
            continue
        if role == "portefeuillehouder" and name_end == end and _LABEL_AFTER.match(f, end):
            continue  # "Portefeuillehouder: wethouder Smits" labels the next mention
        last_end = name_end
        before = _SENTENCE.split(f[max(0, start - 45) : start])[-1]
        after = _SENTENCE.split(f[name_end : name_end + 60])[0]
        if "opdrachtnemer" in before[-25:] or _NOT_AFTER.match(after):
            continue
        marked = bool(_MARK_BEFORE.search(before) or _MARK_AFTER.match(after))
        weak = (
            marked
            and not ("opdrachtgever" in before[-40:] or "portefeuillehouder" in before[-30:])
            and not _MARK_AFTER.match(after)
        )
        named = name_end > end
        text = _tidy(orig[start:name_end])
        if named and not _BODY.search(role):
            text = _ARTICLE_START.sub("", text)  # "de directeur Stad" -> "directeur Stad"
        if text[:1].isupper() and text[1:2].islower():
            text = text[0].lower() + text[1:]  # "Wethouder Jansen" at a sentence start
        plausible = not _DECIDER_BEFORE.search(before)
        mentions.append(_Mention(start, name_end, text, marked, role, named, plausible, weak))
    for m in _BARE_OG.finditer(f):
        pos = m.end()
        if any(x.start <= pos + 1 < x.end for x in mentions):
            continue
        end = _name_after(orig, pos)
        if end > pos:
            mentions.append(_Mention(pos, end, _tidy(orig[pos:end]), True, "naam", True))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _pick_commissioner(mentions: list[_Mention]) -> _Mention | None:
    """The marked mention (with its name from another mention of the same role), else the
    first plausible unmarked one: named before nameless, the raad last."""
    marked = [x for x in mentions if x.marked]
    # "Namens het college: ... Opdrachtgever is wethouder X": the named opdrachtgever wins.
    marked.sort(key=lambda x: x.weak)
    if marked:
        first = marked[0]
        if not first.named:
            same = [x for x in mentions if x.named and x.role == first.role]
            if same:
                return _Mention(first.start, first.end, same[0].text, True, first.role, True)
        return first
    pool = [x for x in mentions if x.plausible and not _NOT_UNMARKED.search(x.role)]
    pool.sort(key=lambda x: (x.role.endswith("raad"), not x.named, x.start))
    return pool[0] if pool else None


def find_commissioner(text: str) -> str | None:
    """The opdrachtgever as named: "wethouder De Vries", "het college van B&W", ...

    A role or body marked as opdrachtgever ("X is opdrachtgever", "opdrachtgever is X",
    "in opdracht van X", "namens X") wins; else the first role named (the raad only when
    nothing else is; a projectleider only when marked). Names after the role are kept as
    written, with tussenvoegsels ("wethouder van der Berg", "directeur Stadsontwikkeling").
    """
    try:
        orig = _clean(text)
        pick = _pick_commissioner(_commissioner_mentions(orig, _fold(orig)))
        return pick.text if pick else None
    except Exception:
        return None


_BESTUURLIJK_WORDS = re.compile(
    r"\b(?:wethouders?|college|b\s*(?:&|en)\s*w|burgemeester|gemeenteraad|raad|gedeputeerden?|"
    r"provinciale staten|gedeputeerde staten|portefeuillehouder|dagelijks bestuur|"
    r"algemeen bestuur|dijkgraaf|minister|staatssecretaris|bestuurders?)\b"
)
_AMBTELIJK_WORDS = re.compile(
    r"\b(?:\w*directeur|directie|afdelingshoofd|hoofd|\w*manager|teamleider|projectleider|"
    r"programmaleider|gemeentesecretaris|beleidsmedewerker|adviseur|ambtenaar|coordinator|"
    r"afdeling|team)\b"
)


def level_of(commissioner: str) -> Level | None:
    """The level of a commissioner as named.

    wethouder, college, B&W, burgemeester, raad, gedeputeerde -> "bestuurlijk"; directeur,
    afdelingshoofd, (programma)manager, teamleider, projectleider, gemeentesecretaris ->
    "ambtelijk". A stuurgroep only when qualified ("bestuurlijke stuurgroep"): stuurgroepen
    are either. An explicit "bestuurlijk"/"ambtelijk" in the name decides first.
    """
    try:
        f = _fold(_clean(commissioner))
        if re.search(r"\bbestuurlijke?\b", f):
            return "bestuurlijk"
        if re.search(r"\bambtelijke?\b", f):
            return "ambtelijk"
        if "stuurgroep" in f:
            return None
        if _BESTUURLIJK_WORDS.search(f):
            return "bestuurlijk"
        if _AMBTELIJK_WORDS.search(f):
            return "ambtelijk"
        return None
    except Exception:
        return None


_LEVEL_PHRASES = re.compile(
    r"\b(?P<lvl>bestuurlijk|ambtelijk)e?\s+(?:opdrachtgever\w*|niveau|opdracht\b|"
    r"verantwoordelijk\w*|eigenaar|gestuurd|belegd)"
    r"|\bop\s+(?P<lvl2>bestuurlijk|ambtelijk)\s+niveau"
    r"|\b(?P<lvl3>bestuurlijk|ambtelijk)\s+(?:belegd|aangestuurd|gestuurd)"
)
_NEGATED = re.compile(r"\bniet\s+(?:op\s+)?$")


def find_level(text: str) -> Level | None:
    """The level the text states explicitly: "bestuurlijk opdrachtgever", "op ambtelijk
    niveau"; a short answer that is just the word ("Bestuurlijk.") counts too."""
    try:
        f = _fold(_clean(text))
        for m in _LEVEL_PHRASES.finditer(f):
            if _NEGATED.search(f[max(0, m.start() - 12) : m.start()]):
                continue
            lvl = m["lvl"] or m["lvl2"] or m["lvl3"]
            return "bestuurlijk" if lvl == "bestuurlijk" else "ambtelijk"
        words = re.findall(r"\w+", f[:200])
        if 0 < len(words) <= 6 and "niet" not in words:
            found = {w.rstrip("e") for w in words} & {"bestuurlijk", "ambtelijk"}
            if len(found) == 1:
                return "bestuurlijk" if "bestuurlijk" in found else "ambtelijk"
        return None
    except Exception:
        return None


# --------------------------------------------------------------------------- parties


@dataclass(frozen=True)
class Party:
    """An organisation or group named in the text; `name` as written, `kind` from PARTY_KINDS."""

    name: str
    kind: str
    role: str | None = None


# Generic nouns per kind (folded regex); a capitalised name right after is kept with it
# ("waterschap De Dommel", "woningcorporatie Woonbron", "afdeling Beheer").
PARTY_GENERIC: dict[str, tuple[str, ...]] = {
    "waterschap": (r"waterschap(?:pen)?", r"hoogheemraadschap(?:pen)?", r"wetterskip"),
    "netbeheerder": (
        r"netbeheerders?",
        r"regionale\s+netbeheerders?",
        r"netwerkbedrijf",
        r"energienetbeheerders?",
        r"netbedrijf",
        r"nutsbedrijven",
        r"nutspartijen",
        r"kabel-?\s*en\s+leidingbeheerders?",
        r"k&l-beheerders?",
        r"leidingbeheerders?",
        r"energiebedrijf",
    ),
    "drinkwaterbedrijf": (
        r"drinkwaterbedrijf",
        r"drinkwaterbedrijven",
        r"waterbedrijf",
        r"waterleidingbedrijf",
        r"drinkwaterleverancier",
    ),
    "telecom": (
        r"glasvezelaanbieders?",
        r"glasvezelbedrijf",
        r"telecombedrijf",
        r"telecombedrijven",
        r"telecomaanbieders?",
        r"telecompartij(?:en)?",
        r"telecomproviders?",
    ),
    "warmtebedrijf": (
        r"warmtebedrijf",
        r"warmtebedrijven",
        r"warmteleveranciers?",
        r"warmtenetbeheerders?",
    ),
    "woningcorporatie": (
        r"woningcorporaties?",
        r"woningbouwcorporaties?",
        r"corporaties?",
        r"woningbouwvereniging(?:en)?",
        r"woonstichting",
    ),
    "provincie": (r"provincie",),
    "rijk": (r"ministerie(?:\s+van\s+(?:ienw|i&w|bzk|lnv|ezk))?", r"het rijk"),
    "bewoners": (
        r"bewoners",
        r"omwonenden",
        r"buurtbewoners",
        r"aanwonenden",
        r"inwoners",
        r"huurders",
        r"bewonerscommissie",
        r"bewonersvereniging",
        r"huurdersvereniging",
        r"buurtvereniging",
        r"wijkraad",
        r"dorpsraad",
        r"wijkcomite",
        r"bewonersplatform",
        r"bewonersgroep",
        r"ouders",
    ),
    "ondernemers": (
        r"ondernemers",
        r"winkeliers",
        r"winkeliersvereniging",
        r"ondernemersvereniging(?:en)?",
        r"biz",
        r"middenstand",
        r"horeca(?:ondernemers)?",
        r"marktkooplieden",
        r"bedrijven",
        r"bedrijfsleven",
    ),
    "scholen": (
        r"scholen",
        r"basisschool",
        r"basisscholen",
        r"school",
        r"middelbare\s+school",
        r"kinderopvang",
        r"kinderdagverblijf",
        r"schoolbesturen",
        r"schoolbestuur",
    ),
    "hulpdiensten": (
        r"hulpdiensten",
        r"nood-\s*en\s+hulpdiensten",
        r"brandweer",
        r"ambulancedienst",
        r"ambulance",
        r"politie",
        r"veiligheidsregio",
    ),
    "vervoerder": (
        r"vervoerders?",
        r"ov-vervoerders?",
        r"busmaatschappij",
        r"busvervoerder",
        r"ov-bedrijf",
        r"vervoersbedrijf",
        r"ov-maatschappij",
    ),
    "belangenorganisatie": (
        r"natuurvereniging",
        r"vogelwerkgroep",
        r"milieuvereniging",
        r"erfgoedvereniging",
        r"historische\s+vereniging",
        r"belangenorganisaties?",
        r"belangenvereniging",
        r"natuur-?\s*en\s+milieufederatie",
        r"fietsersvereniging",
    ),
    "natuurbeheerder": (r"terreinbeheerders?", r"natuurbeheerder"),
    "raad": (r"gemeenteraad", r"de raad", r"raadsleden", r"raadscommissie", r"raadsfracties"),
    "gemeente": (
        r"afdeling",
        r"team",
        r"cluster",
        r"directie",
        r"sector",
        r"gemeente",
        r"buurgemeenten?",
        r"buitendienst",
    ),
    "aannemer": (r"aannemers?", r"ingenieursbureau", r"adviesbureau", r"marktpartijen"),
    "overheid": (r"omgevingsdienst", r"ggd"),
}
# Generic words that are a party only with a capitalised name after them ("afdeling Beheer").
_NEEDS_QUALIFIER_WORDS = frozenset(
    {"afdeling", "team", "cluster", "directie", "sector", "gemeente", "ministerie"}
)
# Kinds that take a "van de Kerkstraat" style qualifier.
_OF_QUALIFIER = frozenset({"bewoners", "ondernemers", "scholen"})
# Proper names (folded regex) and their kind.
PARTY_NAMES: dict[str, str] = {
    r"enexis": "netbeheerder",
    r"liander": "netbeheerder",
    r"stedin": "netbeheerder",
    r"alliander": "netbeheerder",
    r"westland infra": "netbeheerder",
    r"coteq": "netbeheerder",
    r"rendo": "netbeheerder",
    r"tennet": "netbeheerder",
    r"gasunie": "netbeheerder",
    r"vitens": "drinkwaterbedrijf",
    r"evides": "drinkwaterbedrijf",
    r"brabant water": "drinkwaterbedrijf",
    r"dunea": "drinkwaterbedrijf",
    r"waternet": "drinkwaterbedrijf",
    r"pwn": "drinkwaterbedrijf",
    r"oasen": "drinkwaterbedrijf",
    r"wml": "drinkwaterbedrijf",
    r"wmd": "drinkwaterbedrijf",
    r"waterbedrijf groningen": "drinkwaterbedrijf",
    r"kpn": "telecom",
    r"ziggo": "telecom",
    r"vodafoneziggo": "telecom",
    r"eurofiber": "telecom",
    r"delta fiber": "telecom",
    r"glaspoort": "telecom",
    r"open dutch fiber": "telecom",
    r"odido": "telecom",
    r"t-mobile": "telecom",
    r"eneco": "warmtebedrijf",
    r"vattenfall": "warmtebedrijf",
    r"ennatuurlijk": "warmtebedrijf",
    r"hvc": "warmtebedrijf",
    r"woonbron": "woningcorporatie",
    r"ymere": "woningcorporatie",
    r"vestia": "woningcorporatie",
    r"portaal": "woningcorporatie",
    r"mitros": "woningcorporatie",
    r"eigen haard": "woningcorporatie",
    r"havensteder": "woningcorporatie",
    r"woonstad rotterdam": "woningcorporatie",
    r"stadgenoot": "woningcorporatie",
    r"de alliantie": "woningcorporatie",
    r"staedion": "woningcorporatie",
    r"haag wonen": "woningcorporatie",
    r"bo-ex": "woningcorporatie",
    r"woonstede": "woningcorporatie",
    r"wonen limburg": "woningcorporatie",
    r"trudo": "woningcorporatie",
    r"lefier": "woningcorporatie",
    r"zayaz": "woningcorporatie",
    r"tiwos": "woningcorporatie",
    r"nijestee": "woningcorporatie",
    r"vidomes": "woningcorporatie",
    r"de goede woning": "woningcorporatie",
    r"woonwenz": "woningcorporatie",
    r"vivare": "woningcorporatie",
    r"elan wonen": "woningcorporatie",
    r"parteon": "woningcorporatie",
    r"rochdale": "woningcorporatie",
    r"de key": "woningcorporatie",
    r"wonion": "woningcorporatie",
    r"woonwaard": "woningcorporatie",
    r"pre wonen": "woningcorporatie",
    r"ons huis": "woningcorporatie",
    r"wonenbreburg": "woningcorporatie",
    r"alwel": "woningcorporatie",
    r"woonveste": "woningcorporatie",
    r"dudok wonen": "woningcorporatie",
    r"woongoed": "woningcorporatie",
    r"jutphaas wonen": "woningcorporatie",
    r"woonpunt": "woningcorporatie",
    r"servatius": "woningcorporatie",
    r"woonkracht10": "woningcorporatie",
    r"trivire": "woningcorporatie",
    r"poort6": "woningcorporatie",
    r"mozaiek wonen": "woningcorporatie",
    r"domijn": "woningcorporatie",
    r"welbions": "woningcorporatie",
    r"talis": "woningcorporatie",
    r"woonwaarts": "woningcorporatie",
    r"standvast wonen": "woningcorporatie",
    r"woonbedrijf": "woningcorporatie",
    r"wooninc": "woningcorporatie",
    r"rentree": "woningcorporatie",
    r"wold & waard": "woningcorporatie",
    r"patrimonium": "woningcorporatie",
    r"woonborg": "woningcorporatie",
    r"elkien": "woningcorporatie",
    r"accolade": "woningcorporatie",
    r"woonin": "woningcorporatie",
    r"woonfriesland": "woningcorporatie",
    r"thuisvester": "woningcorporatie",
    r"habion": "woningcorporatie",
    r"woonplus": "woningcorporatie",
    r"arcade": "woningcorporatie",
    r"rhiant": "woningcorporatie",
    r"woonlinie": "woningcorporatie",
    r"fien wonen": "woningcorporatie",
    r"heemwonen": "woningcorporatie",
    r"woonzorg nederland": "woningcorporatie",
    r"volkshuisvesting arnhem": "woningcorporatie",
    r"area wonen": "woningcorporatie",
    r"wooncompagnie": "woningcorporatie",
    r"de dommel": "waterschap",
    r"aa en maas": "waterschap",
    r"rijnland": "waterschap",
    r"delfland": "waterschap",
    r"schieland en de krimpenerwaard": "waterschap",
    r"vallei en veluwe": "waterschap",
    r"noorderzijlvest": "waterschap",
    r"hunze en aa's": "waterschap",
    r"brabantse delta": "waterschap",
    r"vechtstromen": "waterschap",
    r"drents overijsselse delta": "waterschap",
    r"zuiderzeeland": "waterschap",
    r"scheldestromen": "waterschap",
    r"amstel, gooi en vecht": "waterschap",
    r"hollandse delta": "waterschap",
    r"hollands noorderkwartier": "waterschap",
    r"rijn en ijssel": "waterschap",
    r"de stichtse rijnlanden": "waterschap",
    r"stichtse rijnlanden": "waterschap",
    r"waterschap limburg": "waterschap",
    r"prorail": "spoorbeheerder",
    r"rijkswaterstaat": "rijk",
    r"rws": "rijk",
    r"gedeputeerde staten": "provincie",
    r"provinciale staten": "provincie",
    r"arriva": "vervoerder",
    r"qbuzz": "vervoerder",
    r"connexxion": "vervoerder",
    r"ret": "vervoerder",
    r"gvb": "vervoerder",
    r"htm": "vervoerder",
    r"keolis": "vervoerder",
    r"ebs": "vervoerder",
    r"hermes": "vervoerder",
    r"u-ov": "vervoerder",
    r"transdev": "vervoerder",
    r"ns": "vervoerder",
    r"fietsersbond": "belangenorganisatie",
    r"ivn": "belangenorganisatie",
    r"veilig verkeer nederland": "belangenorganisatie",
    r"vvn": "belangenorganisatie",
    r"bomenstichting": "belangenorganisatie",
    r"anwb": "belangenorganisatie",
    r"natuur en milieu": "belangenorganisatie",
    r"staatsbosbeheer": "natuurbeheerder",
    r"natuurmonumenten": "natuurbeheerder",
    r"\w+s landschap": "natuurbeheerder",
    r"het \w+e landschap": "natuurbeheerder",
}
# Proper names that are also common words: only when written with capitals.
_CASED_NAMES = frozenset({"ret", "ns", "hermes", "portaal", "ebs", "oasen", "rendo"})
PARTY_KINDS: tuple[str, ...] = tuple(dict.fromkeys([*PARTY_GENERIC, *PARTY_NAMES.values()]))
# Kinds of which a text usually means one organisation: a bare generic noun ("de
# netbeheerder") next to a named one ("Enexis") is the same party.
_SINGLE_ORG = frozenset(
    {
        "waterschap",
        "netbeheerder",
        "drinkwaterbedrijf",
        "telecom",
        "warmtebedrijf",
        "woningcorporatie",
        "provincie",
        "vervoerder",
        "spoorbeheerder",
        "rijk",
    }
)
# One alternation over all party patterns (proper names first, so "waterbedrijf Groningen"
# wins over "waterbedrijf"); the group that matched tells the kind.
_PARTY_ENTRIES: tuple[tuple[str, str, bool], ...] = (
    *((p, kind, True) for p, kind in PARTY_NAMES.items()),
    *((p, kind, False) for kind, pats in PARTY_GENERIC.items() for p in pats),
)
_PARTY_RE = re.compile(
    r"(?<![\w-])" + _dispatch((p for p, _, _ in _PARTY_ENTRIES), "p") + r"(?![\w-])"
)
_OF_RE = re.compile(
    r"[ \t]+(?:van|uit|aan|in|rond|langs|op|bij|rondom)(?:[ \t]+(?:de|het|'t))?(?=[ \t]+[A-Z])"
)
_ARTICLE = re.compile(r"^(?:de|het|'t|een|onze|alle|die|deze)\s+(?=(?-i:[a-z]))", re.IGNORECASE)


def _party_hits(orig: str, f: str) -> list[tuple[int, int, str, bool]]:
    hits: list[tuple[int, int, str, bool]] = []
    for m in _PARTY_RE.finditer(f):
        if m.lastgroup is None:  # pragma: no cover - every alternative is a group
            continue
        _, kind, is_name = _PARTY_ENTRIES[int(m.lastgroup[1:])]
        word = m.group()
        if is_name:
            written = orig[m.start() : m.end()]
            if word in _CASED_NAMES and not (written[:2].isupper() or written.istitle()):
                continue
            hits.append((m.start(), m.end(), kind, True))
            continue
        end = m.end()
        name_end = _name_after(orig, end, allow_en=kind in ("waterschap", "gemeente"))
        if name_end == end and kind in _OF_QUALIFIER:
            of = _OF_RE.match(orig, end)
            if of:
                name_end = max(end, _name_after(orig, of.end()))
                if name_end == of.end():
                    name_end = end
        if name_end > end:
            hits.append((m.start(), name_end, kind, True))
        elif word.split()[0] not in _NEEDS_QUALIFIER_WORDS:
            hits.append((m.start(), end, kind, False))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    chosen: list[tuple[int, int, str, bool]] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            chosen.append(h)
            last_end = h[1]
    return chosen


def find_parties(text: str) -> list[Party]:
    """Organisations and groups named in the text, in order, each once.

    Names are kept as written with their qualifier ("waterschap De Dommel", "bewoners van
    de Kerkstraat"); a bare generic noun next to a named party of the same kind is the
    same party ("Enexis, de netbeheerder"). The body marked as opdrachtgever is not a party.
    """
    try:
        orig = _clean(text)
        f = _fold(orig)
        og = _pick_commissioner(_commissioner_mentions(orig, f))
        og_span = (og.start, og.end) if og and og.marked else None
        usable: list[tuple[str, bool, str]] = []
        for start, end, kind, qualified in _party_hits(orig, f):
            if og_span and start < og_span[1] and og_span[0] < end:
                continue
            if kind == "raad" and og and og.marked and "raad" in og.role:
                continue
            usable.append((kind, qualified, _ARTICLE.sub("", _tidy(orig[start:end]))))
        named: dict[str, list[str]] = {}
        for kind, qualified, name in usable:
            if qualified:
                named.setdefault(kind, []).append(_fold(name))
        parties: list[Party] = []
        keys: set[tuple[str, str]] = set()
        for kind, qualified, name in usable:
            key = (kind, _fold(name).rstrip("s"))
            if key in keys:
                continue
            if not qualified and kind in named:
                word = _fold(name)
                if kind in _SINGLE_ORG or any(word in n for n in named[kind]):
                    continue
            keys.add(key)
            parties.append(Party(name=name, kind=kind))
        return parties
    except Exception:
        return []


# --------------------------------------------------------------------------- vocabularies

# Theme -> folded regex patterns; each is anchored at a word start and a word end.
THEME_PATTERNS: dict[Theme, tuple[str, ...]] = {
    "riolering": (
        r"(?:\w*water|hoofd|gemengde?\s?|vrijverval|druk|pers|straat|regen|dwa-?|hwa-?|vuil)?"
        r"riool\w*",
        r"\w*riolering\w*",
        r"riolen",
        r"afkoppel\w*",
        r"hemelwater\w*",
        r"vuilwater\w*",
        r"(?:gescheiden|gemengd|verbeterd gescheiden)\s+stelsel",
        r"\w*kolken",
        r"grp",
        r"huisaansluitingen",
    ),
    "verharding": (
        r"bestrating",
        r"herbestrat\w*",
        r"straatwerk",
        r"\w*asfalt\w*",
        r"klinkers?",
        r"herinricht\w*",
        r"reconstructie\w*",
        r"\w*verharding\w*",
        r"wegdek\w*",
        r"trottoirs?",
        r"stoep(?:en)?",
        r"rijbaan",
        r"wegonderhoud",
        r"groot onderhoud",
        r"tegels",
        r"ophog\w*",
        r"fundering",
    ),
    "groen": (
        r"\w*bomen",
        r"(?:straat|laan|linde|eiken|iepen|plataan)?boom(?:structuur|plantvak\w*|wortels|"
        r"spiegels?|kwaliteit|kap|kroon\w*|soorten|beheer|groeiplaats\w*|veiligheid)?",
        r"groene?(?!\s+licht)",
        r"groenvoorziening\w*",
        r"groenstro\w*",
        r"groenstructuur\w*",
        r"groenbeheer",
        r"vergroen\w*",
        r"plantsoen\w*",
        r"beplanting\w*",
        r"heesters?",
        r"bloemrijk\w*",
        r"biodivers\w*",
        r"natuurinclusie\w*",
        r"geveltuin\w*",
        r"parken",
        r"park",
        r"grasveld\w*",
        r"stadsnatuur",
        r"tiny forest",
    ),
    "klimaatadaptatie": (
        r"hittestress",
        r"hitte",
        r"wateroverlast",
        r"regenwater\w*",
        r"klimaatbestendig\w*",
        r"klimaatadapt\w*",
        r"klimaatrobuust\w*",
        r"wadi'?s?",
        r"waterberging\w*",
        r"infiltr\w*",
        r"droogte",
        r"piekbuien",
        r"hoosbuien",
        r"extreme\s+(?:neerslag|buien|regen\w*)",
        r"wolkbreuk\w*",
        r"groene daken",
        r"ontharden",
        r"ontharding",
        r"onttegel\w*",
        r"afkoppel\w*",
        r"waterplein\w*",
        r"regenton\w*",
        r"wateropvang",
        r"klimaatverander\w*",
        r"stresstest\w*",
        r"sponswerking",
        r"verkoeling",
    ),
    "energietransitie": (
        r"aardgasvrij\w*",
        r"gasvrij\w*",
        r"van het gas af",
        r"warmtenet\w*",
        r"warmtetransitie",
        r"warmtepomp\w*",
        r"laadpa(?:al|len)\w*",
        r"laadpunt\w*",
        r"laadinfra\w*",
        r"laadplein\w*",
        r"zonnepane\w*",
        r"zonne-energie",
        r"energietransitie",
        r"energieneutraal",
        r"all-electric",
        r"duurzame energie",
        r"energiebesparing",
        r"transitievisie warmte",
        r"warmteprogramma",
        r"wijkuitvoeringsplan\w*",
    ),
    "mobiliteit": (
        r"fiets\w*",
        r"ov",
        r"ov-\w+",
        r"openbaar vervoer",
        r"bus(?:halte|haltes|baan|banen|lijn|lijnen|route|routes|sen)?",
        r"parkeer\w*",
        r"parkeren",
        r"verkeer",
        r"verkeers(?!veilig|onveilig)\w*",
        r"30\s?km(?:/u|/h|\s?per\s?uur)?",
        r"zone\s?30",
        r"autoluw\w*",
        r"deelmobiliteit",
        r"deelauto\w*",
        r"bereikbaarheid",
        r"doorstroming",
        r"voetganger\w*",
        r"mobiliteit\w*",
        r"snelfietsroute\w*",
        r"autoverkeer",
        r"vrachtverkeer",
        r"mobiliteitshub\w*",
    ),
    "kabels_en_leidingen": (
        r"kabels?",
        r"\w*leidingen",
        r"\w+leiding",
        r"k\s?&\s?l",
        r"glasvezel\w*",
        r"netverzwaring\w*",
        r"netcongestie",
        r"ondergrond(?:se)?(?!\s+(?:afval)?container)",
        r"nutsbedrijven",
        r"nutsvoorzieningen",
        r"nutspartijen",
        r"middenspanning\w*",
        r"laagspanning\w*",
        r"transformatorhuis\w*",
        r"trafo\w*",
        r"stroomnet\w*",
        r"elektriciteitsnet\w*",
        r"gasnet\w*",
        r"klic\w*",
        r"graafschade",
        r"leidingstro\w*",
    ),
    "openbare_verlichting": (
        r"lantaarnpa(?:al|len)\w*",
        r"lantaarns?",
        r"straatverlichting",
        r"openbare verlichting",
        r"\w*verlichting",
        r"lichtmasten?",
        r"lichtpunten?",
        r"armaturen",
        r"ovl",
    ),
    "leefbaarheid": (
        r"ontmoet\w*",
        r"spelen",
        r"speel(?:plek|plaats|tuin|voorziening|toestel|aanleiding|gelegenheid|ruimte)\w*",
        r"sociale veiligheid",
        r"sociaal veilig\w*",
        r"leefbaar\w*",
        r"verblijfskwaliteit",
        r"verblijfsgebied\w*",
        r"gezonde?\s+leefomgeving",
        r"prettig(?:er)?\s+(?:wonen|verblijven)",
        r"bankjes",
        r"levendig\w*",
        r"buurtgevoel",
        r"sociale cohesie",
        r"eenzaamheid",
        r"beweegvriendelijk\w*",
    ),
    "water": (
        r"grondwater\w*",
        r"oppervlaktewater\w*",
        r"singels?",
        r"sloot",
        r"sloten",
        r"vijvers?",
        r"watergang\w*",
        r"grachten?",
        r"kademuren?",
        r"kades?",
        r"waterkwaliteit",
        r"waterpeil\w*",
        r"beschoeiing\w*",
        r"oevers?",
        r"duikers?",
        r"waterlopen?",
        r"waterhuishouding",
        r"watersysteem",
        r"kwel",
        r"waterkering\w*",
    ),
    "verkeersveiligheid": (
        r"schoolzone\w*",
        r"verkeersveilig\w*",
        r"verkeersonveilig\w*",
        r"oversteek\w*",
        r"oversteken",
        r"zebrapad\w*",
        r"drempels?",
        r"snelheidsremm\w*",
        r"ongevallen",
        r"ongeluk\w*",
        r"bijna-ongelukken",
        r"schoolroute\w*",
        r"veilige?\s+(?:school)?routes?",
        r"te hard\s+(?:gereden|rijden)",
        r"hardrijders",
        r"onveilige?\s+(?:kruispunt|situatie|oversteek|route)\w*",
    ),
    "circulariteit": (
        r"hergebruik\w*",
        r"herbruik\w*",
        r"circulai?r\w*",
        r"secundaire\s+(?:materialen|bouwstoffen|grondstoffen)",
        r"grondstoffen",
        r"materialenpaspoort\w*",
        r"mki",
        r"mki-\w+",
        r"biobased",
        r"co2-?(?:reductie|uitstoot|arm|neutraal)\w*",
        r"duurzaam\s+(?:inkopen|materiaal\w*)",
    ),
}

# Canonical kader name -> folded regex patterns.
FRAMEWORKS: dict[str, tuple[str, ...]] = {
    "Omgevingswet": (r"omgevingswet",),
    "Gemeentelijk Rioleringsplan (GRP)": (
        r"grp",
        r"vgrp",
        r"gwrp",
        r"\w*rioleringsplan\w*",
        r"rioleringsprogramma",
        r"water-?\s*en\s+rioleringsp(?:lan|rogramma)",
    ),
    "Wet gemeentelijke watertaken": (
        r"wet gemeentelijke watertaken",
        r"gemeentelijke watertaken",
        r"zorgplicht(?:en)?\s+(?:voor\s+)?(?:het\s+)?(?:hemelwater|grondwater|afvalwater)\w*",
        r"watertaken",
    ),
    "Omgevingsplan": (
        r"omgevingsplan(?!\s*wijziging|wijziging)",
        r"omgevingsplannen",
        r"bestemmingsplan(?:nen)?(?!\s*wijziging|wijziging)",
    ),
    "Omgevingsvisie": (r"omgevingsvisie", r"structuurvisie"),
    "Mobiliteitsplan": (
        r"mobiliteitsplan\w*",
        r"mobiliteitsvisie",
        r"mobiliteitsprogramma",
        r"mobiliteitsbeleid",
        r"mobiliteitsagenda",
        r"verkeersplan\w*",
        r"verkeers-\s*en\s+vervoersplan\w*",
        r"gvvp",
        r"fietsplan",
        r"fietsbeleid",
    ),
    "Bomenbeleidsplan": (
        r"bomenbeleid\w*",
        r"bomenplan",
        r"bomenstructuur(?:plan|visie)",
        r"bomenverordening",
        r"bomenvisie",
        r"bomenkaart",
        r"bomenstructuurkaart",
        r"bomenstructuur",
    ),
    "Groenbeleidsplan": (
        r"groenbeleid\w*",
        r"groenvisie",
        r"groenstructuurplan",
        r"groenplan",
        r"groenstructuurvisie",
    ),
    "Handboek openbare ruimte": (
        r"handboek\s+(?:inrichting\s+)?(?:van\s+de\s+)?openbare\s+ruimte",
        r"hior",
        r"lior",
        r"leidraad\s+(?:inrichting\s+)?openbare\s+ruimte",
        r"kwaliteitshandboek\w*",
        r"handboek\s+(?:ior|hor)",
        r"standaard(?:\s+|-)details",
        r"handboek\s+(?:inrichting|buitenruimte)",
        r"programma van eisen openbare ruimte",
    ),
    "Klimaatadaptatiestrategie": (
        r"klimaatadaptatiestrategie",
        r"klimaatadaptatieplan",
        r"klimaatadaptieve?\s+strategie",
        r"uitvoeringsagenda\s+klimaatadaptatie",
        r"klimaatadaptatie-?\s*(?:beleid|visie|programma)",
        r"hemelwaterbeleid\w*",
        r"hemelwaterplan",
    ),
    "Transitievisie warmte": (r"transitievisie\s+warmte", r"tvw"),
    "Warmteprogramma": (r"warmteprogramma", r"wijkuitvoeringsplan\w*", r"wup"),
    "WIBON": (
        r"wibon",
        r"wion",
        r"grondroerdersregeling",
        r"wet informatie-?\s*uitwisseling\s+(?:bovengrondse\s+en\s+)?ondergrondse\s+netten",
    ),
    "CROW-richtlijnen": (
        r"crow(?:-\w+)?",
        r"asvv",
        r"richtlijn\s+zorgvuldig\s+graven",
        r"ontwerpwijzer\s+fietsverkeer",
    ),
    "Wet natuurbescherming": (
        r"wet natuurbescherming",
        r"natuurbeschermingswet",
        r"flora-?\s*en\s+faunawet",
        r"soortenbescherming",
        r"wnb",
        r"gedragscode\s+(?:soortenbescherming|flora\s+en\s+fauna)",
        r"natura\s?2000",
        r"stikstof\w*",
    ),
    "Aanbestedingswet": (r"aanbestedingswet\w*", r"gids proportionaliteit"),
    "Inkoop- en aanbestedingsbeleid": (
        r"inkoopbeleid",
        r"aanbestedingsbeleid",
        r"inkoop-?\s*en\s+aanbestedingsbeleid",
        r"inkoopvoorwaarden",
    ),
    "Beheerplan": (
        r"(?!water)\w*beheerplan\w*",
        r"beheer-?\s*en\s+onderhoudsplan\w*",
        r"mjop",
        r"meerjarenonderhoudsplan\w*",
        r"beheerprogramma",
        r"kwaliteitsniveaus?\s+(?:beheer|crow)",
    ),
    "Coalitieakkoord": (
        r"coalitieakkoord",
        r"collegeprogramma",
        r"collegeakkoord",
        r"coalitieprogramma",
        r"bestuursakkoord(?!\s+water)",
        r"raadsakkoord",
        r"raadsprogramma",
    ),
    "Deltaplan Ruimtelijke Adaptatie": (
        r"deltaplan\s+ruimtelijke\s+adaptatie",
        r"dpra",
        r"deltaprogramma\s+ruimtelijke\s+adaptatie",
        r"deltaprogramma",
        r"deltaplan",
    ),
    "Waterbeheerprogramma": (r"waterbeheerprogramma", r"waterbeheerplan", r"wbp"),
    "Programma (Omgevingswet)": (
        r"programma\s+(?:onder|volgens|op\s+grond\s+van|in\s+de\s+zin\s+van)\s+de\s+omgevingswet",
        r"omgevingsprogramma",
        r"programmatische\s+aanpak",
    ),
    "Wegenverkeerswet": (
        r"wegenverkeerswet",
        r"wvw",
        r"rvv(?:\s+1990)?",
        r"reglement\s+verkeersregels\s+en\s+verkeerstekens",
        r"babw",
        r"besluit\s+administratieve\s+bepalingen\s+inzake\s+het\s+wegverkeer",
    ),
    "Verordening": (
        r"(?!waterschaps|participatie|bomen|inspraak)\w*verordening\w*",
        r"apv",
        r"algemene\s+plaatselijke\s+verordening",
    ),
    "Duurzaam Veilig": (r"duurzaam\s+veilig\w*", r"nota\s+duurzaam\s+veilig", r"dv3"),
    "Besluit bodemkwaliteit": (r"besluit\s+bodemkwaliteit", r"bbk"),
    "Bodemkwaliteitskaart": (
        r"bodemkwaliteitskaart\w*",
        r"nota\s+bodembeheer",
        r"bodembeheernota",
        r"bodembeheerplan",
    ),
    "Erfgoed en monumenten": (
        r"erfgoed\w*",
        r"\w*monument(?:en|aal|ale|enzorg|status)?",
        r"beschermd\s+(?:stads|dorps)gezicht",
        r"cultuurhistori\w*",
        r"archeolog\w*",
    ),
    "Waterschapsverordening (Keur)": (r"keur", r"waterschapsverordening", r"keurvergunning"),
    "Waterwet": (r"waterwet",),
    "Besluit kwaliteit leefomgeving (Bkl)": (r"besluit\s+kwaliteit\s+leefomgeving", r"bkl"),
    "Kaderrichtlijn Water (KRW)": (r"kaderrichtlijn\s+water", r"krw"),
    "Beeldkwaliteitsplan": (r"beeldkwaliteitsplan\w*", r"welstandsnota", r"bkp"),
    "Parkeerbeleid": (r"parkeerbeleid", r"parkeernota", r"parkeernormen", r"parkeervisie"),
    "Regionale Energiestrategie (RES)": (r"regionale\s+energiestrategie", r"res"),
    "Klimaatakkoord": (r"klimaatakkoord",),
    "Participatiebeleid": (
        r"participatiebeleid",
        r"participatieverordening",
        r"inspraakverordening",
        r"participatieleidraad",
    ),
    "Bestuursakkoord Water": (r"bestuursakkoord\s+water",),
    "Begroting": (r"programmabegroting", r"meerjarenbegroting", r"kadernota", r"voorjaarsnota"),
    "Wet geluidhinder": (r"wet\s+geluidhinder", r"geluidsnormen"),
}

# Canonical instrument name -> folded regex patterns.
INSTRUMENTS: dict[str, tuple[str, ...]] = {
    "Meerjarenprogramma (MJP) / integrale programmering": (
        r"meerjarenprogramm\w*",
        r"meerjarenplanning\w*",
        r"mjp",
        r"mip",
        r"meerjareninvesteringsp\w*",
        r"integrale\s+programmering",
        r"programmering",
        r"uitvoeringsprogramma\w*",
        r"meerjarige?\s+(?:uitvoerings)?planning",
        r"integrale\s+planning",
    ),
    "Participatietraject": (
        r"participatie(?!beleid|verordening|leidraad)\w*",
        r"inspraak(?!verordening)\w*",
        r"meedenk\w*",
        r"co-?creatie",
        r"klankbordgroep\w*",
        r"enquete\w*",
        r"burgerpanel",
        r"ontwerpateliers?",
        r"ontwerpsessies?",
        r"wijkwandeling\w*",
        r"schouw\w*",
    ),
    "Bewonersavond": (
        r"bewonersavond\w*",
        r"informatieavond\w*",
        r"inloopavond\w*",
        r"bewonersbijeenkomst\w*",
        r"informatiebijeenkomst\w*",
        r"inloopbijeenkomst\w*",
        r"buurtbijeenkomst\w*",
        r"keukentafelgesprek\w*",
        r"inloopspreekuur",
    ),
    "Verkeersbesluit": (r"verkeersbesluit\w*",),
    "KLIC-melding": (r"klic\w*", r"orientatieverzoek\w*", r"graafmelding\w*"),
    "AVOI-afspraken / graafcoördinatie": (
        r"avoi",
        r"graafcoordina\w*",
        r"graafrust",
        r"coordinatie\s+(?:met|van)\s+(?:de\s+)?(?:kabels|nuts|netbeheerders)\w*",
        r"nutsoverleg",
        r"k&l-overleg",
        r"kabels?-?\s*en\s+leidingenoverleg",
        r"leidingenoverleg",
        r"trace-?overleg",
        r"ondergrondcoordinat\w*",
        r"integraal\s+nutsoverleg",
    ),
    "Subsidie": (
        r"subsidie\w*",
        r"impulsregeling\w*",
        r"spuk",
        r"specifieke uitkering",
        r"cofinancier\w*",
        r"regio\s?deal",
        r"rijksbijdrage",
        r"bijdrage van (?:het rijk|de provincie|het waterschap)",
    ),
    "Stresstest": (r"\w*stresstest\w*", r"klimaateffectatlas"),
    "Risicodialoog": (r"risicodialo\w*",),
    "Bouwteam": (r"bouwteam\w*", r"two-?stage"),
    "Raamcontract": (r"raamcontract\w*", r"raamovereenkomst\w*", r"mantelcontract\w*"),
    "Aanbesteding (EMVI/BPKV)": (
        r"aanbested(?!ingswet|ingsbeleid)\w*",
        r"emvi",
        r"bpkv",
        r"beste\s+prijs-?\s*kwaliteit\w*",
        r"europese\s+aanbesteding",
        r"meervoudig\s+onderhands\w*",
        r"enkelvoudig\s+onderhands\w*",
        r"marktuitvraag",
        r"gunning\w*",
        r"tender\w*",
    ),
    "Contractvorm (RAW-bestek / UAV-GC / D&C)": (
        r"raw-?bestek\w*",
        r"bestek",
        r"uav-?gc",
        r"design\s*(?:&|and|en)\s*construct",
        r"d&c",
        r"e&c",
        r"prestatiecontract\w*",
    ),
    "Omgevingsvergunning": (
        r"omgevingsvergunning\w*",
        r"kapvergunning\w*",
        r"vergunningaanvra\w*",
        r"vergunningen",
        r"vergunning",
    ),
    "Watervergunning": (r"watervergunning\w*", r"keurvergunning\w*"),
    "Bestemmingsplan/Omgevingsplanwijziging": (
        r"bestemmingsplanwijziging\w*",
        r"omgevingsplanwijziging\w*",
        r"wijziging\s+van\s+het\s+(?:bestemmings|omgevings)plan",
        r"(?:bestemmings|omgevings)plan\s+(?:wijzigen|aanpassen|herzien)",
        r"(?:bestemmings|omgevings)planherziening",
        r"buitenplanse?\s+omgevingsplanactiviteit",
        r"bopa",
        r"projectbesluit",
    ),
    "Anterieure overeenkomst": (
        r"anterieure\s+overeenkomst\w*",
        r"exploitatieovereenkomst\w*",
        r"kostenverhaal",
    ),
    "Samenwerkingsovereenkomst": (
        r"samenwerkingsovereenkomst\w*",
        r"sok",
        r"samenwerkingsafspraken",
        r"bestuursovereenkomst\w*",
        r"uitvoeringsovereenkomst\w*",
        r"intentieovereenkomst\w*",
        r"realisatieovereenkomst\w*",
    ),
    "Convenant": (r"convenant\w*",),
    "Schetsontwerp/VO/DO": (
        r"schetsontwerp\w*",
        r"voorlopig\s+ontwerp",
        r"definitief\s+ontwerp",
        r"vo",
        r"do",
        r"ontwerpfase",
        r"variantenstudie\w*",
        r"integraal\s+ontwerp",
        r"uitvoeringsontwerp",
    ),
    "Onderzoek (bodem, bomen, ecologie)": (
        r"bodemonderzoek\w*",
        r"boomeffectanalyse\w*",
        r"bea",
        r"bomenonderzoek",
        r"boomtechnisch\w*\s+onderzoek",
        r"quickscan\w*",
        r"ecologisch\w*\s+onderzoek",
        r"archeologisch\w*\s+onderzoek",
        r"verkennend\s+onderzoek",
        r"rioolinspectie\w*",
        r"camera-?inspectie\w*",
        r"nulmeting\w*",
        r"funderingsonderzoek\w*",
        r"asbestonderzoek\w*",
        r"explosievenonderzoek\w*",
        r"nge-?onderzoek",
        r"grondwateronderzoek\w*",
        r"verkeersonderzoek\w*",
        r"verkeerstelling\w*",
        r"haalbaarheidsstudie\w*",
        r"haalbaarheidsonderzoek\w*",
        r"natuurtoets\w*",
    ),
    "Gebiedsgericht werken": (
        r"gebiedsgericht\w*",
        r"wijkgericht\w*",
        r"wijkaanpak",
        r"gebiedsaanpak",
        r"gebiedsproces\w*",
        r"wijkprogramma\w*",
        r"gebiedsteam\w*",
        r"gebiedsagenda\w*",
        r"integrale\s+gebiedsontwikkeling",
    ),
    "Startnotitie": (
        r"startnotitie\w*",
        r"startdocument\w*",
        r"projectopdracht\w*",
        r"opdrachtformulering\w*",
        r"projectplan\w*",
        r"plan\s+van\s+aanpak",
        r"pva",
    ),
    "Raadsvoorstel": (
        r"raadsvoorstel\w*",
        r"raadsbesluit\w*",
        r"raadsinformatiebrie\w*",
        r"voorbereidingsbesluit",
    ),
    "Collegevoorstel": (r"collegevoorstel\w*", r"collegebesluit\w*", r"b&w-?(?:voorstel|besluit)"),
    "Reserve/krediet": (
        r"\w*krediet\w*",
        r"bestemmingsreserve\w*",
        r"egalisatiereserve\w*",
        r"reserves?",
        r"voorziening\s+riolering",
        r"rioolheffing",
    ),
    "Kostenverdeling/kostenverdeelsleutel": (
        r"kostenverdel\w*",
        r"kostenverdeelsleutel\w*",
        r"verdeelsleutel\w*",
        r"kosten\s+(?:te\s+)?delen",
        r"kostendeling",
        r"kostentoedeling",
    ),
    "Werk-met-werk / meekoppelen": (
        r"werk\s*-?\s*met\s*-?\s*werk",
        r"meekoppel\w*",
        r"meelift\w*",
        r"werkzaamheden\s+combineren",
    ),
    "Stakeholder- / krachtenveldanalyse": (
        r"stakeholderanalyse\w*",
        r"omgevingsanalyse\w*",
        r"krachtenveld\w*",
        r"belanghebbendenanalyse\w*",
        r"stakeholdermap\w*",
    ),
    "Omgevingsmanagement": (r"omgevingsmanage\w*",),
    "Communicatieplan": (
        r"communicatieplan\w*",
        r"communicatiestrategie",
        r"bewonersbrie\w*",
        r"nieuwsbrie\w*",
        r"projectwebsite",
        r"bouwapp",
        r"omgevingscommunicatie",
    ),
    "Risicoanalyse": (
        r"risicoanalyse\w*",
        r"risicosessie\w*",
        r"risman",
        r"risicoregister\w*",
        r"risicodossier\w*",
    ),
    "Projectmatig werken (GOTIK)": (
        r"gotik",
        r"projectmatig\s+werken",
        r"prince\s?2",
        r"beslismoment\w*",
        r"go/no-?go",
    ),
    "BLVC-/bereikbaarheidsplan": (
        r"blvc\w*",
        r"bereikbaarheidsplan\w*",
        r"omleidingsroute\w*",
        r"tijdelijke\s+verkeersmaatregel\w*",
        r"tvm",
        r"faseringsplan\w*",
    ),
    "Pilot/proeftuin": (r"pilot\w*", r"proeftuin\w*", r"living\s+lab\w*"),
    "Marktconsultatie": (r"marktconsultatie\w*", r"marktverkenning\w*", r"marktdialoog"),
    "Kosten-batenanalyse / business case": (
        r"mkba",
        r"kosten-?\s*batenanalyse\w*",
        r"business\s?case\w*",
        r"levensduurkosten",
    ),
    "Programma van Eisen": (r"programma\s+van\s+eisen", r"pve"),
    "Omgevingstafel": (r"omgevingstafel\w*",),
    "Integrale kaart / GIS-analyse": (
        r"integrale\s+kaart\w*",
        r"gis(?:-\w+)?",
        r"ondergrondkaart\w*",
        r"3d-?model\w*",
        r"bim",
        r"digital\s+twin",
        r"kansenkaart\w*",
    ),
}


def _compile_vocab(vocab: dict[str, tuple[str, ...]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(r"(?<![a-z0-9])(?:" + "|".join(pats) + r")(?![a-z0-9])"))
        for name, pats in vocab.items()
    )


@dataclass(frozen=True)
class _Vocab:
    """All patterns of a vocabulary in one scan; the matching group names the entry."""

    names: tuple[str, ...]
    owner: tuple[int, ...]  # group index -> index in names
    rx: re.Pattern[str]

    @classmethod
    def build(cls, vocab: dict[str, tuple[str, ...]]) -> _Vocab:
        names = tuple(vocab)
        flat = [(i, p) for i, name in enumerate(names) for p in vocab[name]]
        rx = re.compile(r"(?<![a-z0-9])" + _dispatch(p for _, p in flat) + r"(?![a-z0-9])")
        return cls(names, tuple(i for i, _ in flat), rx)

    def find(self, f: str) -> list[str]:
        """Names in order of first occurrence; a match inside a longer one counts too."""
        seen: dict[int, int] = {}
        pos = 0
        while pos <= len(f):
            m = self.rx.search(f, pos)
            if m is None or m.lastgroup is None:
                break
            seen.setdefault(self.owner[int(m.lastgroup[1:])], m.start())
            pos = m.start() + 1
        return [self.names[i] for i in sorted(seen, key=lambda i: (seen[i], i))]


_THEME_RES = _compile_vocab({str(k): v for k, v in THEME_PATTERNS.items()})
_FRAMEWORK_VOCAB = _Vocab.build(FRAMEWORKS)
_INSTRUMENT_VOCAB = _Vocab.build(INSTRUMENTS)
_THEME_BY_NAME: dict[str, Theme] = {str(t): t for t in THEME_PATTERNS}


def _ordered(f: str, compiled: Iterable[tuple[str, re.Pattern[str]]]) -> list[str]:
    """Names whose pattern occurs, by first occurrence (ties: table order)."""
    found: list[tuple[int, int, str]] = []
    for i, (name, rx) in enumerate(compiled):
        m = rx.search(f)
        if m:
            found.append((m.start(), i, name))
    found.sort()
    return [name for _, _, name in found]


def find_themes(text: str) -> list[Theme]:
    """The themes the text touches, in order of first appearance, each once.

    "afkoppelen" counts for riolering and klimaatadaptatie (it is both); words are anchored
    at their start and end, so "groente" is no "groen" and "trioolen" no "riool".
    """
    try:
        names = _ordered(_fold(_clean(text)), _THEME_RES)
        return [_THEME_BY_NAME[n] for n in names]
    except Exception:
        return []


def find_frameworks(text: str) -> list[str]:
    """Canonical names (keys of `FRAMEWORKS`) of the kaders the text names, in order."""
    try:
        return _FRAMEWORK_VOCAB.find(_fold(_clean(text)))
    except Exception:
        return []


def find_instruments(text: str) -> list[str]:
    """Canonical names (keys of `INSTRUMENTS`) of the instruments the text names, in order."""
    try:
        return _INSTRUMENT_VOCAB.find(_fold(_clean(text)))
    except Exception:
        return []
