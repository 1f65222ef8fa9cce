"""Article extraction: articles per second per core, and precision/recall on the seeds.

Run: ``python bench/extract_articles.py [--seconds 3] [--articles DIR]``. Prints:

- articles per second per core (best and median of ten rounds): the whole of
  :func:`geo.extract.extract_articles` (read the files; sentences, places, forces, events,
  dates, the articles' own dates, records) on
  the articles of DIR (default: the five seed articles), timed in CPU seconds of this
  process (so a busy machine does not count against it); the gazetteer is loaded once
  before timing, as a long-running process would. Goal from the issue: >= 500.
- a calibration figure (a fixed pure-Python loop) to compare machines;
- precision and recall per article against the hand-written seed scenario (definitions in
  :mod:`geo.extract.evaluate`), with the records merged into one scenario.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from geo.extract import extract_articles
from geo.extract.articles import extractor
from geo.extract.evaluate import score_articles, table

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def rate(files: list[Path], seconds: float, rounds: int = 10) -> tuple[float, float, float]:
    """(best and median articles per CPU second over ``rounds`` rounds, mean size in bytes).

    The best round is the figure with the least interference from other processes on a
    shared machine; the median says how steady it was.
    """
    extract_articles(files)  # warm-up: word caches, compiled patterns
    rates = []
    for _ in range(rounds):
        count, start = 0, time.process_time()
        while time.process_time() - start < seconds / rounds:
            extract_articles(files)
            count += len(files)
        rates.append(count / (time.process_time() - start))
    rates.sort()
    size = sum(f.stat().st_size for f in files) / len(files)
    return rates[-1], rates[len(rates) // 2], size


def calibration() -> float:
    """Milliseconds of CPU for ``sum(range(10**6))`` (about 15 on a recent laptop)."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        sum(range(10**6))
        best = min(best, time.process_time() - start)
    return best * 1000


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0, help="time to measure")
    parser.add_argument("--articles", type=Path, default=SEEDS,
                        help="folder of *.txt articles (default: the seeds)")
    arguments = parser.parse_args(argv)
    files = sorted(arguments.articles.glob("*.txt"))
    start = time.perf_counter()
    extractor("AM")
    load = time.perf_counter() - start
    best, median, size = rate(files, arguments.seconds)
    print(f"gazetteer + name index load (s)        {load:8.2f}")
    print(f"articles ({len(files)}, mean size {size / 1024:.1f} KiB)")
    print(f"articles / s / core (CPU time), best   {best:8.0f}   (goal >= 500)")
    print(f"articles / s / core (CPU time), median {median:8.0f}")
    print(f"calibration: sum(range(1e6)) in ms     {calibration():8.1f}")
    if arguments.articles.resolve() == SEEDS.resolve():
        print()
        print("precision / recall per article against data/scenarios/armenia-2024.yaml")
        print("(key: force type + place id + change 2024-01-01 -> 2024-08-01)")
        for line in table(score_articles(extract_articles(files))):
            print("  " + line)


if __name__ == "__main__":
    main()
