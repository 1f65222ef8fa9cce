"""The preview's web server: the map and its outputs on the loopback interface only, and
a stream of server-sent events (``/events``) that tells each open page to reload or to
show the scenario's error.

Routes: ``/`` (the map in the first language), ``/STEM.LANG.html``, the other files of
the last build by name, ``/state`` (JSON), ``/events``, ``/_deploymap/live.js``. Anything
else is 404; nothing outside the build's own files is ever served.
"""

from __future__ import annotations

import html
import json
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import BadArgument
from .session import PreviewSession

HOST = "127.0.0.1"
#: How often an idle event stream sends a comment, so a closed page is noticed.
HEARTBEAT_S = 10.0
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8", "png": "image/png", "svg": "image/svg+xml",
    "pdf": "application/pdf", "geojson": "application/geo+json", "txt": "text/plain; "
    "charset=utf-8", "gpkg": "application/geopackage+sqlite3"}


def live_script() -> bytes:
    """The script every served page carries (reload, error panel)."""
    return resources.files("geo.preview").joinpath("web/live.js").read_bytes()


def with_live_script(page: bytes, version: int) -> bytes:
    """The map with the live script before ``</body>`` (the file on disk has none)."""
    tag = (f'<script src="/_deploymap/live.js" data-version="{version}"></script>'
           ).encode("ascii")
    at = page.rfind(b"</body>")
    at = at if at >= 0 else page.rfind(b"</html>")
    return page[:at] + tag + page[at:] if at >= 0 else page + tag


def waiting_page(error: str | None) -> bytes:
    """The page shown before any map was built (the first build failed)."""
    message = html.escape(error or "building…")
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name='
            '"viewport" content="width=device-width, initial-scale=1"><title>deploymap serve'
            f'</title></head><body><pre id="dm-first-error">{message}</pre>'
            '<script src="/_deploymap/live.js" data-version="0"></script></body></html>'
            ).encode()


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server for one preview session; :meth:`notify` wakes the event streams."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, session: PreviewSession, port: int) -> None:
        self.session = session
        self.changed = threading.Condition()
        self.stopping = False
        self.streams = 0  # open event streams (pages showing the map)
        self.opened = 0  # event streams opened so far (a reloaded page opens a new one)
        self.loads: dict[int, int] = {}  # HTML version -> pages served with it
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as error:
            raise BadArgument(f"--port {port}: cannot listen on {HOST}:{port}: "
                              f"{error.strerror}; give another --port, or 0 for any free "
                              "one") from None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def notify(self) -> None:
        with self.changed:
            self.changed.notify_all()

    def wait_for_reload(self, version: int, opened: int, timeout: float) -> None:
        """Wait until a page has fetched HTML version ``version`` and run its scripts (its
        event stream is the ``opened + 1``-th), or ``timeout``: the next work (the static
        maps) would otherwise slow the reload down."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while (self.loads.get(version, 0) < 1 or self.opened <= opened) and \
                    not self.stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self.changed.wait(left)

    def stop(self) -> None:
        self.stopping = True
        self.notify()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the terminal shows builds, not requests

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        session = self.server.session
        path = unquote(urlsplit(self.path).path)
        if path == "/events":
            return self._events()
        if path == "/state":
            with session.lock:
                body = json.dumps(session.state.as_dict()).encode("utf-8")
            return self._send(HTTPStatus.OK, body, "application/json")
        if path == "/_deploymap/live.js":
            return self._send(HTTPStatus.OK, live_script(), "text/javascript; charset=utf-8")
        with session.lock:
            langs = session.options.langs
            pages = {f"/{session.stem}.{lang}.html": lang for lang in langs}
            lang = langs[0] if path in ("/", "/index.html") else pages.get(path)
            page = session.html.get(lang) if lang is not None else None
            version = session.state.html_version
            error, files, out = session.state.error, set(session.state.files), session.out
        if lang is not None:
            body = with_live_script(page, version) if page is not None else waiting_page(error)
            self._send(HTTPStatus.OK, body, CONTENT_TYPES["html"])
            with self.server.changed:
                self.server.loads[version] = self.server.loads.get(version, 0) + 1
                self.server.changed.notify_all()
            return
        name = path.lstrip("/")
        if name in files and "/" not in name:
            try:
                body = (out / name).read_bytes()
            except OSError:
                body = None
            if body is not None:
                kind = CONTENT_TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream")
                return self._send(HTTPStatus.OK, body, kind)
        self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        session, sent = self.server.session, None
        with self.server.changed:
            self.server.streams += 1
            self.server.opened += 1
            self.server.changed.notify_all()
        try:
            while not self.server.stopping:
                with session.lock:
                    state = session.state.as_dict()
                if state != sent:
                    self.wfile.write(b"event: state\ndata: " + json.dumps(state).encode("utf-8")
                                     + b"\n\n")
                    sent = state
                else:
                    self.wfile.write(b": waiting\n\n")
                self.wfile.flush()
                with self.server.changed:
                    self.server.changed.wait(HEARTBEAT_S)
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded
        finally:
            with self.server.changed:
                self.server.streams -= 1
        self.close_connection = True


__all__ = ["HOST", "PreviewServer", "live_script", "waiting_page", "with_live_script"]
