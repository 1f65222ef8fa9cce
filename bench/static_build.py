"""Time a full build of the GIS and article exports of the seed scenario, format by format.

Run: ``python bench/static_build.py [--out DIR] [--fresh]``. Prints one row per file: seconds
and bytes. The static maps are built once per language and layout, then saved as PNG, SVG
and PDF (the renderer reuses the figure when only the format changes); ``--fresh`` clears
that reuse so each format pays for its own build. ``--out`` also writes the files.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from geo.output import write_atomic
from geo.render.alt_text import alt_text
from geo.render.geopackage import write_geopackage
from geo.render.gis import geojson_documents
from geo.render.static import map as static
from geo.render.static import render_static
from geo.timeline import Timeline


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="also write the files here")
    parser.add_argument("--fresh", action="store_true",
                        help="build the figure again for every format")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="deploymap-bench-"))
    rows: list[tuple[str, float, int]] = []
    start = time.perf_counter()
    timeline = Timeline.load()
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    rows.append(("load scenario + gazetteer", time.perf_counter() - start, 0))

    start = time.perf_counter()
    documents = geojson_documents(timeline, **days)
    elapsed = time.perf_counter() - start
    for name, text in documents.items():
        write_atomic(out / f"{name}.geojson", text)
    rows.append(("geojson (3 documents)", elapsed, sum(len(t.encode()) for t in
                                                           documents.values())))
    start = time.perf_counter()
    write_geopackage(timeline, **days, path=out / "deploymap.gpkg")
    rows.append(("gpkg", time.perf_counter() - start, (out / "deploymap.gpkg").stat().st_size))

    total = time.perf_counter()
    for lang in ("en", "vi"):
        for layout in static.LAYOUTS:
            for fmt in static.FORMATS:
                if args.fresh:
                    static._LAST_BUILT.clear()
                start = time.perf_counter()
                data = render_static(timeline, **days, lang=lang, layout=layout, fmt=fmt)
                elapsed = time.perf_counter() - start
                name = f"map-{layout}-{lang}.{fmt}"
                write_atomic(out / name, data)
                rows.append((name, elapsed, len(data)))
            text = alt_text(timeline, **days, lang=lang, layout=layout)
            write_atomic(out / f"map-{layout}-{lang}.txt", text)
    rows.append(("all 12 static maps", time.perf_counter() - total, 0))

    width = max(len(name) for name, _, _ in rows)
    print(f"{'file':<{width}}  {'seconds':>8}  {'bytes':>10}")
    for name, seconds, size in rows:
        print(f"{name:<{width}}  {seconds:8.2f}  {size:>10,}" if size else
              f"{name:<{width}}  {seconds:8.2f}")
    print(f"files in {out}")


if __name__ == "__main__":
    main()
