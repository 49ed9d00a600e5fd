"""The `ingest` and `search` subcommands; the main CLI registers them with
`add_ingest_parser(subparsers)` and `add_search_parser(subparsers)`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opdrachtassistent.commission import SECTIONS
from opdrachtassistent.errors import OpdrachtError

if TYPE_CHECKING:
    from opdrachtassistent.knowledge.search import KnowledgeBase

SubParsers = Any  # argparse._SubParsersAction[argparse.ArgumentParser]


def _add_store_options(parser: argparse.ArgumentParser) -> None:
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


def add_ingest_parser(subparsers: SubParsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ingest",
        help="documenten opnemen in de kennisbank",
        description="Neem eigen documenten (.md, .txt, .pdf, .docx of mappen daarmee) op in de "
        "kennisbank. Ongewijzigde bestanden blijven staan; gewijzigde vervangen hun oude "
        "passages. Zonder PAD wordt alleen de ingebouwde kennisbank bijgewerkt.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="bestand of map")
    _add_store_options(parser)
    parser.set_defaults(func=run_ingest)
    return parser


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal; geef een getal van 1 of meer")
    return value


def add_search_parser(subparsers: SubParsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "search",
        help="zoeken in de kennisbank",
        description="Zoek passages in de kennisbank, met titel, bron en kopje voor de "
        "bronvermelding.",
    )
    parser.add_argument("query", metavar="VRAAG", help="zoekvraag in gewone woorden")
    parser.add_argument(
        "-k",
        type=_count,
        default=3,
        metavar="AANTAL",
        help="aantal resultaten (standaard 3)",
    )
    parser.add_argument("--json", action="store_true", help="resultaten als JSON")
    parser.add_argument(
        "--section",
        default=None,
        choices=SECTIONS,
        metavar="SECTIE",
        help="sectie van de opdracht om voorrang te geven: " + ", ".join(SECTIONS),
    )
    parser.add_argument(
        "--mode",
        choices=("hybrid", "dense", "lexical"),
        default="hybrid",
        help=argparse.SUPPRESS,
    )
    _add_store_options(parser)
    parser.set_defaults(func=run_search)
    return parser


def _open(args: argparse.Namespace) -> KnowledgeBase:
    """The knowledge base from the services, with the command line's overrides."""
    from opdrachtassistent.config import Settings
    from opdrachtassistent.services import build_services

    overrides = {"data_dir": args.data_dir, "chroma_url": args.chroma_url}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    return build_services(settings).knowledge_base


def _error(exc: OpdrachtError) -> int:
    print(f"Fout: {exc.message}", file=sys.stderr)
    return exc.exit_code


def run_ingest(args: argparse.Namespace) -> int:
    # A damaged PDF gets one clear Dutch line in the report; pypdf's own warnings about it
    # ("EOF marker not found") would otherwise appear on stderr as English noise.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        kb = _open(args)
        builtin = kb.ensure_ready()
        report = kb.ingest(args.paths) if args.paths else None
    except OpdrachtError as exc:
        return _error(exc)
    if builtin is not None and builtin.changed:
        print(f"Ingebouwde kennisbank bijgewerkt. {builtin.summary()}")
    if report is None:
        print(f"De kennisbank bevat {kb.count()} passages.")
        return 0
    print(report.summary())
    for problem in report.skipped:
        print(f"  - {problem.message}")
    for problem in report.failed:
        print(f"  ✗ {problem.message}", file=sys.stderr)
    for warning in kb.warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    return 1 if report.failed else 0


def run_search(args: argparse.Namespace) -> int:
    if args.k < 1:
        print("Fout: -k moet minstens 1 zijn.", file=sys.stderr)
        return 2
    if not args.query.strip():
        print(
            "Fout: geef een zoekvraag, bijvoorbeeld 'wie beslist bij meerkosten'.",
            file=sys.stderr,
        )
        return 2
    try:
        kb = _open(args)
        passages = kb.search(args.query, k=args.k, section=args.section, mode=args.mode)
    except OpdrachtError as exc:
        return _error(exc)
    for warning in kb.warnings:
        print(f"Let op: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps([p.model_dump() for p in passages], ensure_ascii=False, indent=2))
        return 0
    if not passages:
        print("Geen passages gevonden.")
        return 0
    for number, passage in enumerate(passages, start=1):
        heading = f" - {passage.heading}" if passage.heading else ""
        print(f"{number}. {passage.title}{heading}  (score {passage.score:.2f})")
        print(f"   Bron: {passage.source}")
        print(f"   Id: {passage.id}")
        print(textwrap.fill(passage.text, width=88, initial_indent="   ", subsequent_indent="   "))
        print()
    return 0
