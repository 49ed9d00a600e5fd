"""Small file builders for the knowledge tests: a hand-written PDF and a Word document."""

from __future__ import annotations

from pathlib import Path

from tests.support.documents import write_pdf

__all__ = ["write_docx", "write_pdf"]


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Beleidsnota bomen Testdorp"
    document.core_properties.author = "Gemeente Testdorp"
    document.add_heading("Bomenbeleid", level=1)
    document.add_paragraph("Waardevolle bomen blijven behouden bij herinrichting van straten.")
    document.add_paragraph("Kap wordt een op een gecompenseerd in dezelfde wijk.")
    document.add_heading("Participatie", level=2)
    document.add_paragraph("Bewoners worden betrokken voordat het ontwerp vastligt.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Soort"
    table.cell(0, 1).text = "Aantal"
    table.cell(1, 0).text = "Linde"
    table.cell(1, 1).text = "12"
    document.save(str(path))
    return path
