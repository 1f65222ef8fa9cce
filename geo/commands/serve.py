"""``deploymap serve``: a live preview that rebuilds the maps on every save."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BadArgument
from ..i18n import check_language
from ..inputs import check_output_folder
from .build import add_output_arguments, output_options
from .timeline_options import add_places_argument

if TYPE_CHECKING:
    from ..preview.session import State

DEFAULT_PORT = 8754

DESCRIPTION = """\
Preview a scenario while you edit it: build its maps once, serve the HTML map on this
machine only (http://127.0.0.1:PORT/), and rebuild on every save of the scenario, its
articles or the --places file. The open page reloads itself; if the scenario has an error,
the page and this terminal show it (file:line) and the last good map stays. The other
formats are rebuilt after the HTML, into --out, and only when what they draw changed.
Ctrl-C stops."""

EPILOG = f"""\
examples:
  deploymap serve                               # the seed story, port {DEFAULT_PORT}
  deploymap serve my-story.yaml --open          # and open it in the browser
  deploymap serve my-story.yaml --format html --port 0   # HTML only, any free port
  deploymap serve my-story.yaml --places bases.geojson --lang en,vi

The page is at http://127.0.0.1:PORT/ (the first --lang), /STEM.LANG.html for each
language, and every file of the last build under its name (e.g. /STEM.side-by-side.en.png).
exit codes: 0 stopped with Ctrl-C; 2 an option is wrong or the port is taken."""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``serve`` subcommand."""
    parser = commands.add_parser(
        "serve", help="live preview: rebuild on save, the open page reloads",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", type=Path, metavar="SCENARIO",
                        help="scenario YAML file (default: the shipped seed story)")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="N",
                        help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0: any free port)")
    parser.add_argument("--open", action="store_true",
                        help="open the map in the default browser once it is built")
    add_output_arguments(parser)
    add_places_argument(parser)
    parser.set_defaults(run=run)


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r}: give a port number from 0 to 65535")
    return value


def _say(message: str) -> None:
    print(f"deploymap serve: {message}", file=sys.stderr, flush=True)


def report(phase: str, state: State) -> None:
    """One line per phase of a rebuild, or the error with every file:line problem."""
    if state.error is not None:
        _say(f"[{state.build}] error; the page keeps the last good map:\n  "
             + state.error.replace("\n", "\n  "))
    elif phase == "html":
        _say(f"[{state.build}] " + (f"{', '.join(state.rebuilt)} in {state.seconds:.2f} s; "
                                    "open pages reload" if state.rebuilt else
                                    f"the HTML map is unchanged ({state.seconds:.2f} s)"))
    else:
        done = [r for r in state.rebuilt if not r.startswith("html")]
        same = [r for r in state.skipped if not r.startswith("html")]
        if done or same:
            _say(f"[{state.build}] {', '.join(done) or 'no other output changed'} in "
                 f"{state.seconds:.2f} s" + (f" (unchanged: {', '.join(same)})" if same and
                                             done else ""))


def run(arguments: argparse.Namespace) -> int:
    """Build, serve and watch until Ctrl-C."""
    for lang in arguments.lang:
        check_language(lang)
    if arguments.scenario is not None and not arguments.scenario.is_file():
        raise BadArgument(f"{arguments.scenario}: no such scenario file; give the YAML file "
                          "to preview (or none for the seed story)")
    check_output_folder(arguments.out)
    from ..preview.server import PreviewServer
    from ..preview.session import PreviewSession
    from ..preview.watch import rebuild, watch

    session = PreviewSession(arguments.scenario, out=arguments.out,
                             options=output_options(arguments), places=arguments.places,
                             before=arguments.before, after=arguments.after)
    server = PreviewServer(session, arguments.port)
    threading.Thread(target=server.serve_forever, name="deploymap-serve", daemon=True).start()
    _say(f"serving {server.url} (this machine only); building…")
    stop = threading.Event()

    def stop_on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # `kill` ends it as cleanly as Ctrl-C

    signal.signal(signal.SIGTERM, stop_on_term)
    try:
        rebuild(session, server, report)
        _say(f"watching {len(session.inputs())} files; the map is at {server.url} "
             "(Ctrl-C stops)")
        if arguments.open:
            import webbrowser

            webbrowser.open(server.url)
        watch(session, server, report, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.stop()
    _say("stopped")
    return 0


__all__ = ["DEFAULT_PORT", "register", "run"]
