"""Package data: the built-in knowledge corpus (`corpus/`) and the LLM prompts (`prompts/`).

Shipped inside the wheel so an installed package works without a checkout; read them through
`builtin_dir`, never relative to the source tree.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def builtin_dir(name: str) -> Path:
    """The folder `name` (`corpus` or `prompts`) of the installed package data."""
    # The package is never imported from a zip, so its resources are plain files on disk.
    return Path(str(resources.files(__name__) / name))
