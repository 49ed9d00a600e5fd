"""`opdrachtassistent draft` as a programme office uses it, through the real entry point."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document

from opdrachtassistent.cli import main

NOTES = (
    "Van: programmabureau\nOnderwerp: Molenweg\n\n"
    "De riolering in de Molenweg is aan vervanging toe. Wethouder Jansen is opdrachtgever. "
    "Budget 2,8 miljoen, klaar eind 2027. Waterschap Brabantse Delta is medefinancier.\n"
)


@pytest.mark.parametrize("today", ["2026-03-01", "2027-01-15"])
def test_word_draft_says_who_made_it_and_when(
    today: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "molenweg.txt"
    notes.write_text(NOTES, encoding="utf-8")
    target = tmp_path / "molenweg.docx"
    argv = ["draft", str(notes), "-o", str(target), "--zonder-bronnen", "--vandaag", today]
    assert main(argv) == 0
    props = Document(str(target)).core_properties
    assert props.author == "opdrachtassistent"
    assert "python-docx" not in (props.comments or "")
    assert props.created is not None and props.created > datetime(2024, 1, 1, tzinfo=UTC)
    assert props.language == "nl-NL"
    assert "Geschreven:" in capsys.readouterr().err
