"""`opdrachtassistent search`: find passages in the knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import TYPE_CHECKING

from opdrachtassistent.cli.common import add_store_options, open_knowledge_base, report_error
from opdrachtassistent.commission import SECTIONS
from opdrachtassistent.errors import OpdrachtError

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal; geef een getal van 1 of meer")
    return value


def add_search_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
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
    add_store_options(parser)
    parser.set_defaults(func=run_search)
    return parser


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
        kb = open_knowledge_base(args)
        passages = kb.search(args.query, k=args.k, section=args.section, mode=args.mode)
    except OpdrachtError as exc:
        return report_error(exc)
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
