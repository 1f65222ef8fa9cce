"""Our warm renders against geopandas' own on the same features, in one process.

- HTML: ``render_html`` of the seed story (a timeline already loaded, the basemap cached),
  against ``GeoDataFrame.explore()`` of the change layer's features, saved to a file.
- PNG: ``render_static`` at 1600 px (figure built again each time: labels placed, legend,
  inset, credits), against ``GeoDataFrame.plot`` of the same features and ``savefig`` at the
  same pixel size.
Medians of ``runs`` after one warm-up of each.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any


def _median(work: Any, runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(runs: int) -> dict[str, float]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geo.render.html.map import render_html
    from geo.render.static import map as static_map
    from geo.timeline import Timeline

    timeline = Timeline.load()
    before, after = timeline.view("before"), timeline.view("after")
    frame = timeline.change(before, after)
    features = frame[["geometry", "change", "force_id"]].copy()
    folder = Path(tempfile.mkdtemp(prefix="deploymap-peers-"))

    def ours_html() -> None:
        (folder / "ours.html").write_text(render_html(timeline, before=before, after=after,
                                                      lang="en"), encoding="utf-8")

    def explore() -> None:
        features.explore(column="change").save(str(folder / "explore.html"))

    def ours_png() -> None:
        static_map._LAST_BUILT.clear()  # build the figure again, as a changed scenario would
        static_map.render_static(timeline, before=before, after=after, fmt="png")

    def plot() -> None:
        figure = Figure(figsize=(1600 / 200, 1163 / 200), dpi=200)
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0, 0, 1, 1))
        features.plot(ax=axes, column="change", legend=True)
        figure.savefig(io.BytesIO(), format="png", dpi=200)

    return {"html": _median(ours_html, runs), "explore": _median(explore, runs),
            "png": _median(ours_png, runs), "plot": _median(plot, runs)}
