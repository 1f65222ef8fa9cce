"""``deploymap serve`` from a save to the result, on the seed story (all formats).

The scenario's English title is edited ``edits`` times (the title is on every map, so
every output is rebuilt each time). For each edit: the time from writing the file to the
open Chromium page showing the new title (the page reloads itself), and to serve's line
saying the other formats are done.
"""

from __future__ import annotations

import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from geo.data_files import data_path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Russian forces in Armenia, before and after the May 2024 withdrawal agreement"


def measure(edits: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="deploymap-serve-"))
    story = folder / "story.yaml"
    text = data_path("scenarios", "armenia-2024.yaml").read_text(encoding="utf-8")
    story.write_text(text.replace("file: ../../seeds/", f"file: {ROOT / 'seeds'}/"),
                     encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "geo", "serve", str(story), "--port", "0",
                                "--out", str(folder / "maps")], stderr=subprocess.PIPE,
                               text=True, cwd=ROOT)
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def wait(pattern: str) -> tuple[float, re.Match[str]]:
        while True:
            at, line = lines.get(timeout=120)
            found = re.search(pattern, line)
            if found:
                return at, found

    try:
        url = wait(r"serving (http://127\.0\.0\.1:\d+/)")[1].group(1)
        wait(r"watching")
        html_times, all_times = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(url)
            current = TITLE
            for number in range(edits):
                new = f"Edit {number} of the title"
                text = story.read_text(encoding="utf-8").replace(f"  en: {current}",
                                                                 f"  en: {new}", 1)
                start = time.perf_counter()
                story.write_text(text, encoding="utf-8")
                page.wait_for_function(f"document.body.innerText.includes('{new}')",
                                       timeout=30000)
                html_times.append(time.perf_counter() - start)
                all_times.append(wait(r"\] .*png/svg/pdf .* in ")[0] - start)
                current = new
                time.sleep(0.3)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return statistics.median(html_times), statistics.median(all_times)
