"""Two checkouts' extraction speed side by side: ``bench/extract_articles.py`` run in each,
alternating, so both see the same machine.

Run: ``python bench/extract_versus.py OLD_TREE NEW_TREE [--runs 5] [--seconds 3]``. Each run
is a child process with ``PYTHONPATH`` set to its tree; it reports articles per CPU second
on one core (best and median of its ten rounds). Prints every run, the median over the runs
of each tree's medians, their ratio and the ratio run by run (steadier when the load
drifts), and the load average before and after. A tree whose ``geo.data`` is not its own
``data/`` (an editable install points it at another checkout) is reported: link it with
``ln -s ../data TREE/geo/data`` so each tree reads its own files.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_RATE = re.compile(r"articles / s / core \(CPU time\), (best|median)\s+(\d+)")
_DATA = "from importlib import resources; print(resources.files('geo.data'))"


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree)}


def data_of(tree: Path) -> Path:
    """Where ``geo.data`` comes from when running in ``tree``."""
    done = subprocess.run([sys.executable, "-c", _DATA], cwd=tree, env=_env(tree),
                          capture_output=True, text=True, check=True)
    return Path(done.stdout.strip()).resolve()


def one_run(tree: Path, seconds: float) -> dict[str, int]:
    """``{"best": ..., "median": ...}`` articles / s / core from one child process."""
    done = subprocess.run([sys.executable, "bench/extract_articles.py", "--seconds",
                           str(seconds)], cwd=tree, env=_env(tree), capture_output=True,
                          text=True, check=True)
    return {kind: int(value) for kind, value in _RATE.findall(done.stdout)}


def main(argv: Sequence[str] | None = None) -> None:
    """Print the runs and the medians."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0)
    arguments = parser.parse_args(argv)
    trees = {"old": arguments.old.resolve(), "new": arguments.new.resolve()}
    for name, tree in trees.items():
        data = data_of(tree)
        if not data.is_relative_to(tree):
            print(f"warning: {name} ({tree}) reads {data}, not its own data/")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    medians: dict[str, list[int]] = {name: [] for name in trees}
    for run in range(arguments.runs):
        for name, tree in trees.items():
            found = one_run(tree, arguments.seconds)
            medians[name].append(found["median"])
            print(f"run {run + 1} {name:3s} best {found['best']:4d}  median {found['median']:4d}"
                  f"  (load {os.getloadavg()[0]:.2f})", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    old, new = (statistics.median(medians[name]) for name in trees)
    pairs = [b / a for a, b in zip(medians["old"], medians["new"], strict=True)]
    print(f"median of medians: old {old:.0f}, new {new:.0f} articles / s / core; "
          f"new / old {new / old:.2f}x")
    print(f"new / old run by run (each pair ran back to back): "
          f"{', '.join(f'{r:.2f}' for r in pairs)}; median {statistics.median(pairs):.2f}x")


if __name__ == "__main__":
    main()
