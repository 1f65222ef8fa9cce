"""Follow the preview's inputs with watchfiles and rebuild on each saved change."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from .server import PreviewServer
from .session import PreviewSession, State

#: Changes closer together than this (ms) are one edit (an editor's save is often several
#: writes and a rename); no change for ``STEP_MS`` after one ends the edit.
DEBOUNCE_MS, STEP_MS = 400, 30
#: How long the other outputs wait for open pages to fetch a new HTML map.
RELOAD_WAIT_S = 1.5


def rebuild(session: PreviewSession, server: PreviewServer,
            report: Callable[[str, State], None]) -> None:
    """One rebuild: the HTML first (pages reload), then the other outputs once the open
    pages have fetched the new map (at most a second and a half later)."""
    version = session.state.html_version
    with server.changed:
        pages, opened = server.streams, server.opened
    state = session.rebuild_html()
    server.notify()
    report("html", state)
    if state.error is None:
        if state.html_version != version and pages:
            server.wait_for_reload(state.html_version, opened, RELOAD_WAIT_S)
        state = session.rebuild_rest()
        server.notify()
        report("rest", state)


def watch(session: PreviewSession, server: PreviewServer,
          report: Callable[[str, State], None], stop: threading.Event) -> None:
    """Rebuild after every change to an input until ``stop`` is set (or Ctrl-C). The set
    of inputs is read again after each rebuild: an article added to the scenario is
    watched from then on."""
    import watchfiles

    while not stop.is_set():
        files = session.inputs()
        folders = sorted({str(path.parent) for path in files if path.parent.is_dir()})

        def ours(change: watchfiles.Change, path: str, files: set[Path] = files) -> bool:
            return Path(path).resolve() in files

        # every half second without a change the watcher yields nothing: then the files'
        # stamps are compared with those of the last build, which catches a save made
        # before the watcher started (or an event the file system did not send)
        for changes in watchfiles.watch(*folders, watch_filter=ours, debounce=DEBOUNCE_MS,
                                        step=STEP_MS, stop_event=stop, rust_timeout=500,
                                        yield_on_timeout=True):
            if not changes and session.stamps_now() == session.stamps:
                continue
            rebuild(session, server, report)
            if session.inputs() != files:
                break


__all__ = ["rebuild", "watch"]
