"""Two checkouts side by side: ``deploymap build`` of the seed story against the import floor,
and the warm PNG against ``plot`` + ``savefig``, runs interleaved so both see the same machine.

Run: ``python bench/versus.py OLD_TREE NEW_TREE [--runs 5] [--cold]``. Each tree builds with
its own cache folders (and its own ``geo/prebuilt/``: make it with ``python -m
scripts.prebuilt`` in each tree before ``--cold``). Prints medians, the ratios to the floor,
CPU seconds of all a build's processes (steadier than wall time on a busy machine), the
load average before and after, and whether every file of the last warm builds is the
same in both trees (a PNG: the same pixels).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _FLOOR, _LIST_MODULES, child  # noqa: E402

#: The warm PNG and its peer in one process (``bench/peers.py``'s PNG row), as JSON.
_PNG = """
import json, sys
sys.path.insert(0, "bench")
from peers import _median
from geo.render.static import map as static_map
from geo.timeline import Timeline
import io
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
timeline = Timeline.load()
before, after = timeline.view("before"), timeline.view("after")
features = timeline.change(before, after)[["geometry", "change", "force_id"]].copy()
def ours():
    static_map._LAST_BUILT.clear()
    static_map.render_static(timeline, before=before, after=after, fmt="png")
def plot():
    figure = Figure(figsize=(1600 / 200, 1163 / 200), dpi=200)
    FigureCanvasAgg(figure)
    features.plot(ax=figure.add_axes((0, 0, 1, 1)), column="change", legend=True)
    figure.savefig(io.BytesIO(), format="png", dpi=200)
def cpu(work):
    import statistics, time
    work()
    times = []
    for _ in range(int(sys.argv[1])):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)
runs = int(sys.argv[1])
print(json.dumps({"png": _median(ours, runs), "plot": _median(plot, runs),
                  "png_cpu": cpu(ours), "plot_cpu": cpu(plot)}))
"""


def measured(command: list[str], cwd: Path, cache: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, its workers included) of a child."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE,
                               env={**os.environ, "DEPLOYMAP_CACHE_DIR": cache})
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{command[:4]} failed: {process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def same_files(old: Path, new: Path) -> list[str]:
    """Names of the files that differ between two build folders (a PNG by its pixels)."""
    import numpy as np
    from PIL import Image

    differ = sorted(set(p.name for p in old.iterdir()) ^ set(p.name for p in new.iterdir()))
    for path in sorted(new.iterdir()):
        other = old / path.name
        if not other.exists() or path.read_bytes() == other.read_bytes():
            continue
        if path.suffix == ".png" and np.array_equal(np.asarray(Image.open(path)),
                                                    np.asarray(Image.open(other))):
            continue
        differ.append(path.name)
    return differ


def main(argv: Sequence[str] | None = None) -> None:
    """Print the side-by-side table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="also builds with an empty cache")
    parser.add_argument("--png", type=int, default=0, help="warm PNG processes per tree")
    args = parser.parse_args(argv)
    python = sys.executable
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    load = [os.getloadavg()[0]]
    times: dict[str, list[float]] = {"floor": []}
    cpu: dict[str, list[float]] = {}
    pngs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="deploymap-versus-") as folder:
        def build(tree: str, out: str, cache: str) -> float:
            wall, used = measured([python, "-m", "geo", "build", "--out", f"{folder}/{out}"],
                             trees[tree], f"{folder}/cache-{cache}")
            cpu.setdefault(f"{tree} {cache.split('-')[1].rstrip('0123456789')}", []).append(used)
            return wall

        listed = child([python, "-c", _LIST_MODULES, f"{folder}/list"],
                       cache=f"{folder}/cache-new-warm", cwd=trees["new"])[2]
        modules = json.dumps(json.loads(listed.strip().splitlines()[-1]))
        build("old", "old-warm-up", "old-warm")
        for run in range(args.runs):
            wall, used = measured([python, "-c", _FLOOR, modules], HERE, f"{folder}/floor")
            times["floor"].append(wall)
            cpu.setdefault("floor", []).append(used)
            for tree in ("old", "new"):
                times.setdefault(f"{tree} warm", []).append(
                    build(tree, f"{tree}-warm", f"{tree}-warm"))
                if args.cold:
                    times.setdefault(f"{tree} cold", []).append(
                        build(tree, f"{tree}-cold{run}", f"{tree}-cold{run}"))
        for _ in range(args.png):
            for tree in ("old", "new"):
                out = child([python, "-c", _PNG, "7"], cache=f"{folder}/cache-{tree}-warm",
                            cwd=trees[tree])[2]
                pngs[tree].append(json.loads(out.strip().splitlines()[-1]))
        differ = same_files(Path(folder, "old-warm"), Path(folder, "new-warm"))
    load.append(os.getloadavg()[0])
    floor = statistics.median(times["floor"])
    print(f"load average {load[0]:.2f} at the start, {load[1]:.2f} at the end; "
          f"medians of {args.runs}")
    print(f"{'floor':<12} {floor:6.2f} s          CPU {statistics.median(cpu['floor']):5.2f} s")
    for name, walls in times.items():
        if name != "floor":
            wall = statistics.median(walls)
            used = statistics.median(cpu[name][-len(walls):])
            print(f"{name:<12} {wall:6.2f} s  {wall / floor:5.2f}x   CPU {used:5.2f} s   "
                  f"({', '.join(f'{w:.2f}' for w in walls)})")
    for tree, rows in pngs.items():
        for row in rows:
            print(f"{tree} warm PNG {row['png']:.3f} s / plot+savefig {row['plot']:.3f} s "
                  f"= {row['png'] / row['plot']:.2f}x; CPU {row['png_cpu']:.3f} / "
                  f"{row['plot_cpu']:.3f} s = {row['png_cpu'] / row['plot_cpu']:.2f}x")
    print("outputs of the last warm builds: " + (
        "the same in both trees" if not differ else "differ: " + ", ".join(differ)))


if __name__ == "__main__":
    main()
