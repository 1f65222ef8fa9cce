"""The ``deploymap`` command: argument parsing, error reporting and exit codes.

Exit codes: 0 ok; 2 the input is wrong (one message on stderr naming the file, line or name
and the fix, no traceback); 1 a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .commands import build, check, diff, extract, resolve, serve, snapshot
from .errors import UserInputError
from .inputs import text_problem

DESCRIPTION = """\
Map where a military force is and where it has left, from news reports.
Everything runs offline on the shipped data unless you add --online."""

EPILOG = """\
examples:
  deploymap build                           # the seed story's maps into maps/
  deploymap resolve Syunik "tỉnh Tavush" "Yerevan's main airport"
  deploymap resolve "biên giới Armenia với Thổ Nhĩ Kỳ và Iran" --format geojson > borders.geojson
  deploymap diff                            # the seed story: withdrawn / remained / new
  deploymap snapshot --date 2024-01-01 --format geojson > before.geojson
  deploymap extract seeds/*.txt > draft.yaml  # draft records from articles, to review
  deploymap check draft.yaml                # valid? what will the maps show?
  deploymap build --from-articles articles/ --save-scenario story.yaml

Run `deploymap COMMAND --help` for the options of each command."""


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("deploymap")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(f"deploymap {_version()}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="deploymap",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    build.register(commands)
    resolve.register(commands)
    snapshot.register(commands)
    diff.register(commands)
    extract.register(commands)
    check.register(commands)
    serve.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    for number, argument in enumerate(given, 1):
        problem = text_problem(argument)
        if problem:
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            if "surrogate" in problem:  # bytes the terminal's UTF-8 could not decode
                problem = "bytes that are not UTF-8; check the terminal's or script's encoding"
            print(f"deploymap: error: argument {number} ({shown[:60]!r}) holds {problem}",
                  file=sys.stderr)
            return 2
    arguments = parser.parse_args(given)
    try:
        return arguments.run(arguments)
    except UserInputError as error:
        print(f"deploymap {arguments.command}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `deploymap diff | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("deploymap: interrupted", file=sys.stderr)
        return 130


def entry_point() -> None:
    """Console-script entry: exit with :func:`main`'s code."""
    leave(main())


def leave(code: int) -> NoReturn:
    """Exit with ``code`` without the interpreter's teardown, which frees every object of a
    build one by one (0.05-0.1 s): what it does that matters is done first (other threads
    joined, exit handlers run, the streams flushed: 120 if that fails, as Python says)."""
    import atexit
    import threading

    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120
    os._exit(code)


__all__ = ["build_parser", "entry_point", "leave", "main"]
