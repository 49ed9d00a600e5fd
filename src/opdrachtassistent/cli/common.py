"""Helpers shared by the subcommands: the settings and knowledge-base wiring, the line that
names the engine, the common arguments and output-path checks, so each command module holds
only its own command."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from opdrachtassistent.drafting.batch import (
    Drafter,
)
from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.passages import Retriever

if TYPE_CHECKING:
    from opdrachtassistent.config import Settings
    from opdrachtassistent.knowledge.search import KnowledgeBase
    from opdrachtassistent.llm.engine import EngineInfo

    # The argument every command's `add_*_parser` takes (not subscriptable at run time).
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


# --------------------------------------------------------------------------------------------
# The settings, the engine line, and the retriever: the single place where the CLI wires
# citations in.


def settings_for(args: argparse.Namespace) -> Settings:
    """The settings from the environment, with the command line's `--data-dir`."""
    from opdrachtassistent.config import Settings

    data_dir: Path | None = getattr(args, "data_dir", None)
    return Settings(data_dir=data_dir) if data_dir else Settings()


def announce_engine(engine: EngineInfo, stream: TextIO) -> None:
    """Say which engine answers, before any work: the label, and the AI notice when a model
    answers. Commands whose stdout is a document or JSON write this to stderr."""
    stream.write(engine.label + "\n")
    if engine.model:
        stream.write(engine.notice + "\n")
    stream.flush()


def build_drafter(args: argparse.Namespace) -> Drafter:
    """The services' drafter, so `draft` reads notes with the configured extractor."""
    from opdrachtassistent.services import build_services

    return build_services(settings_for(args)).draft


def build_retriever(args: argparse.Namespace, err: TextIO) -> Retriever | None:
    """The knowledge base through `services`, or None (no sources) when it is switched off
    (`--zonder-bronnen`) or cannot be built; the latter with a warning on stderr."""
    if getattr(args, "no_sources", False):
        return None
    try:
        from opdrachtassistent.services import build_services

        return build_services(settings_for(args)).retriever
    except (ImportError, OpdrachtError, OSError) as exc:
        err.write(f"Let op: de kennisbank is niet beschikbaar, dus geen bronnen ({exc}).\n")
        return None


def add_common_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--zonder-bronnen",
        dest="no_sources",
        action="store_true",
        help="toets zonder de kennisbank (geen bronvermelding; sneller)",
    )
    p.add_argument("--data-dir", type=Path, metavar="MAP", help="map met de kennisindex")
    p.add_argument(
        "--vandaag",
        dest="today",
        type=parse_date,
        metavar="JJJJ-MM-DD",
        help="datum (JJJJ-MM-DD) waarmee de planning wordt getoetst; standaard vandaag",
    )


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01"
        ) from exc


def check_writable(target: Path) -> str | None:
    """Why `target` cannot be written as a file (Dutch), or None when it looks writable.

    Checked before work starts, so a long interview or batch does not end in an error."""
    if target.is_dir():
        return f"{target}: dit is een map; geef een bestandsnaam"
    parent = target.parent
    if not parent.exists():
        return f"{target}: de map {parent} bestaat niet"
    if not parent.is_dir():
        return f"{target}: {parent} is geen map"
    if target.exists() and not os.access(target, os.W_OK):
        return f"{target}: geen toestemming om dit bestand te overschrijven"
    if not target.exists() and not os.access(parent, os.W_OK | os.X_OK):
        return f"{target}: geen toestemming om in {parent} te schrijven"
    return None


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="MAP",
        help="map voor de kennisbank (standaard: $OPDRACHTASSISTENT_DATA_DIR of "
        "~/.local/share/opdrachtassistent)",
    )
    parser.add_argument(
        "--chroma-url",
        default=None,
        metavar="URL",
        help="adres van een gedeelde Chroma-server in plaats van de lokale opslag "
        "(standaard: $OPDRACHTASSISTENT_CHROMA_URL)",
    )


def open_knowledge_base(args: argparse.Namespace) -> KnowledgeBase:
    """The knowledge base from the services, with the command line's overrides."""
    from opdrachtassistent.config import Settings
    from opdrachtassistent.services import build_services

    overrides = {"data_dir": args.data_dir, "chroma_url": args.chroma_url}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    return build_services(settings).knowledge_base


def report_error(exc: OpdrachtError) -> int:
    print(f"Fout: {exc.message}", file=sys.stderr)
    return exc.exit_code
