"""`opdrachtassistent ingest`: take documents into the knowledge base."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from opdrachtassistent.cli.common import add_store_options, open_knowledge_base, report_error
from opdrachtassistent.errors import OpdrachtError

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers


def add_ingest_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ingest",
        help="documenten opnemen in de kennisbank",
        description="Neem eigen documenten (.md, .txt, .pdf, .docx of mappen daarmee) op in de "
        "kennisbank. Ongewijzigde bestanden blijven staan; gewijzigde vervangen hun oude "
        "passages. Zonder PAD wordt alleen de ingebouwde kennisbank bijgewerkt.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="bestand of map")
    add_store_options(parser)
    parser.set_defaults(func=run_ingest)
    return parser


def run_ingest(args: argparse.Namespace) -> int:
    # A damaged PDF gets one clear Dutch line in the report; pypdf's own warnings about it
    # ("EOF marker not found") would otherwise appear on stderr as English noise.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        kb = open_knowledge_base(args)
        builtin = kb.ensure_ready()
        report = kb.ingest(args.paths) if args.paths else None
    except OpdrachtError as exc:
        return report_error(exc)
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
