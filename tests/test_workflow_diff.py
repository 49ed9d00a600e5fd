"""The pure comparison of two commissions (per field added, removed or changed, lists by
item, stakeholders by name, from a model, its JSON or its dict) and the reports built on it:
the change report in Markdown and Word, the audit export, the open comments appendix."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from docx import Document
from tests.support.factories import complete_commission

from opdrachtassistent.commission import Commission, Origin, Stakeholder
from opdrachtassistent.workflow.diff import Side, compare, section_title
from opdrachtassistent.workflow.model import AuditEvent, Comment
from opdrachtassistent.workflow.report import (
    add_comments_appendix,
    audit_csv,
    audit_json,
    comments_markdown,
    diff_docx,
    diff_markdown,
)


def _changes(old: Commission, new: Commission) -> list[tuple[Any, ...]]:
    return [(c.section, c.field, c.kind, c.old, c.new) for c in compare(old, new).changes]


def test_the_same_commission_has_no_changes() -> None:
    diff = compare(complete_commission(), complete_commission())
    assert diff.empty and diff.changes == []


def test_provenance_and_schema_version_are_no_content() -> None:
    old = complete_commission()
    new = complete_commission(provenance={"context": Origin(source="edit")}, schema_version="1.0")
    assert compare(old, new).empty


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"context": None},
            [("context", "context", "removed", complete_commission().context, None)],
        ),
        (
            {"title": "Dorpsstraat fase 2"},
            [(None, "title", "changed", "Herinrichting Dorpsstraat", "Dorpsstraat fase 2")],
        ),
        (
            {"open_questions": ["Wie betaalt de bomen?"]},
            [(None, "open_questions", "added", None, "Wie betaalt de bomen?")],
        ),
        (
            {"organisation": "  "},
            [("organisation", "organisation", "removed", complete_commission().organisation, None)],
        ),
        ({"instruments": ["bouwteamcontract", "participatietraject"]}, []),  # a reorder
        (
            {"instruments": ["participatietraject", "bouwteamcontract", "gebiedsakkoord"]},
            [("instruments", "instruments", "added", None, "gebiedsakkoord")],
        ),
        (
            {"frameworks": ["Omgevingswet"]},
            [
                ("frameworks", "frameworks", "removed", "Gemeentelijk Rioleringsplan (GRP)", None),
                ("frameworks", "frameworks", "removed", "Mobiliteitsplan 2030", None),
                ("frameworks", "frameworks", "removed", "Klimaatadaptatiestrategie", None),
            ],
        ),
    ],
)
def test_top_level_fields(overrides: dict[str, Any], expected: list[tuple[Any, ...]]) -> None:
    assert _changes(complete_commission(), complete_commission(**overrides)) == expected


def test_nested_values_by_section_in_field_order() -> None:
    old = complete_commission()
    new = complete_commission()
    new.goal.results = [*old.goal.results[:2], "Maximumsnelheid 30 km/u"]
    new.mandate.commissioner = "wethouder Jansen"
    new.mandate.escalation = None
    new.resources.deadline = date(2029, 6, 30)
    new.resources.start = date(2026, 3, 1)
    assert _changes(old, new) == [
        ("goal", "goal.results", "removed", old.goal.results[2], None),
        ("goal", "goal.results", "added", None, "Maximumsnelheid 30 km/u"),
        ("mandate", "mandate.commissioner", "changed", "wethouder De Vries", "wethouder Jansen"),
        ("mandate", "mandate.escalation", "removed", old.mandate.escalation, None),
        ("resources", "resources.deadline", "changed", "2028-12-31", "2029-06-30"),
        ("resources", "resources.start", "added", None, "2026-03-01"),
    ]
    grouped = compare(old, new).by_section()
    assert list(grouped) == ["goal", "mandate", "resources"]


def test_stakeholders_by_name() -> None:
    old = complete_commission()
    new = complete_commission()
    new.stakeholders = [
        Stakeholder(name="Waterschap de Dommel", kind="waterschap", role="financier"),
        Stakeholder(name="Arriva", kind="vervoerder", interest="busroute 12 blijft rijden"),
        Stakeholder(name="brandweer", kind="hulpdiensten", interest="aanrijtijden", influence=4),
        Stakeholder(name="ondernemers", kind="ondernemers"),
    ]
    diff = compare(old, new)
    assert [(c.field, c.kind, c.item, c.old, c.new) for c in diff.changes] == [
        (
            "stakeholders",
            "removed",
            "bewoners van de Dorpsstraat",
            old.stakeholders[2].model_dump(mode="json"),
            None,
        ),
        (
            "stakeholders.name",
            "changed",
            "Waterschap de Dommel",
            "waterschap De Dommel",
            "Waterschap de Dommel",
        ),
        ("stakeholders.role", "changed", "Waterschap de Dommel", "partner", "financier"),
        ("stakeholders.influence", "added", "brandweer", None, 4),
        ("stakeholders", "added", "ondernemers", None, new.stakeholders[3].model_dump(mode="json")),
    ]
    assert {c.section for c in diff.changes} == {"stakeholders"}


def test_json_text_dict_and_model_give_the_same_diff() -> None:
    old = complete_commission()
    new = complete_commission(title="Anders")
    from_model = compare(old, new).changes
    assert compare(old.model_dump_json(), new.model_dump(mode="json")).changes == from_model


def test_sides_are_attached() -> None:
    at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    diff = compare(
        complete_commission(),
        complete_commission(title="Anders"),
        old_side=Side(number=2, status="vastgesteld", by="user:carla", at=at),
        new_side=Side(number=3, status="concept", by="user:anna", at=at),
    )
    assert (diff.old.number, diff.old.by, diff.new.number, diff.new.by) == (
        2,
        "user:carla",
        3,
        "user:anna",
    )


def test_section_titles() -> None:
    assert section_title(None) == "Algemeen"
    assert section_title("resources") == "Middelen: geld, capaciteit en tijd"


# -- the change report and the audit export -------------------------------------------------


def test_change_report_in_markdown_and_word() -> None:
    old = complete_commission()
    new = complete_commission()
    new.resources.budget_eur = 3_500_000
    new.resources.deadline = date(2029, 6, 30)
    new.instruments = [*old.instruments, "gebiedsakkoord <b>"]
    at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    diff = compare(
        old,
        new,
        old_side=Side(number=2, status="vastgesteld", by="user:carla", at=at),
        new_side=Side(number=3, status="concept", by="user:anna", at=at),
    )
    text = diff_markdown(diff, title="Dorpsstraat")
    assert "## Middelen: geld, capaciteit en tijd" in text
    assert "budget gewijzigd: € 3.200.000 → € 3.500.000" in text
    assert "einddatum gewijzigd: 31 december 2028 → 30 juni 2029" in text
    assert "instrument toegevoegd: gebiedsakkoord &lt;b&gt;" in text  # user text inert
    assert "versie 2, vastgesteld, door carla" in text and "versie 3, concept, door anna" in text

    doc = Document(io.BytesIO(diff_docx(diff, title="Dorpsstraat")))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "Instrumentarium" in paragraphs
    assert "instrument toegevoegd: gebiedsakkoord <b>" in paragraphs

    assert "Geen inhoudelijke wijzigingen" in diff_markdown(compare(old, old))


def test_audit_export_and_comment_appendix() -> None:
    at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    events = [
        AuditEvent(
            id=1,
            at=at,
            actor="user:anna",
            action="shared",
            conversation_id="c1",
            detail={"user": "user:ben", "role": "meelezer"},
        ),
        AuditEvent(
            id=2,
            at=at,
            actor="user:carla",
            action="approved",
            conversation_id="c1",
            detail={"version": 2},
        ),
    ]
    rows = list(csv.reader(io.StringIO(audit_csv(events))))
    assert rows[0] == ["tijdstip", "gebruiker", "handeling", "opdracht", "details"]
    assert rows[1] == [at.isoformat(), "user:anna", "shared", "c1", "role=meelezer; user=ben"]
    assert [e["action"] for e in json.loads(audit_json(events))] == ["shared", "approved"]

    comments = [
        Comment(
            id=1, conversation_id="c1", section="goal", author="user:ben", text="Meetbaar?", at=at
        ),
        Comment(
            id=2,
            conversation_id="c1",
            section="goal",
            author="user:anna",
            text="Ja.",
            at=at,
            parent_id=1,
        ),
        Comment(
            id=3,
            conversation_id="c1",
            section=None,
            author="user:ben",
            text="Klaar.",
            at=at,
            resolved=True,
        ),
    ]
    appendix = comments_markdown(comments)
    assert "**Doel en beoogde resultaten**, ben" in appendix and "Meetbaar?" in appendix
    assert "  - anna" in appendix and "Klaar." not in appendix
    assert comments_markdown(comments[2:]) == ""


def test_comments_appendix_in_word() -> None:
    at = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    comments = [
        Comment(
            id=1, conversation_id="c", section="mandate", author="user:ben", text="Wie?", at=at
        ),
        Comment(
            id=2,
            conversation_id="c",
            section="mandate",
            author="user:anna",
            text="De wethouder.",
            at=at,
            parent_id=1,
        ),
    ]
    doc = Document()
    assert add_comments_appendix(doc, comments)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Openstaande opmerkingen"
    assert texts[1].startswith("Opdrachtgever en mandaat, ben") and texts[1].endswith("Wie?")
    assert texts[2].startswith("anna") and texts[2].endswith("De wethouder.")
    assert not add_comments_appendix(Document(), [])
