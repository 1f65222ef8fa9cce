"""The HTML map's text panels: popups, tooltips, legend, title, credits (all escaped here)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..i18n import label
from ..scenario_model import Presence, Scenario, Source
from . import html_style
from .html_text import (
    country_name,
    day,
    day_range,
    esc,
    fuzzy,
    label_or,
    link,
    number,
    precision,
    safe_url,
)

if TYPE_CHECKING:
    from .html_features import Layers

_BORDER_ID = re.compile(r"^border:([A-Z]{2})-([A-Z]{2})$")


@dataclass
class PopupContext:
    """What every popup needs besides its rows."""

    scenario: Scenario
    before: dt.date
    after: dt.date
    lang: str
    presences: dict[str, Presence] = field(init=False)

    def __post_init__(self) -> None:
        self.presences = {p.id: p for p in self.scenario.presences}


def place_name(row: dict[str, Any], lang: str) -> str:
    """The place of a presence row in ``lang`` (border names built from country names)."""
    if lang == "en":
        return str(row["place"])
    name = str(row.get(f"place_{lang}") or row["place"])
    match = _BORDER_ID.match(str(row["place_id"]))
    if name == row["place"] and match:
        a, b = (country_name(code, lang) for code in match.groups())
        if a and b:
            name = label("map_border_name", lang).format(a=a, b=b)
    return name


def force_name(row: dict[str, Any], lang: str) -> str:
    """The force of a presence row in ``lang``."""
    return str(row.get(f"force_{lang}") or row["force"]) if lang != "en" else str(row["force"])


def status_line(status: str, context: PopupContext, *, day_of_layer: dt.date | None,
                certain: bool) -> str:
    """What the feature's layer says about it: "Present on ...", "Withdrawn: ...", ..."""
    lang = context.lang
    if day_of_layer is not None:
        key = "map_present_on" if certain else "map_possibly_on"
        return label(key, lang).format(date=day(day_of_layer, lang))
    return label(f"map_status_{status}", lang).format(
        before=day(context.before, lang), after=day(context.after, lang))


def source_credit(source: Source, lang: str, *, short: bool = False) -> str:
    """ "Outlet, date · link" (or the seed file name) for a source, escaped.

    ``short``: the outlet without its parenthesis, and no seed file (the credits line).
    """
    published = day_range(source.published.earliest, source.published.latest, lang)
    if short:
        outlet = source.outlet.split(" (")[0]
        url = safe_url(source.url)
        name = link(url, outlet) if url else esc(outlet)
        return f"{name}, {esc(published)}"
    where = ""
    if source.url:
        where = " · " + link(source.url, label("map_open_article", lang))
    elif source.file is not None:
        where = f' · {esc(label("map_seed_file", lang))} <code>{esc(source.file.name)}</code>'
    return f"{esc(source.outlet)}, {esc(published)}{where}"


def _quotes(presence: Presence, context: PopupContext, shown: set[tuple[str, str]]) -> str:
    lang = context.lang
    citations = sorted(presence.citations,
                       key=lambda c: context.scenario.sources[c.source].language != lang)
    parts = []
    for citation in citations:
        source = context.scenario.sources[citation.source]
        credit = source_credit(source, lang)
        if (citation.source, citation.quote) in shown:
            parts.append(f'<p class="dm-quote-again">↑ {credit}</p>')
            continue
        shown.add((citation.source, citation.quote))
        parts.append(
            f'<blockquote class="dm-quote" lang="{esc(source.language)}">'
            f"{esc(citation.quote)}<footer>— {credit}"
            f'<br><cite>{esc(source.title)}</cite></footer></blockquote>')
    return "".join(parts)


def _dates(row: dict[str, Any], presence: Presence, lang: str) -> str:
    start, end = presence.start, presence.end
    start_text = (f"{esc(fuzzy(start, lang))} <i>({esc(precision(start, lang))})</i>"
                  if start else esc(label("not_reported", lang)))
    if end:
        end_text = f"{esc(fuzzy(end, lang))} <i>({esc(precision(end, lang))})</i>"
        if presence.end_event:
            event = label_or(presence.end_event, lang, presence.end_event)
            end_text += f" — {esc(event)}"
    else:
        end_text = esc(label("still_there", lang))
    rows = [(label("start", lang), start_text), (label("end", lang), end_text)]
    strength = presence.strength
    if strength is not None and not pd.isna(row.get("strength")):
        value = number(strength.value, lang)
        if strength.approximate:
            value = f"{label('about', lang)} {value}"
        reported = label("map_reported", lang).format(date=fuzzy(strength.reported, lang))
        rows.append((label("strength", lang), f"{esc(value)} <i>({esc(reported)})</i>"))
    return "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)


def popup(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> str:
    """The popup of one feature: place, status, then each force with dates and quotes."""
    lang = context.lang
    first = rows[0]
    status = first["change"] if layer == "change" else "present"
    certain = all(bool(r["certain"]) for r in rows)
    layer_day = {"before": context.before, "after": context.after}.get(layer)
    located = first["location_precision"]
    where = label_or(f"location_{located}", lang, located)
    status_text = status_line(status, context, day_of_layer=layer_day, certain=certain)
    parts = [
        f'<div class="dm-pop dm-{esc(status)}">',
        f"<h3>{esc(place_name(first, lang))}</h3>",
        f'<p class="dm-status">{esc(status_text)}</p>',
        f'<p class="dm-where">{esc(where)}</p>',
    ]
    shown: set[tuple[str, str]] = set()
    for row in rows:
        presence = context.presences[row["presence_id"]]
        symbol = html_style.symbol_svg(row["force_type"], "present", certain=True, size=14)
        note = "" if row["certain"] else (
            f' <span class="dm-unsure">({esc(label("uncertain", lang))})</span>')
        parts.append(
            f'<section class="dm-force"><h4>{symbol} {esc(force_name(row, lang))}{note}</h4>'
            f"<dl>{_dates(row, presence, lang)}</dl>{_quotes(presence, context, shown)}"
            "</section>")
    parts.append("</div>")
    return "".join(parts)


def tooltip(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> str:
    """One line: place, forces, and on the Change layer the change."""
    lang = context.lang
    forces = ", ".join(dict.fromkeys(force_name(r, lang) for r in rows))
    text = f"<b>{esc(place_name(rows[0], lang))}</b><br>{esc(forces)}"
    if layer == "change":
        change = rows[0]["change"]
        text += f' · <span class="dm-{esc(change)}">{esc(label(change, lang))}</span>'
    return text


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
    rows = [_row([html_style.symbol_svg(t, "present", certain=True)], ", ".join(names),
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
                swatches.append(html_style.symbol_svg(first, status, certain=True))
            else:
                category = "line" if kind == "line" else "area"
                style = html_style.path_style(category, status, (first,), certain=True,
                                              hatched=True)
                swatches.append(html_style.swatch(style, category))
        rows.append(_row(swatches, label(status, lang), label(f"map_{status}_note", lang)))
    if rows:
        sections.append(f'<section data-layers="change"><h4>{esc(label("change", lang))}</h4>'
                        f'{"".join(rows)}</section>')
    used = set().union(*(layer.categories for layer in layers.layers.values()))
    rows = []
    present_area = html_style.path_style("area", "present", (first,), certain=True,
                                         hatched=True)
    if "hatched" in used:
        rows.append(_row([html_style.swatch(present_area, "area")], label("map_hatched", lang)))
    if "line" in used:
        line = html_style.path_style("line", "present", (first,), certain=True, hatched=False)
        rows.append(_row([html_style.swatch(line, "line")], label("map_thick_line", lang)))
    if "point" in used:
        rows.append(_row([html_style.symbol_svg(first, "present", certain=True)],
                         label("map_symbol", lang)))
    if any(layer.uncertain for layer in layers.layers.values()):
        unsure = html_style.path_style("area", "present", (first,), certain=False,
                                       hatched=True)
        rows.append(_row([html_style.swatch(unsure, "area")], label("map_dashed", lang)))
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


def credits(sources: list[Source], lang: str) -> str:
    """The credits line: data sources, then every article the map quotes."""
    data = f'{label("credits_data", lang)}; {label("map_credits_more", lang)}'
    articles = "; ".join(
        f'<span title="{esc(_hover(s, lang))}">{source_credit(s, lang, short=True)}</span>'
        for s in sources)
    return (f'<details open><summary>{esc(label("sources", lang))}</summary>'
            f'<p class="dm-data">{esc(data)}. {esc(label("map_made_with", lang))}.</p>'
            f'<p class="dm-articles"><b>{esc(label("map_articles", lang))}:</b> {articles}</p>'
            "</details>")


__all__ = ["PopupContext", "cited_sources", "credits", "force_name", "legend", "place_name",
           "popup", "source_credit", "status_line", "title", "tooltip", "view_title"]
