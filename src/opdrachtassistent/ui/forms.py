"""Direct editing of one section as plain text: the text shown in the editor, and back.

Each section has a simple, documented line format (shown beside the editor in Dutch), so an
administrator can edit the document without a form per field. Parsing returns a new
`Commission`; it never touches the interview: the app hands the result to `Interview.edit`,
which keeps the conversation consistent. Errors are `InputError` with a Dutch message.
"""

from __future__ import annotations

import math
import re
from datetime import date

from pydantic import ValidationError

from opdrachtassistent.commission import (
    SECTION_TITLES,
    THEMES,
    Commission,
    SectionKey,
    Stakeholder,
)
from opdrachtassistent.errors import InputError
from opdrachtassistent.lang import nl

# How each section is written in the editor (shown to the user).
FORMAT_HELP: dict[SectionKey, str] = {
    "context": "Vrije tekst: de aanleiding en de opgave.",
    "goal": (
        "Regels die beginnen met 'Doel:', 'Resultaat:' (één per regel, mag vaker) en "
        "'Thema's:' (met komma's, bijvoorbeeld riolering, klimaatadaptatie)."
    ),
    "mandate": (
        "Regels 'Opdrachtgever:', 'Niveau:' (bestuurlijk of ambtelijk), 'Beslisruimte:' en "
        "'Escalatie:'."
    ),
    "stakeholders": (
        "Eén partij per regel: naam | soort | rol | belang | invloed (1-5) | belang-score "
        "(1-5). Alleen de naam is verplicht; laat invloed of belang-score leeg voor de "
        "standaardwaarde van die soort partij. Een | in een waarde schrijft u als `\\|`."
    ),
    "resources": (
        "Regels 'Budget:' (in euro, bijvoorbeeld 2.500.000), 'Capaciteit:' (fte, "
        "bijvoorbeeld 2,5), 'Einddatum:' (dd-mm-jjjj), 'Start:' (start uitvoering, "
        "dd-mm-jjjj) en 'Financiering:'."
    ),
    "frameworks": "Eén kader per regel (beleid, wet- of regelgeving, randvoorwaarde).",
    "instruments": "Eén instrument per regel.",
    "organisation": "Vrije tekst: organisatie en werkwijze.",
}

_LABELS: dict[SectionKey, dict[str, str]] = {
    "goal": {"doel": "statement", "resultaat": "result", "thema's": "themes", "themas": "themes"},
    "mandate": {
        "opdrachtgever": "commissioner",
        "niveau": "level",
        "beslisruimte": "decision_space",
        "escalatie": "escalation",
    },
    "resources": {
        "budget": "budget_eur",
        "capaciteit": "capacity_fte",
        "einddatum": "deadline",
        "start": "start",
        "financiering": "funding",
    },
}
_LABEL_LINE = re.compile(r"^\s*([A-Za-z']+)\s*:\s*(.*)$")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _num(value: float) -> str:
    """Dutch notation with at most two decimals: 2.500.000 and 2,5 (what `parse_amount`
    reads back as the same value)."""
    whole, frac = f"{value:.2f}".split(".")
    frac = frac.rstrip("0")
    text = f"{int(whole):,}".replace(",", ".")
    return f"{text},{frac}" if frac else text


_CELL_BREAK = re.compile(r"(?<!\\)\|")  # a '|' inside a value is shown as '\|'


def _row(s: Stakeholder) -> str:
    """One party as an editor line; empty trailing cells are left out."""
    cells = [
        s.name,
        s.kind or "",
        s.role or "",
        s.interest or "",
        "" if s.influence is None else str(s.influence),
        "" if s.concern is None else str(s.concern),
    ]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return " | ".join(cell.replace("|", "\\|") for cell in cells)


def _cells(line: str) -> list[str]:
    return [cell.strip().replace("\\|", "|") for cell in _CELL_BREAK.split(line)]


def section_to_text(commission: Commission, key: SectionKey) -> str:
    """The section as the editor shows it."""
    c = commission
    match key:
        case "context":
            return c.context or ""
        case "organisation":
            return c.organisation or ""
        case "goal":
            lines = [f"Doel: {c.goal.statement or ''}"]
            lines += [f"Resultaat: {r}" for r in c.goal.results] or ["Resultaat: "]
            lines.append("Thema's: " + ", ".join(c.goal.themes))
            return "\n".join(lines)
        case "mandate":
            m = c.mandate
            return "\n".join(
                [
                    f"Opdrachtgever: {m.commissioner or ''}",
                    f"Niveau: {m.level or ''}",
                    f"Beslisruimte: {m.decision_space or ''}",
                    f"Escalatie: {m.escalation or ''}",
                ]
            )
        case "stakeholders":
            return "\n".join(_row(s) for s in c.stakeholders)
        case "resources":
            r = c.resources
            return "\n".join(
                [
                    "Budget: " + ("" if r.budget_eur is None else _num(r.budget_eur)),
                    "Capaciteit: " + ("" if r.capacity_fte is None else _num(r.capacity_fte)),
                    "Einddatum: " + ("" if r.deadline is None else r.deadline.strftime("%d-%m-%Y")),
                    "Start: " + ("" if r.start is None else r.start.strftime("%d-%m-%Y")),
                    f"Financiering: {r.funding or ''}",
                ]
            )
        case "frameworks":
            return "\n".join(c.frameworks)
        case "instruments":
            return "\n".join(c.instruments)


def _error(key: SectionKey, message: str) -> InputError:
    return InputError(f"{SECTION_TITLES[key]}: {message}")


def _labelled(key: SectionKey, text: str) -> dict[str, list[str]]:
    known = _LABELS[key]
    values: dict[str, list[str]] = {}
    for line in _lines(text):
        m = _LABEL_LINE.match(line)
        label = m.group(1).casefold() if m else ""
        if not m or label not in known:
            names = ", ".join(f"'{k.capitalize()}:'" for k in known if k != "themas")
            raise _error(key, f"de regel '{line[:60]}' begint niet met {names}.")
        values.setdefault(known[label], []).append(m.group(2).strip())
    return values


def _one(values: dict[str, list[str]], field: str) -> str | None:
    found = [v for v in values.get(field, []) if v]
    return found[-1] if found else None


_MAX_DIGITS = 15  # more digits than any amount a person writes out
_MAX_FTE = 10_000  # the largest capacity a person means (the chat reads no more either)
_YEARS = (1900, 2099)  # the years the chat reads as a date (lang/nl/dates.py)
_FTE_UNIT = re.compile(r"\s*(?:fte|vte)\s*$")


def parse_amount(text: str, *, limit: float = nl.MAX_BUDGET_EUR, what: str = "bedrag") -> float:
    """'2.500.000', '€ 2,5 miljoen', '350000' -> a float rounded to cents (what the editor
    shows again); negative, overflowing ('2e308'), non-finite and absurd amounts are refused
    with a Dutch message that names `what` ("bedrag", "aantal fte")."""
    t = text.casefold().replace("€", "").replace("euro", "").strip()
    scale = 1.0
    for word, factor in (("miljard", 1e9), ("miljoen", 1e6), ("mln", 1e6), ("duizend", 1e3)):
        if word in t:
            scale, t = factor, t.replace(word, "").strip()
    t = t.replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", t):
        t = t.replace(".", "")
    t = t.replace(",", ".")
    too_large = f"'{text}' is te groot om te kunnen kloppen"
    if re.fullmatch(r"\d+(?:\.\d+)?e[-+]?\d+", t, re.ASCII) and not float(t) * scale <= limit:
        raise ValueError(too_large)
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", t, re.ASCII):
        example = "2.500.000" if what == "bedrag" else "2,5"
        raise ValueError(f"'{text}' is geen {what} (schrijf bijvoorbeeld {example})")
    if t.startswith("-"):
        raise ValueError(f"een {what} kan niet negatief zijn")
    value = float(t) * scale
    if sum(ch.isdigit() for ch in t) > _MAX_DIGITS or not math.isfinite(value) or value > limit:
        raise ValueError(too_large)
    return round(value, 2)


def parse_fte(text: str) -> float:
    """'2,5' or '2,5 fte' -> 2.5; refused like an amount, above `_MAX_FTE` too."""
    return parse_amount(_FTE_UNIT.sub("", text.casefold()), limit=_MAX_FTE, what="aantal fte")


def parse_date(text: str) -> date:
    """'31-12-2027', '31/12/2027' or '2027-12-31'; a day that does not exist, or a year
    outside 1900-2099 (which the editor could not show back), is refused."""
    t = text.strip()
    found: tuple[int, int, int] | None = None
    for pattern in (r"(\d{1,2})-(\d{1,2})-(\d{4})", r"(\d{1,2})/(\d{1,2})/(\d{4})"):
        m = re.fullmatch(pattern, t, re.ASCII)
        if m:
            day, month, year = (int(g) for g in m.groups())
            found = (year, month, day)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t, re.ASCII)
    if m:
        year, month, day = (int(g) for g in m.groups())
        found = (year, month, day)
    if found is None:
        if nl.bad_dates(t):
            raise ValueError(f"'{text}' is geen bestaande datum")
        raise ValueError(f"'{text}' is geen datum (gebruik dd-mm-jjjj)")
    if not _YEARS[0] <= found[0] <= _YEARS[1]:
        raise ValueError(f"'{text}' ligt niet tussen {_YEARS[0]} en {_YEARS[1]}")
    try:
        return date(*found)
    except ValueError:
        raise ValueError(f"'{text}' is geen bestaande datum") from None


def _score(key: SectionKey, value: str, what: str) -> int | None:
    if not value:
        return None
    if not re.fullmatch(r"[1-5]", value):  # str.isdigit() also passes '²', int() not
        raise _error(key, f"{what} moet een getal van 1 tot en met 5 zijn, niet '{value}'.")
    return int(value)


def apply_section_text(commission: Commission, key: SectionKey, text: str) -> Commission:
    """A copy of the commission with this section replaced by what the editor holds."""
    c = commission.model_copy(deep=True)
    try:
        match key:
            case "context":
                c.context = text.strip() or None
            case "organisation":
                c.organisation = text.strip() or None
            case "frameworks":
                c.frameworks = _lines(text)
            case "instruments":
                c.instruments = _lines(text)
            case "goal":
                v = _labelled(key, text)
                themes = [
                    t.strip().casefold().replace(" ", "_")
                    for raw in v.get("themes", [])
                    for t in raw.split(",")
                    if t.strip()
                ]
                unknown = [t for t in themes if t not in THEMES]
                if unknown:
                    raise _error(
                        key,
                        f"onbekend thema '{unknown[0]}'; kies uit {', '.join(THEMES)}.",
                    )
                c.goal = c.goal.model_validate(
                    {
                        "statement": _one(v, "statement"),
                        "results": [r for r in v.get("result", []) if r],
                        "themes": list(dict.fromkeys(themes)),
                    }
                )
            case "mandate":
                v = _labelled(key, text)
                level = (_one(v, "level") or "").casefold() or None
                if level not in (None, "bestuurlijk", "ambtelijk"):
                    raise _error(key, "het niveau is 'bestuurlijk' of 'ambtelijk'.")
                c.mandate = c.mandate.model_validate(
                    {
                        "commissioner": _one(v, "commissioner"),
                        "level": level,
                        "decision_space": _one(v, "decision_space"),
                        "escalation": _one(v, "escalation"),
                    }
                )
            case "resources":
                v = _labelled(key, text)
                budget, fte, deadline, start = (
                    _one(v, "budget_eur"),
                    _one(v, "capacity_fte"),
                    _one(v, "deadline"),
                    _one(v, "start"),
                )
                try:
                    c.resources = c.resources.model_validate(
                        {
                            "budget_eur": parse_amount(budget) if budget else None,
                            "capacity_fte": parse_fte(fte) if fte else None,
                            "deadline": parse_date(deadline) if deadline else None,
                            "start": parse_date(start) if start else None,
                            "funding": _one(v, "funding"),
                        }
                    )
                except ValueError as exc:
                    if isinstance(exc, ValidationError):
                        raise
                    raise _error(key, f"{exc}.") from None
            case "stakeholders":
                people: list[Stakeholder] = []
                for line in _lines(text):
                    cells = _cells(line)
                    if len(cells) > 6:
                        raise _error(key, f"te veel kolommen in '{line[:60]}' (maximaal 6).")
                    cells += [""] * (6 - len(cells))
                    name, kind, role, interest, influence, concern = cells
                    if not name:
                        raise _error(key, f"de regel '{line[:60]}' heeft geen naam.")
                    people.append(
                        Stakeholder(
                            name=name,
                            kind=kind or None,
                            role=role or None,
                            interest=interest or None,
                            influence=_score(key, influence, "invloed"),
                            concern=_score(key, concern, "belang-score"),
                        )
                    )
                c.stakeholders = people
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _error(key, f"ongeldige waarde ({first.get('msg', 'onbekend')}).") from None
    return c
