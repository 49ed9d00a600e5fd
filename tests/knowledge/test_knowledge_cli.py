"""The `ingest` and `search` subcommands, called through argparse as the main CLI does."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_knowledge import write_pdf

from opdrachtassistent.cli.ingest import add_ingest_parser
from opdrachtassistent.cli.search import add_search_parser


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="opdrachtassistent")
    subparsers = parser.add_subparsers(dest="command")
    add_ingest_parser(subparsers)
    add_search_parser(subparsers)
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


def test_ingest_then_search_in_dutch(
    real_index_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bomenbeleid.md").write_text(
        "# Bomenbeleid Testdorp\n\n## Kapverbod\nIn Testdorp geldt een kapverbod voor "
        "monumentale platanen langs de Singel.\n",
        encoding="utf-8",
    )
    write_pdf(docs / "nota.pdf", [["De Singel krijgt in 2028 een nieuw gescheiden riool."]])
    (docs / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")

    code = run(["ingest", str(docs), "--data-dir", str(real_index_copy)])
    out, err = capsys.readouterr()
    assert code == 1  # one file failed, the others were ingested
    assert "2 nieuw" in out and "1 mislukt" in out
    assert "kapot.pdf" in err and "beschadigd" in err

    assert run(["ingest", str(docs / "bomenbeleid.md"), "--data-dir", str(real_index_copy)]) == 0
    assert "1 ongewijzigd" in capsys.readouterr().out

    code = run(
        ["search", "kapverbod platanen Singel", "-k", "2", "--data-dir", str(real_index_copy)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("1. Bomenbeleid Testdorp - Kapverbod")
    assert "Bron: Eigen document: bomenbeleid.md" in out


def test_search_json(real_index_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        [
            "search",
            "Wat is een KLIC-melding?",
            "-k",
            "3",
            "--json",
            "--data-dir",
            str(real_index_copy),
        ]
    )
    assert code == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 3
    for item in results:
        assert {"id", "text", "title", "source", "heading", "score"} <= set(item)
    assert results[0]["id"] == "thema-kabels-en-leidingen#klic-melding-en-de-wibon"


def test_ingest_without_paths_reports_the_builtin_corpus(
    real_index_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["ingest", "--data-dir", str(real_index_copy)]) == 0
    assert re.search(r"De kennisbank bevat \d+ passages\.", capsys.readouterr().out)


@pytest.mark.parametrize("k", ["0", "-3", "abc", "2.5"])
def test_search_rejects_bad_k(k: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        run(["search", "riool", f"-k={k}", "--data-dir", str(tmp_path)])
    assert exited.value.code == 2
    assert f"'{k}' is geen aantal" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_search_rejects_an_empty_query(
    query: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(["search", query, "--data-dir", str(tmp_path)]) == 2
    assert "geef een zoekvraag" in capsys.readouterr().err


def test_search_rejects_an_unknown_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        run(["search", "riool", "--section", "mandaat", "--data-dir", str(tmp_path)])
    assert "mandate" in capsys.readouterr().err


def test_unreachable_server_gives_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["search", "riool", "--chroma-url", "http://127.0.0.1:9"])
    assert code != 0
    assert "Fout:" in capsys.readouterr().err


def test_damaged_pdf_gives_one_dutch_line_and_no_pypdf_noise(
    real_index_copy: Path, tmp_path: Path
) -> None:
    """Through the console script, where no test logging handler hides pypdf's warnings."""
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4 kapot")
    proc = subprocess.run(
        [sys.executable, "-m", "opdrachtassistent", "ingest", str(bad)],
        capture_output=True,
        text=True,
        env={**os.environ, "OPDRACHTASSISTENT_DATA_DIR": str(real_index_copy)},
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert "kapot.pdf" in proc.stderr and "beschadigd" in proc.stderr
    assert "EOF marker" not in proc.stderr
