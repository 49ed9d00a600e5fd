"""The terminal interview end to end: a scripted conversation through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from opdrachtassistent import Commission
from opdrachtassistent.cli import main

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


def test_piped_interview_writes_complete_commission(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    exe = Path(sys.executable).with_name("opdrachtassistent")
    proc = subprocess.run(
        [str(exe), "chat", "--json-out", str(out)],
        input="\n".join(ANSWERS) + "\n",
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    assert "Goedendag" in proc.stdout
    assert "Klopt dit?" in proc.stdout
    assert "de opdracht is vastgesteld" in proc.stdout
    commission = Commission.model_validate(json.loads(out.read_text(encoding="utf-8")))
    assert commission.completeness().complete
    assert commission.resources.budget_eur == 3_200_000
    assert commission.mandate.commissioner == "wethouder De Vries"


def test_python_dash_m_works(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "opdrachtassistent", "--help"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    assert "chat" in proc.stdout


def test_interrupted_interview_still_saves(tmp_path: Path) -> None:
    out = tmp_path / "half.json"
    proc = subprocess.run(
        [sys.executable, "-m", "opdrachtassistent", "chat", "--json-out", str(out)],
        input=ANSWERS[0] + "\nstop\n",
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    assert "nog niet afgerond" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["resources"]["budget_eur"] == 3200000


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "opdrachtassistent" in capsys.readouterr().out
