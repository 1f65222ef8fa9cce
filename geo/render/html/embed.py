"""Putting the HTML map in an article: the ``<iframe>`` snippet a CMS takes, and a page that
shows it in an article's column (to check it, or to publish as it is).

The snippet keeps the map 4:3 on a wide column and at least 440 px tall on a phone (a map
squeezed to 4:3 on a 360 px screen is too short to use), lazy-loaded, full screen allowed
(``allow="fullscreen"``; browsers warn when the older ``allowfullscreen`` is there too).
It names only the map's address (relative, or under ``base_url``): no file of the machine
that made it.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from ...errors import BadArgument
from ...i18n import label
from .text import esc, safe_url

#: The wrapper keeps the ratio; the iframe fills it.
_BOX = ("position:relative;width:100%;aspect-ratio:4/3;min-height:440px;max-height:90vh;"
        "overflow:hidden")
_FRAME = "position:absolute;inset:0;width:100%;height:100%;border:0"


def map_address(file_name: str, base_url: str | None) -> str:
    """Where the map will be: ``file_name`` (relative) or under ``base_url``, the http(s)
    address of a folder (no query, fragment, password or page name: each would break the
    iframe's address or publish what it should not)."""
    name = quote(file_name)
    if base_url is None:
        return name
    advice = ("give the http(s) address of the folder the maps will be published in, e.g. "
              "https://example.org/maps/")
    parts = urlsplit(base_url) if safe_url(base_url) else None
    problem = ("not an http(s) address" if parts is None else
               "it has a query (?...)" if parts.query or base_url.rstrip().endswith("?") else
               "it has a fragment (#...)" if parts.fragment or "#" in base_url else
               "it names a user or password" if "@" in parts.netloc else
               "its host has a space" if any(c.isspace() for c in base_url.strip()) else
               "it names a page, not a folder" if parts.path.rsplit("/", 1)[-1].lower()
               .endswith((".html", ".htm", ".php")) else None)
    if problem is not None:
        raise BadArgument(f"--embed-url {base_url!r}: {problem}; {advice}")
    path = quote(parts.path.rstrip("/"), safe="/%")
    return f"{parts.scheme}://{parts.netloc}{path}/{name}"


def iframe_snippet(*, title: str, address: str) -> str:
    """The HTML to paste into an article: a responsive box with the map's iframe."""
    return (f'<div class="deploymap-embed" style="{_BOX}">'
            f'<iframe src="{esc(address)}" title="{esc(title)}" style="{_FRAME}" '
            'loading="lazy" allow="fullscreen" '
            'referrerpolicy="no-referrer"></iframe></div>\n')


def embed_page(*, title: str, preview: str, code: str, lang: str) -> str:
    """A page with the ``preview`` snippet in an article's column (its map beside the page)
    and the ``code`` to copy (the snippet with the published address) below it."""
    return f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
body {{ margin: 0; font: 17px/1.5 Georgia, "Noto Serif", serif; color: #222; background: #fff; }}
main {{ box-sizing: border-box; max-width: 760px; margin: 0 auto; padding: 16px; }}
h1 {{ font-size: 1.6em; line-height: 1.2; }}
details {{ margin-top: 1.5em; font: 14px/1.4 system-ui, sans-serif; }}
pre {{ white-space: pre-wrap; word-break: break-all; background: #f3f1ed; padding: 10px; }}
</style>
</head>
<body>
<main>
<h1>{esc(title)}</h1>
{preview}<details><summary>{esc(label("map_embed_code", lang))}</summary>
<pre><code>{esc(code)}</code></pre>
</details>
</main>
</body>
</html>
"""


__all__ = ["embed_page", "iframe_snippet", "map_address"]
