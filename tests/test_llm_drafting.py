"""Drafting with a language model (issue 12): `draft`, batch and the services' drafter use
the configured model, mark what it contributed as "llm", and give the rules' values when
the endpoint fails, hangs or answers nonsense. Against `FakeOpenAIServer` on loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support.fake_llm import FakeOpenAIServer

from opdrachtassistent.cli import main
from opdrachtassistent.commission import Commission
from opdrachtassistent.config import Settings
from opdrachtassistent.drafting.notes import draft
from opdrachtassistent.extract.llm import ExtractionOutput
from opdrachtassistent.services import Services

NOTES = (
    "Verslag overleg Kerkstraat, 14 oktober. Aanwezig: wethouder Bakker (openbare ruimte), "
    "de projectleider en het waterschap. Het riool onder de Kerkstraat is versleten; bij "
    "zware buien staan kelders onder water. We vervangen het riool en koppelen de daken af. "
    "Budget: 1,8 miljoen euro uit het rioleringsplan. Capaciteit 1,5 fte. Klaar eind 2028."
)


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(model="fake-model") as fake:
        yield fake


def facts(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        name: [] if "list" in str(field.annotation) else None
        for name, field in ExtractionOutput.model_fields.items()
    }
    base.update(overrides)
    return base


def services_for(server: FakeOpenAIServer, **extra: Any) -> Services:
    values: dict[str, Any] = {"llm_base_url": server.base_url, "llm_model": "fake-model"}
    values.update(extra)
    return Services(Settings(**values))


def without_provenance(c: Commission) -> dict[str, Any]:
    data = c.model_dump(mode="json")
    data.pop("provenance", None)
    return data


def test_the_services_drafter_uses_the_model_and_marks_its_values(
    server: FakeOpenAIServer,
) -> None:
    server.enqueue(
        facts(
            commissioner="wethouder Bakker",
            level="bestuurlijk",
            goal_statement="Droge kelders in de Kerkstraat, ook bij zware buien.",
            budget_eur=2_000_000,  # rounded by the model: the rules' 1,8 miljoen wins
        )
    )
    commission = services_for(server).draft(NOTES, document="verslag.docx")
    assert len(server.completions) == 1
    assert commission.goal.statement == "Droge kelders in de Kerkstraat, ook bij zware buien."
    assert commission.resources.budget_eur == 1_800_000
    origin = commission.provenance["goal.statement"]
    assert origin.source == "llm"
    assert commission.provenance["resources.budget_eur"].source != "llm"


@pytest.mark.parametrize("failure", ["error", "nonsense", "hang"])
def test_a_failing_endpoint_gives_the_rules_draft(server: FakeOpenAIServer, failure: str) -> None:
    expected = without_provenance(draft(NOTES))
    if failure == "error":
        server.enqueue(503)
    elif failure == "nonsense":
        server.enqueue("geen json")
        server.enqueue({"budget_eur": "veel"})
    else:
        server.enqueue(facts(), delay_s=30)
    began = time.perf_counter()
    commission = services_for(server, llm_timeout_s=1.0).draft(NOTES)
    assert time.perf_counter() - began < 2.5
    assert without_provenance(commission) == expected


def test_the_draft_command_uses_the_configured_model(
    server: FakeOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "kerkstraat.txt"
    notes.write_text(NOTES, encoding="utf-8")
    monkeypatch.setenv("OPDRACHTASSISTENT_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("OPDRACHTASSISTENT_LLM_MODEL", "fake-model")
    server.enqueue(facts(decision_space="Het team kiest zelf het ontwerp binnen het budget."))
    out = tmp_path / "kerkstraat.json"
    assert (
        main(["draft", str(notes), "--format", "json", "--output", str(out), "--zonder-bronnen"])
        == 0
    )
    assert len(server.completions) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "Het team kiest zelf het ontwerp binnen het budget." in text


def test_a_batch_drafts_every_file_with_the_model(
    server: FakeOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(NOTES.replace("Kerkstraat", name), encoding="utf-8")
        server.enqueue(facts(title=f"Project {name}"))
    monkeypatch.setenv("OPDRACHTASSISTENT_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("OPDRACHTASSISTENT_LLM_MODEL", "fake-model")
    out = tmp_path / "uit"
    files = sorted(str(p) for p in folder.iterdir())
    assert main(["draft", *files, "--format", "json", "--out", str(out), "--zonder-bronnen"]) == 0
    assert len(server.completions) == 3
    text = " ".join(p.read_text(encoding="utf-8") for p in out.glob("*.json"))
    assert all(f'"Project {name}"' in text for name in "abc")
