"""An open map page in Chromium, for the browser tests (the ``open_map`` fixture in
conftest.py makes them): what the page logged, asked for and was refused, and helpers to
read what it draws."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The only URLs a map may load: everything it needs is in the file.
ALLOWED_SCHEMES = ("file:", "data:", "about:")
VIEWPORT = {"width": 1280, "height": 820}
PHONE = {"width": 390, "height": 844}  # a common phone, in CSS pixels
SHORT = {"width": 1280, "height": 600}  # a laptop with a browser's toolbars


@dataclass
class Page:
    """An open map with everything it logged or asked for."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def count(self, layer: str) -> int:
        return self.page.evaluate(
            f"document.querySelectorAll('.leaflet-dm-{layer}-pane .dm-f').length")

    def toggle(self, layer: str) -> None:
        self.page.click(f'.leaflet-control-layers [data-layer="{layer}"]')

    def swipe(self, value: float) -> None:
        self.page.evaluate("""value => {
            const range = document.querySelector('.dm-swipe-range');
            range.value = value;
            range.dispatchEvent(new Event('input', {bubbles: true}));
        }""", value)

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = self.page.evaluate(
            "([lat, lon]) => { const p = map_deploymap.latLngToContainerPoint([lat, lon]);"
            " const r = map_deploymap.getContainer().getBoundingClientRect();"
            " return [p.x + r.left, p.y + r.top]; }", [lat, lon])
        return x, y

    def pane_at(self, x: float, y: float) -> str | None:
        """The dm- pane of the topmost element the browser hits at (x, y)."""
        return self.page.evaluate("""([x, y]) => {
            const hit = document.elementFromPoint(x, y);
            const pane = hit && hit.closest('[class*="leaflet-dm-"]');
            return pane ? pane.className.match(/leaflet-(dm-[a-z]+)-pane/)[1] : null;
        }""", [x, y])


def refuse_network(context: Any, refused: list[str]) -> None:
    """Let ``context`` load only :data:`ALLOWED_SCHEMES`; abort and list anything else."""
    def route(route: Any) -> None:
        if route.request.url.startswith(ALLOWED_SCHEMES):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", route)


def page_opener(browser: Any) -> Iterator[Callable[..., Page]]:
    """Yields ``open(path, viewport=VIEWPORT, fragment="", map_page=True)``; closes the pages
    after. ``map_page``: wait until the page's map is drawn (False: a page that holds one)."""
    pages: list[Page] = []

    def opener(path: Path, viewport: dict[str, int] = VIEWPORT, fragment: str = "",
               map_page: bool = True) -> Page:
        phone = viewport["width"] <= 640
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
        opened = Page(context.new_page())

        refuse_network(context, opened.refused)
        opened.page.on("request", lambda r: opened.requests.append(r.url))
        opened.page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        opened.page.goto(path.as_uri() + fragment)
        if map_page:
            opened.page.wait_for_function("() => map_deploymap.deploymap !== undefined")
        pages.append(opened)
        return opened

    yield opener
    for opened in pages:
        opened.page.context.close()


def boxes_overlap(a: list[float], b: list[float]) -> bool:
    """True when two [left, top, right, bottom] boxes overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def shipped_maps(folder: Path, names: Iterable[str]) -> dict[tuple[str, str], Path]:
    """The HTML change maps of the shipped scenarios ``names``, in English and Vietnamese,
    written under ``folder``: (name, lang) -> path."""
    from geo.data_files import data_path
    from geo.render.html import render_html
    from geo.timeline import Timeline

    maps = {}
    for name in names:
        timeline = Timeline.load(data_path("scenarios", f"{name}.yaml"))
        for lang in ("en", "vi"):
            path = folder / f"{name}.{lang}.html"
            path.write_text(render_html(timeline, before=timeline.view("before"),
                                        after=timeline.view("after"), lang=lang),
                            encoding="utf-8")
            maps[name, lang] = path
    return maps

