"""Dutch numbers: numeral words, amounts of money and capacity in fte.

Dutch administrators write "drie ton", "2,5 mln" and "anderhalve fte"; general parsers
(price-parser, text2num) get exactly those wrong. Every public function returns None when
the text does not say it, and never raises.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from opdrachtassistent.lang.nl.tables.numerals import (
    ANDERHALF,
    CONNECTORS,
    HALF,
    SCALE_VALUES,
    TEEN_VALUES,
    TEN_VALUES,
    UNIT_VALUES,
    WORD_SCALES,
)
from opdrachtassistent.lang.nl.text import clean, fold

WORKING_HOURS_PER_WEEK = 36  # Dutch government (CAO Gemeenten): 1 fte = 36 hours a week
WORKING_DAYS_PER_WEEK = 5  # "twee dagen per week" = 2/5 fte
# Above this no public work in the Netherlands is budgeted (the whole national budget is a
# few hundred billion): a larger "budget" is a typing error, not a value to keep.
MAX_BUDGET_EUR = 50e9

Problem = Literal[
    "negative", "too_large", "negative_fte", "too_many_fte", "impossible_date", "unreadable"
]
MAX_FTE = 10_000  # more capacity than any public work has: a typing error, not a value


@dataclass(frozen=True)
class BadValue:
    """A value the text gives that cannot be used: which field, the words, what is wrong."""

    field: Literal["budget_eur", "capacity_fte", "deadline", "start"]
    quote: str
    problem: Problem


_MORPHS: tuple[str, ...] = tuple(
    sorted(
        [
            *UNIT_VALUES,
            *TEEN_VALUES,
            *TEN_VALUES,
            *WORD_SCALES,
            "honderd",
            *HALF,
            *ANDERHALF,
            *CONNECTORS,
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
_BIG = frozenset({"honderd", *WORD_SCALES})


def _split_word(word: str) -> list[str] | None:
    morphs: list[str] = _MORPH_RE.findall(word)
    return morphs if "".join(morphs) == word else None


def _is_digit_word(m: str) -> bool:
    return m in UNIT_VALUES or m in TEEN_VALUES or m in TEN_VALUES


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
                nxt in TEN_VALUES
                or nxt in HALF
                or (nxt == "een" and i + 2 < n and ms[i + 2] in HALF)
            )
            if not ok or not seen:
                return None
        elif m in HALF:
            if prev == "een":
                chunk -= 1
            elif prev not in ("", "en"):
                return None
            chunk += 0.5
            seen = True
        elif m in ANDERHALF:
            if seen and prev not in WORD_SCALES:
                return None
            chunk += 1.5
            seen = True
        elif m == "honderd":
            if chunk >= 100:
                return None
            chunk = (chunk or 1) * 100
            seen = True
        elif m in WORD_SCALES:
            total += (chunk or 1) * WORD_SCALES[m]
            chunk = 0
            seen = True
        elif m == "komma":
            j = i + 1
            while j < n and ms[j] not in WORD_SCALES and ms[j] != "komma":
                j += 1
            frac = ms[i + 1 : j]
            if not seen or not frac:
                return None
            if all(x in UNIT_VALUES for x in frac):
                digits = "".join(str(int(UNIT_VALUES[x])) for x in frac)
            else:
                v = _eval_morphs(frac)
                if v is None or v != int(v):
                    return None
                digits = str(int(v))
            chunk += float("0." + digits)
            prev = frac[-1]
            i = j
            continue
        elif m in UNIT_VALUES or m in TEEN_VALUES:
            if _is_digit_word(prev):
                return None
            chunk += UNIT_VALUES.get(m, 0) + TEEN_VALUES.get(m, 0)
            seen = True
        elif m in TEN_VALUES:
            if prev in TEEN_VALUES or prev in TEN_VALUES or prev in UNIT_VALUES:
                return None  # "vijftwintig": the "en" is missing
            chunk += TEN_VALUES[m]
            seen = True
        else:  # pragma: no cover - every morpheme is handled above
            return None
        prev = m
        i += 1
    return total + chunk if seen else None


def _can_follow(last: str, first: str) -> bool:
    """Whether a numeral word starting with `first` continues one ending in `last`."""
    if first == "en":
        return last not in CONNECTORS and last not in WORD_SCALES
    if last == "komma":
        return _is_digit_word(first)
    if first in UNIT_VALUES or first in TEEN_VALUES:
        return last in _BIG or (last == "en" and first == "een")
    if first in TEN_VALUES:
        return last in _BIG or last == "en"
    if first == "honderd":
        return last in UNIT_VALUES or last in TEEN_VALUES
    if first in WORD_SCALES or first == "komma":
        return last not in CONNECTORS and last != ""
    if first in HALF:
        return last in ("een", "en")
    return False


def _fmt(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.10g}".replace(".", ",")


_Word = tuple[int, int, list[str]]


def digitize(s: str) -> str:
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
        while g and (
            g[0][2] in (["en"], ["komma"]) or (len(g[0][2]) == 1 and g[0][2][0] in WORD_SCALES)
        ):
            # A scale word cannot open a numeral: in "€ 1,1 miljoen een bijdrage" the
            # "miljoen" belongs to the digits before it, not to "een".
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
        if len(last) == 1 and last[0] in WORD_SCALES:
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


_NL_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_EN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_SPACE_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+(?:,\d+)?")
_ONE_COMMA_GROUP = re.compile(r"\d{1,3},\d{3}")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")


def num_value(token: str, *, scaled: bool = False) -> float | None:
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
        s = fold(clean(text)).strip().strip(".!?:;").strip()
        if not s or len(s) > 200:
            return None
        m = _W2N_DIGITS.fullmatch(s)
        if m:
            value = num_value(m.group(1), scaled=m.group(2) is not None)
            if value is None:
                return None
            return value * (SCALE_VALUES[m.group(2)] if m.group(2) else 1)
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
# A minus sign on the number itself ("-300 euro", "EUR -2,5 miljoen", "min 300 euro"); a
# dash after a space is a bullet ("- 300 euro") and one after a digit a range ("2-3").
_MINUS_BEFORE = re.compile(
    r"(?:(?<![\w.,)])[-\u2212\u2013](?:€\s?)?|\b(?:min|minus)\s(?:€\s?)?|€\s?[-\u2212\u2013])$"
)
_RANGE_AFTER = re.compile(r"\s*(?:-|t/m|tot)\s*\d")
CLAUSE_BREAK = re.compile(r"[;!?\n]|\.(?!\d)")

_Cand = tuple[float, int, int]


def _money_candidates(d: str) -> list[_Cand]:
    found: dict[int, _Cand] = {}
    for i, pattern in enumerate(_MONEY_PATTERNS):
        for m in pattern.finditer(d):
            token = m.group(1)
            scale = m.group(2)
            if i == 2 and _NOT_MONEY_AFTER.match(d, m.end()):
                continue
            value = num_value(token, scaled=scale is not None)
            if value is None:
                continue
            if scale:
                value *= SCALE_VALUES[scale]
            start = m.start(1)
            if _MINUS_BEFORE.search(d, max(0, start - 8), start) or not _usable(value):
                continue
            if start not in found:
                found[start] = (value, start, m.end())
    for m in _BARE_AFTER_CUE.finditer(d):
        start = m.start(1)
        if any(s <= start < e for _, s, e in found.values()):
            continue
        token = m.group(1)
        value = num_value(token)
        if value is None or value < 1000 or _YEARLIKE.fullmatch(token):
            continue  # "budget voor 2026" names a year
        if _NOT_MONEY_AFTER.match(d, m.end()) or _RANGE_AFTER.match(d, m.end()):
            continue
        if _MINUS_BEFORE.search(d, max(0, start - 8), start) or not _usable(value):
            continue
        found[start] = (value, start, m.end())
    return sorted(found.values(), key=lambda c: c[1])


def _usable(value: float) -> bool:
    return math.isfinite(value) and 0 <= value <= MAX_BUDGET_EUR


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
        if CLAUSE_BREAK.search(gap):
            continue
        if best is None or len(gap) < best:
            best = len(gap)
    return best


_PART_CUE = re.compile(
    r"\b(?:waarvan|daarvan|waaronder|bijdrage|eerder|oorspronkelijk|aanvankelijk|vorige|"
    r"voorheen|destijds|eerste fase|deel|deels|aandeel)\b"
)


def _ranked(text: str) -> list[tuple[tuple[int, int, float], float]]:
    """Every amount with its score, best first (see `parse_amount_eur`)."""
    d = digitize(fold(clean(text)))
    cands = _money_candidates(d)

    def score(c: _Cand) -> tuple[int, int, float]:
        value, start, end = c
        before = d[max(0, start - 40) : start]
        part = _PART_CUE.search(CLAUSE_BREAK.split(before)[-1]) is not None
        total = _cue_distance(d, _TOTAL_CUE, start, start, 20)
        if total is not None:
            return (3, -total, value)
        strong = _cue_distance(d, _BUDGET_CUE, start, end, 80)
        if strong is not None and not part:
            return (2, -strong, value)
        weak = _cue_distance(d, _WEAK_CUE, start, end, 60)
        if (weak is not None or strong is not None) and not part:
            return (1, -(weak if weak is not None else 0), value)
        return (-1 if part else 0, 0, value)

    return sorted(((score(c), round(c[0], 2)) for c in cands), reverse=True)


def parse_amount_eur(text: str) -> float | None:
    """The budget in euro named in the text.

    "€ 2,5 miljoen" -> 2500000, "drie ton" -> 300000, "450k" -> 450000, "€ 1.750.000,-" ->
    1750000. A scale word alone makes an amount ("3 miljoen"); a bare number needs a euro
    sign or a budget word ("budget: 800.000"); "200 bomen", "30 km/u", "2027" are no money.
    With several amounts: one marked as total ("totaal € 1.500.000"), else the one nearest
    to a budget word (budget, beschikbaar, gereserveerd, krediet, ...) in the same clause,
    else one near a cost word, else the largest; an amount marked as a part or an earlier
    figure ("waarvan", "een bijdrage van", "eerder geraamd") comes last. In a range ("2 à 3
    miljoen") the amount with the scale word wins: the upper bound. A negative amount
    ("-300 euro"), one in scientific notation and one above `MAX_BUDGET_EUR` is no budget.
    """
    try:
        ranked = _ranked(text)
        return ranked[0][1] if ranked else None
    except Exception:
        return None


def amount_alternatives(text: str) -> list[float]:
    """Other amounts the text gives as a budget or cost beside the one `parse_amount_eur`
    takes ("krediet € 4,2 miljoen, waarvan € 1,1 miljoen van de provincie" -> [1100000]):
    the choice is worth an open question. Never raises."""
    try:
        ranked = _ranked(text)
        if len(ranked) < 2:
            return []
        main = ranked[0][1]
        out = [v for (level, _, _), v in ranked[1:] if level != 0 and v != main]
        return list(dict.fromkeys(out))
    except Exception:
        return []


_MONEY_WORD = re.compile(
    r"€|\beur\b|\beuro\b|\b(?:miljard|mrd|mld|miljoen|mln|milj|mio|ton|duizend)\b"
)
_SCIENTIFIC = re.compile(
    r"(?<![\w.,])[-+]?\d+(?:[.,]\d+)?e[-+]?\d+(?![\w.,])"
    r"(?:\s?(?:miljard|miljoen|mln|mld|ton|duizend|euro)(?![a-z]))?"
)
_NUMBER_TOKEN = re.compile(r"(?<![\w.,])\d(?:[\d.,]|(?<=\d) (?=\d))*")
_MAX_DIGITS = 15  # more digits than any amount of euro a person writes out
_NEGATIVE = re.compile(
    r"(?:(?<![\w.,)])[-\u2212\u2013](?:€\s?)?|\b(?:min|minus)\s(?:€\s?)?|€\s?[-\u2212\u2013])"
    r"\d[\d.,]*(?:\s?(?:miljard|miljoen|mln|mld|ton|duizend|k|euro|eur|€)(?![a-z]))?"
)


_CAPACITY_CUE = re.compile(r"\b(?:capaciteit|fte|formatie|menskracht)\b")


def bad_amounts(text: str, *, about_money: bool = False) -> list[BadValue]:
    """Amounts the text gives that cannot be a budget: negative ("budget: -300 euro"), in
    scientific notation or overflowing ("2e308 miljoen", a number of 40 digits), or larger
    than any public budget. Only in a clause about money (a euro sign, a scale word, a
    budget word), or anywhere when `about_money` (the question was about the budget); in a
    clause about capacity without money ("de capaciteit is 5e400") it is reported as a
    capacity. Never raises."""
    try:
        d = fold(clean(text))[:20_000]
        found: list[BadValue] = []
        for clause in CLAUSE_BREAK.split(d):
            money = bool(_MONEY_WORD.search(clause) or _BUDGET_CUE.search(clause))
            # "de capaciteit is 5e400": a number in a clause about capacity, not money.
            capacity = not money and _CAPACITY_CUE.search(clause) is not None
            if not (about_money or money or capacity):
                continue
            bad: list[tuple[str, Problem]] = [
                (m.group(), "too_large") for m in _SCIENTIFIC.finditer(clause)
            ]
            bad += [
                (m.group(), "too_large")
                for m in _NUMBER_TOKEN.finditer(clause)
                if sum(ch.isdigit() for ch in m.group()) > _MAX_DIGITS
            ]
            bad += [(m.group(), "negative") for m in _NEGATIVE.finditer(clause)]
            fte = [m.group(1) for m in _BAD_FTE.finditer(clause)]  # refused by `bad_fte`
            bad = [(q, p) for q, p in bad if not any(q.strip() in f for f in fte)]
            bad += [
                (words, "too_large")
                for value, words in _raw_money(digitize(clause))
                if value > MAX_BUDGET_EUR
            ]
            for quote, problem in bad:
                quote = quote.strip()
                if not any(quote in b.quote or b.quote in quote for b in found):
                    if capacity:
                        kind: Problem = "negative_fte" if problem == "negative" else "too_many_fte"
                        found.append(BadValue("capacity_fte", quote, kind))
                    else:
                        found.append(BadValue("budget_eur", quote, problem))
        return found
    except Exception:
        return []


def _raw_money(d: str) -> list[tuple[float, str]]:
    """Every amount of money in the digitized text, however large, with its words."""
    out: list[tuple[float, str]] = []
    for pattern in _MONEY_PATTERNS:
        for m in pattern.finditer(d):
            value = num_value(m.group(1), scaled=m.group(2) is not None)
            if value is not None:
                value *= SCALE_VALUES[m.group(2)] if m.group(2) else 1
                out.append((value, m.group().strip()))
    return out


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
        d = digitize(fold(clean(text)))
        if not re.search(r"\d", d):
            return None
        cands: list[tuple[int, int, float]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b, _ in cands)

        for m in _FTE_RANGE.finditer(d):
            hi = num_value(m.group(2), scaled=True)
            if hi is not None:
                cands.append((m.start(), m.end(), hi))
        for pattern, divisor in (
            (_FTE_SINGLE, 1),
            (_FTE_HOURS, WORKING_HOURS_PER_WEEK),
            (_FTE_DAYS, WORKING_DAYS_PER_WEEK),
        ):
            for m in pattern.finditer(d):
                v = num_value(m.group(1), scaled=True)
                if v is not None and free(m.start(), m.end()):
                    cands.append((m.start(), m.end(), v / divisor))
        cands = sorted(c for c in cands if 0 <= c[2] <= MAX_FTE)
        if not cands:
            return None
        for start, end, value in cands:
            before = d[max(0, start - 25) : start]
            if (_FTE_TOTAL.search(before) and not CLAUSE_BREAK.search(before)) or (
                _FTE_TOTAL_AFTER.match(d, end)
            ):
                return round(value, 2)
        first = cands[0]
        if len(cands) > 1 and _FTE_SUBSET.match(d, first[1]):
            return round(first[2], 2)
        return round(sum(c[2] for c in cands), 2)
    except Exception:
        return None


_BAD_FTE = re.compile(
    r"(?<![\w.,])([-\u2212\u2013]?\d(?:[\d.,]|(?<=\d) (?=\d))*(?:e[-+]?\d+)?)" + _FTE_UNIT
)


def bad_fte(text: str) -> list[BadValue]:
    """Capacities the text gives that cannot be used: negative ("-2 fte"), in scientific
    notation or overflowing ("5e400 fte", 40 digits), or above `MAX_FTE` ("20000 fte").
    Never raises."""
    try:
        d = digitize(fold(clean(text)))[:20_000]
        found: list[BadValue] = []
        for m in _BAD_FTE.finditer(d):
            token = m.group(1).replace(" ", "")
            quote = m.group().strip()
            if token[0] in "-\u2212\u2013":
                found.append(BadValue("capacity_fte", quote, "negative_fte"))
                continue
            digits = sum(ch.isdigit() for ch in token)
            value = None if "e" in token or digits > _MAX_DIGITS else num_value(token)
            if value is None and "e" not in token and digits <= _MAX_DIGITS:
                continue  # not a number this parser reads ("1.2.3 fte")
            if value is None or not math.isfinite(value) or value > MAX_FTE:
                found.append(BadValue("capacity_fte", quote, "too_many_fte"))
        return found
    except Exception:
        return []
