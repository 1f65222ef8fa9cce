"""``deploymap serve``: build, watch, rebuild on save; the open page reloads itself; an error
shows in the page and the terminal while the last good map stays; Ctrl-C ends it."""

from __future__ import annotations

import json
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.data_files import data_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TITLE = "Russian forces in Armenia, before and after the May 2024 withdrawal agreement"


def story(folder: Path) -> Path:
    """The seed scenario, copied where it can be edited (its articles named absolutely)."""
    text = data_path("scenarios", "armenia-2024.yaml").read_text(encoding="utf-8")
    path = folder / "story.yaml"
    path.write_text(text.replace("file: ../../seeds/", f"file: {SEEDS}/"), encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Server:
    """A ``deploymap serve`` child process and what it printed."""

    def __init__(self, *args: str) -> None:
        # Ctrl-C as in a terminal: a runner started in the background (`... &` in a script)
        # passes SIGINT on ignored, and an ignored signal stays ignored across exec
        self.process = subprocess.Popen([sys.executable, "-m", "geo", "serve", "--port", "0",
                                         *args], stderr=subprocess.PIPE, text=True,
                                        preexec_fn=_interruptible)
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"serving (http://127\.0\.0\.1:\d+/)").group(1)

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail("serve ended:\n" + "".join(self.lines))
            self.lines.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        pytest.fail(f"no {pattern!r} in:\n" + "".join(self.lines))

    def state(self) -> dict:
        with urllib.request.urlopen(self.url + "state", timeout=10) as answer:
            return json.loads(answer.read())

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=20)
        while (line := self._queue.get(timeout=10)) is not None:
            self.lines.append(line)
        return code


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    path = story(tmp_path)
    server = Server(str(path), "--out", str(tmp_path / "maps"), "--format", "html,png")
    server.wait_for(r"watching \d+ files")
    yield server, path
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def test_serves_on_loopback_only_what_it_built(served):
    server, _path = served
    state = server.state()
    assert state["error"] is None and state["html_version"] == 1
    assert {"story.en.html", "story.side-by-side.en.png", "story.side-by-side.en.txt"} <= set(
        state["files"])
    with urllib.request.urlopen(server.url, timeout=10) as answer:
        page = answer.read().decode("utf-8")
    assert TITLE in page and 'src="/_deploymap/live.js"' in page
    with urllib.request.urlopen(server.url + "story.side-by-side.en.png", timeout=10) as answer:
        assert answer.read(8) == b"\x89PNG\r\n\x1a\n"
    for path in ("../story.yaml", "%2e%2e/story.yaml", "story.yaml", "etc/passwd", "/x"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.url + path, timeout=10)
        assert refused.value.code == 404
    assert server.stop() == 0
    assert "stopped" in server.lines[-1]


def test_only_what_an_edit_changes_is_rebuilt(served):
    server, path = served
    png = path.parent / "maps" / "story.side-by-side.en.png"
    first = png.stat().st_mtime_ns
    # a quote is drawn only in the HTML's popups: the static map is left as it is
    edit(path, "quote: According to the agreement, the Russian", "quote: the Russian")
    assert "quote: the Russian border guards and military points" in path.read_text("utf-8")
    server.wait_for(r"\[2\] html \(en\) in")
    server.wait_for(r"\[2\] no other output changed")
    assert png.stat().st_mtime_ns == first and server.state()["html_version"] == 2
    # the title is on the static map too
    edit(path, f"  en: {TITLE}", "  en: A title edited once")
    server.wait_for(r"\[3\] html \(en\) in")
    server.wait_for(r"\[3\] png \(side-by-side, en\) in")
    assert png.stat().st_mtime_ns != first
    # saving the same text again changes nothing
    path.write_text(path.read_text("utf-8"), encoding="utf-8")
    server.wait_for(r"\[4\] the HTML map is unchanged")
    assert server.state()["html_version"] == 3
    assert server.stop() == 0


def test_an_edit_reloads_the_page_and_an_error_shows_in_it(served, browser):
    server, path = served
    page = browser.new_page(viewport={"width": 1280, "height": 820})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url)
    page.wait_for_function(f"document.body.innerText.includes({json.dumps(TITLE)})")

    edit(path, f"  en: {TITLE}", "  en: The preview shows this new title")
    page.wait_for_function("document.body.innerText.includes('The preview shows this new "
                           "title')", timeout=15000)
    server.wait_for(r"\[2\] html \(en\) in")

    edit(path, "country: AM", "country: [AM")  # a YAML error on line 9
    panel = page.wait_for_selector("#dm-live-error", timeout=15000)
    assert panel is not None
    message = panel.inner_text()
    assert "story.yaml:" in message and "the map is the last good build" in message
    assert "The preview shows this new title" in page.inner_text("body")  # the map stays
    server.wait_for(r"\[3\] error; the page keeps the last good map")
    server.wait_for(r"story\.yaml:\d+: ")  # file:line in the terminal too

    edit(path, "country: [AM", "country: AM")
    page.wait_for_selector("#dm-live-error", state="detached", timeout=15000)
    assert errors == []
    page.close()
    assert server.stop() == 0


def test_a_scenario_broken_from_the_start_shows_its_error_until_fixed(tmp_path, browser):
    path = story(tmp_path)
    edit(path, "country: AM", "country: ZZ")
    server = Server(str(path), "--out", str(tmp_path / "maps"), "--format", "html")
    try:
        server.wait_for(r"\[1\] error")
        page = browser.new_page()
        page.goto(server.url)
        assert "ZZ" in page.inner_text("#dm-first-error")
        assert not (tmp_path / "maps" / "story.en.html").exists()
        edit(path, "country: ZZ", "country: AM")
        page.wait_for_function(f"document.body.innerText.includes({json.dumps(TITLE)})",
                               timeout=30000)
        page.close()
    finally:
        assert server.stop() == 0


def test_a_taken_port_is_one_clear_error(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "geo", "serve", "--port", str(port),
                                 "--out", str(tmp_path)], capture_output=True, text=True,
                                timeout=60, check=False)
    assert result.returncode == 2
    assert f"--port {port}: cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_help_has_examples():
    result = subprocess.run([sys.executable, "-m", "geo", "serve", "--help"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and "examples:" in result.stdout and "--port" in result.stdout
    assert shutil.which("true")  # the help needs no network, no browser
