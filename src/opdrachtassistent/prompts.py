"""Prompts are files shipped with the package (`resources/prompts/`), loaded by name.

`load_prompt("extract_system")` reads `extract_system.md` from the built-in prompts, or from
the folder passed as `directory` (the `prompts_dir` setting, `$OPDRACHTASSISTENT_PROMPTS_DIR`,
lets a deployment use its own). Templates use `{{name}}` placeholders, filled by
`render_prompt` in a single pass: a value that itself contains `{{...}}` or braces (user text
does) is inserted verbatim, never expanded again.
"""

from __future__ import annotations

import re
from pathlib import Path

from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.resources import builtin_dir

PROMPTS_DIR_ENV = "OPDRACHTASSISTENT_PROMPTS_DIR"  # read by config.Settings; named in messages

_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class PromptError(OpdrachtError):
    """A prompt file is missing or a template cannot be filled."""


def builtin_prompts_dir() -> Path:
    """The prompts shipped with the package."""
    return builtin_dir("prompts")


def load_prompt(name: str, *, directory: Path | None = None) -> str:
    """The text of prompt `name` (`<name>.md` in the prompts folder)."""
    if not _NAME.match(name):
        raise PromptError(f"Ongeldige promptnaam: {name!r}.")
    folder = directory.expanduser() if directory is not None else builtin_prompts_dir()
    path = folder / f"{name}.md"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(
            f"De prompt {name!r} ontbreekt in {folder}. "
            f"Zet {PROMPTS_DIR_ENV} op de map met de prompts.",
            detail=str(path),
        ) from None


def placeholders(template: str) -> set[str]:
    """The `{{name}}` placeholders a template uses."""
    return set(_PLACEHOLDER.findall(template))


def render(template: str, values: dict[str, str]) -> str:
    """Fill every `{{name}}` from `values` in one pass; a missing value is an error."""
    missing = placeholders(template) - values.keys()
    if missing:
        raise PromptError(
            "De prompt mist waarden voor: " + ", ".join(sorted(missing)) + ".",
            detail=template[:200],
        )
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def render_prompt(name: str, /, *, directory: Path | None = None, **values: str) -> str:
    """Load prompt `name` and fill its placeholders."""
    return render(load_prompt(name, directory=directory), values)
