"""The installed wheel works without the checkout: built-in corpus and prompts ship inside it.

The wheel is built from a copy of the sources (a stale `build/` in the checkout could leak
removed files into it), installed with `--no-deps` into a fresh venv that reaches the shared
venv's dependencies through a `.pth` file, and driven from a folder outside the checkout.
It starts from a copy of the session's real index (embedding the corpus again would take
most of a minute); `ingest` still syncs the built-in corpus against it, and would empty the
index if the wheel had no corpus. A plain path line in a `.pth` file does not run that
folder's own `.pth` files, so the editable install of the checkout stays out of sight.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from opdrachtassistent.config import OFFLINE_SWITCHES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
NOTES = (
    "Herinrichting van de Dorpsstraat in Zuiderveen: riolering vervangen en de straat "
    "klimaatbestendig maken. Opdrachtgever is wethouder De Vries. Budget 2,4 miljoen euro, "
    "gereed eind 2027.\n"
)


def _run(args: list[str], *, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    sources = work / "sources"
    sources.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, sources / name)
    shutil.copytree(
        ROOT / "src", sources / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    # Build isolation fetches setuptools>=77 from the configured index (the shared venv has an
    # older one, which cannot read the SPDX licence field).
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work), "."],
        cwd=sources,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = work.glob("opdrachtassistent-*.whl")
    return built


def test_the_wheel_ships_corpus_and_prompts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "opdrachtassistent/resources/corpus/knelpunten.md" in names
    assert "opdrachtassistent/resources/prompts/extract_system.md" in names
    assert "opdrachtassistent/py.typed" in names
    assert "opdrachtassistent/ui/static/app.css" in names


def test_the_installed_wheel_ingests_drafts_and_searches(
    wheel: Path, real_index_copy: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    # With the checkout on PYTHONPATH pip would call the package installed and skip it.
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        env=clean,
        check=True,
        capture_output=True,
        timeout=120,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    shared = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "shared-dependencies.pth").write_text(shared + "\n", encoding="utf-8")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPDRACHTASSISTENT_")}
    env.pop("PYTHONPATH", None)
    env.update(OFFLINE_SWITCHES)
    env["OPDRACHTASSISTENT_DATA_DIR"] = str(real_index_copy)

    where = _run(
        [str(python), "-c", "import opdrachtassistent; print(opdrachtassistent.__file__)"],
        cwd=elsewhere,
        env=env,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), where

    command = str(venv / "bin" / "opdrachtassistent")
    ingest = _run([command, "ingest"], cwd=elsewhere, env=env).stdout
    count = int(ingest.rsplit("bevat ", 1)[1].split()[0])
    assert count > 0 and "niet gevonden" not in ingest, ingest

    notes = elsewhere / "notities.txt"
    notes.write_text(NOTES, encoding="utf-8")
    draft = [command, "draft", str(notes), "--zonder-bronnen"]
    drafted = _run(draft, cwd=elsewhere, env=env).stdout
    assert "Dorpsstraat" in drafted

    found = _run([command, "search", "wie beslist bij meerkosten"], cwd=elsewhere, env=env).stdout
    assert "Bron:" in found
