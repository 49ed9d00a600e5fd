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

from opdrachtassistent.config import Settings
from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.passages import Passage
from opdrachtassistent.services import Services, build_services

WHY_WORDS = {"waarom", "waarom?", "bronnen", "bron", "why"}
STOP_WORDS = {"stop", "exit", "quit", "afsluiten"}


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
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    services = build_services(settings)
    interactive = sys.stdin.isatty()
    interview = services.new_interview(with_sources=args.bronnen)
    out = sys.stdout
    _say(out, interview.opening().message)
    while not interview.complete:
        line = _read(interactive)
        if line is None:
            break
        if line.strip().casefold() in STOP_WORDS:
            break
        if line.strip().casefold() in WHY_WORDS:
            _show_sources(out, services, interview.asking)
            continue
        turn = interview.answer(line)
        if not interactive:
            out.write(f"\n> {line[:200]}\n")
        _say(out, turn.message)
        if args.bronnen and turn.sources:
            _print_sources(out, turn.sources)
    commission = interview.commission
    if args.json_out:
        args.json_out.write_text(
            json.dumps(commission.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        out.write(f"\nOpdracht opgeslagen als JSON in {args.json_out}\n")
    if args.md_out:
        from opdrachtassistent.render.markdown import to_markdown

        args.md_out.write_text(to_markdown(commission), encoding="utf-8")
        out.write(f"Opdracht opgeslagen als Markdown in {args.md_out}\n")
    if not interview.complete:
        out.write("\nHet interview is nog niet afgerond; wat u gaf is bewaard.\n")
    return 0


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


def _show_sources(out: TextIO, services: Services, asking: str | None) -> None:
    from opdrachtassistent import texts

    if asking is None or asking not in texts.QUESTIONS:
        out.write("\nEr staat nu geen vraag open.\n")
        return
    try:
        passages = services.retriever.search(texts.QUESTIONS[asking], k=3, section=asking)
    except OpdrachtError as exc:
        out.write(f"\nDe bronnen zijn nu niet beschikbaar: {exc.message}\n")
        return
    out.write("\nWaarom vraag ik dit? " + texts.WHY[asking] + "\n")
    _print_sources(out, passages)


def _print_sources(out: TextIO, passages: list[Passage]) -> None:
    for p in passages:
        heading = f" – {p.heading}" if p.heading else ""
        out.write(f"  [{p.title}{heading}] {p.text[:240].strip()}…\n    Bron: {p.source}\n")
