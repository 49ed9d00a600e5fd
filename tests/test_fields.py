"""The field table (fields.py), `Commission`, `Extraction` and the LLM's schema agree."""

from __future__ import annotations

from pydantic import BaseModel

from opdrachtassistent import fields
from opdrachtassistent.commission import SECTIONS, Commission
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.llm import ExtractionOutput


def test_the_table_lists_exactly_the_extraction_fields_in_order() -> None:
    names = [f.name for f in fields.FIELDS]
    assert names == list(Extraction.model_fields)
    assert names == list(ExtractionOutput.model_fields)
    assert len(set(names)) == len(names)


def test_every_path_is_a_commission_field() -> None:
    for f in fields.FIELDS:
        model: type[BaseModel] = Commission
        *parents, leaf = f.path.split(".")
        for part in parents:
            annotation = model.model_fields[part].annotation
            assert isinstance(annotation, type) and issubclass(annotation, BaseModel), f.name
            model = annotation
        assert leaf in model.model_fields, f.name


def test_sections_and_kinds_fit_the_commission() -> None:
    c = Commission()
    for f in fields.FIELDS:
        assert f.section is None or f.section in SECTIONS
        value = fields.value_at(c, f.path)
        assert isinstance(value, list) == (f.kind == "list"), f.name
    assert {f.section for f in fields.FIELDS} - {None} == set(SECTIONS)


def test_the_derived_lists() -> None:
    assert set(fields.TYPED_SCALARS) == {
        "budget_eur",
        "capacity_fte",
        "deadline",
        "start",
        "commissioner",
        "level",
    }
    assert set(fields.FREE_TEXT_FIELDS) == {
        "context",
        "goal_statement",
        "decision_space",
        "escalation",
        "organisation",
        "funding",
    }
    assert {"budget_eur", "capacity_fte", "deadline", "start"} == fields.RULES_FIRST
