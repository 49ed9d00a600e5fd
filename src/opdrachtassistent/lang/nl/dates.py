"""Dutch deadlines and start dates: "eind 2027", "Q3 2026", "voor de zomer", "binnen twee
jaar"; "de aannemer begint half maart" is a start, not a deadline.

General date parsers get Dutch periods wrong; a deadline here is the last day of the period
the text names (table below). Returns None when the text names none, and never raises.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Literal

from opdrachtassistent.lang.nl.cues import dates as cues
from opdrachtassistent.lang.nl.numbers import BadValue, digitize, num_value
from opdrachtassistent.lang.nl.tables.periods import (
    MID_MONTH,
    MOD_END,
    MOD_START,
    MONTH_MOD_START,
    MONTHS,
    ORDINALS,
    SEASONS,
    SUMMER,
    YEAR_LEAD,
)
from opdrachtassistent.lang.nl.text import clean, fold

_FULL_MONTHS = frozenset(k for k in MONTHS if len(k) > 4 or k in ("mei", "juni", "juli"))
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_Y = r"(?P<y>(?:19|20)\d{2}|'\d{2})(?![\d.,]\d)(?!\d)"
_YOPT = r"(?:\s+(?:van\s+)?(?:het\s+jaar\s+)?" + _Y + ")?"
_ORD_ALT = "|".join(sorted(ORDINALS, key=len, reverse=True))

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
_SEASON_ALT = "|".join(sorted(SEASONS, key=len, reverse=True))
_MOD_ALT = "|".join(sorted((re.escape(k) for k in MOD_END), key=len, reverse=True))

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
_BEFORE = re.compile(r"\b(?:voor|voordat|ruim voor)\s+(?:de\s+|het\s+)?$")
_MONTH_PRE = re.compile(
    r"\b(?:voor|in|per|tot|uiterlijk|t/m|eind|begin|medio|van|vanaf|tot en met)\s+$"
)
# A date right after: "april tot en met augustus 2027", "september en oktober 2027".
_RANGE_NEXT = re.compile(
    cues.RANGE_WORD
    + r"(?:(?:begin|eind|einde|medio|half)\s+)?(?:(?:19|20)\d{2}(?!\d)|q[1-4]\b"
    + r"|\d{1,2}(?:e|ste|de)?\s+(?:"
    + _MON
    + r")|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:"
    + _MON
    + "|"
    + _SEASON_ALT
    + r")(?![a-z]))"
)
_MONTH_THEN_YEAR = re.compile(
    r"(?:"
    + cues.RANGE_WORD
    + r"|\s+en\s+)(?:(?:begin|eind|einde|medio|half)\s+)?(?P<mon>"
    + _MON
    + r")\.?\s+"
    + _Y
)
_PREV_WORD = re.compile(r"([a-z/]+)\s+$")
# Words that may stand right before a bare year in a deadline phrase ("klaar in 2027").
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


Role = Literal["completion", "start", "other", "none"]
_ROLE_CUES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (cues.COMPLETION, "completion"),
    (cues.START, "start"),
    (cues.PUBLICATION, "other"),
    (cues.MEETING, "other"),
    (cues.PAST, "other"),
)


def _nearest(before: str, after: str) -> Role | None:
    """The role of the cue nearest to the date, before or after it, or None."""
    best: tuple[int, Role] | None = None  # (distance, role)
    for cue, role in _ROLE_CUES:
        for m in cue.finditer(before):
            dist = len(before) - m.end()
            if best is None or dist < best[0]:
                best = (dist, role)
        m2 = cue.search(after)
        if m2 is not None and (best is None or m2.start() < best[0]):
            best = (m2.start(), role)
    return None if best is None else best[1]


def _clause(d: str, start: int, end: int) -> tuple[str, str]:
    """The words of the date's own clause before and after it (a few words each way).

    "begint na de bouwvak, in september": a bare preposition after a comma continues the
    clause before it. "april 2027: start werkzaamheden": a date that opens an item is
    described by what follows its colon."""
    parts = cues.CLAUSE_SPLIT.split(d[max(0, start - 90) : start])
    before = parts[-1][-60:]
    if len(parts) > 1 and cues.APPOSITION.match(before) and d[start - len(before) - 1] == ",":
        before = (parts[-2] + " " + before)[-70:]
    rest = d[end : end + 45]
    after = cues.CLAUSE_SPLIT.split(rest)[0]
    if not after.strip() and rest.lstrip(" ").startswith(":"):
        after = rest.lstrip(" ")[1:].split("\n")[0][:40]
    return before, after[:35]


def _label(d: str, start: int) -> str:
    """The label of a "Gereed: 1 november 2027" item: the words since the sentence began."""
    sentence = re.split(r"[.!?;\n]\s", d[max(0, start - 60) : start])[-1]
    label, colon, value = sentence.rpartition(":")
    return label if colon and len(value) <= 50 else ""


def _role(d: str, start: int, end: int) -> Role:
    """What the date at d[start:end] is in its clause: a completion date, a start, something
    else (a publication, a meeting, a one-day activity), or not said ("none").

    A cue before the date in its own clause decides (the nearest), else one after it; a
    date before a range word ("van april tot en met augustus") starts a period; an item
    label ("Gereed:", "Datum:") counts when the clause has no cue; "op (dinsdag) 9 mei"
    without a completion word is a one-day activity."""
    window = d[max(0, start - 45) : start]
    before, after = _clause(d, start, end)
    if cues.RECURRING_LEAD.search(before):
        return "other"
    role = _nearest(before, "")
    if role is None and _RANGE_NEXT.match(d, end):
        return "start"
    role = role or _nearest("", after)
    if role is None:
        role = _nearest(_label(d, start), "")
    if role is None and cues.ONE_DAY_LEAD.search(window):
        return "other"
    return role or "none"


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
    (sm, sd), (em, ed), plus = SEASONS[name]
    if pre.startswith("voor"):
        if name in SUMMER:
            day = date(year, 6, 30)  # "voor de zomer": before the summer holidays
        elif name in ("kerst", "jaarwisseling"):
            day = date(year, sm, sd)
        else:
            day = date(year, sm, sd) - timedelta(days=1)
        return _Period(day, day, "date")
    if pre.startswith("na"):
        # As a deadline the month after; as a start the first day after the season.
        day = _last_day(year, 9) if name in SUMMER else _last_day(year + plus, em)
        end = _last_day(year + plus, em) if ed >= 28 else date(year + plus, em, ed)
        return _Period(end + timedelta(days=1), day, "date")
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
    elif mod in MID_MONTH:
        last = date(year, mon, 15)
    first = date(year, mon, MONTH_MOD_START.get(mod or "", 1))
    return _Period(first, last, "mod" if mod else "month")


def _day(year: int, mon: int, dd: int) -> _Period | None:
    day = _safe_date(year, mon, dd)
    return _Period(day, day, "date") if day else None


@dataclass(frozen=True)
class _Found:
    """One date phrase: its role, whether it names its year, and its first and last day."""

    role: Role
    explicit: bool
    first: date
    last: date
    start: int  # position in the text
    execution: bool  # its clause is about carrying out the work ("start uitvoering")
    strong: bool  # its clause names the completion itself ("uiterlijk", "oplevering")


class _Collector:
    """Date phrases, each span used once (earlier, more specific patterns win)."""

    def __init__(self, d: str) -> None:
        self.d = d
        self.spans: list[tuple[int, int]] = []
        self.out: list[_Found] = []

    def add(
        self,
        m: re.Match[str],
        period: _Period | None,
        *,
        needs_cue: bool = False,
        explicit: bool = True,
        first: date | None = None,
    ) -> None:
        s, e = m.start(), m.end()
        if not all(e <= a or s >= b for a, b in self.spans):
            return
        self.spans.append((s, e))
        if period is None:
            return  # "30 februari 2027": no date, and "februari 2027" is not one either
        role = _role(self.d, s, e)
        if needs_cue and role == "none":
            return
        end = period.end
        if period.kind in ("year", "quarter", "half", "month", "season") and _BEFORE.search(
            self.d[max(0, s - 16) : s]
        ):
            end = period.start - timedelta(days=1)
        before, after = _clause(self.d, s, e)
        execution = bool(cues.EXECUTION.search(before) or cues.EXECUTION.search(after))
        strong = bool(
            cues.COMPLETION_STRONG.search(before)
            or cues.COMPLETION_STRONG.search(after)
            or cues.COMPLETION_STRONG.search(_label(self.d, s))
        )
        first = first or period.start
        self.out.append(_Found(role, explicit, first, end, s, execution, strong))


def _candidates(d: str, today: date) -> list[_Found]:
    """Every date phrase in the digitized text, with its role."""
    c = _Collector(d)
    for m in _P_ISO.finditer(d):
        c.add(m, _day(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _P_NUMDATE.finditer(d):
        y = _year(m["y"])
        c.add(m, _day(y, int(m["m"]), int(m["d"])) if y else None)
    for m in _P_DMY.finditer(d):
        mon, dd = MONTHS[m["mon"]], int(m["d"])
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
            q, ytok = ORDINALS[m["qw"]], m["y3"]
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
        mon = MONTHS[mon_name]
        if m["y"] is None:
            if mon_name not in _FULL_MONTHS:
                continue
            then = _MONTH_THEN_YEAR.match(d, m.end())
            y_then = _year(then["y"]) if then else None
            if then and y_then:
                # "van november tot en met maart 2027": November of the year before.
                y = y_then - (1 if mon > MONTHS[then["mon"]] else 0)
                c.add(m, _month(y, mon, mod))
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
            (em, ed), (sm, sd) = MOD_END[m["mod"]], MOD_START[m["mod"]]
            c.add(m, _Period(date(y, sm, sd), date(y, em, ed), "mod"))
    for m in _P_RELATIVE.finditer(d):
        n = num_value(m["n"], scaled=True)
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
        (em, ed), (sm, sd) = MOD_END.get(mod, (12, 31)), MOD_START.get(mod, (1, 1))
        c.add(m, _Period(date(y, sm, sd), date(y, em, ed), "mod"), explicit=False)
    for m in _P_YEAR.finditer(d):
        y = _year(m["y"])
        if y is None:
            continue
        if _PLAN_PERIOD_AFTER.match(d, m.end()) or _PLAN_PERIOD_BEFORE.search(
            d[max(0, m.start() - 10) : m.start()]
        ):
            continue  # "GRP 2023-2027": a plan period, not a deadline
        prev = _PREV_WORD.search(d, max(0, m.start() - 30), m.start())
        if prev and prev.group(1) not in YEAR_LEAD:
            continue  # "carnaval 2027", "Mobiliteitsplan 2040": the year names something
        c.add(m, _Period(date(y, 1, 1), date(y, 12, 31), "year"), needs_cue=True)
    return c.out


_ANY_PERIOD = re.compile(
    r"\d|jaar|zomer|voorjaar|najaar|herfst|winter|lente|kerst|jaarwis|bouwvak|"
    + "|".join(k for k in MONTHS if len(k) > 4)
)


# A line break inside a sentence (a wrapped line in a mail or PDF) is no clause break; one
# before a label ("Gereed:"), a bullet or a blank line is.
_WRAPPED = re.compile(r"(?<=[\w,])\n(?!\s*(?:[-*•·]|\d+[.)]\s|[^\n:]{1,30}:|\n))")


def _found(text: str, today: date) -> list[_Found]:
    d = _WRAPPED.sub(" ", digitize(fold(clean(text))))
    if not _ANY_PERIOD.search(d):
        return []
    return _candidates(d, today)


def _completion_dates(text: str, now: date) -> list[_Found]:
    """Completion candidates, best first; a past date gives way to a dated future one."""
    found = [f for f in _found(text, now) if f.role in ("completion", "none")]
    if any(f.explicit and f.last >= now for f in found):
        # A past date gives way to a future one the text dates itself ("besloten op
        # 14 januari 2025 ... gereed medio 2028"), not to one guessed from today.
        found = [f for f in found if f.last >= now]
    return sorted(
        found, key=lambda f: (f.role == "completion", f.strong, f.explicit, f.last), reverse=True
    )


def parse_deadline(text: str, *, today: date | None = None) -> date | None:
    """The completion date the text names: the last day of the named period (table above).

    Only a date whose clause makes it a completion date counts, or one its clause says
    nothing about: a start ("de aannemer begint in maart", "aanvang najaar 2026"), a
    publication or meeting date ("Gepubliceerd op ...", "het overleg van 12 april") and a
    one-day activity ("op dinsdag 9 mei worden proefsleuven gegraven") never do; a bare year
    needs a completion word ("in 2027 klaar", "de vervanging vindt in 2027 plaats"). Of
    several, a past date gives way to a future one with its year, then those with a
    completion word win, then the latest ("start 2026, klaar eind 2027" -> 2027-12-31).
    Relative phrases ("binnen twee jaar", "volgend jaar", a month without a year) count
    from `today` (default: the current date).
    """
    try:
        found = _completion_dates(text, today or date.today())
        return found[0].last if found else None
    except Exception:
        return None


def deadline_alternatives(text: str, *, today: date | None = None) -> list[date]:
    """Other completion dates the text names, with their year and a completion word, more
    than a month from the one `parse_deadline` takes ("oplevering eind 2027 ... de
    provincie wil dat het medio 2028 af is"): the choice is worth an open question."""
    try:
        found = _completion_dates(text, today or date.today())
        if not found:
            return []
        main = found[0].last
        out = [
            f.last
            for f in found[1:]
            if f.role == "completion" and f.explicit and abs((f.last - main).days) > 31
        ]
        return list(dict.fromkeys(out))
    except Exception:
        return []


def parse_start(text: str, *, today: date | None = None) -> date | None:
    """The date the work starts: the first day of a period named with a start word.

    "de aannemer begint half maart" -> 15 March, "aanvang werkzaamheden najaar 2026" ->
    2026-09-01, "start uitvoering Q2 2027" -> 2027-04-01, "vanaf 1 juni" -> 1 June. Of
    several starts, one about carrying out the work (uitvoering, werkzaamheden, aannemer)
    wins over one about preparation, then one with its year ("na de bouwvak, in september
    2027"), then the earliest: work that started in the past started then.
    """
    try:
        now = today or date.today()
        found = [f for f in _found(text, now) if f.role == "start"]
        if not found:
            return None
        return min(found, key=lambda f: (not f.execution, not f.explicit, f.first)).first
    except Exception:
        return None


_DATE_LABEL = re.compile(
    r"^\s*(?P<label>einddatum|deadline|opleverdatum|oplevering|gereed|klaar|startdatum|start|"
    r"aanvang|begindatum)\s*[:=]\s*(?P<value>.+?)\s*$",
    re.MULTILINE,
)


def bad_dates(text: str) -> list[BadValue]:
    """Dates the text gives that do not exist ("30 februari 2027", "31-04-2027",
    "2027-13-01"), and a labelled date line that names no date at all ("Einddatum: 32-1")."""
    try:
        d = digitize(fold(clean(text)))[:20_000]
        found: list[BadValue] = []

        def field_at(start: int, end: int) -> Literal["deadline", "start"]:
            return "start" if _role(d, start, end) == "start" else "deadline"

        for pattern in (_P_ISO, _P_NUMDATE, _P_DMY):
            for m in pattern.finditer(d):
                if "mon" in m.groupdict():
                    if m["y"] is None and m["mon"] not in _FULL_MONTHS:
                        continue
                    month, y = MONTHS[m["mon"]], _year(m["y"]) or 2000
                else:
                    month, y = int(m["m"]), _year(m["y"]) or 2000
                day = int(m["d"])
                if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(y, month)[1]:
                    continue
                if not any(b.quote in m.group() for b in found):
                    found.append(
                        BadValue(field_at(*m.span()), m.group().strip(), "impossible_date")
                    )
        for m in _DATE_LABEL.finditer(d):
            value = m["value"]
            if any(b.quote in value for b in found) or not re.search(r"\d", value):
                continue
            if parse_deadline(value) is None and parse_start("start " + value) is None:
                field: Literal["deadline", "start"] = (
                    "start" if cues.START.search(m["label"]) else "deadline"
                )
                found.append(BadValue(field, value, "unreadable"))
        return found
    except Exception:
        return []
