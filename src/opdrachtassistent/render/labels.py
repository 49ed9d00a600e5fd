"""What the Markdown and Word exports share: Dutch labels, formatting and row building.

Values come out as plain text here; each renderer escapes it for its own format.
"""

from __future__ import annotations

from opdrachtassistent.commission import SECTION_TITLES, Commission, SectionStatus
from opdrachtassistent.fmt import dutch_date as dutch_date  # re-exported for the renderers
from opdrachtassistent.fmt import euro, number
from opdrachtassistent.passages import Passage
from opdrachtassistent.reviewing.checks import Finding, Review, Severity

DOCUMENT_KIND = "Integrale opdracht"
UNTITLED = "Integrale opdracht (nog zonder titel)"
NOT_FILLED = "nog niet ingevuld"
APPENDIX_TITLE = "Bijlage: kwaliteitstoets"
OPEN_QUESTIONS_TITLE = "Open vragen"

SEVERITY_LABELS: dict[Severity, str] = {
    "hoog": "Hoog risico",
    "midden": "Middelgroot risico",
    "laag": "Laag risico",
}
STATE_LABELS = {"compleet": "compleet", "gedeeltelijk": "gedeeltelijk", "leeg": "nog leeg"}
LEVEL_LABELS = {"bestuurlijk": "bestuurlijk", "ambtelijk": "ambtelijk"}

STAKEHOLDER_HEADER = ("Naam", "Soort partij", "Rol", "Belang", "Invloed", "Belang (1-5)")
RESOURCES_HEADER = ("Middel", "Waarde")
FINDINGS_HEADER = ("Risico", "Onderdeel", "Bevinding", "Bronnen")
SOURCES_TITLE = "Bronnen"
QUOTE_LEAD = "Zin in de invoer"  # before the sentence a finding is about
# The model's remarks, beside the findings and never among them (`Review.model_remarks`).
MODEL_REMARKS_TITLE = "Opmerkingen van het taalmodel (controleer zelf)"
MODEL_REMARKS_INTRO = (
    "Een taalmodel las de vrije teksten. Dit zijn zijn opmerkingen, geen bevindingen van de "
    "toets: ze tellen niet mee in het oordeel en kunnen onjuist zijn."
)
MODEL_REMARKS_HEADER = ("Onderdeel", "Opmerking van het taalmodel")


def theme_label(theme: str) -> str:
    return theme.replace("_", " ")


def title_of(c: Commission) -> str:
    return (c.title or "").strip() or UNTITLED


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)}%"


def status_text(status: SectionStatus) -> str:
    """'compleet' or 'gedeeltelijk; ontbreekt: een budget, de capaciteit in fte'."""
    label = STATE_LABELS[status.state]
    if status.missing:
        return f"{label}; ontbreekt: " + ", ".join(status.missing)
    return label


def overall_status(c: Commission) -> str:
    done = c.completeness()
    if done.complete:
        return "Compleet"
    return f"Concept, {percent(done.fraction)} compleet"


def stakeholder_rows(c: Commission) -> list[tuple[str, ...]]:
    return [
        (
            s.name,
            s.kind or "",
            s.role or "",
            s.interest or "",
            str(s.influence) if s.influence is not None else "",
            str(s.concern) if s.concern is not None else "",
        )
        for s in c.stakeholders
    ]


def resource_rows(c: Commission) -> list[tuple[str, str]]:
    r = c.resources
    return [
        ("Budget", euro(r.budget_eur) if r.budget_eur is not None else NOT_FILLED),
        (
            "Capaciteit",
            f"{number(r.capacity_fte)} fte" if r.capacity_fte is not None else NOT_FILLED,
        ),
        ("Einddatum", dutch_date(r.deadline) if r.deadline is not None else NOT_FILLED),
        # The start is worth showing when known, but no commission needs one.
        *([("Start uitvoering", dutch_date(r.start))] if r.start is not None else []),
        ("Financiering", r.funding or NOT_FILLED),
    ]


def mandate_rows(c: Commission) -> list[tuple[str, str]]:
    m = c.mandate
    return [
        ("Opdrachtgever", m.commissioner or NOT_FILLED),
        ("Niveau", LEVEL_LABELS[m.level] if m.level else NOT_FILLED),
        ("Beslisruimte", m.decision_space or NOT_FILLED),
        ("Escalatie", m.escalation or NOT_FILLED),
    ]


def passage_label(passage: Passage) -> str:
    """'Title, heading': how a finding names its source (the full citation is in the list)."""
    return f"{passage.title}, {passage.heading}" if passage.heading else passage.title


def source_text(finding: Finding) -> str:
    """The short labels of a finding's sources, separated by semicolons."""
    return "; ".join(passage_label(p) for p in finding.sources)


def source_list(review: Review) -> list[str]:
    """Every cited passage once, in order of first citation: 'Title, heading (source)'."""
    seen: dict[str, str] = {}
    for finding in review.findings:
        for p in finding.sources:
            if p.id not in seen:
                label = passage_label(p)
                seen[p.id] = f"{label} ({p.source})" if p.source else label
    return list(seen.values())


def source_numbers(review: Review, finding: Finding) -> str:
    """A finding's sources as their numbers in `source_list` ("1, 3"): a narrow table column
    refers to the numbered list instead of repeating long titles."""
    numbers: dict[str, int] = {}
    for f in review.findings:
        for p in f.sources:
            numbers.setdefault(p.id, len(numbers) + 1)
    ids = dict.fromkeys(p.id for p in finding.sources)
    return ", ".join(str(numbers[i]) for i in ids)


def findings_by_severity(review: Review) -> list[tuple[Severity, list[Finding]]]:
    order: tuple[Severity, ...] = ("hoog", "midden", "laag")
    return [(s, fs) for s in order if (fs := [f for f in review.findings if f.severity == s])]


def model_remark_rows(review: Review) -> list[tuple[str, str]]:
    """The model's remarks as (section title, remark), in the model's order."""
    return [(SECTION_TITLES[r.section], r.text) for r in review.model_remarks]
