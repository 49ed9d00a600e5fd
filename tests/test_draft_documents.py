"""`opdrachtassistent draft` on real documents: a raadsvoorstel in Word, a collegebesluit
as PDF, a mail with a Word attachment, a projectplan in ODT; and a folder with a bad one.

The documents are written in the test (tests/support/documents.py), in the registers these
texts have, in our own words. The drafts go through the real extraction.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.support.documents import (
    KERKWEG_RAADSVOORSTEL,
    write_docx,
    write_eml,
    write_odt,
    write_pdf,
)

from opdrachtassistent.cli.draft import add_draft_parser
from opdrachtassistent.commission import Commission
from opdrachtassistent.drafting.batch import SUMMARY_NAME
from opdrachtassistent.render.as_json import from_json


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="opdrachtassistent")
    add_draft_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args([*argv, "--zonder-bronnen"])
    func: Callable[[argparse.Namespace], int] = args.func
    return func(args)


def draft_to_json(source: Path, tmp_path: Path) -> Commission:
    target = tmp_path / "concept.json"
    assert run_cli(["draft", str(source), "-o", str(target)]) == 0
    return from_json(target.read_text(encoding="utf-8"))


def assert_from_document(commission: Commission, name: str) -> None:
    """Every value's origin names the document it was read from."""
    assert commission.provenance
    assert {o.source for o in commission.provenance.values()} == {"document"}
    assert {o.document for o in commission.provenance.values()} == {name}


def test_draft_a_word_raadsvoorstel(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "raadsvoorstel-kerkweg.docx", KERKWEG_RAADSVOORSTEL)
    c = draft_to_json(path, tmp_path)
    assert c.resources.budget_eur == 2_400_000
    assert c.resources.deadline == date(2027, 10, 1)
    assert c.mandate.commissioner is not None and "Jansen" in c.mandate.commissioner
    assert "riolering" in c.goal.themes
    assert any("Rivierenland" in s.name for s in c.stakeholders)
    # the heading labels its part: the aanleiding is the text under it, without the heading
    assert (c.context or "").startswith("De riolering onder de Kerkweg is ruim zestig jaar")
    assert_from_document(c, "raadsvoorstel-kerkweg.docx")


def test_a_long_raadsvoorstel_is_read_to_its_end(tmp_path: Path) -> None:
    """A 20-page proposal puts its budget and deadline in a late chapter: they are read."""
    filler = (
        "De wijk kent een lange geschiedenis van aanpassingen aan de openbare ruimte, die in "
        "verschillende perioden en met wisselende uitgangspunten tot stand zijn gekomen. "
    )
    blocks: list[tuple[str, str]] = [("h", "Historie van de wijk")]
    blocks += [("p", filler * 4) for _ in range(80)]  # some 60.000 characters before the money
    blocks += KERKWEG_RAADSVOORSTEL
    path = write_docx(tmp_path / "raadsvoorstel-lang.docx", blocks)
    c = draft_to_json(path, tmp_path)
    assert c.resources.budget_eur == 2_400_000
    assert c.resources.deadline == date(2027, 10, 1)
    assert c.mandate.commissioner is not None and "Jansen" in c.mandate.commissioner


def test_draft_a_pdf_collegebesluit(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "collegebesluit-verlichting.pdf",
        [
            [
                "Het college besluit de openbare verlichting in de wijk Hoogland",
                "te vervangen door ledverlichting. Hiervoor is een budget van",
                "650.000 euro beschikbaar uit de begroting 2026.",
            ],
            [
                "Het afdelingshoofd Beheer is opdrachtgever. De vervanging moet",
                "voor 31 december 2026 gereed zijn. Netbeheerder Enexis wordt betrokken.",
            ],
        ],
        title="Collegebesluit openbare verlichting Hoogland",
    )
    c = draft_to_json(path, tmp_path)
    assert c.resources.budget_eur == 650_000
    assert c.resources.deadline == date(2026, 12, 31)
    assert c.mandate.commissioner == "afdelingshoofd Beheer"
    assert "openbare_verlichting" in c.goal.themes
    assert "Pagina" not in (c.context or "")  # the reader's page headings are not text
    assert_from_document(c, "collegebesluit-verlichting.pdf")


def test_draft_a_mail_with_its_attachment(tmp_path: Path) -> None:
    bijlage = write_docx(
        tmp_path / "raming.docx",
        [("p", "Voor de speelplek is 180.000 euro beschikbaar uit het speelruimteplan.")],
    )
    path = write_eml(
        tmp_path / "speelplek-vogelbuurt.eml",
        subject="Speelplek Vogelbuurt",
        body=(
            "Beste collega,\n\nDe bewoners van de Vogelbuurt vragen al jaren om een veilige "
            "speelplek. Wij willen het grasveld aan de Merelstraat omvormen tot een groene "
            "speelplek.\n\nWethouder Bakker is opdrachtgever. De speelplek moet klaar zijn "
            "voor de zomer van 2027.\n\nMet vriendelijke groet,\nSanne de Wit\n"
        ),
        attachments=[bijlage],
    )
    c = draft_to_json(path, tmp_path)
    assert c.resources.budget_eur == 180_000  # from the attachment
    assert c.resources.deadline is not None and c.resources.deadline.year == 2027
    assert c.mandate.commissioner == "wethouder Bakker"
    assert_from_document(c, "speelplek-vogelbuurt.eml")


def test_draft_an_odt_projectplan(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "projectplan.odt",
        [
            ("h", "Opgave"),
            (
                "p",
                "We vervangen de kademuur langs de Oude Gracht, omdat die op twee plaatsen "
                "verzakt. Het budget is 3,5 miljoen euro.",
            ),
            ("p", "De teamleider Civiele Techniek is opdrachtgever."),
            ("p", "De kademuur moet eind 2028 klaar zijn."),
        ],
        title="Projectplan kademuur Oude Gracht",
    )
    c = draft_to_json(path, tmp_path)
    assert c.resources.budget_eur == 3_500_000
    assert c.resources.deadline == date(2028, 12, 31)
    assert_from_document(c, "projectplan.odt")


def test_a_folder_of_documents_with_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stukken"
    folder.mkdir()
    good = write_docx(folder / "raadsvoorstel.docx", KERKWEG_RAADSVOORSTEL)
    scan = write_pdf(folder / "scan.pdf", [[]])
    mail = folder / "doorgestuurd.msg"
    mail.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    notes = folder / "notities.txt"
    notes.write_text("Wethouder De Vries is opdrachtgever, budget 2 ton.", encoding="cp1252")
    out = tmp_path / "uit"
    code = run_cli(["draft", str(good), str(scan), str(mail), str(notes), "--out", str(out)])
    assert code == 1  # some failed, the others were drafted
    captured = capsys.readouterr()
    assert "2 van 4 concepten opgesteld" in captured.out
    assert "Overgeslagen: scan.pdf: geen tekst gevonden in de PDF" in captured.err
    assert "Overgeslagen: doorgestuurd.msg: een Outlook-bericht (.msg)" in captured.err
    with (out / SUMMARY_NAME).open(encoding="utf-8-sig", newline="") as handle:
        rows = {Path(r["file"]).name: r for r in csv.DictReader(handle, delimiter=";")}
    assert rows["raadsvoorstel.docx"]["budget_eur"] == "2400000"
    assert rows["notities.txt"]["status"] == "ok"
    assert rows["scan.pdf"]["status"] == "fout"


def test_a_long_pdf_is_drafted_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("opdrachtassistent.documents.pdf.MAX_PAGES", 2)
    pages = [["Het budget voor de fietsbrug is 1,2 miljoen euro."]] + [
        [f"Bijlage {n}: tekeningen van de fietsbrug."] for n in range(2, 6)
    ]
    c = draft_to_json(write_pdf(tmp_path / "fietsbrug.pdf", pages), tmp_path)
    assert c.resources.budget_eur == 1_200_000
    assert "alleen de eerste 2 van de 5 pagina's zijn gelezen" in capsys.readouterr().err
