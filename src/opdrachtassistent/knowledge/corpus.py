"""The built-in corpus: where it lives, its front matter, and loading it as documents.

Corpus files are Markdown with a small YAML-like front matter block:

    ---
    title: Handreiking integrale opdracht - mandaat
    source: Redactie opdrachtassistent, op basis van ...
    sections: [mandate]
    themes: [riolering, water]
    ---

Only `key: value` and `key: [a, b]` lines are understood; that is all the corpus needs, and it
keeps PyYAML out of the dependencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from opdrachtassistent.commission import SECTIONS
from opdrachtassistent.commission import THEMES as THEMES  # the one vocabulary, re-exported
from opdrachtassistent.resources import builtin_dir

SECTION_KEYS: tuple[str, ...] = SECTIONS

_FENCE = "---"
_LIST_RE = re.compile(r"^\[(.*)\]$")


@dataclass(frozen=True)
class FrontMatter:
    """The metadata block at the top of a corpus or user Markdown file."""

    title: str = ""
    source: str = ""
    sections: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _as_list(value: str) -> tuple[str, ...]:
    match = _LIST_RE.match(value.strip())
    inner = match.group(1) if match else value
    return tuple(item for item in (_unquote(part) for part in inner.split(",")) if item)


def parse_front_matter(text: str) -> tuple[FrontMatter, str]:
    """Split `text` into its front matter and the body; no front matter gives empty metadata."""
    stripped = text.lstrip("\ufeff")
    lines = stripped.splitlines()
    if not lines or lines[0].strip() != _FENCE:
        return FrontMatter(), stripped
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == _FENCE)
    except StopIteration:
        return FrontMatter(), stripped
    values: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        values[key.strip().lower()] = value.strip()
    body = "\n".join(lines[end + 1 :])
    known = {"title", "source", "sections", "themes"}
    return (
        FrontMatter(
            title=_unquote(values.get("title", "")),
            source=_unquote(values.get("source", "")),
            sections=_as_list(values.get("sections", "")),
            themes=_as_list(values.get("themes", "")),
            extra={k: _unquote(v) for k, v in values.items() if k not in known},
        ),
        body,
    )


def builtin_corpus_dir() -> Path:
    """The corpus shipped with the package (`resources/corpus/`)."""
    return builtin_dir("corpus")


def corpus_files(corpus_dir: Path | None = None) -> list[Path]:
    """The Markdown files of the corpus in `corpus_dir` (default: the built-in one), sorted;
    empty when the folder is missing."""
    root = corpus_dir if corpus_dir is not None else builtin_corpus_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("*.md") if p.is_file() and not p.name.startswith("."))
