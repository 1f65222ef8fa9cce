"""Article extraction: articles per second per core, and precision/recall on the seeds.

Run: ``python bench/extract_articles.py [--seconds 3] [--articles DIR]``. Prints:

- articles per second per core (best and median of ten rounds): the whole of
  :func:`geo.extract.extract_articles` (read the files; sentences, places, forces, events,
  dates, the articles' own dates, records) on
  the articles of DIR (default: the five seed articles), timed in CPU seconds of this
  process (so a busy machine does not count against it); the gazetteer is loaded once
  before timing, as a long-running process would. Goal from the issue: >= 500.
- what the language detector and the date finder cost, in place: CPU time inside
  ``detect_language`` (once an article), ``find_dates`` (every sentence) and the date line
  (``date_line``: the first lines of an article without a date header), per article and as
  a share of the whole, measured by timers around those functions in a separate pass;
- a calibration figure (a fixed pure-Python loop) to compare machines;
- precision and recall per article against the hand-written seed scenario (definitions in
  :mod:`geo.extract.evaluate`), with the records merged into one scenario.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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


#: (module, function, label) of the parts whose cost is reported.
COSTED = (("geo.extract.records", "detect_language",
           "language detector (detect_language, once an article)"),
          ("geo.extract.records", "find_dates", "date finder (find_dates, every sentence)"),
          ("geo.extract.articles", "date_line", "date line (date_line, no Date: header)"))


def costs(files: list[Path], seconds: float) -> tuple[float, dict[str, float]]:
    """(CPU seconds per article, CPU seconds per article inside each of :data:`COSTED`),
    from ``seconds`` of extraction with a timer around each of those functions."""
    import importlib

    spent = {label: 0.0 for _, _, label in COSTED}
    saved: list[tuple[Any, str, Callable[..., Any]]] = []

    def timed(function: Callable[..., Any], label: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start
        return wrapper

    for module_name, name, label in COSTED:
        module = importlib.import_module(module_name)
        saved.append((module, name, getattr(module, name)))
        setattr(module, name, timed(getattr(module, name), label))
    try:
        count, start = 0, time.process_time()
        while time.process_time() - start < seconds:
            extract_articles(files)
            count += len(files)
        total = time.process_time() - start
    finally:
        for module, name, function in saved:
            setattr(module, name, function)
    return total / count, {label: value / count for label, value in spent.items()}


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
    per_article, parts = costs(files, arguments.seconds / 3)
    print(f"cost per article (CPU, with the timers)  {per_article * 1000:6.2f} ms")
    for label, value in parts.items():
        print(f"  {label:52s} {value * 1000:6.3f} ms {100 * value / per_article:5.1f} %")
    dates = sum(v for k, v in parts.items() if not k.startswith("language"))
    print(f"  {'all of the date finding above':52s} {dates * 1000:6.3f} ms "
          f"{100 * dates / per_article:5.1f} %")
    print(f"calibration: sum(range(1e6)) in ms     {calibration():8.1f}")
    if arguments.articles.resolve() == SEEDS.resolve():
        print()
        print("precision / recall per article against data/scenarios/armenia-2024.yaml")
        print("(key: force type + place id + change 2024-01-01 -> 2024-08-01)")
        for line in table(score_articles(extract_articles(files))):
            print("  " + line)


if __name__ == "__main__":
    main()
