"""`opdrachtassistent chat`: the interview in a terminal, or from a file of answers.

With a terminal it prompts; when stdin is not a terminal every line is one answer, so a
whole interview can be scripted (`printf '...\\n...\\n' | opdrachtassistent chat`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from opdrachtassistent.cli.common import announce_engine, check_writable
from opdrachtassistent.commission import Commission
from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.errors import OpdrachtError, os_reason
from opdrachtassistent.lang.nl.cues.dialogue import STOP_WORDS, WHY_WORDS
from opdrachtassistent.passages import Passage, Retriever
from opdrachtassistent.services import Services, build_services


def add_chat_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("chat", help="voer het interview in de terminal")
    p.add_argument(
        "--json-out",
        type=Path,
        metavar="BESTAND",
        help="schrijf de opdracht als JSON naar dit bestand",
    )
    p.add_argument(
        "--md-out",
        type=Path,
        metavar="BESTAND",
        help="schrijf de opdracht als Markdown (met kwaliteitstoets) naar dit bestand",
    )
    p.add_argument(
        "--bronnen",
        action="store_true",
        help="toon bij elke vraag de bronnen (waarom vraag ik dit?)",
    )
    p.add_argument("--data-dir", type=Path, metavar="MAP", help="map voor de kennisindex")
    p.set_defaults(func=run_chat)


def run_chat(args: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    targets: list[Path] = [t for t in (args.json_out, args.md_out) if t is not None]
    problems = [p for t in targets if (p := check_writable(t)) is not None]
    if problems:
        for problem in problems:
            err.write(f"Fout: {problem}. Er is nog niets gevraagd; kies een ander bestand.\n")
        return 2
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    services = build_services(settings)
    announce_engine(services.engine, out)  # before the first question: who answers
    interactive = sys.stdin.isatty()
    try:
        interview = services.new_interview(with_sources=args.bronnen)
    except OpdrachtError as exc:
        err.write(f"Let op: {exc.message} Ik stel de vragen zonder bronnen.\n")
        interview = services.new_interview(with_sources=False)
    _say(out, interview.opening().message)
    while not interview.complete:
        line = _read(interactive)
        if line is None:
            break
        if not interactive:
            out.write(f"\n> {line[:200]}\n")
        if line.strip().casefold() in STOP_WORDS:
            break
        if line.strip().casefold() in WHY_WORDS:
            _show_sources(out, services, interview)
            continue
        turn = interview.answer(line)
        _say(out, turn.message)
        if args.bronnen and turn.sources:
            _print_sources(out, turn.sources)
    saved = bool(targets) and _save(interview.commission, args, services, out, err)
    if not interview.complete:
        if saved:
            out.write("\nHet interview is nog niet afgerond; wat u gaf is bewaard.\n")
        elif not targets:
            out.write(
                "\nHet interview is nog niet afgerond. Er is niets opgeslagen; geef de "
                "volgende keer --json-out of --md-out op om uw antwoorden te bewaren.\n"
            )
    return 0 if saved or not targets else 1


def _save(
    commission: Commission,
    args: argparse.Namespace,
    services: Services,
    out: TextIO,
    err: TextIO,
) -> bool:
    """Write the requested files; False (with a Dutch message) when one could not be written."""
    ok = True
    if args.json_out:
        text = json.dumps(commission.model_dump(mode="json"), ensure_ascii=False, indent=2)
        ok &= _write(args.json_out, text + "\n", "JSON", out, err)
    if args.md_out:
        from opdrachtassistent.render.markdown import to_markdown
        from opdrachtassistent.reviewing.checks import review

        try:
            retriever: Retriever | None = services.retriever
        except OpdrachtError:
            retriever = None
        try:
            result = review(commission, retriever=retriever)
        except OpdrachtError:  # the knowledge base failed while citing: review without sources
            result = review(commission)
        ok &= _write(args.md_out, to_markdown(commission, result), "Markdown", out, err)
    return ok


def _write(target: Path, text: str, kind: str, out: TextIO, err: TextIO) -> bool:
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        err.write(f"\nFout: opslaan als {kind} in {target} is mislukt ({os_reason(exc)}).\n")
        err.write(f"Hier is de opdracht als {kind}, zodat uw antwoorden niet verloren gaan:\n")
        out.write(text)
        return False
    out.write(f"\nOpdracht opgeslagen als {kind} in {target}\n")
    return True


def _read(interactive: bool) -> str | None:
    try:
        line = input("\nU: ") if interactive else sys.stdin.readline()
    except (EOFError, KeyboardInterrupt):
        return None
    if not interactive and line == "":
        return None
    return line.rstrip("\n")


def _say(out: TextIO, message: str) -> None:
    out.write("\nAssistent: " + message.replace("**", "") + "\n")
    out.flush()


def _show_sources(out: TextIO, services: Services, interview: Interview) -> None:
    from opdrachtassistent.dialogue import texts, why

    asking = interview.asking
    if asking is None or asking == "confirm":
        out.write("\nEr staat nu geen vraag open.\n")
        return
    try:
        passages = why.sources(services.retriever, asking, interview.commission)
    except OpdrachtError as exc:
        out.write(f"\nDe bronnen zijn nu niet beschikbaar: {exc.message}\n")
        return
    out.write(f"\n{texts.WHY_LEAD} {why.reason(asking)}\n")
    _print_sources(out, passages)


def _print_sources(out: TextIO, passages: list[Passage]) -> None:
    for p in passages:
        heading = f" – {p.heading}" if p.heading else ""
        out.write(f"  [{p.title}{heading}] {p.text[:240].strip()}…\n    Bron: {p.source}\n")
