"""The command line speaks Dutch: help texts, usage lines and argument errors."""

from __future__ import annotations

import argparse

import pytest

from opdrachtassistent.cli import main

ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["chat", "--help"],
        ["draft", "--help"],
        ["review", "--help"],
        ["ingest", "--help"],
        ["search", "--help"],
        ["gebruiker", "toevoegen", "--help"],
        ["gebruiker", "verwijderen", "--help"],
        ["gebruikers", "--help"],
    ],
)
def test_help_is_dutch(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: opdrachtassistent")
    assert "toon deze hulp en stop" in out
    assert not [word for word in ENGLISH if word in out]
    assert "--data-dir DATA_DIR" not in out and "TODAY" not in out  # Dutch metavars


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["review"], "dit ontbreekt nog: OPDRACHT.json"),
        (["bla"], "ongeldige keuze 'bla'"),
        (["draft", "--format", "pdf", "x.txt"], "ongeldige keuze 'pdf'"),
        (["draft", "x.txt", "-o", "a.md", "--out", "map"], "kan niet samen met"),
        (["review", "x.json", "--vandaag", "morgen"], "'morgen' is geen datum"),
        (["search", "riool", "-k", "veel"], "'veel' is geen aantal"),
        (["review", "x.json", "--onbekend"], "onbekende argumenten: --onbekend"),
    ],
)
def test_argument_errors_are_dutch(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "fout:" in err and expected in err
    assert not [word for word in ENGLISH if word in err]


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    assert "usage:" in argparse.ArgumentParser(prog="x").format_usage()
