"""`opdrachtassistent draft`: the command-line edge of batch drafting.

    opdrachtassistent draft DOCUMENT... [--out MAP | -o BESTAND] [--format json|md|docx]

A document is notes (.txt, .md), Word (.docx), PDF, OpenDocument (.odt) or a mail (.eml);
see `documents`.

Exit codes: 0 done; 1 some notes failed; 2 unusable input (a missing or invalid file, wrong
arguments).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from opdrachtassistent.cli.common import (
    add_common_arguments,
    announce_engine,
    build_drafter,
    build_retriever,
    settings_for,
)
from opdrachtassistent.drafting.batch import (
    EXTENSIONS,
    FORMATS,
    BatchReport,
    Drafter,
    Format,
    draft_files,
    read_notes,
    write_draft,
)
from opdrachtassistent.errors import InputError, os_reason
from opdrachtassistent.llm.engine import describe
from opdrachtassistent.passages import Retriever
from opdrachtassistent.reviewing.checks import review

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers

# --------------------------------------------------------------------------------------------
# draft


def add_draft_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "draft",
        help="stel concept-opdrachten op uit notities of documenten (één of veel bestanden)",
        description=(
            "Stel uit notities of een document (.docx, .pdf, .odt, .eml, .md, .txt) een "
            "concept-opdracht op, met kwaliteitstoets en open vragen. "
            "Eén bestand met -o schrijft dat bestand; meerdere bestanden of --out schrijven "
            "een map met per bestand een concept en een overzicht (CSV)."
        ),
    )
    p.add_argument(
        "notes",
        nargs="+",
        type=Path,
        metavar="DOCUMENT",
        help="notities of documenten: .docx, .pdf, .odt, .eml, .md of .txt",
    )
    target = p.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, metavar="MAP", help="map voor de concepten")
    target.add_argument("-o", "--output", type=Path, metavar="BESTAND", help="uitvoerbestand")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="json, md of docx (standaard: afgeleid van -o, anders md)",
    )
    add_common_arguments(p)
    p.set_defaults(func=run_draft)


def _format_for(args: argparse.Namespace) -> Format:
    if args.format:
        return cast(Format, args.format)
    if args.output is not None:
        suffix = args.output.suffix.casefold()
        for fmt, ext in EXTENSIONS.items():
            if suffix == ext:
                return fmt
    return "md"


def run_draft(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    fmt = _format_for(args)
    notes: list[Path] = args.notes
    if args.output is not None and len(notes) > 1:
        err.write("Met -o kan maar één document; gebruik --out MAP voor meerdere.\n")
        return 2
    if args.out is None and args.output is None and len(notes) > 1:
        err.write("Geef met --out MAP aan waar de concepten moeten komen.\n")
        return 2
    if args.out is None and args.output is None and fmt == "docx":
        err.write("Een Word-bestand kan niet naar het scherm; geef -o BESTAND.docx op.\n")
        return 2
    if args.out is not None and (problem := _unusable_dir(args.out)):
        err.write(problem + "\n")
        return 2
    announce_engine(describe(settings_for(args)), err)  # stdout stays the document
    retriever = build_retriever(args, err)
    drafter = build_drafter(args)
    if args.out is not None:
        try:
            report = draft_files(
                notes, args.out, fmt, drafter=drafter, retriever=retriever, today=args.today
            )
        except OSError as exc:
            err.write(f"Schrijven in {args.out} mislukt: {os_reason(exc)}.\n")
            return 2
        _print_batch(report, out, err)
        return 1 if report.failed else 0
    return _draft_single(notes[0], args.output, fmt, drafter, retriever, args.today, out, err)


def _unusable_dir(target: Path) -> str | None:
    """Why the batch cannot write into `target` (Dutch), or None."""
    if target.exists() and not target.is_dir():
        return f"{target} is een bestand, geen map; kies met --out een map voor de concepten."
    existing = next((p for p in (target, *target.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        return f"{target}: {existing} is een bestand, geen map."
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        return f"Geen toestemming om in {existing} te schrijven; kies met --out een andere map."
    return None


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _draft_single(
    path: Path,
    target: Path | None,
    fmt: Format,
    drafter: Drafter,
    retriever: Retriever | None,
    today: date | None,
    out: TextIO,
    err: TextIO,
) -> int:
    from opdrachtassistent.drafting.batch import render

    try:
        read = read_notes(path)
    except InputError as exc:
        err.write(exc.message + "\n")
        return 2
    for note in read.notes:
        err.write(f"Let op: {note}\n")
    commission = drafter(read.text, document=read.name)
    result = review(commission, retriever=retriever, today=today)
    if target is None:
        out.write(render(commission, result, fmt).decode("utf-8"))
        return 0
    try:
        written = write_draft(commission, result, fmt, target)
    except OSError as exc:
        err.write(f"Schrijven naar {target} mislukt: {os_reason(exc)}.\n")
        return 2
    done = commission.completeness()
    err.write(
        f"Geschreven: {', '.join(map(str, written))} ({round(done.fraction * 100)}% compleet, "
        f"{_plural(result.count('hoog'), 'bevinding', 'bevindingen')} met hoog risico, "
        f"{_plural(len(commission.open_questions), 'open vraag', 'open vragen')}).\n"
    )
    return 0


def _print_batch(report: BatchReport, out: TextIO, err: TextIO) -> None:
    out.write(
        f"{len(report.ok)} van {_plural(len(report.items), 'concept', 'concepten')} opgesteld "
        f"in {report.out_dir}; "
        f"overzicht: {report.summary_csv}\n"
    )
    for item in report.failed:
        err.write(f"Overgeslagen: {item.error}\n")


# --------------------------------------------------------------------------------------------
# review
