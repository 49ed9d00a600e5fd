"""Provenance: every value of a commission names where it came from."""

from __future__ import annotations

from opdrachtassistent.commission import Commission, Origin, Stakeholder
from opdrachtassistent.drafting.notes import draft
from opdrachtassistent.provenance import prune, value_paths

NOTES = """Het riool in de Dorpsstraat zakt elk jaar verder in.
De bewoners klagen over wateroverlast.
Wethouder De Vries is opdrachtgever. Er is een budget van 2 miljoen euro.
We betrekken het waterschap en de bewoners van de Dorpsstraat.
"""


def test_value_paths_name_items_by_index() -> None:
    c = Commission(frameworks=["Omgevingswet", "GRP"])
    c.goal.statement = "Een droge Dorpsstraat"
    c.stakeholders = [Stakeholder(name="waterschap", role="adviseert"), Stakeholder(name="Enexis")]
    assert value_paths(c) == [
        "goal.statement",
        "stakeholders.0",
        "stakeholders.0.role",
        "stakeholders.1",
        "frameworks.0",
        "frameworks.1",
    ]


def test_draft_from_a_document_names_it() -> None:
    c = draft(NOTES, document="raadsvoorstel.docx")
    assert value_paths(c)
    assert set(c.provenance) == set(value_paths(c))
    assert all(
        o.source == "document" and o.document == "raadsvoorstel.docx" for o in c.provenance.values()
    )


def test_draft_from_pasted_notes_is_the_users() -> None:
    c = draft(NOTES)
    assert set(c.provenance) == set(value_paths(c))
    assert all(o.source == "user" and o.document is None for o in c.provenance.values())


def test_prune_drops_entries_for_values_that_are_gone() -> None:
    c = Commission(frameworks=["Omgevingswet"])
    c.provenance = {"frameworks.0": Origin(source="user"), "frameworks.1": Origin(source="user")}
    prune(c)
    assert list(c.provenance) == ["frameworks.0"]
