"""Dutch value parsers: money, fte, deadlines, commissioners, parties, themes, kaders, instruments.

Pure stdlib, precompiled at import, never raising: each function returns None or [] when the
text does not say. Choices (documented once, here):

- A period's deadline is its **end**: "eind 2027" 31-12-2027, "Q3 2026" 30-09-2026, "voor de
  zomer van 2026" 30-06-2026, "medio 2027" 30-06-2027, "begin 2028" 31-03-2028, "voorjaar"
  31-05, "najaar" 30-11, "december 2026" 31-12-2026, a bare year in a deadline phrase 31-12.
  Of several dates the latest is the deadline ("start in 2026, klaar eind 2027").
- Capacity given per role is summed ("0,8 fte projectleider en 0,5 fte werkvoorbereider" 1.3);
  hours per week count against a 36-hour government working week.
- A number is money only with a money cue: €, euro, miljoen/mln, ton, k/K, "budget".
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from opdrachtassistent.commission import Level, Theme

# ---------------------------------------------------------------------------- numbers

_UNITS = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
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
_TENS = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
_FRACTIONS = {"anderhalf": 1.5, "anderhalve": 1.5, "half": 0.5, "halve": 0.5, "kwart": 0.25}
_WORD_NUM = re.compile(
    r"\b(?:anderhalve|anderhalf|halve|half|kwart|"
    r"(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|"
    r"dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|"
    r"vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|en|ën)+)"
    r"(?:\s+komma\s+(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen))?)\b",
    re.IGNORECASE,
)


def _below_thousand(word: str) -> float | None:
    if not word:
        return 0
    if "honderd" in word:
        head, _, tail = word.partition("honderd")
        h = 1 if head == "" else _UNITS.get(head)
        rest = _below_thousand(tail)
        if h is None or rest is None:
            return None
        return h * 100 + rest
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    for tens_word, tens in _TENS.items():
        if word.endswith(tens_word):
            unit = word[: -len(tens_word)]
            for sep in ("en", "ën"):
                if unit.endswith(sep):
                    u = _UNITS.get(unit[: -len(sep)])
                    if u is not None and 0 < u < 10:
                        return tens + u
    return None


def words_to_number(text: str) -> float | None:
    """Dutch number words to a number: "tweehonderdvijftigduizend" 250000, "anderhalf" 1.5."""
    word = (text or "").strip().lower().replace(" ", "").replace("-", "")
    if not word:
        return None
    if word in _FRACTIONS:
        return _FRACTIONS[word]
    if "komma" in word:
        whole, _, dec = word.partition("komma")
        w, d = words_to_number(whole), words_to_number(dec)
        if w is None or d is None or d >= 10:
            return None
        return w + d / 10
    if "duizend" in word:
        head, _, tail = word.partition("duizend")
        h = 1 if head == "" else _below_thousand(head)
        rest = _below_thousand(tail)
        if h is None or rest is None:
            return None
        return h * 1000 + rest
    value = _below_thousand(word)
    return None if value is None or (value == 0 and word != "nul") else value


_NUM = r"(?:\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"


def _to_float(raw: str) -> float | None:
    """'1.750.000,50' 1750000.5; '2,5' 2.5; '1,750,000' 1750000; '2.5' 2.5."""
    s = raw.strip().replace("\u00a0", "").replace(" ", "")
    try:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
            return float(s.replace(".", "").replace(",", "."))
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            return float(s.replace(",", ""))
        return float(s.replace(",", "."))
    except ValueError:
        return None


# ---------------------------------------------------------------------------- money

_SCALE = {
    "miljard": 1e9,
    "mld": 1e9,
    "miljoen": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "ton": 1e5,
    "duizend": 1e3,
    "k": 1e3,
    "dzd": 1e3,
    "million": 1e6,
}
_SCALE_RE = r"(?P<scale>miljard|mld|miljoen|mln|mio|million|ton|duizend|dzd|k|m)\b\.?"
_AMOUNT = re.compile(
    rf"(?P<euro1>€|eur\b|euro\b)?\s*(?P<num>{_NUM}|(?P<words>[a-zë]+(?:\s+komma\s+[a-z]+)?))"
    rf"\s*(?:{_SCALE_RE})?\s*(?P<euro2>euro\b|eur\b|€)?(?P<dash>,-|,--)?",
    re.IGNORECASE,
)
_MONEY_CONTEXT = re.compile(
    r"budget|beschikbaar|gereserveerd|krediet|begroot|raming|kosten|bedrag|dekking|"
    r"investering|euro|€|subsidie|financier",
    re.IGNORECASE,
)
_NOT_MONEY_UNIT = re.compile(
    r"^\s*(?:%|procent|fte|uur|jaar|maanden|weken|dagen|km|m2|m3|m²|m³|meter|bomen|"
    r"woningen|huizen|adressen|parkeerplaatsen|mm|kuub|hectare|ha\b|stuks|deelnemers|"
    r"bewoners|km/u|kilometer|aansluitingen|laadpalen|panden)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Money:
    value: float
    start: int
    cued: bool


def _money_candidates(text: str) -> list[_Money]:
    found: list[_Money] = []
    for m in _AMOUNT.finditer(text):
        scale_word = m.group("scale")
        euro = bool(m.group("euro1") or m.group("euro2") or m.group("dash"))
        words = m.group("words")
        if words:
            if not scale_word:
                continue
            base = words_to_number(words)
            if base is None:
                continue
        else:
            base = _to_float(m.group("num"))
            if base is None:
                continue
        if scale_word:
            key = scale_word.lower().rstrip(".")
            if key == "m" and not euro:
                continue  # "20 m" is metres unless written as money
            if key == "k" and not (euro or m.group("num")):
                continue
            base *= _SCALE[key]
        elif not euro:
            continue
        after = text[m.end() : m.end() + 20]
        if not euro and _NOT_MONEY_UNIT.match(after):
            continue
        if base < 100 and not scale_word:
            continue
        window = text[max(0, m.start() - 60) : m.start()]
        found.append(_Money(base, m.start(), bool(_MONEY_CONTEXT.search(window))))
    return found


def parse_amount_eur(text: str) -> float | None:
    """The budget amount in a text, in euros; None when no money is named."""
    candidates = _money_candidates((text or "")[:20_000])
    if not candidates:
        return None
    cued = [c for c in candidates if c.cued]
    pool = cued or candidates
    best = max(pool, key=lambda c: c.value)
    return round(best.value, 2)


# ---------------------------------------------------------------------------- fte

_FTE = re.compile(
    rf"(?P<num>{_NUM}|anderhalve|anderhalf|een halve|halve|een|één|twee|drie|vier|vijf|zes|"
    rf"zeven|acht|negen|tien)\s*(?:fte|formatieplaats(?:en)?|fulltimer?s?|voltijdbanen?)\b",
    re.IGNORECASE,
)
_HOURS = re.compile(rf"(?P<num>{_NUM}|\w+)\s*uur\s*(?:per|in de|p\.?)\s*week", re.IGNORECASE)
WORKING_WEEK_HOURS = 36


def parse_fte(text: str) -> float | None:
    """Capacity in fte; separate amounts per role are summed."""
    text = (text or "")[:20_000]
    total = 0.0
    found = False
    for m in _FTE.finditer(text):
        raw = m.group("num").lower()
        if raw == "een halve":
            value: float | None = 0.5
        elif raw[0].isdigit():
            value = _to_float(raw)
        else:
            value = words_to_number(raw)
        if value is not None:
            total += value
            found = True
    if not found:
        for m in _HOURS.finditer(text):
            raw = m.group("num")
            hours = _to_float(raw) if raw[0].isdigit() else words_to_number(raw)
            if hours:
                total += hours / WORKING_WEEK_HOURS
                found = True
    return round(total, 2) if found else None


# ---------------------------------------------------------------------------- deadlines

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
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
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(20\d\d)"
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\.?\s+{_YEAR}\b", re.I), "day"),
    (re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](20\d\d)\b"), "numeric"),
    (re.compile(r"\b(20\d\d)-(\d{2})-(\d{2})\b"), "iso"),
    (
        re.compile(
            rf"\b(?:eind|einde|eind van|uiterlijk|ultimo)?\s*({_MONTH_RE})\.?\s+{_YEAR}\b", re.I
        ),
        "month",
    ),
    (re.compile(rf"\b(?:q|kwartaal\s*)([1-4])\s*(?:van\s*)?'?{_YEAR}\b", re.I), "quarter"),
    (
        re.compile(
            rf"\b(eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal\s+(?:van\s+)?{_YEAR}", re.I
        ),
        "quarter_word",
    ),
    (
        re.compile(rf"\b(?:voor|vóór)\s+de\s+zomer(?:vakantie)?\s+(?:van\s+)?{_YEAR}", re.I),
        "before_summer",
    ),
    (
        re.compile(rf"\b(voorjaar|lente|zomer|najaar|herfst|winter)\s+(?:van\s+)?{_YEAR}", re.I),
        "season",
    ),
    (
        re.compile(
            rf"\b(eind|einde|eind van|ultimo|medio|midden|half|begin|start)\s+{_YEAR}", re.I
        ),
        "part",
    ),
    (
        re.compile(
            rf"\b(?:in|voor|vóór|uiterlijk|per|klaar|gereed|opgeleverd|afgerond)\s+"
            rf"(?:in\s+)?{_YEAR}\b",
            re.I,
        ),
        "year",
    ),
    (re.compile(rf"\b{_YEAR}\s+(?:klaar|gereed|opgeleverd|afgerond)", re.I), "year_after"),
]
_RELATIVE = re.compile(
    r"\bbinnen\s+(?P<n>\d+|een|één|twee|drie|vier|vijf|zes|anderhalf)\s+"
    r"(?P<unit>jaar|jaren|maand|maanden|week|weken)\b",
    re.IGNORECASE,
)
_SEASON_END = {
    "voorjaar": (5, 31),
    "lente": (5, 31),
    "zomer": (8, 31),
    "najaar": (11, 30),
    "herfst": (11, 30),
    "winter": (12, 31),
}
_QUARTER_WORDS = {
    "eerste": 1,
    "1e": 1,
    "tweede": 2,
    "2e": 2,
    "derde": 3,
    "3e": 3,
    "vierde": 4,
    "4e": 4,
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _dates(text: str, today: date | None) -> list[date]:
    found: list[date] = []
    covered: list[tuple[int, int]] = []  # earlier (more specific) patterns win their span
    for pattern, kind in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in covered):
                continue
            try:
                found.append(_date_from(kind, m))
            except (ValueError, KeyError):
                continue
            covered.append(m.span())
    for m in _RELATIVE.finditer(text):
        base = today or date.today()
        raw = m.group("n").lower()
        n = float(raw) if raw.isdigit() else (words_to_number(raw) or 1)
        unit = m.group("unit").lower()
        days = (
            365 * n if unit.startswith("jaar") else 30.4 * n if unit.startswith("maand") else 7 * n
        )
        found.append(base + timedelta(days=round(days)))
    return found


def _date_from(kind: str, m: re.Match[str]) -> date:
    match kind:
        case "day":
            return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        case "numeric":
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        case "iso":
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        case "month":
            return _month_end(int(m.group(2)), _MONTHS[m.group(1).lower()])
        case "quarter":
            return _month_end(int(m.group(2)), int(m.group(1)) * 3)
        case "quarter_word":
            return _month_end(int(m.group(2)), _QUARTER_WORDS[m.group(1).lower()] * 3)
        case "before_summer":
            return date(int(m.group(1)), 6, 30)
        case "season":
            month, day = _SEASON_END[m.group(1).lower()]
            return date(int(m.group(2)), month, day)
        case "part":
            year, part = int(m.group(2)), m.group(1).lower()
            if part in ("medio", "midden", "half"):
                return date(year, 6, 30)
            if part in ("begin", "start"):
                return date(year, 3, 31)
            return date(year, 12, 31)
        case _:
            return date(int(m.group(1)), 12, 31)


def parse_deadline(text: str, *, today: date | None = None) -> date | None:
    """The deadline named in a text: the end of the latest period mentioned."""
    dates = _dates((text or "")[:20_000], today)
    return max(dates) if dates else None


# ---------------------------------------------------------------------------- commissioner

_NAME = (
    r"(?:(?:van\s+der|van\s+den|van\s+de|van\s+'t|van|de|der|den|ter|ten|te|in\s+'t)\s+)?"
    r"[A-Z][a-zA-Z\u00c0-\u017f'-]+(?:-[A-Z][a-zA-Z\u00c0-\u017f'-]+)?"
)
_BESTUURLIJK_ROLES = r"wethouder|burgemeester|gedeputeerde|dijkgraaf|portefeuillehouder"
_AMBTELIJK_ROLES = (
    r"directeur|afdelingshoofd|afdelingsmanager|clustermanager|programmamanager|"
    r"programmadirecteur|teamleider|teammanager|projectleider|projectmanager|"
    r"gemeentesecretaris|concerndirecteur|manager|hoofd"
)
_BODIES = (
    r"(?:het\s+)?college\s+van\s+(?:b\s*&\s*w|b\s*en\s*w|burgemeester\s+en\s+wethouders)|"
    r"(?:het\s+)?college|(?:de\s+)?gemeenteraad|(?:de\s+)?raad\b|"
    r"(?:de\s+)?(?:bestuurlijke\s+|ambtelijke\s+)?stuurgroep(?:\s+[A-Z][\w-]+)?|"
    r"(?:het\s+)?(?:mt|managementteam|directieteam|dagelijks\s+bestuur)(?:\s+[A-Z][\w-]+)?"
)
_PERSON_ROLE = re.compile(
    rf"\b((?:de\s+)?(?:{_BESTUURLIJK_ROLES}|{_AMBTELIJK_ROLES})"
    rf"(?:\s+(?:van\s+)?(?:{_NAME}))?(?:\s+{_NAME})?)",
)
_BODY = re.compile(rf"\b({_BODIES})", re.IGNORECASE)
_COMMISSIONER_CUE = re.compile(
    r"opdrachtgever|in opdracht van|namens|opdracht (?:komt )?van|geeft (?:de )?opdracht|"
    r"verantwoordelijk",
    re.IGNORECASE,
)
_ROLE_WORD_CASE = re.compile(rf"\b(?:{_BESTUURLIJK_ROLES}|{_AMBTELIJK_ROLES})\b", re.IGNORECASE)


def _clean_name(raw: str) -> str:
    name = re.sub(r"\s+", " ", raw).strip(" ,.;:")
    name = re.sub(
        r"^(?:de|het)\s+(?=(?:wethouder|burgemeester|directeur|teamleider|"
        r"afdelingshoofd|projectleider|programmamanager|manager|gedeputeerde))",
        "",
        name,
        flags=re.IGNORECASE,
    )
    # Trailing words that are not part of a name.
    name = re.sub(r"\s+(?:Is|Wordt|En|Heeft|Als|Die|Geeft|Zal)$", "", name)
    return name


def _commissioner_candidates(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    lowered_text = text
    for m in _ROLE_WORD_CASE.finditer(lowered_text):
        # Re-match case-sensitively from the role word, to keep proper names.
        tail = text[m.start() : m.start() + 80]
        role = m.group(0)
        rest = tail[len(role) :].split("\n", 1)[0]
        name_match = re.match(rf"(?:\s+({_NAME}(?:\s+{_NAME})?))?", rest)
        name = role
        if name_match and name_match.group(1):
            candidate = name_match.group(1)
            words = candidate.split()
            # Stop at lower-case function words that slipped in.
            keep: list[str] = []
            for w in words:
                if w[0].isupper() or w.lower() in (
                    "van",
                    "der",
                    "den",
                    "de",
                    "ter",
                    "ten",
                    "te",
                    "'t",
                    "in",
                ):
                    keep.append(w)
                else:
                    break
            while keep and not keep[-1][0].isupper():
                keep.pop()
            if keep:
                name = f"{role} {' '.join(keep)}"
        found.append((m.start(), _clean_name(name.lower()[: len(role)] + name[len(role) :])))
    for m in _BODY.finditer(text):
        found.append((m.start(), _clean_name(m.group(1))))
    found.sort()
    return found


def find_commissioner(text: str) -> str | None:
    """The opdrachtgever as named ("wethouder De Vries", "het college van B&W")."""
    text = (text or "")[:20_000]
    candidates = _commissioner_candidates(text)
    if not candidates:
        return None
    for cue in _COMMISSIONER_CUE.finditer(text):
        near = [c for c in candidates if abs(c[0] - cue.start()) <= 60]
        if near:
            best = min(near, key=lambda c: abs(c[0] - cue.start()))
            return _normalise_body(best[1])
    # Without a cue, only a short answer or a name up front is taken as the commissioner:
    # "de projectleider beslist zelf" names a role, not the opdrachtgever.
    start, name = candidates[0]
    if len(text.split()) <= 12 or start <= 4:
        return _normalise_body(name)
    return None


def _normalise_body(name: str) -> str:
    if re.fullmatch(r"(?:het\s+)?college", name, re.IGNORECASE):
        return "het college van B&W"
    if re.match(r"(?:het\s+)?college\s+van", name, re.IGNORECASE):
        return "het college van B&W"
    return name


def level_of(commissioner: str) -> Level | None:
    """Bestuurlijk for elected officials and their bodies, ambtelijk for the civil service."""
    c = (commissioner or "").lower()
    if re.search(r"ambtelijke\s+stuurgroep", c):
        return "ambtelijk"
    if re.search(
        rf"\b(?:{_BESTUURLIJK_ROLES}|college|raad|gemeenteraad|b&w|b\s*en\s*w|"
        r"bestuurlijke\s+stuurgroep|dagelijks\s+bestuur)\b",
        c,
    ):
        return "bestuurlijk"
    if re.search(rf"\b(?:{_AMBTELIJK_ROLES}|mt|managementteam|directieteam|afdeling)\b", c):
        return "ambtelijk"
    return None


_LEVEL_WORD = re.compile(r"\b(bestuurlijk|ambtelijk)e?\b", re.IGNORECASE)


def find_level(text: str) -> Level | None:
    """An explicit level: "bestuurlijk opdrachtgever", "op ambtelijk niveau"."""
    m = _LEVEL_WORD.search(text or "")
    if not m:
        return None
    return "bestuurlijk" if m.group(1).lower() == "bestuurlijk" else "ambtelijk"


# ---------------------------------------------------------------------------- parties


@dataclass(frozen=True)
class Party:
    """An organisation or group named in a text, as written, with its kind."""

    name: str
    kind: str
    role: str | None = None


_Q = r"(?:\s+(?:van\s+)?(?:[A-Z][\w'-]+|de\s+[A-Z][\w'-]+|en\s+[A-Z][\w'-]+)){0,3}"
_PARTY_PATTERNS: list[tuple[str, str]] = [
    ("waterschap", rf"(?:waterschap|hoogheemraadschap|wetterskip|waterschappen){_Q}"),
    (
        "netbeheerder",
        r"(?:Enexis|Liander|Stedin|Alliander|Westland Infra|Coteq|Rendo|TenneT|"
        r"netbeheerders?)",
    ),
    (
        "drinkwaterbedrijf",
        r"(?:Vitens|Evides|Brabant Water|Dunea|Waternet|PWN|WML|Oasen|"
        r"Waterbedrijf Groningen|drinkwaterbedrijf|waterbedrijf)",
    ),
    (
        "telecom",
        r"(?:KPN|Ziggo|VodafoneZiggo|Delta Fiber|Eurofiber|glasvezelaanbieder|"
        r"telecomaanbieders?|telecombedrijven)",
    ),
    ("warmtebedrijf", r"(?:Eneco|Vattenfall|Ennatuurlijk|warmtebedrijf|warmteleverancier)"),
    ("woningcorporatie", rf"(?:woningcorporaties?|woningbouwvereniging|corporatie){_Q}"),
    ("provincie", r"provincie(?:\s+(?:Noord-|Zuid-)?[A-Z][\w-]+)?"),
    ("rijk", r"(?:ProRail|Rijkswaterstaat|RWS|het Rijk|ministerie(?:\s+van\s+[A-Z][\w&]+)?)"),
    ("gasunie", r"Gasunie"),
    (
        "bewoners",
        r"(?:bewoners(?:\s+van\s+(?:de\s+)?[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)?|"
        r"omwonenden|buurtbewoners|bewonerscommissie|wijkraad|dorpsraad|"
        r"bewonersvereniging|huurders(?:vereniging)?|inwoners)",
    ),
    (
        "ondernemers",
        r"(?:ondernemers(?:vereniging)?(?:\s+van\s+(?:de\s+)?[A-Z][\w'-]+)?|"
        r"winkeliers(?:vereniging)?|middenstand|BIZ|horeca)",
    ),
    (
        "scholen",
        r"(?:(?:basis)?school(?:\s+(?:De\s+)?[A-Z][\w'-]+)?|scholen|"
        r"schoolbestuur|kinderopvang)",
    ),
    (
        "hulpdiensten",
        r"(?:hulpdiensten|brandweer|ambulancedienst|ambulance|politie|"
        r"veiligheidsregio)",
    ),
    (
        "vervoerder",
        r"(?:Arriva|Qbuzz|Connexxion|Keolis|EBS|RET|GVB|HTM|Hermes|Breng|"
        r"vervoerders?|busmaatschappij|OV-bedrijf|concessieverlener)",
    ),
    (
        "belangenorganisatie",
        r"(?:Fietsersbond|IVN|natuurvereniging|Natuur en Milieu|"
        r"Staatsbosbeheer|Natuurmonumenten|Bomenstichting|"
        r"VVN|Veilig Verkeer Nederland|Vogelbescherming|"
        r"erfgoedvereniging|historische vereniging|cliëntenraad|"
        r"gehandicaptenplatform|belangenvereniging)",
    ),
    ("raad", r"(?:de\s+)?gemeenteraad"),
    ("gemeente", r"(?:afdeling|team|cluster)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"),
]
# Keywords match in any case; a qualifier ("De Dommel", "Kerkstraat") must be capitalised,
# so "school maken zich zorgen" yields "school", not "school maken".
_PARTY_RES = [
    (kind, re.compile(rf"\b({pat.replace('[A-Z]', '(?-i:[A-Z])')})\b", re.I))
    for kind, pat in _PARTY_PATTERNS
]
PARTY_KINDS: tuple[str, ...] = tuple(dict.fromkeys(kind for kind, _ in _PARTY_PATTERNS))
_TRAIL = re.compile(r"\s+(?:en|of|De|Het|Een|Die|Dat|Is|Zijn|Wordt|Met|In|Op|Voor)$")


def find_parties(text: str) -> list[Party]:
    """Organisations and groups, names kept as written ("waterschap De Dommel")."""
    text = (text or "")[:20_000]
    spans: list[tuple[int, int, str, str]] = []
    for kind, pattern in _PARTY_RES:
        for m in pattern.finditer(text):
            name = m.group(1).strip()
            while True:
                trimmed = _TRAIL.sub("", name)
                if trimmed == name:
                    break
                name = trimmed
            spans.append((m.start(), m.start() + len(name), kind, name))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    parties: list[Party] = []
    last_end = -1
    seen: set[str] = set()
    for start, end, kind, name in spans:
        if start < last_end:
            continue
        key = name.casefold()
        if key in seen or any(key in s or s in key for s in seen if kind != "gemeente"):
            last_end = max(last_end, end)
            continue
        seen.add(key)
        parties.append(
            Party(name=name[0].lower() + name[1:] if _lower_ok(name) else name, kind=kind)
        )
        last_end = end
    return parties


def _lower_ok(name: str) -> bool:
    """Generic words are written lower-case ("Bewoners" at a sentence start -> "bewoners")."""
    first = name.split()[0]
    return first.lower() in {
        "waterschap",
        "hoogheemraadschap",
        "woningcorporatie",
        "corporatie",
        "bewoners",
        "omwonenden",
        "ondernemers",
        "winkeliers",
        "scholen",
        "school",
        "basisschool",
        "hulpdiensten",
        "brandweer",
        "politie",
        "ambulancedienst",
        "provincie",
        "netbeheerder",
        "netbeheerders",
        "vervoerder",
        "buurtbewoners",
        "inwoners",
        "gemeenteraad",
        "drinkwaterbedrijf",
        "woningcorporaties",
        "vervoerders",
        "busmaatschappij",
    }


# ---------------------------------------------------------------------------- themes

_THEME_PATTERNS: list[tuple[Theme, str]] = [
    (
        "riolering",
        r"riool\w*|riolering\w*|rioolvervang\w*|afkoppel\w*|gemengd stelsel|"
        r"gescheiden stelsel|vgrp|grp\b|hemelwaterafvoer|dwa\b|hwa\b",
    ),
    (
        "verharding",
        r"bestrating|verharding|asfalt\w*|herinricht\w*|wegreconstructie|"
        r"reconstructie|klinkers|trottoir\w*|stoep\w*|onderhoud aan de weg|"
        r"wegonderhoud|groot onderhoud",
    ),
    (
        "groen",
        r"bomen|boom\b|groen(?:e|voorziening\w*|strook|stroken|structuur)?\b|"
        r"plantsoen\w*|vergroen\w*|beplanting|biodiversiteit|geveltuin\w*|bomenrij\w*",
    ),
    (
        "klimaatadaptatie",
        r"klimaatadapt\w*|klimaatbestendig\w*|hittestress|wateroverlast|"
        r"regenwater|hemelwater|wadi\w*|waterberging|wateropvang|"
        r"extreme (?:buien|neerslag)|droogte|afkoppel\w*|infiltr\w*|"
        r"sponswerking|stresstest",
    ),
    (
        "energietransitie",
        r"aardgasvrij\w*|van het (?:aard)?gas af|warmtenet\w*|"
        r"warmtetransitie|energietransitie|laadpa(?:al|len)|laadinfra\w*|"
        r"zonnepane\w*|warmtepomp\w*|netverzwaring|transitievisie|"
        r"warmteprogramma|wijkuitvoeringsplan|isoler\w*",
    ),
    (
        "mobiliteit",
        r"fiets\w*|\bov\b|openbaar vervoer|bushalte\w*|parkeer\w*|parkeren|"
        r"verkeer\w*|30 ?km|mobiliteit\w*|autoluw\w*|deelmobiliteit|bus\b|busbaan|"
        r"doorfietsroute|snelheid",
    ),
    (
        "kabels_en_leidingen",
        r"kabels|leidingen|kabels en leidingen|glasvezel|"
        r"netverzwaring|ondergrond\w*|nutsbedrijven|nutsvoorzieningen|"
        r"klic\w*|elektriciteitsnet|gasleiding\w*|waterleiding\w*",
    ),
    (
        "openbare_verlichting",
        r"lantaarnpa(?:al|len)|openbare verlichting|straatverlichting|"
        r"led-verlichting|verlichting",
    ),
    (
        "leefbaarheid",
        r"leefbaar\w*|ontmoet\w*|speel\w*|spelen|sociale veiligheid|"
        r"verblijfskwaliteit|aantrekkelijk\w*|sociale cohesie|gezond\w*",
    ),
    (
        "water",
        r"grondwater\w*|oppervlaktewater|singel\w*|sloot|sloten|watergang\w*|"
        r"waterkwaliteit|vijver\w*|kade\w*|gracht\w*|waterpeil",
    ),
    (
        "verkeersveiligheid",
        r"verkeersveilig\w*|schoolzone\w*|schoolomgeving|oversteek\w*|"
        r"zebrapad\w*|veilige schoolroute|snelheidsremmend\w*|drempel\w*",
    ),
    (
        "circulariteit",
        r"circulai\w*|hergebruik\w*|circulariteit|duurzaam materiaal\w*|"
        r"secundaire? (?:grond)?stoffen",
    ),
]
_THEME_RES = [(t, re.compile(rf"\b(?:{p})", re.IGNORECASE)) for t, p in _THEME_PATTERNS]


def find_themes(text: str) -> list[Theme]:
    """Themes of public space a text touches, in order of first appearance."""
    text = (text or "")[:20_000]
    hits: list[tuple[int, Theme]] = []
    for theme, pattern in _THEME_RES:
        m = pattern.search(text)
        if m:
            hits.append((m.start(), theme))
    return [t for _, t in sorted(hits)]


# ---------------------------------------------------------------------------- kaders

FRAMEWORKS: dict[str, tuple[str, ...]] = {
    "Omgevingswet": (r"omgevingswet",),
    "Omgevingsvisie": (r"omgevingsvisie",),
    "Omgevingsplan": (r"omgevingsplan",),
    "Gemeentelijk Rioleringsplan (GRP)": (
        r"\bv?grp\b",
        r"(?:gemeentelijk\s+)?rioleringsplan",
        r"programma riolering",
    ),
    "Wet gemeentelijke watertaken": (
        r"wet gemeentelijke watertaken",
        r"zorgplicht\w* "
        r"(?:voor )?(?:hemel|grond)water",
    ),
    "Waterbeheerprogramma": (r"waterbeheer(?:s)?(?:programma|plan)",),
    "Klimaatadaptatiestrategie": (
        r"klimaatadaptatie(?:strategie|plan|agenda)",
        r"uitvoeringsagenda klimaat",
    ),
    "Deltaplan Ruimtelijke Adaptatie": (r"deltaplan ruimtelijke adaptatie", r"\bdpra\b"),
    "Mobiliteitsplan": (
        r"mobiliteits(?:plan|visie|programma|agenda)",
        r"\bgvvp\b",
        r"verkeers(?:-| en )?vervoersplan",
    ),
    "Duurzaam Veilig": (r"duurzaam veilig",),
    "Wegenverkeerswet": (r"wegenverkeerswet", r"\brvv\b"),
    "CROW-richtlijnen": (r"crow(?:-richtlijn\w*| richtlijn\w*|-publicatie)?\b", r"asvv"),
    "Bomenbeleidsplan": (r"bomen(?:beleid|plan|visie|verordening)\w*",),
    "Groenbeleidsplan": (r"groen(?:beleid|plan|structuurplan|visie)\w*",),
    "Transitievisie warmte": (r"transitievisie warmte", r"\btvw\b"),
    "Warmteprogramma": (r"warmteprogramma", r"wijkuitvoeringsplan"),
    "WIBON": (r"\bwibon\b", r"\bwion\b", r"grondroerdersregeling"),
    "Handboek openbare ruimte": (
        r"handboek (?:openbare ruimte|inrichting)\w*",
        r"leidraad (?:openbare ruimte|inrichting)\w*",
        r"\bpuccini\b",
    ),
    "Beheerplan": (r"beheer(?:plan|programma)\w*",),
    "Coalitieakkoord": (r"coalitie(?:akkoord|programma)", r"collegeprogramma", r"bestuursakkoord"),
    "Aanbestedingswet": (r"aanbestedingswet", r"aanbestedingsbeleid", r"inkoopbeleid"),
    "Wet natuurbescherming / soortenbescherming": (
        r"wet natuurbescherming",
        r"flora- en fauna",
        r"soortenbescherming",
        r"ecologische toets",
    ),
    "Besluit bodemkwaliteit": (r"besluit bodemkwaliteit", r"bodemkwaliteitskaart", r"bodembeleid"),
    "Erfgoed en monumenten": (r"beschermd (?:stads|dorps)gezicht", r"monument\w*", r"erfgoed\w*"),
    "Verordening": (r"\b\w*verordening\b",),
    "Gemeentebegroting": (r"\bbegroting\b", r"\bmeerjarenbegroting\b"),
    "Kabels en leidingenbeleid / AVOI": (
        r"leidingenverordening",
        r"\bavoi\b",
        r"kabels en leidingen(?:beleid|verordening)",
    ),
    "Programma (Omgevingswet)": (r"omgevingsprogramma", r"programma onder de omgevingswet"),
    "Welstandsnota / beeldkwaliteitsplan": (r"welstand\w*", r"beeldkwaliteit\w*"),
    "Wet milieubeheer / geluid": (r"wet milieubeheer", r"wet geluidhinder", r"geluidsnorm\w*"),
}
INSTRUMENTS: dict[str, tuple[str, ...]] = {
    "Integrale meerjarenprogrammering (MJP)": (
        r"meerjaren(?:programma|planning|"
        r"programmering)\w*",
        r"\bmjp\b",
        r"integrale programmering",
    ),
    "Participatietraject": (
        r"participatie\w*",
        r"inspraak\w*",
        r"meedenk\w*",
        r"co-creatie",
        r"klankbordgroep\w*",
    ),
    "Bewonersavond": (
        r"bewonersavond\w*",
        r"informatieavond\w*",
        r"inloopavond\w*",
        r"buurtavond\w*",
    ),
    "Verkeersbesluit": (r"verkeersbesluit\w*",),
    "KLIC-melding": (r"klic\w*", r"graafmelding\w*", r"oriëntatieverzoek"),
    "Graafcoördinatie / AVOI-afspraken": (
        r"graafco(?:ö|o)rdinatie",
        r"\bavoi\b",
        r"leidingcoördinatie",
        r"afstemming met (?:de )?"
        r"netbeheerder\w*",
        r"combineren van werk\w*",
        r"werk met werk",
    ),
    "Subsidie": (r"subsidie\w*", r"impulsregeling\w*", r"\bsppd\b", r"rijksbijdrage"),
    "Stresstest en risicodialoog": (r"stresstest\w*", r"risicodialo\w*"),
    "Bouwteam": (r"bouwteam\w*", r"\becl\b", r"vroege aannemersbetrokkenheid"),
    "Raamcontract": (r"raamcontract\w*", r"raamovereenkomst\w*", r"prestatiecontract\w*"),
    "Aanbesteding": (r"aanbested\w*", r"\bemvi\b", r"\bbpkv\b", r"gunning\w*"),
    "Omgevingsvergunning": (r"omgevingsvergunning\w*", r"kapvergunning\w*"),
    "Wijziging omgevingsplan": (
        r"wijziging (?:van )?het omgevingsplan",
        r"bestemmingsplan\w*",
        r"buitenplanse",
    ),
    "Anterieure overeenkomst": (r"anterieure overeenkomst\w*",),
    "Samenwerkingsovereenkomst": (
        r"samenwerkingsovereenkomst\w*",
        r"samenwerkingsafspraken",
        r"intentieovereenkomst\w*",
    ),
    "Convenant": (r"convenant\w*",),
    "Ontwerpproces (SO/VO/DO)": (
        r"schetsontwerp\w*",
        r"voorlopig ontwerp",
        r"definitief "
        r"ontwerp",
        r"\b(?:so|vo|do)\b(?=[,/ ])",
    ),
    "Onderzoek (bodem, bomen, ecologie)": (
        r"bodemonderzoek\w*",
        r"bomeneffectanalyse",
        r"\bbea\b",
        r"quickscan\w*",
        r"ecologisch "
        r"onderzoek",
        r"haalbaarheidsonderzoek\w*",
        r"nulmeting\w*",
        r"inspectie\w*",
        r"camera-?"
        r"inspectie\w*",
    ),
    "Gebiedsgericht werken": (r"gebiedsgericht\w*", r"wijkgericht\w*", r"wijkaanpak"),
    "Raadsvoorstel / startnotitie": (
        r"raadsvoorstel\w*",
        r"startnotitie\w*",
        r"collegevoorstel\w*",
        r"projectopdracht\w*",
    ),
    "Krediet / reserve": (r"\bkrediet\w*", r"\breserve\w*", r"voorbereidingskrediet"),
    "Kostenverdeling": (r"kostenverde\w*", r"cofinanc\w*", r"meekoppelkans\w*"),
    "Communicatieplan": (
        r"communicatie(?:plan|strategie|traject)\w*",
        r"nieuwsbrie\w*",
        r"bouwapp",
    ),
    "Omgevingsmanagement": (r"omgevingsmanage\w*", r"stakeholdermanage\w*", r"krachtenveld\w*"),
    "Tijdelijke verkeersmaatregelen": (
        r"tijdelijke verkeersmaatregel\w*",
        r"omleiding\w*",
        r"faseringsplan\w*",
    ),
    "Monitoring en evaluatie": (r"monitor\w*", r"evaluatie\w*", r"kpi'?s?\b", r"dashboard\w*"),
}


def _compile_vocab(vocab: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (name, re.compile(r"\b(?:" + "|".join(p) + ")", re.IGNORECASE)) for name, p in vocab.items()
    ]


_FRAMEWORK_RES = _compile_vocab(FRAMEWORKS)
_INSTRUMENT_RES = _compile_vocab(INSTRUMENTS)


def _find_vocab(text: str, compiled: list[tuple[str, re.Pattern[str]]]) -> list[str]:
    text = (text or "")[:20_000]
    hits = [(m.start(), name) for name, pat in compiled if (m := pat.search(text))]
    return [name for _, name in sorted(hits)]


def find_frameworks(text: str) -> list[str]:
    """Kaders named in a text, by canonical name, in order of appearance."""
    return _find_vocab(text, _FRAMEWORK_RES)


def find_instruments(text: str) -> list[str]:
    """Instruments named in a text, by canonical name, in order of appearance."""
    return _find_vocab(text, _INSTRUMENT_RES)


def strip_accents(text: str) -> str:
    """'één' -> 'een', for lenient matching of user text."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
