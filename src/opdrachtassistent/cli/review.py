"""`opdrachtassistent review`: the command-line edge of the quality check.

    opdrachtassistent review opdracht.json [--json] [--vandaag JJJJ-MM-DD] [--streng]

Exit codes: 0 done; 1 not ready with --streng; 2 unusable input (a missing or invalid file,
wrong arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from opdrachtassistent.cli.common import (
    add_common_arguments,
    announce_engine,
    build_retriever,
    settings_for,
)
from opdrachtassistent.commission import SECTION_TITLES, Commission
from opdrachtassistent.errors import InputError, os_reason
from opdrachtassistent.llm.engine import describe
from opdrachtassistent.render import labels
from opdrachtassistent.render.as_json import commission_part
from opdrachtassistent.reviewing.checks import Review, review

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers
    from opdrachtassistent.passages import Retriever
SEVERITY_MARKS = {"hoog": "[HOOG]  ", "midden": "[MIDDEN]", "laag": "[LAAG]  "}


def add_review_parser(subparsers: Subparsers) -> None:
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
    add_common_arguments(p)
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
        return Commission.model_validate(commission_part(data))  # an export's status etc.
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
    lines += format_model_remarks(result)
    return "\n".join(lines).rstrip() + "\n"


def format_model_remarks(result: Review) -> list[str]:
    """The model's remarks under their own heading after the findings; [] without any."""
    rows = labels.model_remark_rows(result)
    if not rows:
        return []
    lines = [labels.MODEL_REMARKS_TITLE, "-" * len(labels.MODEL_REMARKS_TITLE)]
    lines += textwrap.wrap(labels.MODEL_REMARKS_INTRO, width=90)
    lines.append("")
    for section, text in rows:
        lines.append(f"[TAALMODEL] {section}")
        lines += textwrap.wrap(text, width=90, initial_indent=" " * 10, subsequent_indent=" " * 10)
        lines.append("")
    return lines


def review_commission(
    args: argparse.Namespace, commission: Commission, retriever: Retriever | None
) -> Review:
    """The rule review; with a model configured, through the services, which add the
    model's remarks beside the findings (the findings stay the rules' own)."""
    settings = settings_for(args)
    if not settings.llm_enabled:
        return review(commission, retriever=retriever, today=args.today)
    from opdrachtassistent.services import build_services

    return build_services(settings).review(
        commission, retriever=retriever, with_sources=retriever is not None, today=args.today
    )


def run_review(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    try:
        commission = load_commission(args.commission)
    except InputError as exc:
        err.write(exc.message + "\n")
        return 2
    announce_engine(describe(settings_for(args)), err)  # stdout stays the review
    retriever = build_retriever(args, err)
    result = review_commission(args, commission, retriever)
    if args.json:
        from opdrachtassistent.render.as_json import review_to_json

        out.write(review_to_json(result))
    else:
        out.write(format_review(result, commission))
    return 1 if args.strict and not result.ready else 0
