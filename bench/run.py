"""Every deploymap benchmark in one run, printed as one table.

Run from the repository: ``python bench/run.py [--quick] [--no-browser] [--count N]``.
``--quick`` repeats less and measures rates for shorter (about a minute in all instead of
about two); the figures are noisier, not different in kind. See ``bench/README.md`` for what
each row measures and why.

Rows:

- **seed build**: ``deploymap build`` (the seed scenario, every format, into a temporary
  folder) run as a child process, wall time (median) and peak memory (the child's maximum
  resident set, from ``wait4``), against the *floor*: a bare interpreter importing the same
  third-party modules the build imports (found by running the build once and listing
  ``sys.modules``). The build's own per-step times are shown under it.
- **gazetteer**: look-ups per second, exact and fuzzy (misspelt name -> suggestions), against
  a linear scan over the same names with the same normaliser and scorer
  (``bench/gazetteer_lookups.py``), and against the one request a second that Nominatim's
  usage policy allows.
- **html**: bytes of the seed map, self-contained and with Leaflet from a CDN, against
  folium's default output for the same geometries (``bench/html_size.py``).
- **extraction**: articles per CPU second on one core (``bench/extract_articles.py``).
- **scale**: the synthetic 100,000-presence scenario (``bench/synthetic.py``): made,
  snapshot, HTML map built, first paint in Chromium (``bench/scale.py``, in a child process
  whose peak memory is reported too).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# the in-process rows measure this checkout's geo, not another one an editable install names
sys.path.insert(1, str(HERE.parent))

#: Lists the third-party modules ``deploymap build`` imports (run once in a child process).
_LIST_MODULES = """
import json, sys, sysconfig
from geo.cli import main
try:
    main(["build", "--jobs", "1", "--out", sys.argv[1]])  # one process: every import here
except SystemExit:
    pass
roots = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
names = sorted(n for n, m in list(sys.modules.items())
               if any(str(getattr(m, "__file__", None) or "").startswith(r) for r in roots)
               and n.split(".")[0] not in ("geo", "_distutils_hack")
               and not n.startswith("__editable__"))
print(json.dumps(names))
"""
#: The floor: import those modules and nothing else.
_FLOOR = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""

Row = tuple[str, str, str, str, str, str]  # area, measure, deploymap, reference, ratio, goal


def child(command: list[str], *, timeout: float = 600, cache: str | None = None,
          ok: tuple[int, ...] = (0,), cwd: Path | None = None) -> tuple[float, float, str, str]:
    """Run ``command`` (with ``cache`` as its cache folder, in ``cwd``, by default this
    checkout): (wall seconds, peak RSS in MB, stdout, stderr); raise if it exits with a
    code not in ``ok``."""
    env = {**os.environ, **({"DEPLOYMAP_CACHE_DIR": cache} if cache else {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd or HERE.parent,
                                   env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                raise TimeoutError(f"{command[:4]} took over {timeout:.0f} s")
            time.sleep(0.005)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode not in ok:
        raise RuntimeError(f"{' '.join(command[:5])} exited {process.returncode}:\n"
                           f"{stderr[-2000:]}")
    return wall, usage.ru_maxrss / 1024, stdout, stderr


def seed_build(runs: int) -> list[Row]:
    """Wall time and peak memory of ``deploymap build`` against the import floor: cold (an
    empty cache folder), warm (the cache of an earlier build), and warm in one process."""
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="deploymap-bench-") as folder:
        warm = f"{folder}/warm-cache"
        _, _, listed, _ = child([python, "-c", _LIST_MODULES, f"{folder}/warm-up"], cache=warm)
        modules = json.loads(listed.strip().splitlines()[-1])
        kinds = {"cold": [], "warm": [], "one": []}
        floors, steps = [], []
        command = [python, "-m", "geo", "build"]
        for run in range(runs):  # interleaved, so all see the same machine
            floors.append(child([python, "-c", _FLOOR, json.dumps(modules)])[:2])
            kinds["cold"].append(child([*command, "--out", f"{folder}/cold{run}"],
                                       cache=f"{folder}/cold-cache{run}")[:2])
            wall, rss, _, stderr = child([*command, "--out", f"{folder}/warm{run}"],
                                         cache=warm)
            kinds["warm"].append((wall, rss))
            steps.append(re.findall(r"\] (.+?): .*\(([\d.]+) s\)$", stderr, re.MULTILINE))
            kinds["one"].append(child([*command, "--jobs", "1", "--out", f"{folder}/one{run}"],
                                      cache=warm)[:2])
    floor = statistics.median(w for w, _ in floors)
    wall = {k: statistics.median(w for w, _ in v) for k, v in kinds.items()}
    peak = max(r for v in kinds.values() for _, r in v)
    floor_peak = max(r for _, r in floors)
    packages = len({m.split(".")[0] for m in modules})
    cores = len(os.sched_getaffinity(0))
    rows: list[Row] = [
        ("seed build", f"cold: empty cache, {cores} workers (median of {runs})",
         f"{wall['cold']:.2f} s", f"floor {floor:.2f} s", f"{wall['cold'] / floor:.2f}x",
         _goal(wall["cold"] <= 2.5 * floor, "<= 2.5x floor")),
        ("", f"warm: cache of an earlier build, {cores} workers", f"{wall['warm']:.2f} s",
         f"floor {floor:.2f} s", f"{wall['warm'] / floor:.2f}x",
         _goal(wall["warm"] <= 2 * floor, "<= 2x floor")),
        ("", "warm, --jobs 1 (one process)", f"{wall['one']:.2f} s", f"floor {floor:.2f} s",
         f"{wall['one'] / floor:.2f}x", ""),
        ("", f"  floor: import its {len(modules)} modules ({packages} packages)", "", "", "",
         ""),
    ]
    for name, seconds in steps[len(steps) // 2]:
        rows.append(("", f"  step (warm, in its worker): {name}", f"{float(seconds):.1f} s", "",
                     "", ""))
    rows.append(("", "peak memory (max RSS of a build process)", f"{peak:.0f} MB",
                 f"floor {floor_peak:.0f} MB", f"{peak / floor_peak:.2f}x",
                 _goal(peak <= 400, "<= 400 MB")))
    return rows


#: Whole-process look-ups against ``import geo``: a name found at once, one found through
#: the kind its wording asks for, and a misspelt one (a miss, then suggestions).
RESOLVES = (("Syunik", (0,), 1.5), ("Niamey airport", (0,), 1.5), ("Syunk", (2,), 2.0))


def resolve_misspelt(runs: int) -> list[Row]:
    """``deploymap resolve NAME`` against ``import geo``, side by side, warm cache."""
    python = sys.executable
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="deploymap-bench-") as folder:
        cache = f"{folder}/cache"
        for name, ok, _goal_ratio in RESOLVES:  # fills the cache (index, fuzzy index)
            child([python, "-m", "geo", "resolve", "--country", "NE", name], cache=cache,
                  ok=ok)
        times: dict[str, list[float]] = {name: [] for name, _ok, _g in RESOLVES}
        peaks: list[float] = []
        imports: list[float] = []
        for _ in range(runs):
            imports.append(child([python, "-c", "import geo"], cache=cache)[0])
            for name, ok, _goal_ratio in RESOLVES:
                wall, peak, _out, _err = child(
                    [python, "-m", "geo", "resolve", "--country", "NE", name], cache=cache,
                    ok=ok)
                times[name].append(wall)
                peaks.append(peak)
    floor = statistics.median(imports)
    for name, _ok, goal_ratio in RESOLVES:
        took = statistics.median(times[name])
        rows.append(("gazetteer", f"resolve {name!r}, warm cache (median of {runs})",
                     f"{took:.2f} s", f"import geo {floor:.2f} s", f"{took / floor:.2f}x",
                     _goal(took <= goal_ratio * floor, f"<= {goal_ratio}x import")))
    rows.append(("gazetteer", "peak memory of a resolve (max RSS)", f"{max(peaks):.0f} MB",
                 "", "", _goal(max(peaks) <= 300, "<= 300 MB")))
    return rows


def renderer_peers(runs: int) -> list[Row]:
    """Warm in-process renders against geopandas on the same features (bench/peers.py)."""
    import peers

    found = peers.measure(runs)
    return [
        ("renderers", f"warm HTML map (median of {runs})", f"{found['html']:.3f} s",
         f"explore+save {found['explore']:.3f} s", f"{found['html'] / found['explore']:.2f}x",
         _goal(found["html"] <= 3 * found["explore"], "<= 3x explore")),
        ("", "warm PNG, 1600 px (labels, legend, inset)", f"{found['png']:.3f} s",
         f"plot+savefig {found['plot']:.3f} s", f"{found['png'] / found['plot']:.2f}x",
         _goal(found["png"] <= 2 * found["plot"], "<= 2x plot")),
    ]


def preview(edits: int) -> list[Row]:
    """``deploymap serve``: from saving the scenario to the reloaded page (Chromium), and to
    every format rebuilt (bench/serve_latency.py)."""
    import serve_latency

    html, everything = serve_latency.measure(edits)
    return [
        ("serve", f"save -> page reloaded, HTML (median of {edits} edits)", f"{html:.2f} s",
         "", "", _goal(html <= 0.5, "<= 0.5 s")),
        ("", f"save -> all formats rebuilt (median of {edits})", f"{everything:.2f} s", "", "",
         _goal(everything <= 2.0, "<= 2 s")),
    ]


def gazetteer(seconds: float) -> list[Row]:
    """Look-ups per second against the linear scan and Nominatim's policy."""
    import gazetteer_lookups

    found = gazetteer_lookups.measure(seconds)
    names = f"{found['names']:,} names"
    return [
        ("gazetteer", "exact look-ups / s", f"{found['exact']:,.0f}",
         f"linear scan {found['exact_scan']:,.0f}",
         f"{found['exact'] / found['exact_scan']:,.0f}x", ""),
        ("", "exact look-ups / s", f"{found['exact']:,.0f}", "Nominatim policy 1",
         f"{found['exact']:,.0f}x", ""),
        ("", "fuzzy (misspelt -> suggestions) / s", f"{found['fuzzy']:,.0f}",
         f"linear scan {found['fuzzy_scan']:,.0f}",
         f"{found['fuzzy'] / found['fuzzy_scan']:,.0f}x", ""),
        ("", "fuzzy look-ups / s", f"{found['fuzzy']:,.0f}", "Nominatim policy 1",
         f"{found['fuzzy']:,.0f}x", ""),
        ("", f"  (scan: the same {names}, normaliser, scorer)", "", "", "", ""),
    ]


def html_sizes() -> list[Row]:
    """The seed map's bytes against folium's default output for the same geometries."""
    import html_size

    found = html_size.sizes()
    folium = found["folium"]
    return [
        ("html", "seed map, self-contained (inline), en", f"{found['inline'] / 1e3:,.0f} KB",
         f"folium default {folium / 1e3:,.0f} KB", f"{found['inline'] / folium:.2f}x",
         _goal(found["inline"] <= 500_000, "<= 500 KB")),
        ("", "seed map, Leaflet from a CDN, en", f"{found['cdn'] / 1e3:,.0f} KB",
         f"folium default {folium / 1e3:,.0f} KB", f"{found['cdn'] / folium:.2f}x", ""),
    ]


def extraction(seconds: float) -> list[Row]:
    """Articles per CPU second on one core."""
    import extract_articles

    from geo.extract.articles import extractor

    files = sorted(extract_articles.SEEDS.glob("*.txt"))
    extractor("AM")
    best, median, size = extract_articles.rate(files, seconds)
    return [("extraction", f"articles / s / core (best of 10; {size / 1024:.1f} KiB each)",
             f"{best:,.0f}", f"median {median:,.0f}", "",
             _goal(best >= 500, ">= 500 (extraction issue)"))]


def scale(count: int, loads: int, browser: bool) -> list[Row]:
    """The synthetic scenario, measured in a child process (``bench/scale.py``)."""
    command = [sys.executable, str(HERE / "scale.py"), str(count), "--json",
               "--loads", str(loads)]
    if not browser:
        command.append("--no-browser")
    _, peak, stdout, _ = child(command, timeout=900)
    found: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    shapes = f"{found['points'] // 1000}k points, {found['polygons'] // 1000}k areas"
    rows: list[Row] = [
        (f"scale {count // 1000}k", f"synthetic scenario made ({shapes})",
         f"{found['make_s']:.2f} s", "", "", ""),
        ("", f"snapshot, first of a timeline ({found['snapshot_rows']:,} rows)",
         f"{found['snapshot_cold_s']:.2f} s", "", "",
         _goal(found["snapshot_cold_s"] <= 1, "<= 1 s")),
        ("", "snapshot of another day (same timeline)", f"{found['snapshot_warm_s']:.2f} s",
         "", "", ""),
        ("", f"HTML map built ({found['html_bytes'] / 1e6:.1f} MB)",
         f"{found['html_s']:.2f} s", f"CPU {found['html_cpu_s']:.2f} s", "",
         _goal(found["html_s"] <= 10, "<= 10 s")),
    ]
    if "fcp_ms" in found:
        stats = found["stats"] or {}
        drawn = (f"{stats.get('clusters', 0)} clusters ({stats.get('clustered', 0):,} points)"
                 f", {stats.get('singles', 0)} single, {stats.get('paths', 0):,} areas")
        problems = len(found["errors"]) + len(found["refused"])
        rows += [
            ("", f"Chromium: first contentful paint (median of {loads})",
             f"{found['fcp_ms'] / 1000:.2f} s", "", "", _goal(found["fcp_ms"] <= 3000,
                                                               "<= 3 s")),
            ("", "Chromium: features drawn", f"{found['drawn_ms'] / 1000:.2f} s",
             "", "", _goal(found["drawn_ms"] <= 3000, "<= 3 s")),
            ("", f"  change layer: {drawn}", "", "", "", ""),
            ("", "Chromium: errors + refused requests", f"{problems}", "", "",
             _goal(problems == 0, "0")),
        ]
    rows.append(("", "peak memory (max RSS, whole scale run)", f"{peak:.0f} MB", "", "", ""))
    return rows


def _goal(met: bool, goal: str) -> str:
    return f"{goal} {'ok' if met else 'MISSED'}"


def _calibration() -> float:
    import extract_articles

    return extract_articles.calibration()


def table(rows: list[Row]) -> str:
    """The rows as aligned text."""
    header: Row = ("area", "measure", "deploymap", "reference", "ratio", "goal")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(6)]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                 row[3].ljust(widths[3]), row[4].rjust(widths[4]), row[5]]
        lines.append("  ".join(cells).rstrip())
        if row is header:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the table; 1 if a measurement failed (goals missed do not fail)."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, shorter rates")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium rows")
    parser.add_argument("--count", type=int, default=100_000,
                        help="presences of the synthetic scenario (default 100,000)")
    arguments = parser.parse_args(argv)
    quick = arguments.quick
    load_before = os.getloadavg()
    started = time.perf_counter()
    sections: list[tuple[str, Callable[[], list[Row]]]] = [
        ("seed build", lambda: seed_build(1 if quick else 3)),
        ("resolve", lambda: resolve_misspelt(3 if quick else 7)),
        ("renderers", lambda: renderer_peers(3 if quick else 7)),
        ("serve", lambda: preview(4 if quick else 10) if not arguments.no_browser else []),
        ("gazetteer", lambda: gazetteer(0.5 if quick else 2.0)),
        ("html", html_sizes),
        ("extraction", lambda: extraction(1.0 if quick else 3.0)),
        ("scale", lambda: scale(arguments.count, 1 if quick else 3,
                                not arguments.no_browser)),
    ]
    rows: list[Row] = []
    failed = False
    for name, measure in sections:
        print(f"measuring: {name} ...", file=sys.stderr, flush=True)
        try:
            rows += measure()
        except Exception as error:  # one broken part must not hide the others
            failed = True
            traceback.print_exc()
            rows.append((name, f"FAILED: {type(error).__name__}: {str(error)[:80]}", "", "",
                         "", ""))
    load_after = os.getloadavg()
    print(f"deploymap benchmarks{' (--quick)' if quick else ''}: Python "
          f"{platform.python_version()}, {os.cpu_count()} cores, "
          f"calibration sum(range(1e6)) {_calibration():.1f} ms")
    print(f"machine load (1/5/15-min averages): {' / '.join(f'{x:.2f}' for x in load_before)}"
          f" at start, {' / '.join(f'{x:.2f}' for x in load_after)} at the end; "
          f"run took {time.perf_counter() - started:.0f} s")
    print()
    print(table(rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
