"""The command line: one subcommand per job, each registered lazily so start-up stays fast.

Subcommands live beside the feature they serve; this module only wires them together.
Each entry names a function `add_parser(subparsers)` that adds one subparser and sets
`func=` to a callable taking the parsed `argparse.Namespace` and returning an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

# "module:function" of each subcommand's registration function. Add one line per command.
SUBCOMMANDS: list[str] = [
    "opdrachtassistent.chat_cli:add_chat_parser",
    "opdrachtassistent.knowledge.cli:add_ingest_parser",
    "opdrachtassistent.knowledge.cli:add_search_parser",
    "opdrachtassistent.review_cli:add_draft_parser",
    "opdrachtassistent.review_cli:add_review_parser",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opdrachtassistent",
        description="Stel samen met de assistent een integrale opdracht op voor de openbare "
        "ruimte.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for spec in SUBCOMMANDS:
        module_name, _, func_name = spec.partition(":")
        register: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None] = getattr(
            importlib.import_module(module_name), func_name
        )
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    return func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
