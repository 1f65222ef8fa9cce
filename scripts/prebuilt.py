"""Make the cache entries shipped with the package (``geo/prebuilt/``, read by
:mod:`geo.cache.prebuilt`), so that a first ``deploymap build`` does not spend half a
minute indexing the world's place names.

Run from the repository before building a wheel (``python -m scripts.prebuilt``; about a
minute). It builds the seed story three times, each into an empty cache folder:

1. with nothing shipped: every entry is made; the name index and the entries that do not
   depend on a whole boundary layer (basemaps, font subsets, text measures and tiles) are
   kept;
2. with those shipped: the boundary layers a map still reads are made, and kept;
3. with all of them shipped: a check that it makes nothing more and writes the same files.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Kinds kept from the first build (``boundaries``: from the second, only those read).
DERIVED = ("font-subset", "html-basemap", "static-basemap", "text-measures", "text-tiles")


def build(cache: Path, out: Path) -> None:
    """``deploymap build`` of the seed story with ``cache`` as its cache folder."""
    done = subprocess.run([sys.executable, "-m", "geo", "build", "--out", str(out)],
                          cwd=ROOT, env={**os.environ, "DEPLOYMAP_CACHE_DIR": str(cache)},
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"deploymap build failed:\n{done.stderr}")


def keep(source: Path, kind: str, name: str | None = None) -> None:
    """Ship the entry ``source`` as ``kind``/``name`` (default: its own name)."""
    target = ROOT / "geo" / "prebuilt" / kind / (name or source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def main() -> int:
    """Make ``geo/prebuilt/`` anew; 1 if the check build differs."""
    shutil.rmtree(ROOT / "geo" / "prebuilt", ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="deploymap-prebuilt-") as folder:
        work = Path(folder)
        build(work / "cache1", work / "maps1")
        sys.path.insert(0, str(ROOT))
        from geo.cache import stamps
        from geo.gazetteer.index import index_key, shipped_key

        keep(work / "cache1" / "index" / f"{index_key()}.bin", "index", f"{shipped_key()}.bin")
        for kind in DERIVED:
            for entry in sorted((work / "cache1" / kind).glob("*.bin")):
                keep(entry, kind)
        build(work / "cache2", work / "maps2")
        for entry in sorted((work / "cache2" / "boundaries").glob("*.bin")):
            keep(entry, "boundaries")
        build(work / "cache3", work / "maps3")
        made = {p.relative_to(work / "cache3") for p in (work / "cache3").rglob("*.bin")}
        shipped = {p.relative_to(ROOT / "geo" / "prebuilt")
                   for p in (ROOT / "geo" / "prebuilt").rglob("*.bin")} - {
            p for p in made if p.parts[0] == "index"}
        # the files' digests are this machine's own (geo.cache.stamps): never shipped
        extra = sorted(str(p) for p in made - shipped
                       if p.parts[0] not in ("index", stamps.KIND))
        differ = [p.name for p in sorted((work / "maps1").iterdir())
                  if not filecmp.cmp(p, work / "maps3" / p.name, shallow=False)]
    size = sum(p.stat().st_size for p in (ROOT / "geo" / "prebuilt").rglob("*.bin"))
    print(f"geo/prebuilt: {size / 1e6:.1f} MB; made again with it: {extra or 'nothing'}; "
          f"files that differ: {differ or 'none'}")
    return 1 if extra or differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
