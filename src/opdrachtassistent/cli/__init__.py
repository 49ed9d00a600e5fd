"""The command line: one subcommand per job, each registered lazily so start-up stays fast.

Subcommands live beside the feature they serve; this module only wires them together.
Each entry names a function `add_parser(subparsers)` that adds one subparser and sets
`func=` to a callable taking the parsed `argparse.Namespace` and returning an exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Callable, Iterator, Sequence

# "module:function" of each subcommand's registration function. Add one line per command.
SUBCOMMANDS: list[str] = [
    "opdrachtassistent.cli.chat:add_chat_parser",
    "opdrachtassistent.cli.ingest:add_ingest_parser",
    "opdrachtassistent.cli.search:add_search_parser",
    "opdrachtassistent.cli.draft:add_draft_parser",
    "opdrachtassistent.cli.review:add_review_parser",
    "opdrachtassistent.cli.users:add_user_parser",
    "opdrachtassistent.cli.users:add_users_parser",
    "opdrachtassistent.cli.conversations:add_list_parser",
    "opdrachtassistent.cli.conversations:add_conversation_parser",
    "opdrachtassistent.cli.conversations:add_purge_parser",
    "opdrachtassistent.cli.commissions:add_commissions_parser",
    "opdrachtassistent.cli.commissions:add_audit_parser",
    "opdrachtassistent.cli.commissions:add_changes_parser",
]


# argparse's own words (usage, headings, errors) in Dutch. argparse looks each one up through
# its module-level `_` (gettext) when it builds a parser, prints help or reports an error, so
# `main` swaps that function for the duration of one command line.
DUTCH_ARGPARSE: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r (verwacht: %(type)s)",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze %(value)r (kies uit %(choices)s)"
    ),
    "not allowed with argument %s": "kan niet samen met %s",
    "one of the arguments %s is required": "geef een van deze argumenten: %s",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "optie %(option)s is niet eenduidig; bedoelt u %(matches)s?"
    ),
    "ignored explicit argument %r": "waarde %r genegeerd",
}


@contextlib.contextmanager
def dutch_argparse() -> Iterator[None]:
    """Let argparse speak Dutch inside this block (help, usage and error messages)."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: DUTCH_ARGPARSE.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


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
    with dutch_argparse():
        parser = build_parser()
        args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    return func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
