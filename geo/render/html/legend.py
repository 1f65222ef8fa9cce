"""The HTML map's legend, title and credits (all text escaped here)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ...i18n import label, outlet_in
from ...scenario.model import Scenario, Source
from ..presentation import LegendEntry, Style, legend_entries, neutral, unsure_swatches
from .popups import source_credit
from .style import swatch
from .text import (
    day,
    esc,
    number,
)

if TYPE_CHECKING:
    from .features import Layers


def _row(swatches: list[str], text: str, note: str = "", entry: str = "") -> str:
    note_html = f' <span class="dm-note">{esc(note)}</span>' if note else ""
    data = f' data-entry="{esc(entry)}"' if entry else ""
    return (f'<div class="dm-row"{data}><span class="dm-sw">{"".join(swatches)}</span>'
            f"<span>{esc(text)}{note_html}</span></div>")


def entries(layers: Layers, lang: str) -> list[LegendEntry]:
    """The presentation model's legend entries for what ``layers`` draw."""
    return legend_entries(layers.looks.values(), layers.forces, layers.colours, lang)


def legend(layers: Layers, lang: str) -> str:
    """The legend: only what the map draws (forces, changes, symbols, how to read it)."""
    listed = entries(layers, lang)
    sections = [f'<details class="dm-legend" open><summary>{esc(label("map_legend", lang))}'
                "</summary>"]

    def rows(prefix: str) -> list[str]:
        return [_row([swatch(s) for s in e.swatches], e.text, e.note, e.key)
                for e in listed if e.key.startswith(prefix)]

    for prefix, heading, shown_on in (("force:", "map_forces", "before after change day"),
                                      ("change:", "change", "change"),
                                      ("symbol:", "map_symbols", "before after change day")):
        found = rows(prefix)
        if found:
            sections.append(f'<section data-layers="{shown_on}"><h4>'
                            f'{esc(label(heading, lang))}</h4>{"".join(found)}</section>')
    used = set().union(*(layer.categories for layer in layers.layers.values()))
    reading = rows("reading:hatched")
    if "line" in used:
        line = next(s for s in layers.looks.values() if s.category == "line")
        reading.append(_row([swatch(neutral("line", "present", certain=line.certain))],
                            label("map_thick_line", lang)))
    if layers.fragments is not None and "point" in used:  # drawn on a canvas: clusters
        from .scale import cluster_swatch

        reading.append(_row([cluster_swatch()], label("map_cluster_legend", lang)))
    for entry in (e for e in listed if e.key == "reading:uncertain"):  # dots of each kind
        reading.append(_row([swatch(s) for s in unsure_swatches(layers.looks.values())],
                            entry.text, entry.note, entry.key))
    sections.append(f'<section><h4>{esc(label("map_reading", lang))}</h4>{"".join(reading)}'
                    f'<p class="dm-hint">{esc(label("map_swipe_hint", lang))}</p></section>')
    sections.append("</details>")
    return "".join(sections)


def legend_styles(layers: Layers, lang: str) -> list[Style]:
    """Every style the legend draws a swatch of (their patterns must be on the page)."""
    return [*(s for e in entries(layers, lang) for s in e.swatches),
            *unsure_swatches(layers.looks.values())]


def view_title(scenario: Scenario, name: str, date: dt.date, lang: str) -> str:
    """ "Before · 1 January 2024", for the layer control and the swipe."""
    return label("map_layer_view", lang).format(view=label(name, lang), date=day(date, lang))


#: A bracketed part of a view's words, with the space before it.
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")


def aside(words: str) -> str:
    """``words`` as one bracketed aside with no brackets inside it: "After the handover
    (January 2026)" reads "(After the handover, January 2026)", not "(... (...))"."""
    inner = words.strip()
    while (len(inner) > 1 and inner[0] in "([" and inner[-1] in ")]"
           and _BRACKETED.fullmatch(inner)):
        inner = inner[1:-1].strip()  # already bracketed as a whole
    previous = None
    while previous != inner:  # innermost first, for brackets inside brackets
        previous = inner
        inner = _BRACKETED.sub(lambda m: ", " + m.group(1).strip() if m.group(1).strip()
                               else "", inner)
    inner = re.sub(r"[()\[\]]", "", inner).strip(" ,")  # an unmatched bracket
    return f"({inner})" if inner else ""


def title(scenario: Scenario, *, before: dt.date, after: dt.date, lang: str) -> str:
    """The title box: the scenario's title and the day of each view."""
    heading = scenario.title.get(lang) or scenario.title.get("en") or ""
    views = []
    for name, date in (("before", before), ("after", after)):
        view = scenario.views.get(name)
        words = (view.label.get(lang) or view.label.get("en")) if view else None
        note = ""
        if view is not None and view.date == date and words and aside(words):
            note = f' <span class="dm-note">{esc(aside(words))}</span>'
        views.append(f'<span class="dm-view dm-view-{name}">{esc(label(name, lang))}: '
                     f"<b>{esc(day(date, lang))}</b>{note}</span>")
    return f'<h1>{esc(heading)}</h1><p class="dm-views">{" → ".join(views)}</p>'


def cited_sources(scenario: Scenario, presence_ids: set[str]) -> list[Source]:
    """The sources cited by the presences on the map, in the scenario's order."""
    cited = {c.source for p in scenario.presences if p.id in presence_ids for c in p.citations}
    return [s for s in scenario.sources.values() if s.id in cited]


def _hover(source: Source, lang: str, show_files: bool) -> str:
    parts = [source.title, outlet_in(source.outlet, source.language, lang)]
    if source.file is not None and not source.url and show_files:
        parts.append(f'{label("map_seed_file", lang)} {source.file.name}')
    return " — ".join(parts)


#: With more articles than this, the credits start folded (they would cover the map).
CREDITS_OPEN_UP_TO = 20


def credits(sources: list[Source], lang: str, *, show_files: bool = False) -> str:
    """The credits line: data sources, then every article the map quotes (``show_files``:
    with the file name of those that have no URL, in their hover text)."""
    data = f'{label("credits_data", lang)}; {label("map_credits_more", lang)}'
    articles = "; ".join(
        f'<span title="{esc(_hover(s, lang, show_files))}">'
        f"{source_credit(s, lang, short=True)}</span>" for s in sources)
    summary, opened = esc(label("sources", lang)), " open"
    if len(sources) > CREDITS_OPEN_UP_TO:
        count = label("map_articles_count", lang).format(count=number(len(sources), lang))
        summary, opened = f"{summary} ({esc(count)})", ""
    return (f"<details{opened}><summary>{summary}</summary>"
            f'<p class="dm-data">{esc(data)}. {esc(label("map_made_with", lang))}.</p>'
            f'<p class="dm-articles"><b>{esc(label("map_articles", lang))}:</b> {articles}</p>'
            "</details>")


__all__ = ["cited_sources", "credits", "legend", "title", "view_title"]
