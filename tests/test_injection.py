"""Hostile text in a scenario never runs: HTML, script and template payloads in force names,
place labels, quotes, titles, outlets, notes and URLs (``javascript:`` links too).

A scenario file full of payloads (and the article its quotes come from) is built with the
command line; the HTML map is opened in Chromium (Debian's, driven by Playwright; see
tests/test_browser.py), every popup is opened, and: no dialog opens, no payload writes to the
console or sets a global, no request leaves the page, no element carries an event handler or
a ``javascript:`` link, and the text shows literally. The SVG opens there too; the alt text,
GeoJSON and GeoPackage hold the payloads as plain data. A second map, rendered from the same
scenario with the sources' URLs set to ``javascript:`` and ``data:`` links (a scenario file
cannot hold those: its schema wants http(s)), shows them as text, never as links.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_pages import ALLOWED_SCHEMES, refuse_network

#: Every payload names itself (xss-N) so a console message or a dialog can be traced to it.
FORCE = ['<script>alert("xss-1")</script> guards',
         '<img src=x onerror=alert("xss-2");window.__xss=2> troops']
FORCE_VI = '<svg/onload=alert("xss-3")> biên phòng'
LABEL = ['"><iframe src="javascript:alert(\'xss-4\')"></iframe> camp',
         "'-alert('xss-5')-' area"]
QUOTES = ['Guards left </script><script>console.log("xss-6");window.__xss=6</script> today.',
          'Troops stayed at {{constructor.constructor(\'alert("xss-7")\')()}} base.',
          'See <a href="javascript:alert(\'xss-8\')">the ministry</a> for details.']
TITLE = '${alert("xss-9")}`;alert("xss-9")// report <b>bold</b>'
OUTLET = '<style>@import "http://evil.example/xss-10.css";</style> News'
STORY = '<img src="http://evil.example/xss-11.png"> story'
VIEW = '&lt;b&gt;xss-12&lt;/b&gt; &amp; ]]> <!-- view'
NOTES = '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-13")>'
LINK_TEXT = 'javascript:alert("xss-14")'
URLS = ['https://example.org/"><script>alert("xss-15")</script>',
        "https://example.org/?q=<img src=x onerror=alert(16)>&x=\"onmouseover=\"alert(17)"]
BAD_URLS = ["javascript:alert('xss-18')", " JaVaScRiPt:alert('xss-19')",
            "data:text/html,<script>alert('xss-20')</script>", "vbscript:msgbox('xss-21')",
            "java\tscript:alert('xss-22')"]
SHOWN = [*FORCE, *LABEL, *QUOTES, TITLE, OUTLET, STORY]
EVERY = [*SHOWN, FORCE_VI, VIEW, NOTES, LINK_TEXT, *URLS]


def scenario() -> dict[str, Any]:
    quote_source = {"source": "art", "quote": QUOTES[0]}
    return {
        "title": {"en": STORY, "vi": STORY},
        "views": {"before": {"date": "2024-01-01", "label": {"en": VIEW}},
                  "after": {"date": "2024-09-01", "label": {"en": VIEW}}},
        "forces": [{"id": "f1", "name": {"en": FORCE[0], "vi": FORCE_VI}, "country": "RU",
                    "type": "border_guards", "notes": NOTES},
                   {"id": "f2", "name": {"en": FORCE[1]}, "country": "RU", "type": "army"}],
        "sources": [{"id": "art", "title": TITLE, "outlet": OUTLET, "language": "en",
                     "published": "2024-05-09", "url": URLS[0], "file": "article.txt",
                     "notes": LINK_TEXT},
                    {"id": "web", "title": LINK_TEXT, "outlet": OUTLET, "language": "en",
                     "published": "2024-05-10", "url": URLS[1]}],
        "presences": [
            {"id": "p1", "force": "f1", "place": {"name": "Syunik", "label": {"en": LABEL[0]}},
             "location_precision": "province", "start": "2021", "end": "2024-08-01",
             "citations": [quote_source, {"source": "web", "quote": QUOTES[2]}],
             "notes": NOTES},
            {"id": "p2", "force": "f2",
             "place": {"geometry": {"type": "Point", "coordinates": [43.85, 40.79]},
                       "label": {"en": LABEL[1]}, "kind": "base"},
             "location_precision": "exact", "start": "1995", "end": None,
             "citations": [{"source": "art", "quote": QUOTES[1]}]},
            {"id": "p3", "force": "f1", "place": "border:AM-TR",
             "location_precision": "region", "start": "1992", "end": None,
             "citations": [{"source": "web", "quote": TITLE}]},
        ],
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile scenario's maps, built by ``deploymap build``."""
    folder = tmp_path_factory.mktemp("injection")
    (folder / "article.txt").write_text(
        "Date: 2024-05-09\n\n" + " ".join(QUOTES) + "\n", encoding="utf-8")
    story = folder / "hostile.yaml"
    story.write_text(yaml.safe_dump(scenario(), allow_unicode=True, sort_keys=False),
                     encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "geo", "build", str(story), "--out", str(folder / "maps"),
         "--format", "html,geojson,gpkg,svg", "--lang", "en,vi"],  # force_vi too
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    maps = folder / "maps"
    return {"folder": folder, "story": story, "html": maps / "hostile.en.html",
            "svg": maps / "hostile.side-by-side.en.svg",
            "alt": maps / "hostile.side-by-side.en.txt", "gpkg": maps / "hostile.gpkg",
            "change": maps / "hostile.change.geojson"}


@pytest.fixture(scope="module")
def bad_links(built: dict[str, Path]) -> Path:
    """The same map with the sources' URLs set to javascript:, data: and vbscript: links."""
    from geo.render.html import render_html
    from geo.scenario.model import Citation
    from geo.timeline import Timeline

    timeline = Timeline.load(built["story"])
    story = timeline.scenario
    sources = {f"bad{n}": dataclasses.replace(story.sources["art"], id=f"bad{n}", url=url)
               for n, url in enumerate(BAD_URLS)}
    cited = tuple(Citation(source, QUOTES[0]) for source in sources)
    presences = tuple(dataclasses.replace(p, citations=p.citations + cited)
                      for p in story.presences)
    hostile = Timeline(dataclasses.replace(story, sources={**story.sources, **sources},
                                           presences=presences))
    path = built["folder"] / "links.html"
    path.write_text(render_html(hostile, before=timeline.view("before"),
                                after=timeline.view("after"), lang="en"), encoding="utf-8")
    return path


@dataclasses.dataclass
class Opened:
    page: Any
    console: list[str]
    dialogs: list[str]
    requests: list[str]
    refused: list[str]


def open_page(browser: Any, path: Path) -> Opened:
    context = browser.new_context(viewport={"width": 1280, "height": 820})
    opened = Opened(context.new_page(), [], [], [], [])

    refuse_network(context, opened.refused)
    opened.page.on("console", lambda m: opened.console.append(f"{m.type}: {m.text}"))
    opened.page.on("pageerror", lambda e: opened.console.append(f"pageerror: {e}"))
    opened.page.on("request", lambda r: opened.requests.append(r.url))
    opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.page.goto(path.as_uri())
    return opened


def nothing_ran(opened: Opened) -> None:
    page = opened.page
    page.wait_for_timeout(300)
    assert opened.dialogs == []
    assert not [m for m in opened.console if "xss" in m.lower()], opened.console
    assert opened.refused == [], opened.refused
    assert all(url.startswith(ALLOWED_SCHEMES) for url in opened.requests), opened.requests
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("""() => [...document.querySelectorAll('*')].filter(e =>
        [...e.attributes].some(a => a.name.startsWith('on')
            || /^\\s*(javascript|data|vbscript):/i.test(a.value)
                && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name))
        ).map(e => e.outerHTML.slice(0, 120))""") == []
    assert page.evaluate("document.querySelectorAll('iframe, math, mglyph, object, embed, "
                         "img[src=\"x\"]').length") == 0


def popups(page: Any) -> tuple[list[str], list[str]]:
    """Open every feature's popup on every layer: the text of each, and its links."""
    for layer in ("before", "after"):
        page.click(f'.leaflet-control-layers [data-layer="{layer}"]')
    texts, links = page.evaluate("""() => {
        const texts = [], links = [];
        for (const group of Object.values(map_deploymap.deploymap.groups)) {
            group.eachLayer(feature => {
                feature.openPopup();
                const content = document.querySelector('.leaflet-popup-content');
                texts.push(content.innerText);
                content.querySelectorAll('a[href]').forEach(a => links.push(a.href));
            });
        }
        return [texts, links];
    }""")
    return texts, links


def test_html_map_shows_every_payload_as_text_and_runs_none(browser, built) -> None:
    opened = open_page(browser, built["html"])
    page = opened.page
    page.wait_for_function("() => map_deploymap.deploymap !== undefined")
    texts, links = popups(page)
    shown = "\n".join([*texts, page.inner_text("body")])
    assert texts
    for payload in SHOWN:
        assert payload in shown, payload
    assert STORY in page.inner_text(".dm-title")
    legend = page.inner_text(".dm-legend-box")
    assert FORCE[0] in legend and FORCE[1] in legend
    # the http(s) links are links, to the very address written (percent-encoded by the URL
    # parser), never cut short into markup
    assert {urllib.parse.unquote(link) for link in links} >= {
        urllib.parse.unquote(page.evaluate("u => new URL(u).href", url)) for url in URLS}
    nothing_ran(opened)
    opened.page.context.close()


def test_javascript_and_data_links_are_shown_as_text(browser, bad_links) -> None:
    opened = open_page(browser, bad_links)
    page = opened.page
    page.wait_for_function("() => map_deploymap.deploymap !== undefined")
    texts, links = popups(page)
    shown = "\n".join([*texts, page.inner_text("body")])
    for url in BAD_URLS[:4]:
        assert url.strip() in shown, url
    assert all(link.startswith(("http:", "https:")) for link in links), links
    nothing_ran(opened)
    opened.page.context.close()


def test_svg_map_opens_without_running_anything(browser, built) -> None:
    tree = ElementTree.parse(built["svg"])  # well-formed XML
    for element in tree.iter():
        assert not element.tag.endswith("}script") and element.tag != "script"
        assert not [name for name in element.attrib if name.lower().startswith("on")]
        assert not [v for v in element.attrib.values() if "javascript:" in v.lower()]
    opened = open_page(browser, built["svg"])
    nothing_ran(opened)
    opened.page.context.close()


def test_alt_text_geojson_and_geopackage_keep_the_payloads_as_plain_data(built) -> None:
    alt = built["alt"].read_text(encoding="utf-8")
    for payload in (FORCE[0], FORCE[1], LABEL[0], LABEL[1]):
        assert payload in alt, payload
    features = json.loads(built["change"].read_text(encoding="utf-8"))["features"]
    values = json.dumps([f["properties"] for f in features], ensure_ascii=False)
    properties = {f["properties"]["presence_id"]: f["properties"] for f in features}
    assert properties["p1"]["force"] == FORCE[0]
    assert properties["p1"]["force_vi"] == FORCE_VI
    assert properties["p1"]["place"] == LABEL[0]
    assert properties["p2"]["place"] == LABEL[1]
    for payload in (*QUOTES, *URLS):
        assert json.dumps(payload, ensure_ascii=False)[1:-1] in values, payload
    import pandas as pd
    import pyogrio

    frame = pd.concat([pyogrio.read_dataframe(built["gpkg"], layer=f"change_{shape}")
                       for shape in ("points", "lines", "areas")], ignore_index=True)
    assert set(frame["force"]) == set(FORCE)
    assert set(frame["place"]) >= set(LABEL)
