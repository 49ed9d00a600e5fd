"""The command line says which engine answers (issue 12), before any work: `chat` on stdout
before the first question, `draft` (one file or a batch) and `review` on stderr so stdout
stays the document or JSON; the AI notice whenever a model is on. And the engine's words.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.support.fake_llm import FakeOpenAIServer

from opdrachtassistent import Commission
from opdrachtassistent.cli import main
from opdrachtassistent.config import Settings
from opdrachtassistent.llm.engine import (
    AI_NOTICE,
    MAX_NAME,
    OFFLINE_LABEL,
    OFFLINE_NOTICE,
    describe,
)

LLM_ENV = (
    "OPDRACHTASSISTENT_LLM_BASE_URL",
    "OPDRACHTASSISTENT_LLM_API_KEY",
    "OPDRACHTASSISTENT_LLM_MODEL",
    "OPDRACHTASSISTENT_LLM_METHOD",
    "OPDRACHTASSISTENT_LLM_TIMEOUT_S",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
)
NOTES = (
    "Onderwerp: Beukenlaan\n\n"
    "De bomen in de Beukenlaan drukken de stoep omhoog en het riool is oud. Wethouder Smit "
    "is opdrachtgever. Er is 1,4 miljoen euro, klaar voor de zomer van 2028.\n"
)
AI_WORDS = "AI-systeem"  # in the AI notice only


@dataclass
class Engine:
    """What a test expects the CLI to say, and the fake model when one is on."""

    label: str
    notice: str | None
    server: FakeOpenAIServer | None = None


@contextmanager
def model_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A fake model on 127.0.0.1, configured through the environment as an operator does."""
    with FakeOpenAIServer(model="fake-model") as server:
        monkeypatch.setenv("OPDRACHTASSISTENT_LLM_BASE_URL", server.base_url)
        monkeypatch.setenv("OPDRACHTASSISTENT_LLM_API_KEY", "test-key")
        monkeypatch.setenv("OPDRACHTASSISTENT_LLM_MODEL", "fake-model")
        monkeypatch.setenv("OPDRACHTASSISTENT_LLM_TIMEOUT_S", "10")
        host = f"127.0.0.1:{server.port}"
        yield Engine(
            label=f"Taalmodel: fake-model op {host}",
            notice=AI_NOTICE.format(host=host),
            server=server,
        )


@pytest.fixture(params=["offline", "model"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    if request.param == "offline":
        yield Engine(label=OFFLINE_LABEL, notice=None)
    else:
        with model_on(monkeypatch) as on:
            yield on


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    with model_on(monkeypatch) as on:
        yield on


def _notes(tmp_path: Path, name: str = "beukenlaan.txt") -> Path:
    path = tmp_path / name
    path.write_text(NOTES, encoding="utf-8")
    return path


def _chat(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(a + "\n" for a in answers)))
    return main(["chat"])


# --------------------------------------------------------------------------------------------
# chat


def test_chat_names_the_engine_before_the_first_question(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _chat(monkeypatch, []) == 0
    out = capsys.readouterr().out
    assert out.startswith(engine.label + "\n")
    first_question = out.index("Goedendag")
    if engine.notice is None:
        assert AI_WORDS not in out
    else:
        assert out.index(engine.notice) < first_question
    if engine.server is not None:
        assert engine.server.requests == []  # no answer yet: the model was not asked


def test_chat_with_a_model_asks_it_for_an_answer(
    model: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _chat(monkeypatch, [NOTES.splitlines()[2]]) == 0
    # the answer went to the host the label names
    assert model.server is not None and model.server.completions
    assert "Goedendag" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# draft and the batch


def test_draft_json_keeps_stdout_for_the_document(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["draft", str(_notes(tmp_path)), "--format", "json", "--zonder-bronnen"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    commission = Commission.model_validate(json.loads(out))  # nothing but the document
    assert commission.resources.budget_eur == 1_400_000
    assert err.startswith(engine.label + "\n")
    if engine.notice is None:
        assert AI_WORDS not in err
    else:
        assert engine.notice in err
    if engine.server is not None:
        assert engine.server.completions  # the notes went to the model


def test_draft_to_a_file_and_a_batch_name_the_engine_on_stderr(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "concept.md"
    assert main(["draft", str(_notes(tmp_path)), "-o", str(target), "--zonder-bronnen"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(engine.label + "\n") and "Geschreven:" in err

    notes = [_notes(tmp_path, "a.txt"), _notes(tmp_path, "b.txt")]
    out_dir = tmp_path / "concepten"
    assert main(["draft", *map(str, notes), "--out", str(out_dir), "--zonder-bronnen"]) == 0
    out, err = capsys.readouterr()
    assert "2 van 2 concepten opgesteld" in out and engine.label not in out
    assert err.startswith(engine.label + "\n")
    if engine.notice is None:
        assert AI_WORDS not in err
    else:
        assert engine.notice in err


def test_draft_refused_for_its_arguments_says_no_engine(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = [_notes(tmp_path, "a.txt"), _notes(tmp_path, "b.txt")]
    assert main(["draft", *map(str, notes)]) == 2  # several files need --out
    assert engine.label not in capsys.readouterr().err


def test_the_console_script_names_the_model_from_the_environment(tmp_path: Path) -> None:
    with FakeOpenAIServer(model="fake-model") as server:
        port = server.port
        env = {
            **{k: v for k, v in os.environ.items() if k not in LLM_ENV},
            "OPDRACHTASSISTENT_LLM_BASE_URL": server.base_url,
            "OPDRACHTASSISTENT_LLM_MODEL": "fake-model",
            "OPDRACHTASSISTENT_LLM_TIMEOUT_S": "10",
        }
        argv = ["draft", str(_notes(tmp_path)), "--format", "json", "--zonder-bronnen"]
        proc = subprocess.run(
            [sys.executable, "-m", "opdrachtassistent", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        )
    assert proc.stderr.startswith(f"Taalmodel: fake-model op 127.0.0.1:{port}\n")
    assert AI_WORDS in proc.stderr
    json.loads(proc.stdout)


# --------------------------------------------------------------------------------------------
# review


def test_review_names_the_engine_on_stderr(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "opdracht.json"
    path.write_text(Commission(title="Beukenlaan").model_dump_json(), encoding="utf-8")
    assert main(["review", str(path), "--json", "--zonder-bronnen"]) == 0
    out, err = capsys.readouterr()
    assert "verdict" in json.loads(out)  # stdout is the review alone
    assert err.startswith(engine.label + "\n")
    if engine.notice is None:
        assert AI_WORDS not in err
    else:
        assert engine.notice in err


def test_review_of_an_unreadable_file_says_no_engine(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", str(tmp_path / "weg.json"), "--zonder-bronnen"]) == 2
    err = capsys.readouterr().err
    assert "bestaat niet" in err and engine.label not in err


# --------------------------------------------------------------------------------------------
# The engine's words


@pytest.mark.parametrize(
    ("settings", "label", "host"),
    [
        (Settings(llm_base_url=None, llm_api_key=None), OFFLINE_LABEL, None),
        (Settings(llm_base_url="", llm_api_key=""), OFFLINE_LABEL, None),
        (
            Settings(llm_base_url=None, llm_api_key="sleutel", llm_model="gpt-4o-mini"),
            "Taalmodel: gpt-4o-mini op api.openai.com",
            "api.openai.com",
        ),
        (
            Settings(llm_base_url="http://localhost:11434/v1", llm_model="llama3.1:8b"),
            "Taalmodel: llama3.1:8b op localhost:11434",
            "localhost:11434",
        ),
        (
            Settings(llm_base_url="https://wie:geheim@ai.gemeente.example/v1", llm_model="m"),
            "Taalmodel: m op ai.gemeente.example",
            "ai.gemeente.example",
        ),
        (
            Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m\n\x1b[31mrood"),
            "Taalmodel: m [31mrood op 127.0.0.1:9",
            "127.0.0.1:9",
        ),
    ],
)
def test_describe(settings: Settings, label: str, host: str | None) -> None:
    info = describe(settings)
    assert (info.label, info.host, info.model) == (label, host, host is not None)
    assert "geheim" not in info.label + info.notice
    if host is None:
        assert info.notice == OFFLINE_NOTICE
    else:
        assert AI_WORDS in info.notice and host in info.notice and "Controleer" in info.notice


def test_a_long_model_name_is_cut() -> None:
    info = describe(Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="x" * 500))
    name = info.label.removeprefix("Taalmodel: ").removesuffix(" op 127.0.0.1:9")
    assert len(name) == MAX_NAME and name.endswith("…")
