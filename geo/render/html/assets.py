"""Leaflet and our own script and styles, inline or linked, for the HTML map.

Leaflet comes from the PyPI package ``django-js-lib-leaflet`` (installed with deploymap): a
plain copy of npm ``leaflet``'s ``dist/`` files, no Django needed at run time, nothing of it
copied into this repository. ``inline`` embeds those files (and the images its CSS names, as
``data:`` URIs) so the map makes no network request; ``cdn`` links the same Leaflet release
on jsDelivr with Subresource Integrity hashes computed from the installed files.
Our own script and styles (``web/``) are small and always inline.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib import resources
from pathlib import Path

from ...errors import DataFileError

ASSET_MODES: tuple[str, ...] = ("inline", "cdn")
LEAFLET_PACKAGE = "js_lib_leaflet"
_LEAFLET_DIR = "static/js_lib_leaflet"
_CDN = "https://cdn.jsdelivr.net/npm/leaflet@{version}/dist/{name}"
_OWN = Path(__file__).resolve().parent / "web"
_VERSION = re.compile(r"Leaflet (\d+\.\d+\.\d+)")
_IMAGE = re.compile(r"url\((images/[\w.-]+\.png)\)")
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


def _leaflet_file(name: str) -> bytes:
    try:
        return resources.files(LEAFLET_PACKAGE).joinpath(_LEAFLET_DIR, name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise DataFileError(
            f"Leaflet's {name} is missing ({error}); the HTML map needs the Python package "
            "django-js-lib-leaflet: reinstall deploymap (pip install deploymap)") from None


@cache
def leaflet_version() -> str:
    """The Leaflet release the installed package carries, e.g. ``1.9.4``."""
    head = _leaflet_file("leaflet.js")[:300].decode("utf-8")
    match = _VERSION.search(head)
    if match is None:
        raise DataFileError("cannot tell which Leaflet release django-js-lib-leaflet carries")
    return match.group(1)


def _checked(text: str, tag: str) -> str:
    """``text`` unchanged, after making sure it cannot close its ``<script>``/``<style>``."""
    if f"</{tag}" in text.lower():
        raise ValueError(f"inline asset contains </{tag}>; it cannot be embedded")
    return text


@cache
def leaflet_inline() -> tuple[str, str]:
    """(CSS, JS) of Leaflet to embed: images as data URIs, no source-map comment."""
    css = _leaflet_file("leaflet.css").decode("utf-8")

    def data_uri(match: re.Match[str]) -> str:
        encoded = base64.b64encode(_leaflet_file(match.group(1))).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    css = _IMAGE.sub(data_uri, css)
    js = _SOURCE_MAP.sub("\n", _leaflet_file("leaflet.js").decode("utf-8"))
    return _checked(css, "style"), _checked(js, "script")


def _integrity(name: str) -> str:
    digest = hashlib.sha384(_leaflet_file(name)).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


@cache
def leaflet_links() -> str:
    """``<link>`` and ``<script>`` tags loading Leaflet from jsDelivr, with SRI."""
    version = leaflet_version()
    css, js = (_CDN.format(version=version, name=n) for n in ("leaflet.css", "leaflet.js"))
    return (f'<link rel="stylesheet" href="{css}" integrity="{_integrity("leaflet.css")}" '
            'crossorigin="anonymous">\n'
            f'<script src="{js}" integrity="{_integrity("leaflet.js")}" '
            'crossorigin="anonymous"></script>')


@cache
def own_assets() -> tuple[str, str]:
    """(CSS, JS) of deploymap's own map code (``geo/render/html/web/``)."""
    css = (_OWN / "deploymap.css").read_text(encoding="utf-8")
    js = "".join((_OWN / name).read_text(encoding="utf-8")
                 for name in ("deploymap.js", "deploymap-days.js", "deploymap-labels.js",
                              "deploymap-small-areas.js"))
    return _checked(css, "style"), _checked(js, "script")


@cache
def canvas_script() -> str:
    """``deploymap-canvas.js``: the layers of large maps (only in the maps that need it)."""
    return _checked((_OWN / "deploymap-canvas.js").read_text(encoding="utf-8"), "script")


def head(mode: str, *, canvas: bool = False) -> str:
    """Everything the document head needs for ``mode`` (``inline`` or ``cdn``); ``canvas``
    adds the script that draws large maps."""
    if mode == "inline":
        css, js = leaflet_inline()
        leaflet = f"<style>\n{css}\n</style>\n<script>\n{js}\n</script>"
    else:
        leaflet = leaflet_links()
    own_css, own_js = own_assets()
    if canvas:
        own_js += canvas_script()
    return f"{leaflet}\n<style>\n{own_css}</style>\n<script>\n{own_js}</script>"


__all__ = ["ASSET_MODES", "canvas_script", "head", "leaflet_inline", "leaflet_links",
           "leaflet_version", "own_assets"]
