"""The HTML map's legend, title and credits (all text escaped here)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ...i18n import label
from ...scenario.model import Scenario, Source
from .popups import source_credit
from .style import path_style, swatch, symbol_svg
from .text import (
    day,
    esc,
    label_or,
    number,
)

if TYPE_CHECKING:
    from .features import Layers


def _row(swatches: list[str], text: str, note: str = "") -> str:
    note_html = f' <span class="dm-note">{esc(note)}</span>' if note else ""
    return (f'<div class="dm-row"><span class="dm-sw">{"".join(swatches)}</span>'
            f"<span>{esc(text)}{note_html}</span></div>")


def legend(layers: Layers, lang: str) -> str:
    """The legend: only what the map draws (forces, changes, how to read it)."""
    change = layers.layers["change"]
    present_types = tuple(layers.forces) or ("other",)
    first = present_types[0]
    sections = [f'<details class="dm-legend" open><summary>{esc(label("map_legend", lang))}'
                "</summary>"]
    rows = [_row([symbol_svg(t, "present", certain=True)], ", ".join(names),
                 label_or(t, lang, t)) for t, names in layers.forces.items()]
    sections.append(f'<section data-layers="before after change"><h4>'
                    f'{esc(label("map_forces", lang))}</h4>{"".join(rows)}</section>')
    rows = []
    for status in ("remained", "withdrawn", "new"):
        if status not in change.statuses:
            continue
        swatches = []
        for kind in ("hatched", "line", "point"):
            if kind not in change.categories:
                continue
            if kind == "point":
                swatches.append(symbol_svg(first, status, certain=True))
            else:
                category = "line" if kind == "line" else "area"
                style = path_style(category, status, (first,), certain=True,
                                              hatched=True)
                swatches.append(swatch(style, category))
        rows.append(_row(swatches, label(status, lang), label(f"map_{status}_note", lang)))
    if rows:
        sections.append(f'<section data-layers="change"><h4>{esc(label("change", lang))}</h4>'
                        f'{"".join(rows)}</section>')
    used = set().union(*(layer.categories for layer in layers.layers.values()))
    rows = []
    present_area = path_style("area", "present", (first,), certain=True,
                                         hatched=True)
    if "hatched" in used:
        rows.append(_row([swatch(present_area, "area")], label("map_hatched", lang)))
    if "line" in used:
        line = path_style("line", "present", (first,), certain=True, hatched=False)
        rows.append(_row([swatch(line, "line")], label("map_thick_line", lang)))
    if "point" in used:
        rows.append(_row([symbol_svg(first, "present", certain=True)],
                         label("map_symbol", lang)))
    if layers.fragments is not None and "point" in used:  # drawn on a canvas: clusters
        from .scale import cluster_swatch

        rows.append(_row([cluster_swatch()], label("map_cluster_legend", lang)))
    if any(layer.uncertain for layer in layers.layers.values()):
        unsure = path_style("area", "present", (first,), certain=False,
                                       hatched=True)
        rows.append(_row([swatch(unsure, "area")], label("map_dashed", lang)))
    sections.append(f'<section><h4>{esc(label("map_reading", lang))}</h4>{"".join(rows)}'
                    f'<p class="dm-hint">{esc(label("map_swipe_hint", lang))}</p></section>')
    sections.append("</details>")
    return "".join(sections)


def view_title(scenario: Scenario, name: str, date: dt.date, lang: str) -> str:
    """ "Before · 1 January 2024", for the layer control and the swipe."""
    return label("map_layer_view", lang).format(view=label(name, lang), date=day(date, lang))


def title(scenario: Scenario, *, before: dt.date, after: dt.date, lang: str) -> str:
    """The title box: the scenario's title and the day of each view."""
    heading = scenario.title.get(lang) or scenario.title.get("en") or ""
    views = []
    for name, date in (("before", before), ("after", after)):
        view = scenario.views.get(name)
        words = (view.label.get(lang) or view.label.get("en")) if view else None
        note = ""
        if view is not None and view.date == date and words:
            note = f' <span class="dm-note">({esc(words)})</span>'
        views.append(f'<span class="dm-view dm-view-{name}">{esc(label(name, lang))}: '
                     f"<b>{esc(day(date, lang))}</b>{note}</span>")
    return f'<h1>{esc(heading)}</h1><p class="dm-views">{" → ".join(views)}</p>'


def cited_sources(scenario: Scenario, presence_ids: set[str]) -> list[Source]:
    """The sources cited by the presences on the map, in the scenario's order."""
    cited = {c.source for p in scenario.presences if p.id in presence_ids for c in p.citations}
    return [s for s in scenario.sources.values() if s.id in cited]


def _hover(source: Source, lang: str) -> str:
    parts = [source.title, source.outlet]
    if source.file is not None and not source.url:
        parts.append(f'{label("map_seed_file", lang)} {source.file.name}')
    return " — ".join(parts)


#: With more articles than this, the credits start folded (they would cover the map).
CREDITS_OPEN_UP_TO = 20


def credits(sources: list[Source], lang: str) -> str:
    """The credits line: data sources, then every article the map quotes."""
    data = f'{label("credits_data", lang)}; {label("map_credits_more", lang)}'
    articles = "; ".join(
        f'<span title="{esc(_hover(s, lang))}">{source_credit(s, lang, short=True)}</span>'
        for s in sources)
    summary, opened = esc(label("sources", lang)), " open"
    if len(sources) > CREDITS_OPEN_UP_TO:
        count = label("map_articles_count", lang).format(count=number(len(sources), lang))
        summary, opened = f"{summary} ({esc(count)})", ""
    return (f"<details{opened}><summary>{summary}</summary>"
            f'<p class="dm-data">{esc(data)}. {esc(label("map_made_with", lang))}.</p>'
            f'<p class="dm-articles"><b>{esc(label("map_articles", lang))}:</b> {articles}</p>'
            "</details>")


__all__ = ["cited_sources", "credits", "legend", "title", "view_title"]
