"""The document readers on real files made in the test: Word, PDF, ODT, mail, text.

Each format is read into sections and plain text; each way a file can be unusable gets a
Dutch message that names the file; the limits cut a long document with a note.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.support.documents import write_docx, write_eml, write_odt, write_pdf

from opdrachtassistent.documents import SUPPORTED_SUFFIXES, limits, read_bytes, read_document
from opdrachtassistent.errors import DocumentError, InputError

RAADSVOORSTEL = [
    ("h", "Aanleiding"),
    ("p", "De riolering onder de Kerkweg is ruim zestig jaar oud en bezwijkt op meerdere plekken."),
    ("h", "Voorstel"),
    (
        "p",
        "Het college stelt de raad voor een krediet van 2,4 miljoen euro beschikbaar te stellen.",
    ),
    ("p", "Opdrachtgever is wethouder Jansen. Het werk is uiterlijk 1 oktober 2027 afgerond."),
]


def test_docx_sections_title_and_text(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "raadsvoorstel.docx", RAADSVOORSTEL, title="Herinrichting Kerkweg")
    read = read_document(path)
    assert read.title == "Herinrichting Kerkweg"
    assert [s.heading for s in read.sections] == ["Aanleiding", "Voorstel"]
    assert read.text.startswith("Aanleiding: De riolering onder de Kerkweg")
    assert "2,4 miljoen euro" in read.text and read.notes == ()


def test_short_headings_label_their_text_for_drafting(tmp_path: Path) -> None:
    blocks = [
        ("h", "2.1 Doel"),
        ("p", "De Havenkade wordt autoluw."),
        ("p", "Laden en lossen kan tot 11 uur."),
        ("h", "Wat vinden de ondernemers van de plannen?"),
        ("p", "De ondernemersvereniging steunt het plan."),
        ("h", "Samenvatting van het voorstel aan de gemeenteraad"),
        ("p", "De raad wordt gevraagd een krediet te verlenen."),
    ]
    text = read_document(write_docx(tmp_path / "havenkade.docx", blocks)).text
    assert text.split("\n\n") == [
        "Doel: De Havenkade wordt autoluw.\nLaden en lossen kan tot 11 uur.",
        "Wat vinden de ondernemers van de plannen?",
        "De ondernemersvereniging steunt het plan.",
        "Samenvatting van het voorstel aan de gemeenteraad",
        "De raad wordt gevraagd een krediet te verlenen.",
    ]


def test_pdf_pages_are_sections_without_made_up_headings_in_the_text(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "besluit.pdf",
        [
            ["Het college besluit de lantaarnpalen in Hoogland te vervangen."],
            ["Het afdelingshoofd Beheer is opdrachtgever."],
        ],
        title="Collegebesluit verlichting",
    )
    read = read_document(path)
    assert read.title == "Collegebesluit verlichting"
    assert [s.heading for s in read.sections] == ["Pagina 1", "Pagina 2"]
    assert "Pagina" not in read.text
    assert read.text.endswith("Het afdelingshoofd Beheer is opdrachtgever.")


def test_odt_headings_lists_spaces_and_table(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "projectplan.odt",
        [
            ("h", "Betrokken partijen"),
            ("p", "Bij  het ontwerp   worden betrokken:"),
            ("li", "de wijkvereniging Oosterpark"),
            ("li", "Stichting Speelnatuur"),
            ("h", "Planning"),
            ("p", "Aanvang werkzaamheden najaar 2026 & oplevering medio 2027."),
        ],
        title="Projectplan Oosterpark",
        table=[["Post", "Bedrag"], ["Groen", "120.000"]],
    )
    read = read_document(path)
    assert read.title == "Projectplan Oosterpark"
    assert [s.heading for s in read.sections] == ["Betrokken partijen", "Planning", "Tabel"]
    assert read.sections[0].paragraphs == (
        "Bij het ontwerp worden betrokken:",
        "de wijkvereniging Oosterpark",
        "Stichting Speelnatuur",
    )
    assert "najaar 2026 & oplevering" in read.text
    assert "Groen | 120.000" in read.text and "Tabel" not in read.text


def test_eml_text_part_subject_and_readable_attachments(tmp_path: Path) -> None:
    bijlage = write_docx(
        tmp_path / "notitie.docx", [("p", "Het budget is 180.000 euro uit het speelruimteplan.")]
    )
    plaatje = tmp_path / "situatie.png"
    plaatje.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    path = write_eml(
        tmp_path / "speelplek.eml",
        subject="Speelplek Vogelbuurt",
        body="Beste collega,\n\nDe bewoners vragen om een veilige speelplek aan de\nMerelstraat.\n",
        html="<p>Dit is de <b>HTML</b>-versie.</p>",
        attachments=[bijlage, plaatje],
    )
    read = read_document(path)
    assert read.title == "Speelplek Vogelbuurt"
    assert read.author == "Sanne de Wit"
    assert read.sections[0].paragraphs == (
        "Beste collega,",
        "De bewoners vragen om een veilige speelplek aan de Merelstraat.",
    )
    assert "HTML-versie" not in read.text  # the text part is preferred
    assert read.sections[1].heading == "Bijlage: notitie.docx"
    assert "180.000 euro" in read.text
    assert any("situatie.png" in note and "niet gelezen" in note for note in read.notes)


def test_eml_with_only_html_is_read_as_text(tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Bomenkap Lindelaan"
    message.set_content(
        "<html><head><style>p {color: red}</style></head><body><p>Wij kappen 14 linden"
        "&nbsp;langs de Lindelaan.</p><p>Herplant&eacute; bomen volgen in maart.</p>"
        "<script>alert(1)</script></body></html>",
        subtype="html",
    )
    path = tmp_path / "bomen.eml"
    path.write_bytes(bytes(message))
    read = read_document(path)
    assert read.sections[0].paragraphs == (
        "Wij kappen 14 linden langs de Lindelaan.",
        "Herplanté bomen volgen in maart.",
    )
    assert "color" not in read.text and "alert" not in read.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Kerkstraat: riool en groen", "Kerkstraat: riool en groen"),
        ("Café € 2,5 mln".encode("utf-8-sig"), "Café € 2,5 mln"),
        ("Café € 2,5 mln".encode("cp1252"), "Café € 2,5 mln"),
        ("Café ‘t Hoekje".encode("utf-16"), "Café ‘t Hoekje"),
        (b"regel 1\r\nregel 2\r", "regel 1\nregel 2\n"),
    ],
)
def test_text_encodings(data: bytes, expected: str) -> None:
    assert read_bytes(data, "notities.txt").text == expected


def _zip(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("leeg.txt", b"", "leeg"),
        ("spaties.md", b" \n\t ", "leeg"),
        ("x.dat", b"\x00\x01\x02binary\x00", "binaire inhoud"),
        ("kapot.pdf", b"%PDF-1.7 niets erachter", "PDF-bestand is beschadigd"),
        ("notities.txt", b"%PDF-1.4 toch een pdf", "PDF-bestand is beschadigd"),
        ("kapot.docx", b"PK\x03\x04rest", "Word-bestand is beschadigd"),
        ("kapot.docx", b"geen zip", "Word-bestand is beschadigd"),
        ("kapot.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "beschadigd"),
        ("lijst.xlsx", _zip({"xl/workbook.xml": b"<x/>"}), "Excel"),
        ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60, "als .eml"),
        ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60, "als .docx"),
        ("x.txt", b"ok \x81\x8d\x8f", "tekenset"),
        ("groot.txt", b"a" * (limits.MAX_TEXT_BYTES + 1), "te groot"),
    ],
)
def test_unusable_input_gets_a_dutch_reason_that_names_the_file(
    name: str, data: bytes, words: str
) -> None:
    with pytest.raises(DocumentError) as info:
        read_bytes(data, name)
    assert words in info.value.message
    assert info.value.message.startswith(name + ": ")
    assert isinstance(info.value, InputError)  # the CLI's exit code 2


def test_scan_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="scan zonder tekstlaag"):
        read_document(write_pdf(tmp_path / "scan.pdf", [[], []]))


def test_password_protected_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(tmp_path / "open.pdf", [["Vertrouwelijk: grondaankoop Zuidrand."]])
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt(user_password="geheim", algorithm="RC4-128")
    locked = tmp_path / "dicht.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentError, match="wachtwoord"):
        read_document(locked)
    # protected against editing only (empty user password): read
    writer = PdfWriter(clone_from=PdfReader(str(plain)))
    writer.encrypt(user_password="", owner_password="beheer", algorithm="RC4-128")
    opened = tmp_path / "alleen-lezen.pdf"
    with opened.open("wb") as handle:
        writer.write(handle)
    assert "grondaankoop Zuidrand" in read_document(opened).text


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="bestaat niet"):
        read_document(tmp_path / "weg.docx")
    with pytest.raises(DocumentError, match="map"):
        read_document(tmp_path)


def test_huge_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "enorm.pdf"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200_000_000)
    read_bytes_called: list[str] = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read_bytes_called.append("x") or b"")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert "te groot (200,0 MB; maximaal 25 MB)" in info.value.message
    assert read_bytes_called == []


def test_long_pdf_is_read_up_to_the_page_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("opdrachtassistent.documents.pdf.MAX_PAGES", 3)
    pages = [[f"Bladzijde {n} van de begrotingsparagraaf."] for n in range(1, 8)]
    read = read_document(write_pdf(tmp_path / "begroting.pdf", pages))
    assert len(read.sections) == 3
    assert read.notes == ("begroting.pdf: alleen de eerste 3 van de 7 pagina's zijn gelezen.",)


def test_long_text_is_cut_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("opdrachtassistent.documents.reading.MAX_CHARS", 100)
    blocks = [
        ("p", f"Alinea {n} over het onderhoud van de kademuren langs de gracht.") for n in range(9)
    ]
    read = read_document(write_docx(tmp_path / "kademuren.docx", blocks))
    assert len(read.text) <= 100
    assert read.text.startswith("Alinea 0 over")
    assert read.notes == (
        "kademuren.docx: het document is lang; alleen de eerste 100 tekens zijn gelezen.",
    )


def test_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("opdrachtassistent.documents.zipped.MAX_UNZIPPED_BYTES", 1_000)
    path = write_docx(tmp_path / "opgeblazen.docx", [("p", "x" * 5_000)])
    with pytest.raises(DocumentError, match="pakt uit tot meer dan"):
        read_document(path)


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "verslag.docx", [("p", "Verslag van het bewonersoverleg.")])
    renamed = path.rename(tmp_path / "verslag")  # no extension, as an upload may arrive
    assert read_document(renamed).text == "Verslag van het bewonersoverleg."


def test_supported_suffixes_are_the_documented_ones() -> None:
    assert {".docx", ".pdf", ".odt", ".eml", ".md", ".txt"} <= set(SUPPORTED_SUFFIXES)
    assert ".msg" not in SUPPORTED_SUFFIXES
