"""`opdrachtassistent draft` and `opdrachtassistent review`: the command-line edges of
batch drafting and the quality check.

    opdrachtassistent draft NOTES... [--out MAP | -o BESTAND] [--format json|md|docx]
    opdrachtassistent review opdracht.json [--json] [--vandaag JJJJ-MM-DD] [--streng]

Exit codes: 0 done; 1 some notes failed (draft) or not ready with --streng (review);
2 unusable input (a missing or invalid file, wrong arguments).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from opdrachtassistent.commission import SECTION_TITLES, Commission
from opdrachtassistent.drafting.batch import (
    EXTENSIONS,
    FORMATS,
    BatchReport,
    Drafter,
    Format,
    draft_files,
    os_reason,
    read_notes,
    write_draft,
)
from opdrachtassistent.errors import InputError, OpdrachtError
from opdrachtassistent.passages import Retriever
from opdrachtassistent.reviewing.checks import Review, review

if TYPE_CHECKING:
    _Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

SEVERITY_MARKS = {"hoog": "[HOOG]  ", "midden": "[MIDDEN]", "laag": "[LAAG]  "}


# --------------------------------------------------------------------------------------------
# The retriever: the single place where the CLI wires citations in.


def build_drafter(args: argparse.Namespace) -> Drafter:
    """The services' drafter, so `draft` reads notes with the configured extractor."""
    from opdrachtassistent.config import Settings
    from opdrachtassistent.services import build_services

    data_dir: Path | None = getattr(args, "data_dir", None)
    return build_services(Settings(data_dir=data_dir) if data_dir else Settings()).draft


def build_retriever(args: argparse.Namespace, err: TextIO) -> Retriever | None:
    """The knowledge base through `services`, or None (no sources) when it is switched off
    (`--zonder-bronnen`) or cannot be built; the latter with a warning on stderr."""
    if getattr(args, "no_sources", False):
        return None
    try:
        from opdrachtassistent.config import Settings
        from opdrachtassistent.services import build_services

        data_dir: Path | None = getattr(args, "data_dir", None)
        settings = Settings(data_dir=data_dir) if data_dir else Settings()
        return build_services(settings).retriever
    except (ImportError, OpdrachtError, OSError) as exc:
        err.write(f"Let op: de kennisbank is niet beschikbaar, dus geen bronnen ({exc}).\n")
        return None


def _add_common(p: argparse.ArgumentParser) -> None:
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
        type=_parse_date,
        metavar="JJJJ-MM-DD",
        help="datum (JJJJ-MM-DD) waarmee de planning wordt getoetst; standaard vandaag",
    )


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01"
        ) from exc


# --------------------------------------------------------------------------------------------
# draft


def add_draft_parser(subparsers: _Subparsers) -> None:
    p = subparsers.add_parser(
        "draft",
        help="stel concept-opdrachten op uit notities (één of veel bestanden)",
        description=(
            "Stel uit notities een concept-opdracht op, met kwaliteitstoets en open vragen. "
            "Eén bestand met -o schrijft dat bestand; meerdere bestanden of --out schrijven "
            "een map met per bestand een concept en een overzicht (CSV)."
        ),
    )
    p.add_argument("notes", nargs="+", type=Path, metavar="NOTITIES", help="tekstbestanden")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, metavar="MAP", help="map voor de concepten")
    target.add_argument("-o", "--output", type=Path, metavar="BESTAND", help="uitvoerbestand")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="json, md of docx (standaard: afgeleid van -o, anders md)",
    )
    _add_common(p)
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
        err.write("Met -o kan maar één notitiebestand; gebruik --out MAP voor meerdere.\n")
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
        notes = read_notes(path)
    except InputError as exc:
        err.write(exc.message + "\n")
        return 2
    commission = drafter(notes)
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


def add_review_parser(subparsers: _Subparsers) -> None:
    p = subparsers.add_parser(
        "review",
        help="toets een opdracht (JSON) op knelpunten voor de uitvoering",
        description=(
            "Kwaliteitstoets: waar schuift deze opdracht bestuurlijke vragen door naar de "
            "uitvoering? Leest een opdracht als JSON (zoals 'draft --format json' of 'chat "
            "--json-out' die schrijft)."
        ),
    )
    p.add_argument("commission", type=Path, metavar="OPDRACHT.json")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument(
        "--streng",
        dest="strict",
        action="store_true",
        help="eindig met code 1 als de opdracht nog niet gereed is (voor scripts)",
    )
    _add_common(p)
    p.set_defaults(func=run_review)


def load_commission(path: Path) -> Commission:
    """A commission from a JSON file, or `InputError` with a Dutch reason."""
    if path.is_dir():
        raise InputError(f"{path}: dit is een map; geef het JSON-bestand van een opdracht.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: het bestand bestaat niet.") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: dit is geen JSON-tekst (UTF-8).") from exc
    except OSError as exc:
        raise InputError(
            f"{path}: het bestand kan niet worden gelezen ({os_reason(exc)})."
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})."
        ) from exc
    if isinstance(data, dict) and {"findings", "verdict"} <= data.keys():
        raise InputError(
            f"{path}: dit is een kwaliteitstoets, geen opdracht. Geef het JSON-bestand van de "
            "opdracht zelf (zonder '.kwaliteitstoets' in de naam)."
        )
    try:
        return Commission.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(geheel)'}: {_dutch_problem(e)}"
            for e in exc.errors()[:5]
        )
        more = len(exc.errors()) - 5
        extra = f"; en nog {more}" if more > 0 else ""
        raise InputError(f"{path}: dit is geen geldige opdracht ({problems}{extra}).") from exc


def _dutch_problem(error: ErrorDetails) -> str:
    """One pydantic validation error in Dutch, for the common cases."""
    kind = error["type"]
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float) else "deze waarde"
    ctx = error.get("ctx") or {}
    match kind:
        case "missing":
            return "ontbreekt"
        case "extra_forbidden":
            return "onbekend veld"
        case "literal_error" | "enum":
            expected = str(ctx.get("expected", "?")).replace(" or ", " of ")
            return f"{shown} is geen toegestane waarde; kies uit {expected}"
        case (
            "date_from_datetime_parsing"
            | "date_parsing"
            | "date_type"
            | "date_from_datetime_inexact"
        ):
            return f"{shown} is geen datum; gebruik JJJJ-MM-DD"
        case "float_parsing" | "float_type" | "int_parsing" | "int_type":
            return f"{shown} is geen getal"
        case "string_type":
            return "hier hoort tekst"
        case "list_type":
            return "hier hoort een lijst"
        case "model_type" | "model_attributes_type" | "dict_type":
            return "hier hoort een object met velden ({...})"
        case "greater_than_equal" | "less_than_equal" | "greater_than" | "less_than":
            return f"{shown} valt buiten het toegestane bereik"
    return str(error["msg"])


def format_review(result: Review, commission: Commission) -> str:
    """The review as readable Dutch text for a terminal."""
    title = commission.title or "Integrale opdracht (nog zonder titel)"
    done = commission.completeness()
    lines = [
        f"Kwaliteitstoets: {title}",
        f"Volledigheid: {round(done.fraction * 100)}%",
        "",
        result.verdict,
        "",
    ]
    if not result.findings:
        lines.append("Geen bevindingen.")
    for f in result.findings:
        lines.append(f"{SEVERITY_MARKS[f.severity]} {SECTION_TITLES[f.section]} ({f.rule})")
        lines.append(f"          {f.message}")
        for p in f.sources:
            where = f"{p.title}, {p.heading}" if p.heading else p.title
            lines.append(f"          Bron: {where}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run_review(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    try:
        commission = load_commission(args.commission)
    except InputError as exc:
        err.write(exc.message + "\n")
        return 2
    retriever = build_retriever(args, err)
    result = review(commission, retriever=retriever, today=args.today)
    if args.json:
        from opdrachtassistent.render.as_json import review_to_json

        out.write(review_to_json(result))
    else:
        out.write(format_review(result, commission))
    return 1 if args.strict and not result.ready else 0
