"""The terminal interview end to end: a scripted conversation through the real console script."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from opdrachtassistent import Commission
from opdrachtassistent.cli import chat as chat_cli
from opdrachtassistent.cli import main
from opdrachtassistent.config import Settings
from opdrachtassistent.errors import KnowledgeError
from opdrachtassistent.passages import Passage, Retriever
from opdrachtassistent.services import Services

ANSWERS = [
    "We willen de Dorpsstraat herinrichten en de riolering vervangen, wethouder De Vries is "
    "opdrachtgever, budget 3,2 miljoen, klaar eind 2027",
    "De riolering in de Dorpsstraat is op en de straat loopt onder bij hevige regen.",
    "Een klimaatbestendige en groene Dorpsstraat. Alle daken afgekoppeld en 40 extra bomen.",
    "Binnen budget en planning beslist de projectleider zelf; bij overschrijding beslist de "
    "wethouder.",
    "Waterschap De Dommel (medefinancier afkoppelen) en de bewoners van de Dorpsstraat "
    "(overlast en inspraak).",
    "anderhalve fte",
    "De Omgevingswet en het GRP.",
    "Een participatietraject en een KLIC-melding.",
    "Een integraal projectteam met riolering, wegen en groen dat tweewekelijks overlegt.",
    "ja",
]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "OPDRACHTASSISTENT_DATA_DIR": str(tmp_path / "data")}


def _run(tmp_path: Path, cmd: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real console command, offline, with a private data directory."""
    return subprocess.run(
        cmd,
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )


def test_piped_interview_writes_complete_commission(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    exe = Path(sys.executable).with_name("opdrachtassistent")
    proc = _run(
        tmp_path, [str(exe), "chat", "--json-out", str(out)], stdin="\n".join(ANSWERS) + "\n"
    )
    assert "Goedendag" in proc.stdout
    assert "Klopt dit?" in proc.stdout
    assert "de opdracht is vastgesteld" in proc.stdout
    commission = Commission.model_validate(json.loads(out.read_text(encoding="utf-8")))
    assert commission.completeness().complete
    assert commission.resources.budget_eur == 3_200_000
    assert commission.mandate.commissioner == "wethouder De Vries"


def test_python_dash_m_works(tmp_path: Path) -> None:
    proc = _run(tmp_path, [sys.executable, "-m", "opdrachtassistent", "--help"])
    assert "chat" in proc.stdout


def test_interrupted_interview_still_saves(tmp_path: Path) -> None:
    out = tmp_path / "half.json"
    proc = _run(
        tmp_path,
        [sys.executable, "-m", "opdrachtassistent", "chat", "--json-out", str(out)],
        stdin=ANSWERS[0] + "\nstop\n",
    )
    assert "nog niet afgerond" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["resources"]["budget_eur"] == 3200000


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "opdrachtassistent" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# In-process runs: stdin from a string, the knowledge base replaced by a small stub.


class StubRetriever:
    """One fixed passage for every search: enough to see citations flow through."""

    def __init__(self) -> None:
        self.passage = Passage(
            id="stub#1", text="Een stubpassage.", title="Stub", source="Test", heading="Kop"
        )

    def search(self, query: str, *, k: int = 3, section: str | None = None) -> list[Passage]:
        return [self.passage.model_copy()]

    def get(self, passage_id: str) -> Passage | None:
        return self.passage.model_copy() if passage_id == "stub#1" else None


class BrokenServices(Services):
    """Services whose knowledge base cannot be opened (a bad data dir, a dead server)."""

    @property
    def retriever(self) -> Retriever:  # type: ignore[override]
        raise KnowledgeError("De kennisbank in /nergens kon niet worden geopend.")


def _chat(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    answers: list[str],
    services: Services | None = None,
) -> int:
    chosen = services or Services(Settings())
    if services is None:
        chosen.__dict__["retriever"] = StubRetriever()
    monkeypatch.setattr(chat_cli, "build_services", lambda settings: chosen)
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(a + "\n" for a in answers)))
    return main(["chat", *argv])


@pytest.mark.parametrize(
    ("make_target", "expected"),
    [
        (lambda tmp: tmp / "geen-map" / "c.json", "bestaat niet"),
        (lambda tmp: tmp, "dit is een map"),
        (lambda tmp: tmp / "bestand.txt" / "c.json", "geen map"),
    ],
)
def test_unwritable_output_is_refused_before_the_first_question(
    make_target: Callable[[Path], Path],
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "bestand.txt").write_text("x", encoding="utf-8")
    target = make_target(tmp_path)
    for flag in ("--json-out", "--md-out"):
        assert _chat(monkeypatch, [flag, str(target)], ANSWERS) == 2
        out, err = capsys.readouterr()
        assert "Goedendag" not in out
        assert expected in err and "Traceback" not in err


def test_a_failed_write_at_the_end_prints_the_commission(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "weg" / "c.json"  # the folder disappeared during the interview
    assert not chat_cli._write(target, '{"title": "x"}\n', "JSON", sys.stdout, sys.stderr)
    out, err = capsys.readouterr()
    assert "mislukt (de map bestaat niet)" in err
    assert '{"title": "x"}' in out


def test_sources_requested_but_knowledge_base_broken_goes_on_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "c.json"
    services = BrokenServices(Settings())
    code = _chat(
        monkeypatch, ["--bronnen", "--json-out", str(out_file)], [*ANSWERS[:2], "waarom?"], services
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert "kon niet worden geopend" in err and "zonder bronnen" in err
    assert "De bronnen zijn nu niet beschikbaar" in out
    assert json.loads(out_file.read_text(encoding="utf-8"))["resources"]["budget_eur"]


@pytest.mark.parametrize(
    ("argv", "expected", "not_expected"),
    [
        ([], "Er is niets opgeslagen", "wat u gaf is bewaard"),
        (["--json-out", "{tmp}/c.json"], "wat u gaf is bewaard", "niets opgeslagen"),
    ],
)
def test_unfinished_interview_says_truthfully_whether_it_was_saved(
    argv: list[str],
    expected: str,
    not_expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [a.format(tmp=tmp_path) for a in argv]
    assert _chat(monkeypatch, args, ANSWERS[:1]) == 0
    out = capsys.readouterr().out
    assert expected in out and not_expected not in out


def test_markdown_export_has_the_review_appendix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    md = tmp_path / "c.md"
    assert _chat(monkeypatch, ["--md-out", str(md)], ANSWERS[:1]) == 0
    text = md.read_text(encoding="utf-8")
    assert "## Bijlage: kwaliteitstoets" in text
    assert "Stub, Kop" in text  # the review's citations come from the knowledge base


def test_piped_why_is_echoed_before_its_sources(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _chat(monkeypatch, [], [ANSWERS[0], "waarom?"]) == 0
    out = capsys.readouterr().out
    assert out.index("> waarom?") < out.index("Waarom vraag ik dit?")
    assert "[Stub – Kop]" in out
