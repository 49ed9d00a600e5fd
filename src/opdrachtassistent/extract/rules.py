"""The offline extractor: Dutch rules that read values from free text, no network, no model.

Typed values (amounts, fte, dates, parties, themes, frameworks, instruments) are read from
every text, whatever was asked, so one rich answer fills several sections at once. Free text
(context, goal, decision space, organisation) is taken only where the section that was asked
or an explicit cue ("doel:", "mandaat", "werkwijze") says where it belongs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from opdrachtassistent.commission import SectionKey, Stakeholder
from opdrachtassistent.extract import dutch
from opdrachtassistent.extract.base import Extraction

MAX_TEXT = 20_000  # longer input is read up to here: enough for any real answer or note

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


def sentences(text: str) -> list[str]:
    """Split on sentence ends, semicolons and line breaks; drop bullets and empties."""
    parts = (_BULLET.sub("", p).strip() for p in _SENTENCE_END.split(text))
    return [p for p in parts if p]


def _cue(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)


# A sentence that says something measurable or observable about the outcome.
_RESULT = re.compile(
    r"\d|\b(?:minder|meer|geen\b.*\bmeer|verminder|verhoog|verbeter|halver|verdubbel|"
    r"afgekoppeld|afkoppel|aardgasvrij|klimaatbestendig|veilig(?:er)?|toegankelijk|"
    r"bomen|wadi|waterberging|berging|aansluiting|laadpa|fietspad|oversteek|"
    r"procent|hectare|vierkante|kuub|woningen|parkeerplaatsen|opgeleverd|vervangen|"
    r"een\s+(?:tot|twee|drie|vier|vijf|tien|honderd|duizend))",
    re.IGNORECASE,
)
_STRONG_RESULT = re.compile(
    r"\d|\b(?:alle|geen\b.*\bmeer|procent|hectare|kuub|twee|drie|vier|vijf|zes|tien|twintig|"
    r"dertig|veertig|vijftig|honderd|duizend|halver\w*|verdubbel\w*)\b",
    re.IGNORECASE,
)
_GOAL_CUE = _cue(r"doel(?:en|stelling)?\b", r"willen bereiken", r"beoogd", r"ambitie", r"zodat")
_RESULTS_LABEL = _cue(r"resultaten?\b", r"beoogde? resulta", r"opleveren", r"kpi")
_DECISION_CUE = _cue(
    r"mandaat",
    r"beslisruimte",
    r"beslis",
    r"mag\b",
    r"mogen\b",
    r"bevoegd",
    r"zelfstandig",
    r"zelf\b",
    r"binnen (?:het|de) (?:budget|kaders?|marge)",
    r"afwijk",
    r"ruimte om",
)
_ESCALATION_CUE = _cue(
    r"escal",
    r"overschrijd",
    r"overschrijding",
    r"terug naar",
    r"voorleggen",
    r"voorgelegd",
    r"meerkosten",
    r"gaat (?:het )?naar",
    r"bij (?:afwijking|conflict|geschil|problemen)",
    r"opschal",
    r"knoop doorhakken",
    r"doorhakken",
    r"legt .* voor",
)
_FUNDING_CUE = _cue(
    r"gefinancierd",
    r"financiering",
    r"dekking",
    r"gedekt",
    r"krediet",
    r"reserve",
    r"subsidie",
    r"bijdrage",
    r"cofinanc",
    r"begroting",
    r"uit het\b",
    r"uit de\b",
    r"betaald",
    r"potje",
    r"budget(?:ten)? (?:van|uit|voor)",
)
_ORGANISATION_CUE = _cue(
    r"projectteam",
    r"integraal team",
    r"kernteam",
    r"stuurgroep",
    r"werkgroep",
    r"werkwijze",
    r"werken we",
    r"samenwerk",
    r"bouwteam",
    r"procesmanager",
    r"omgevingsmanager",
    r"wekelijks",
    r"maandelijks",
    r"tweewekelijks",
    r"regie\w* (?:ligt|bij)",
)
_CONTEXT_CUE = _cue(
    r"aanleiding",
    r"omdat",
    r"probleem",
    r"klachten",
    r"aan vervanging toe",
    r"einde levensduur",
    r"versleten",
    r"wateroverlast",
    r"hittestress",
)

# "Label: value" lines in notes, mapped to the field they fill.
_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:titel|project|onderwerp|betreft)\s*:", re.I), "title"),
    (
        re.compile(r"^(?:aanleiding|context|opgave|achtergrond|probleem(?:stelling)?)\s*:", re.I),
        "context",
    ),
    (re.compile(r"^(?:doel(?:stelling)?|doelen|ambitie)\s*:", re.I), "goal"),
    (re.compile(r"^(?:beoogde? )?resulta(?:at|ten)\s*:", re.I), "results"),
    (re.compile(r"^(?:mandaat|beslisruimte|bevoegdheden)\s*:", re.I), "decision_space"),
    (re.compile(r"^(?:escalatie|opschaling)\s*:", re.I), "escalation"),
    (
        re.compile(r"^(?:organisatie|werkwijze|aanpak|sturing|projectorganisatie)\s*:", re.I),
        "organisation",
    ),
    (
        re.compile(r"^(?:kaders?|randvoorwaarden|beleid|wet- en regelgeving)\s*:", re.I),
        "frameworks",
    ),
    (re.compile(r"^(?:instrument(?:en|arium)?|middelen en instrumenten)\s*:", re.I), "instruments"),
    (re.compile(r"^(?:financiering|dekking)\s*:", re.I), "funding"),
    (
        re.compile(r"^(?:stakeholders|betrokkenen|partijen|belanghebbenden)\s*:", re.I),
        "stakeholders",
    ),
]

_ANY_LABEL = re.compile(r"^[A-Za-z\u00c0-\u017f][\w ()/&'-]{1,40}:\s*\S")

_PLACE = re.compile(
    r"\b((?:[A-Z][\w'-]*\s)?[A-Z][\w'-]*(?:straat|weg|laan|plein|kade|singel|buurt|wijk|"
    r"park|dreef|gracht|dijk|pad|steeg|centrum|hof|markt|zone|kwartier|haven)"
    r"|[A-Z][\w'-]+(?= en omgeving))\b"
)
_SKIP_ONLY = re.compile(
    r"^\s*(?:(?:dat )?weet ik (?:nog )?niet|geen idee|sla (?:dit |deze vraag )?over|"
    r"overslaan|later|volgende|n\.?v\.?t\.?|nog niet bekend|onbekend|nvt|-|\?+)[\s.!]*$",
    re.IGNORECASE,
)


class RulesExtractor:
    """Implements `Extractor` with the Dutch rules in `dutch.py`; fully deterministic."""

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction:
        text = (text or "")[:MAX_TEXT]
        out = Extraction()
        if not text.strip() or _SKIP_ONLY.match(text):
            return out
        labelled, rest = _split_labels(text)
        self._typed_values(text, out)
        for field, value in labelled.items():
            _apply_label(out, field, value)
        if rest.strip() and not is_noise(rest):
            self._free_text(rest, section, out, labelled=bool(labelled))
        return out

    def _typed_values(self, text: str, out: Extraction) -> None:
        out.budget_eur = dutch.parse_amount_eur(text)
        out.capacity_fte = dutch.parse_fte(text)
        out.deadline = dutch.parse_deadline(text)
        out.themes = dutch.find_themes(text)
        commissioner = dutch.find_commissioner(text)
        out.commissioner = commissioner
        out.level = dutch.find_level(text) or (
            dutch.level_of(commissioner) if commissioner else None
        )
        out.frameworks = dutch.find_frameworks(text)
        out.instruments = dutch.find_instruments(text)
        out.stakeholders = _stakeholders(text, commissioner)
        out.title = _title(text)

    def _free_text(
        self, text: str, section: SectionKey | None, out: Extraction, *, labelled: bool
    ) -> None:
        sents = sentences(text)
        whole = " ".join(sents)
        if section == "context" or (section is None and not labelled):
            context = [s for s in sents if not _GOAL_CUE.search(s) or _CONTEXT_CUE.search(s)]
            out.context = out.context or (" ".join(context) if context else whole)
        if section == "goal":
            _goal_from(sents, out, whole_is_goal=True)
        elif any(_GOAL_CUE.search(s) for s in sents):
            _goal_from(
                [s for s in sents if _GOAL_CUE.search(s) or _RESULT.search(s)],
                out,
                whole_is_goal=False,
            )
        if section == "mandate" or section is None:
            decision = [s for s in sents if _DECISION_CUE.search(s)]
            escalation = [s for s in sents if _ESCALATION_CUE.search(s)]
            decision = [s for s in decision if s not in escalation] or decision
            if (
                section == "mandate"
                and not decision
                and not escalation
                and (out.commissioner is None or len(sents) > 1)
            ):
                decision = [s for s in sents if not dutch.find_commissioner(s)]
            out.decision_space = out.decision_space or _join(decision)
            out.escalation = out.escalation or _join(escalation)
        if section == "resources" or section is None:
            out.funding = out.funding or _join(s for s in sents if _FUNDING_CUE.search(s))
        if section == "frameworks" and not out.frameworks:
            out.frameworks = _items(text)
        if section == "instruments" and not out.instruments:
            out.instruments = _items(text)
        if section == "organisation":
            out.organisation = out.organisation or whole
        elif section is None or section == "context":
            org = [s for s in sents if _ORGANISATION_CUE.search(s)]
            if section is None or (len(org) >= 1 and "werkwijze" in whole.lower()):
                out.organisation = out.organisation or _join(org)
        if section in ("stakeholders", None) and out.stakeholders:
            _roles_from_clauses(sents, out.stakeholders)


_FILLER = re.compile(
    r"^(?:\s|\W|h+m+|e+h*m*|u+h+|tja|ok(?:e|é)?|ja|nee|nou|goed|prima|niks|niets|test|"
    r"geen|weet niet|\?)*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_noise(text: str) -> bool:
    """Filler ("hmm", "ok", "?"), a single stray word or no words at all: not an answer."""
    return (
        bool(_FILLER.match(text))
        or (len(_WORD.findall(text[:2000])) < 2
        and not any(len(w) >= 6 for w in _WORD.findall(text[:200])))
    )


def is_skip(text: str) -> bool:
    """True when the whole answer says: I don't know / skip / later."""
    return bool(_SKIP_ONLY.match(text or ""))


def _goal_from(sents: list[str], out: Extraction, *, whole_is_goal: bool) -> None:
    """The first non-result sentence is the statement; measurable sentences are results."""
    if not sents:
        return
    if len(sents) == 1:
        statement, results = sents[0], [sents[0]] if _STRONG_RESULT.search(sents[0]) else []
    else:
        results = [s for s in sents if _RESULT.search(s) or _RESULTS_LABEL.search(s)]
        statements = [s for s in sents if s not in results]
        statement = statements[0] if statements else sents[0]
        results = [r for r in results if r != statement]
    if whole_is_goal or _GOAL_CUE.search(statement):
        out.goal_statement = out.goal_statement or statement
    out.goal_results = _dedupe([*out.goal_results, *results])


def _split_labels(text: str) -> tuple[dict[str, str], str]:
    """Pull out "Label: value" lines (notes, templates); return them and the remaining text."""
    found: dict[str, str] = {}
    rest: list[str] = []
    current: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        match = next(((pat, field) for pat, field in _LABELS if pat.match(stripped)), None)
        if match:
            pat, current = match
            value = pat.sub("", stripped, count=1).strip()
            found[current] = (found.get(current, "") + " " + value).strip()
        elif current and stripped and _BULLET.match(line):
            found[current] = (found[current] + "\n" + stripped).strip()
        elif _ANY_LABEL.match(stripped):
            current = None  # a label we do not map ("Budget: ..."): typed values read it
            rest.append(line)
        else:
            current = None if not stripped else current
            if current and stripped:
                found[current] = (found[current] + " " + stripped).strip()
            else:
                rest.append(line)
    return found, "\n".join(rest)


def _apply_label(out: Extraction, field: str, value: str) -> None:
    if not value:
        return
    match field:
        case "title":
            out.title = value
        case "context":
            out.context = value
        case "goal":
            _goal_from(sentences(value), out, whole_is_goal=True)
        case "results":
            out.goal_results = _dedupe([*out.goal_results, *sentences(value)])
        case "decision_space":
            out.decision_space = value
        case "escalation":
            out.escalation = value
        case "organisation":
            out.organisation = value
        case "frameworks":
            out.frameworks = _dedupe(
                [*out.frameworks, *(dutch.find_frameworks(value) or _items(value))]
            )
        case "instruments":
            out.instruments = _dedupe(
                [*out.instruments, *(dutch.find_instruments(value) or _items(value))]
            )
        case "funding":
            out.funding = value
        case "stakeholders":
            names = {s.name.casefold() for s in out.stakeholders}
            for item in _items(value):
                if not any(n in item.casefold() for n in names):
                    name, _, role = item.partition("(")
                    out.stakeholders.append(
                        Stakeholder(name=name.strip(), role=role.rstrip(")").strip() or None)
                    )
            _roles_from_clauses(_items(value), out.stakeholders)


_ITEM_SPLIT = re.compile(r"\s*(?:[,;\n]|\s-\s|\ben\b|\bplus\b)\s*", re.IGNORECASE)


def _items(text: str) -> list[str]:
    """A list answer split into items: commas, semicolons, lines, 'en'."""
    items = [_BULLET.sub("", i).strip(" .:") for i in _ITEM_SPLIT.split(text)]
    return _dedupe(i for i in items if len(i) > 2 and not is_skip(i))[:20]


def _stakeholders(text: str, commissioner: str | None) -> list[Stakeholder]:
    parties = dutch.find_parties(text)
    result: list[Stakeholder] = []
    for party in parties:
        if commissioner and party.name.casefold() in commissioner.casefold():
            continue
        result.append(Stakeholder(name=party.name, kind=party.kind, role=party.role))
    return result


_CLAUSE_AFTER = re.compile(r"^\s*(?:\(([^)]{3,200})\)|[:\u2013\u2014-]\s*([^,;.]{3,200}))")
_ROLE_VERB = re.compile(
    r"\b(?:die|dat|omdat|want|als|voor|vanwege|is|zijn|wil|willen|moet|moeten|heeft|hebben|"
    r"levert|leveren|betaalt|financiert|beheert|beheren|wordt|worden)\b",
    re.IGNORECASE,
)


def _roles_from_clauses(sents: Iterable[str], stakeholders: list[Stakeholder]) -> None:
    """Give each named stakeholder the clause that follows its name as role/interest."""
    for sentence in sents:
        lowered = sentence.casefold()
        named = [s for s in stakeholders if s.name.casefold() in lowered]
        for s in named:
            if s.role or s.interest:
                continue
            after = sentence[lowered.index(s.name.casefold()) + len(s.name) :]
            clause = _CLAUSE_AFTER.match(after)
            if clause:
                s.role = (clause.group(1) or clause.group(2)).strip()
            elif len(named) == 1 and _ROLE_VERB.search(after):
                s.interest = after.strip(" ,.:") or None


def _title(text: str) -> str | None:
    place = _PLACE.search(text[:2000])
    if not place:
        return None
    lowered = text[:2000].lower()
    name = place.group(1).strip()
    for cue, label in (
        ("aardgasvrij", "Aardgasvrij"),
        ("schoolzone", "Schoolzone"),
        ("schoolomgeving", "Veilige schoolomgeving"),
        ("herinricht", "Herinrichting"),
        ("reconstru", "Reconstructie"),
        ("klimaatadapt", "Klimaatadaptatie"),
        ("vernieuw", "Vernieuwing"),
        ("vergroen", "Vergroening"),
        ("rioolvervanging", "Rioolvervanging"),
        ("riolering", "Rioolvervanging en herinrichting"),
    ):
        if cue in lowered:
            return f"{label} {name}"
    return f"Integrale opgave {name}"


def _join(parts: Iterable[str]) -> str | None:
    text = " ".join(p.strip() for p in parts if p.strip())
    return text or None


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold().strip()
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out
