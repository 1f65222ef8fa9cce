"""The scale benchmark: the synthetic 100,000-presence scenario as an HTML map and a snapshot.

Run: ``python bench/scale.py [COUNT] [--seed N] [--out DIR] [--no-browser] [--loads N]
[--json]``. Measures, in this order and each on a fresh :class:`~geo.timeline.Timeline` of
the same scenario (so nothing is reused from an earlier step):

- making the scenario in Python (:mod:`synthetic`);
- a snapshot on the ``after`` day (cold: the first on that timeline) and another day (warm);
- the HTML map (``render_html``, self-contained) and its size (goal: <= 10 s);
- in Chromium (Playwright, the system ``chromium``, no network): navigation start to first
  contentful paint and to the change layer's features drawn (goal: <= 3 s), the console
  errors, and what the change layer draws at the opening zoom (clusters, points, areas).

Goals from the issue: HTML build <= 10 s, first paint <= 3 s, snapshot <= 1 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from synthetic import COUNT, SEED, synthetic_scenario

from geo.render.html import render_html
from geo.timeline import Timeline

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 820}
DRAWN_MARK = "deploymap-features-drawn-change"


def open_in_chromium(paths: Sequence[Path], *, timeout_s: float = 60) -> list[dict[str, Any]]:
    """Open each map in a fresh page of the system Chromium and time its first paint.

    Each result: ``fcp_ms`` (navigation start to first contentful paint), ``drawn_ms``
    (to the mark ``deploymap-canvas.js`` sets once the change layer is drawn, or, for an SVG
    map, to the draw call's end), ``errors`` (console errors and uncaught exceptions),
    ``refused`` (requests other than file:/data:/about:, all refused) and ``stats`` (what
    the change layer draws, for a canvas map).
    """
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("Chromium is not installed: apt-get install chromium")
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            for path in paths:
                context = browser.new_context(viewport=VIEWPORT)
                page = context.new_page()
                errors: list[str] = []
                refused: list[str] = []

                def route(route: Any, refused: list[str] = refused) -> None:
                    if route.request.url.startswith(("file:", "data:", "about:")):
                        route.continue_()
                    else:
                        refused.append(route.request.url)
                        route.abort()

                context.route("**/*", route)
                page.on("console", lambda m, e=errors: m.type == "error" and e.append(m.text))
                page.on("pageerror", lambda x, e=errors: e.append(str(x)))
                page.goto(Path(path).resolve().as_uri(), timeout=timeout_s * 1000)
                page.wait_for_function(
                    "() => window.map_deploymap && map_deploymap.deploymap !== undefined",
                    timeout=timeout_s * 1000)
                canvas = page.evaluate("() => !!map_deploymap.deploymap.groups.change.stats")
                if canvas:
                    page.wait_for_function(
                        f"() => performance.getEntriesByName('{DRAWN_MARK}').length > 0",
                        timeout=timeout_s * 1000)
                page.wait_for_function(
                    "() => performance.getEntriesByName('first-contentful-paint').length > 0",
                    timeout=timeout_s * 1000)
                results.append(page.evaluate(f"""() => {{
                    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                    const drawn = performance.getEntriesByName('{DRAWN_MARK}')[0];
                    const nav = performance.getEntriesByType('navigation')[0];
                    const change = map_deploymap.deploymap.groups.change;
                    return {{fcp_ms: fcp.startTime,
                             drawn_ms: drawn ? drawn.startTime : nav.domContentLoadedEventEnd,
                             stats: change.stats ? change.stats() : null}};
                }}"""))
                results[-1].update(errors=errors, refused=refused)
                context.close()
        finally:
            browser.close()
    return results


def measure(count: int = COUNT, *, seed: int = SEED, out: Path | None = None,
            browser: bool = True, loads: int = 3) -> dict[str, Any]:
    """Every figure of the module docs, as a dict (times in seconds, paints in ms)."""
    out = out or Path(tempfile.mkdtemp(prefix="deploymap-scale-"))
    out.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"count": count, "seed": seed}

    start = time.perf_counter()
    scenario = synthetic_scenario(count, seed=seed)
    gc.collect()  # the garbage collector's pass over the new objects belongs to making them
    result["make_s"] = time.perf_counter() - start
    points = sum(p.place.geometry.geom_type == "Point" for p in scenario.presences)
    result["points"], result["polygons"] = points, count - points

    timeline = Timeline(scenario)
    after, other = timeline.view("after"), timeline.view("before")
    start = time.perf_counter()
    frame = timeline.snapshot(after)
    result["snapshot_cold_s"] = time.perf_counter() - start
    result["snapshot_rows"] = len(frame)
    start = time.perf_counter()
    result["snapshot_other_rows"] = len(timeline.snapshot(other))
    result["snapshot_warm_s"] = time.perf_counter() - start
    del frame, timeline
    gc.collect()

    timeline = Timeline(scenario)
    days = {"before": timeline.view("before"), "after": after}
    start, cpu = time.perf_counter(), time.process_time()
    text = render_html(timeline, **days)
    result["html_s"] = time.perf_counter() - start
    result["html_cpu_s"] = time.process_time() - cpu
    path = out / f"synthetic-{count}.en.html"
    path.write_text(text, encoding="utf-8")
    result["html_bytes"] = len(text.encode())
    result["html_path"] = str(path)
    change = timeline.change(days["before"], after)
    result["change_rows"] = len(change)
    del text, change

    if browser:
        opened = open_in_chromium([path] * loads)
        result["fcp_ms"] = statistics.median(o["fcp_ms"] for o in opened)
        result["drawn_ms"] = statistics.median(o["drawn_ms"] for o in opened)
        result["fcp_ms_all"] = [round(o["fcp_ms"]) for o in opened]
        result["errors"] = sorted({e for o in opened for e in o["errors"]})
        result["refused"] = sorted({r for o in opened for r in o["refused"]})
        result["stats"] = opened[0]["stats"]
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures (or one JSON object with --json)."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=COUNT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="where to keep the HTML map")
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium")
    parser.add_argument("--loads", type=int, default=3, help="page loads to take the median of")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    arguments = parser.parse_args(argv)
    result = measure(arguments.count, seed=arguments.seed, out=arguments.out,
                     browser=not arguments.no_browser, loads=arguments.loads)
    if arguments.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:<22} {value:.3f}" if isinstance(value, float) else f"{key:<22} {value}")


if __name__ == "__main__":
    main()
