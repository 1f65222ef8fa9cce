"""The map embedded in an article page (``build --embed``), in Chromium at phone and desktop
sizes: the iframe fits the column, the map inside it works, nothing is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from browser_pages import PHONE, VIEWPORT


@pytest.fixture(scope="module")
def embed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("embed")
    result = subprocess.run([sys.executable, "-m", "geo", "build", "--out", str(out),
                             "--format", "html", "--embed"], capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return out / "armenia-2024.en.embed.html"


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_the_embedded_map_fits_the_column_and_works(open_map, embed_page, viewport) -> None:
    view = open_map(embed_page, viewport=viewport, map_page=False)
    frame = view.page.frame_locator("iframe")
    frame.locator(".dm-timebar").wait_for(timeout=10000)
    box = view.page.evaluate("""() => { const r = document.querySelector('iframe')
        .getBoundingClientRect(); return [r.left, r.right, r.height]; }""")
    assert box[0] >= 0 and box[1] <= viewport["width"]
    assert box[2] >= 440  # tall enough to use on a phone
    inner = view.page.frames[1]
    assert inner.evaluate("map_deploymap.deploymap.groups.change.getLayers().length") > 0
    assert view.refused == [] and view.errors == []
