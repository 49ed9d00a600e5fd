"""Batch drafting over a folder of good and bad notes, and the `draft` / `review` commands.

The batch mechanics (reading, bad files, outputs, the CSV, progress) run with a small fake
drafter so they do not depend on extraction; the end-to-end tests use `drafting.draft`.
"""

from __future__ import annotations

import argparse
import csv
import errno
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from opdrachtassistent.cli.draft import add_draft_parser
from opdrachtassistent.cli.review import add_review_parser
from opdrachtassistent.commission import Commission, Goal, Mandate, Resources
from opdrachtassistent.documents.limits import MAX_TEXT_BYTES as MAX_BYTES
from opdrachtassistent.drafting.batch import (
    REVIEW_SUFFIX,
    SUMMARY_COLUMNS,
    SUMMARY_NAME,
    BatchReport,
    TextProgressBar,
    draft_files,
)
from opdrachtassistent.errors import InputError, os_reason
from opdrachtassistent.render.as_json import from_json, to_json

TODAY = date(2026, 3, 1)

NOTES_DORPSSTRAAT = (
    "Notities overleg 12 februari\n"
    "We willen de Dorpsstraat herinrichten en de riolering vervangen. Wethouder De Vries is "
    "opdrachtgever. Budget 3,2 miljoen, klaar eind 2027. Het waterschap De Dommel doet mee.\n"
)
NOTES_GASVRIJ = (
    "Wijk Kruiskamp van het aardgas af. Stedin en woningcorporatie Zayaz zijn partners. "
    "Het college van B&W is opdrachtgever, budget € 4.000.000, anderhalve fte, Q3 2028.\n"
)
NOTES_SCHOOLZONE = (
    "Schoolzone bij De Regenboog veiliger maken; afdelingshoofd Verkeer wil dit voor de "
    "zomer van 2027. Ouders en de school zijn betrokken. Drie ton uit het mobiliteitsbudget.\n"
)


class FakeDrafter:
    """Title from the first line, themes riolering + groen, a few open questions."""

    def __init__(self, explode_on: str | None = None) -> None:
        self.texts: list[str] = []
        self.documents: list[str | None] = []
        self.explode_on = explode_on

    def __call__(self, text: str, *, document: str | None = None) -> Commission:
        self.texts.append(text)
        self.documents.append(document)
        if self.explode_on and self.explode_on in text:
            raise RuntimeError("kapot")
        first = text.strip().splitlines()[0][:80]
        return Commission(
            title=first,
            goal=Goal(statement="De straat herinrichten", themes=["riolering", "groen"]),
            mandate=Mandate(commissioner="wethouder De Vries", level="bestuurlijk"),
            resources=Resources(budget_eur=3_200_000, deadline=date(2027, 12, 31)),
            open_questions=["Wat is de beslisruimte?", "Hoeveel fte?"],
        )


@pytest.fixture
def notes_dir(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "notities"
    folder.mkdir()
    files: dict[str, bytes] = {
        "dorpsstraat.txt": NOTES_DORPSSTRAAT.encode("utf-8"),
        "gasvrij.txt": NOTES_GASVRIJ.encode("utf-8-sig"),
        "schoolzone.txt": NOTES_SCHOOLZONE.encode("cp1252"),
        "leeg.txt": b"",
        "spaties.txt": b"  \n\t \r\n",
        "binair.dat": bytes(range(256)) * 4,
        "plaatje.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40,
        "stuk.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "notities.docx": b"PK\x03\x04" + b"\x14\x00" * 20,
        "onleesbaar.txt": "Café € ".encode("cp1252") + b"\x81\x8d\x8f\x90\x9d",
        "groot.txt": b"Dorpsstraat herinrichten. " * (MAX_BYTES // 20),
        "unicode16.txt": NOTES_DORPSSTRAAT.encode("utf-16"),
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    return paths


def read_summary(report: BatchReport) -> list[dict[str, str]]:
    raw = report.summary_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Dutch Excel reads UTF-8
    with report.summary_csv.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        assert tuple(reader.fieldnames or ()) == SUMMARY_COLUMNS
        return list(reader)


# --------------------------------------------------------------------------------------------
# The batch with a fake drafter


def test_batch_drafts_good_files_and_reports_bad_ones(
    notes_dir: dict[str, Path], tmp_path: Path
) -> None:
    drafter = FakeDrafter()
    paths = list(notes_dir.values())
    report = draft_files(
        paths, tmp_path / "uit", "md", drafter=drafter, progress=False, today=TODAY
    )
    assert [i.file for i in report.items] == [str(p) for p in paths]  # input order
    status = {Path(i.file).name: i for i in report.items}
    good = {"dorpsstraat.txt", "gasvrij.txt", "schoolzone.txt", "unicode16.txt"}
    assert {n for n, i in status.items() if i.status == "ok"} == good
    reasons = {n: (i.error or "") for n, i in status.items() if i.status == "fout"}
    assert "leeg" in reasons["leeg.txt"] and "leeg" in reasons["spaties.txt"]
    assert "binaire inhoud" in reasons["binair.dat"]
    assert "binaire inhoud" in reasons["plaatje.png"]
    assert "PDF" in reasons["stuk.pdf"]
    assert "Word" in reasons["notities.docx"]
    assert "tekenset" in reasons["onleesbaar.txt"]
    assert "te groot" in reasons["groot.txt"]
    assert all(reason.startswith(name) for name, reason in reasons.items())
    # cp1252 and UTF-16 notes were decoded, not mangled
    assert any("Drie ton" in t for t in drafter.texts)
    assert any(t.startswith("Notities overleg") for t in drafter.texts)
    assert all("\ufeff" not in t for t in drafter.texts)
    assert "dorpsstraat.txt" in drafter.documents  # the file name reaches the provenance


def test_batch_summary_csv(notes_dir: dict[str, Path], tmp_path: Path) -> None:
    paths = [notes_dir["dorpsstraat.txt"], notes_dir["leeg.txt"], notes_dir["gasvrij.txt"]]
    report = draft_files(paths, tmp_path / "uit", "md", drafter=FakeDrafter(), progress=False)
    assert report.summary_csv == tmp_path / "uit" / SUMMARY_NAME
    rows = read_summary(report)
    assert [Path(r["file"]).name for r in rows] == ["dorpsstraat.txt", "leeg.txt", "gasvrij.txt"]
    ok, bad, _ = rows
    assert ok["status"] == "ok" and ok["error"] == ""
    assert ok["title"] == "Notities overleg 12 februari"
    assert ok["commissioner"] == "wethouder De Vries"
    assert ok["budget_eur"] == "3200000"
    assert ok["deadline"] == "2027-12-31"
    assert 0 < float(ok["completeness"]) < 1
    assert ok["ready"] == "nee"
    assert int(ok["n_findings_hoog"]) >= 1
    assert ok["n_open_questions"] == "2"
    assert Path(ok["output"]).name == "dorpsstraat.md"
    assert bad["status"] == "fout" and "leeg" in bad["error"]
    assert bad["title"] == bad["output"] == bad["n_findings_hoog"] == ""


def test_batch_md_output_has_review_and_open_questions(
    notes_dir: dict[str, Path], tmp_path: Path
) -> None:
    report = draft_files(
        [notes_dir["dorpsstraat.txt"]], tmp_path / "uit", "md", drafter=FakeDrafter()
    )
    md = (tmp_path / "uit" / "dorpsstraat.md").read_text(encoding="utf-8")
    assert report.items[0].output == str(tmp_path / "uit" / "dorpsstraat.md")
    assert "## Open vragen" in md and "Wat is de beslisruimte?" in md
    assert "## Bijlage: kwaliteitstoets" in md


def test_batch_json_output_with_review_beside_it(
    notes_dir: dict[str, Path], tmp_path: Path
) -> None:
    draft_files([notes_dir["gasvrij.txt"]], tmp_path / "uit", "json", drafter=FakeDrafter())
    commission = from_json((tmp_path / "uit" / "gasvrij.json").read_text(encoding="utf-8"))
    assert commission.open_questions == ["Wat is de beslisruimte?", "Hoeveel fte?"]
    review_data = json.loads(
        (tmp_path / "uit" / f"gasvrij{REVIEW_SUFFIX}").read_text(encoding="utf-8")
    )
    assert {"findings", "verdict", "ready"} <= set(review_data)


def test_batch_docx_output(notes_dir: dict[str, Path], tmp_path: Path) -> None:
    draft_files([notes_dir["schoolzone.txt"]], tmp_path / "uit", "docx", drafter=FakeDrafter())
    doc = Document(str(tmp_path / "uit" / "schoolzone.docx"))
    headings = [p.text for p in doc.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings[-2:] == ["Open vragen", "Bijlage: kwaliteitstoets"]


def test_batch_numbers_outputs_that_share_a_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notities.txt").write_text(f"Map {folder}", encoding="utf-8")
    report = draft_files(
        [tmp_path / "a" / "notities.txt", tmp_path / "b" / "notities.txt"],
        tmp_path / "uit",
        "md",
        drafter=FakeDrafter(),
    )
    assert [Path(i.output or "").name for i in report.items] == ["notities.md", "notities-2.md"]


def test_batch_continues_after_a_drafter_crash_and_a_missing_file(
    notes_dir: dict[str, Path], tmp_path: Path
) -> None:
    paths = [
        notes_dir["dorpsstraat.txt"],
        tmp_path / "bestaat-niet.txt",
        notes_dir["gasvrij.txt"],
        tmp_path,  # a folder
        notes_dir["schoolzone.txt"],
    ]
    report = draft_files(
        paths, tmp_path / "uit", "md", drafter=FakeDrafter(explode_on="Kruiskamp"), progress=False
    )
    errors = [i.error or "" for i in report.failed]
    assert [Path(i.file).name for i in report.ok] == ["dorpsstraat.txt", "schoolzone.txt"]
    assert any("bestaat niet" in e for e in errors)
    assert any("onverwachte fout" in e and "kapot" in e for e in errors)
    assert any("map" in e for e in errors)


def test_batch_rejects_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Onbekend formaat"):
        draft_files([], tmp_path, "pdf")  # type: ignore[arg-type]


def test_progress_callback_and_text_bar(notes_dir: dict[str, Path], tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, name: str) -> None:
        calls.append((done, total, name))

    paths = list(notes_dir.values())
    draft_files(paths, tmp_path / "uit", "json", drafter=FakeDrafter(), progress=progress)
    assert [c[0] for c in calls] == list(range(1, len(paths) + 1))
    assert all(c[1] == len(paths) for c in calls)

    stream = io.StringIO()
    bar = TextProgressBar(stream, width=10)
    for i in range(1, 21):
        bar(i, 20, f"f{i}.txt")
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("[##########] 20/20")
    assert 2 <= len(lines) <= 12  # not one line per file when not a terminal


def test_progress_bar_shown_by_default_for_many_files(
    notes_dir: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft_files(list(notes_dir.values()), tmp_path / "uit", "md", drafter=FakeDrafter())
    assert "[" in capsys.readouterr().err
    draft_files([notes_dir["dorpsstraat.txt"]], tmp_path / "uit2", "md", drafter=FakeDrafter())
    assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------------------------
# The commands, through their registration functions


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="opdrachtassistent")
    sub = parser.add_subparsers(dest="command")
    add_draft_parser(sub)
    add_review_parser(sub)
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    return func(args)


def write_commission(path: Path, commission: Commission) -> Path:
    path.write_text(to_json(commission), encoding="utf-8")
    return path


def test_review_command_prints_dutch_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = Commission(
        title="Kerkstraat",
        goal=Goal(statement="De Kerkstraat herinrichten", themes=["riolering", "groen"]),
        mandate=Mandate(commissioner="afdelingshoofd Beheer", level="ambtelijk"),
    )
    path = write_commission(tmp_path / "c.json", c)
    code = run_cli(["review", str(path), "--zonder-bronnen", "--vandaag", "2026-03-01"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Kwaliteitstoets: Kerkstraat")
    assert "Nog niet gereed voor uitvoering" in out
    assert "[HOOG]" in out and "(mandaat_niveau)" in out


def test_review_command_json_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_commission(tmp_path / "c.json", Commission())
    assert run_cli(["review", str(path), "--json", "--zonder-bronnen"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ready"] is False and data["findings"]
    assert run_cli(["review", str(path), "--streng", "--zonder-bronnen"]) == 1


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"title": "x",', "geen geldige JSON (regel 1"),
        ("niet eens json", "geen geldige JSON"),
        ('{"goal": {"themes": ["vliegen"]}}', "geen geldige opdracht (goal.themes.0"),
        ('{"onbekend": 1}', "geen geldige opdracht"),
        ("[]", "geen geldige opdracht"),
    ],
)
def test_review_command_invalid_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    assert run_cli(["review", str(path), "--zonder-bronnen"]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err


def test_review_command_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["review", str(tmp_path / "nee.json"), "--zonder-bronnen"]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_review_command_rejects_a_bad_date(tmp_path: Path) -> None:
    path = write_commission(tmp_path / "c.json", Commission())
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["review", str(path), "--vandaag", "morgen"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["draft", "a.txt", "b.txt", "-o", "x.md"], "maar één document"),
        (["draft", "a.txt", "b.txt"], "--out MAP"),
        (["draft", "a.txt", "--format", "docx"], "-o BESTAND.docx"),
    ],
)
def test_draft_command_usage_errors(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli([*argv, "--zonder-bronnen"]) == 2
    assert words in capsys.readouterr().err


def test_draft_command_bad_single_file(
    notes_dir: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / "x.md")
    code = run_cli(["draft", str(notes_dir["binair.dat"]), "-o", target, "--zonder-bronnen"])
    assert code == 2
    assert "binaire inhoud" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()


# --------------------------------------------------------------------------------------------
# End to end with the real drafting


def test_batch_with_real_drafting(notes_dir: dict[str, Path], tmp_path: Path) -> None:
    report = draft_files(
        list(notes_dir.values()), tmp_path / "uit", "md", progress=False, today=TODAY
    )
    rows = {Path(r["file"]).name: r for r in read_summary(report)}
    assert rows["dorpsstraat.txt"]["status"] == "ok"
    assert rows["dorpsstraat.txt"]["budget_eur"] == "3200000"
    assert rows["dorpsstraat.txt"]["deadline"] == "2027-12-31"
    assert "De Vries" in rows["dorpsstraat.txt"]["commissioner"]
    assert rows["schoolzone.txt"]["budget_eur"] == "300000"
    assert int(rows["dorpsstraat.txt"]["n_open_questions"]) >= 1
    assert rows["leeg.txt"]["status"] == "fout"
    assert rows["groot.txt"]["status"] == "fout"
    assert len(report.ok) == 4


def test_draft_command_single_file_to_each_format(
    notes_dir: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = str(notes_dir["dorpsstraat.txt"])
    assert run_cli(["draft", notes, "-o", str(tmp_path / "c.json"), "--zonder-bronnen"]) == 0
    commission = from_json((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert commission.resources.budget_eur == 3_200_000
    assert "Geschreven:" in capsys.readouterr().err
    assert run_cli(["draft", notes, "-o", str(tmp_path / "c.docx"), "--zonder-bronnen"]) == 0
    assert Document(str(tmp_path / "c.docx")).paragraphs[1].text == "Integrale opdracht"
    assert run_cli(["draft", notes, "--format", "md", "--zonder-bronnen"]) == 0
    out = capsys.readouterr().out
    assert "## Bijlage: kwaliteitstoets" in out and "€ 3.200.000" in out
    # and the JSON it wrote is what `review` reads
    assert run_cli(["review", str(tmp_path / "c.json"), "--zonder-bronnen"]) == 0


def test_draft_command_folder(
    notes_dir: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["draft", *map(str, notes_dir.values()), "--out", str(tmp_path / "uit")]
    assert run_cli([*argv, "--format", "docx", "--zonder-bronnen"]) == 1  # some files failed
    captured = capsys.readouterr()
    assert "4 van 12 concepten opgesteld" in captured.out
    assert "Overgeslagen: leeg.txt" in captured.err
    assert (tmp_path / "uit" / "dorpsstraat.docx").exists()
    assert (tmp_path / "uit" / SUMMARY_NAME).exists()


# --------------------------------------------------------------------------------------------
# Error paths a user meets: unusable targets and inputs, in Dutch and without a traceback


@pytest.mark.parametrize(
    ("make_out", "words"),
    [
        (lambda tmp: tmp / "bestand.txt", "is een bestand, geen map"),
        (lambda tmp: tmp / "bestand.txt" / "sub", "is een bestand, geen map"),
    ],
)
def test_draft_command_unusable_out_dir(
    make_out: Callable[[Path], Path],
    words: str,
    notes_dir: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "bestand.txt").write_text("x", encoding="utf-8")
    notes = str(notes_dir["dorpsstraat.txt"])
    assert run_cli(["draft", notes, "--out", str(make_out(tmp_path)), "--zonder-bronnen"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_draft_command_out_dir_that_cannot_be_made(
    notes_dir: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    notes = str(notes_dir["dorpsstraat.txt"])
    code = run_cli(["draft", notes, "--out", str(tmp_path / "nieuw"), "--zonder-bronnen"])
    assert code == 2
    assert "mislukt: geen toestemming" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "de map bestaat niet"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "dit is een map, geen bestand"),
        (PermissionError(errno.EACCES, "Permission denied"), "geen toestemming"),
        (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
        (OSError(errno.EIO, "Input/output error"), "Input/output error"),
    ],
)
def test_os_errors_in_dutch(error: OSError, reason: str) -> None:
    assert os_reason(error) == reason


def test_draft_command_single_output_is_a_directory(
    notes_dir: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = str(notes_dir["dorpsstraat.txt"])
    assert run_cli(["draft", notes, "-o", str(tmp_path), "--zonder-bronnen"]) == 2
    err = capsys.readouterr().err
    assert "mislukt: dit is een map, geen bestand" in err and "Is a directory" not in err


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{FOLDER}", "dit is een map; geef het JSON-bestand"),
        (
            '{"findings": [], "verdict": "Gereed", "ready": true}',
            "dit is een kwaliteitstoets, geen opdracht",
        ),
        ('{"goal": {"themes": ["vliegen"]}}', "'vliegen' is geen toegestane waarde; kies uit"),
        ('{"resources": {"deadline": "eind 2027"}}', "'eind 2027' is geen datum; gebruik JJJJ"),
        ('{"resources": {"budget_eur": "veel"}}', "'veel' is geen getal"),
        ('{"stakeholders": [{"role": "x"}]}', "stakeholders.0.name: ontbreekt"),
        ('{"onbekend": 1}', "onbekend: onbekend veld"),
        ("[]", "(geheel): hier hoort een object met velden"),
    ],
)
def test_review_command_explains_bad_input_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    if content == "{FOLDER}":
        path = tmp_path / "map.json"
        path.mkdir()
    else:
        path = tmp_path / "c.json"
        path.write_text(content, encoding="utf-8")
    assert run_cli(["review", str(path), "--zonder-bronnen"]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Input should" not in err and " or " not in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("notes", "words"),
    [
        ("Budget 3,2 miljoen, wethouder De Vries.", "bevindingen met hoog risico"),
    ],
)
def test_draft_command_single_summary_has_proper_plurals(
    notes: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "n.txt"
    src.write_text(notes, encoding="utf-8")
    assert run_cli(["draft", str(src), "-o", str(tmp_path / "c.md"), "--zonder-bronnen"]) == 0
    err = capsys.readouterr().err
    assert words in err and "(en)" not in err and "vraag/vragen" not in err
