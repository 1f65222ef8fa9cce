"""The HTML map's popups and tooltips (all text escaped here); the legend, title and credits
are in :mod:`geo.render.html.legend`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from ...dates import FuzzyDate
from ...i18n import label, outlet_in
from ...scenario.model import Presence, Scenario, Source, Strength
from ..presentation import ForceColours, scenario_colours, style_for
from .style import symbol_svg
from .text import (
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
    from .store import Fragments

#: Where the Day layer's popup has its status line, filled in by the page for the day shown.
DAY_STATUS = '<p class="dm-status" data-day-status>'
_BORDER_ID = re.compile(r"^border:([A-Z]{2})-([A-Z]{2})$")


@dataclass
class PopupContext:
    """What every popup needs besides its rows, and the pieces of popups already written.

    A map of many presences repeats the same forces, dates and sources in thousands of
    popups: each piece is escaped and formatted once (``cache``) and reused.
    """

    scenario: Scenario
    before: dt.date
    after: dt.date
    lang: str
    #: Name the article file of a source that has no URL (off by default: a published map
    #: names no local file).
    show_files: bool = False
    presences: dict[str, Presence] = field(init=False)
    #: The colour of each force (its symbol beside its name).
    colours: ForceColours = field(init=False)
    cache: dict[tuple[Any, ...], str] = field(init=False, default_factory=dict)
    sections: dict[tuple[str, bool], list[str]] = field(init=False, default_factory=dict)
    section_ids: dict[tuple[str, bool], int] = field(init=False, default_factory=dict)
    head_ids: dict[tuple[Any, ...], list[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.presences = {p.id: p for p in self.scenario.presences}
        self.colours = scenario_colours(self.scenario)

    def piece(self, key: tuple[Any, ...], make: Callable[[], str]) -> str:
        """The piece of HTML stored under ``key``, made by ``make()`` the first time."""
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = make()
        return found


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


def source_credit(source: Source, lang: str, *, short: bool = False,
                  show_files: bool = False) -> str:
    """ "Outlet, date · link" for a source, escaped; ``show_files``: the article's file name
    when it has no URL.

    ``short``: the outlet without its parenthesis, and no file (the credits line).
    """
    published = day_range(source.published.earliest, source.published.latest, lang)
    outlet = outlet_in(source.outlet, source.language, lang)
    if short:
        outlet = outlet.split(" (")[0]
        url = safe_url(source.url)
        name = link(url, outlet) if url else esc(outlet)
        return f"{name}, {esc(published)}"
    where = ""
    if source.url:
        where = " · " + link(source.url, label("map_open_article", lang))
    elif source.file is not None and show_files:
        where = f' · {esc(label("map_seed_file", lang))} <code>{esc(source.file.name)}</code>'
    return f"{esc(outlet)}, {esc(published)}{where}"


def _quote_parts(presence: Presence, context: PopupContext,
                 shown: set[tuple[str, str]]) -> list[str]:
    """Each quote of ``presence`` (the popup's language first): an opening, the quote and its
    credit, or a pointer to the same quote shown above."""
    lang = context.lang
    sources = context.scenario.sources
    citations = presence.citations

    def credit(source: Source) -> str:
        return source_credit(source, lang, show_files=context.show_files)

    if len(citations) > 1:
        citations = sorted(citations, key=lambda c: sources[c.source].language != lang)
    parts = []
    for citation in citations:
        source = sources[citation.source]
        if (citation.source, citation.quote) in shown:
            parts.append(context.piece(("again", source.id), lambda s=source: (
                f'<p class="dm-quote-again">↑ {credit(s)}</p>')))
            continue
        shown.add((citation.source, citation.quote))
        parts.append(context.piece(("quote-open", source.language), lambda s=source: (
            f'<blockquote class="dm-quote" lang="{esc(s.language)}">')))
        parts.append(esc(citation.quote))
        parts.append(context.piece(("footer", source.id), lambda s=source: (
            f"<footer>— {credit(s)}<br><cite>{esc(s.title)}</cite></footer>"
            "</blockquote>")))
    return parts


def _start_piece(start: FuzzyDate | None, lang: str) -> str:
    text = (f"{esc(fuzzy(start, lang))} <i>({esc(precision(start, lang))})</i>"
            if start else esc(label("not_reported", lang)))
    return f"<dt>{esc(label('start', lang))}</dt><dd>{text}</dd>"


def _end_piece(end: FuzzyDate | None, end_event: str, lang: str) -> str:
    if end:
        text = f"{esc(fuzzy(end, lang))} <i>({esc(precision(end, lang))})</i>"
        if end_event:
            text += f" — {esc(label_or(end_event, lang, end_event))}"
    else:
        text = esc(label("still_there", lang))
    return f"<dt>{esc(label('end', lang))}</dt><dd>{text}</dd>"


def _strength_piece(strength: Strength, lang: str) -> str:
    value = number(strength.value, lang)
    if strength.approximate:
        value = f"{label('about', lang)} {value}"
    reported = label("map_reported", lang).format(date=fuzzy(strength.reported, lang))
    return (f"<dt>{esc(label('strength', lang))}</dt>"
            f"<dd>{esc(value)} <i>({esc(reported)})</i></dd>")


def _date_parts(row: dict[str, Any], presence: Presence, context: PopupContext) -> list[str]:
    """The ``<dt>``/``<dd>`` pairs of a presence: start, end, strength when reported."""
    lang, cache = context.lang, context.cache
    start, end = presence.start, presence.end
    key: tuple[Any, ...] = ("start", start)
    first = cache.get(key)
    if first is None:
        first = cache[key] = _start_piece(start, lang)
    key = ("end", end, presence.end_event)
    last = cache.get(key)
    if last is None:
        last = cache[key] = _end_piece(end, presence.end_event, lang)
    strength = presence.strength
    if strength is None or pd.isna(row.get("strength")):
        return [first, last]
    key = ("strength", strength.value, strength.approximate, strength.reported)
    amount = cache.get(key)
    if amount is None:
        amount = cache[key] = _strength_piece(strength, lang)
    return [first, last, amount]


def _section(row: dict[str, Any], context: PopupContext,
             shown: set[tuple[str, str]]) -> list[str]:
    """One force's part of a popup, in pieces: heading, dates, quotes, ``</section>``."""
    lang = context.lang
    presence = context.presences[row["presence_id"]]
    sure = bool(row["certain"])

    def heading() -> str:
        symbol = symbol_svg(style_for("point", "present", (row["force_id"],), context.colours,
                                      kind=row.get("kind", "")), size=14)
        note = "" if sure else (
            f' <span class="dm-unsure">({esc(label("uncertain", lang))})</span>')
        return (f'<section class="dm-force"><h4>{symbol} {esc(force_name(row, lang))}'
                f"{note}</h4><dl>")

    parts = [context.piece(("force", row["force_id"], force_name(row, lang), sure), heading)]
    parts.extend(_date_parts(row, presence, context))
    quotes = _quote_parts(presence, context, shown)
    if quotes:  # close the list in the quote's first piece: one piece fewer a popup
        quotes[0] = context.piece(("dl", quotes[0]), lambda q=quotes[0]: "</dl>" + q)
    else:
        quotes = ["</dl>"]
    parts.extend(quotes)
    parts[-1] = context.piece(("section", parts[-1]), lambda q=parts[-1]: q + "</section>")
    return parts


def _popup_head(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> list[str]:
    """A popup's first pieces: its opening, the place's name, its status and location."""
    lang = context.lang
    first = rows[0]
    status = first["change"] if layer == "change" else "present"
    certain = all(bool(r["certain"]) for r in rows)
    located = first["location_precision"]

    def status_where() -> str:
        layer_day = {"before": context.before, "after": context.after}.get(layer)
        where = label_or(f"location_{located}", lang, located)
        if layer == "day":  # the page writes the status for the day the slider shows
            return f'</h3>{DAY_STATUS}</p><p class="dm-where">{esc(where)}</p>'
        status_text = status_line(status, context, day_of_layer=layer_day, certain=certain)
        return (f'</h3><p class="dm-status">{esc(status_text)}</p>'
                f'<p class="dm-where">{esc(where)}</p>')

    return [context.piece(("head", status),
                          lambda: f'<div class="dm-pop dm-{esc(status)}"><h3>'),
            esc(place_name(first, lang)),
            context.piece(("status", layer, status, certain, located), status_where)]


def _closed(parts: list[str], context: PopupContext) -> list[str]:
    """``parts`` with ``</div>`` added to the last piece (one piece fewer a popup)."""
    return [*parts[:-1], context.piece(("div", parts[-1]), lambda: parts[-1] + "</div>")]


def popup_parts(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> list[str]:
    """The popup of one feature in pieces (joined, they are :func:`popup`).

    Pieces repeat across popups (a force's heading, a date, a source's credit) while a
    place's name and a quote are the popup's own; a map of many features stores each piece
    once and each popup as the list of its pieces (:func:`popup_ids`).
    """
    parts = _popup_head(rows, layer, context)
    if len(rows) == 1:  # the same on every layer that shows the presence: made once
        parts.extend(_single_section(rows[0], context))
    else:  # a quote two forces share is written once, then pointed to
        shown: set[tuple[str, str]] = set()
        for row in rows:
            parts.extend(_section(row, context, shown))
    return _closed(parts, context)


def _single_section(row: dict[str, Any], context: PopupContext) -> list[str]:
    key = (row["presence_id"], bool(row["certain"]))
    section = context.sections.get(key)
    if section is None:
        section = context.sections[key] = _section(row, context, set())
    return section


def popup_ids(rows: list[dict[str, Any]], layer: str, context: PopupContext,
              fragments: Fragments) -> list[int]:
    """:func:`popup_parts` as numbers in ``fragments``: the same pieces, and the place's
    name second. A presence's part of the popup is one group (:meth:`Fragments.group`),
    numbered once for all the layers that show it."""
    if len(rows) > 1:
        return fragments.ids(popup_parts(rows, layer, context))
    first = rows[0]
    certain = bool(first["certain"])
    key = (first["presence_id"], certain)
    tail = context.section_ids.get(key)
    if tail is None:
        tail = context.section_ids[key] = fragments.group(fragments.ids(
            _closed(_single_section(first, context), context)))
    status = first["change"] if layer == "change" else "present"
    head_key = (layer, status, certain, first["location_precision"])
    head = context.head_ids.get(head_key)
    if head is None:
        head = context.head_ids[head_key] = fragments.ids(_popup_head(rows, layer, context))
    return [head[0], fragments.id(esc(place_name(first, context.lang))), head[2], tail]


def popup(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> str:
    """The popup of one feature: place, status, then each force with dates and quotes."""
    return "".join(popup_parts(rows, layer, context))


def tooltip_parts(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> list[str]:
    """The tooltip in pieces: ``<b>``, the place's name, the rest (see :func:`popup_parts`)."""
    lang = context.lang
    forces = ", ".join(dict.fromkeys(force_name(r, lang) for r in rows))
    change = rows[0]["change"] if layer == "change" else ""

    def rest() -> str:
        text = f"</b><br>{esc(forces)}"
        if change:
            text += f' · <span class="dm-{esc(change)}">{esc(label(change, lang))}</span>'
        return text

    return ["<b>", esc(place_name(rows[0], lang)), context.piece(("tip", forces, change), rest)]


def tooltip_id(rows: list[dict[str, Any]], layer: str, context: PopupContext,
               fragments: Fragments) -> int:
    """The number in ``fragments`` of the tooltip's last piece: a large map's tooltip is
    ``<b>``, the place's name (its popup's second piece) and this (:func:`tooltip_parts`)."""
    if len(rows) > 1:
        return fragments.id(tooltip_parts(rows, layer, context)[2])
    first = rows[0]
    key = ("tip", first["force_id"], first["change"] if layer == "change" else "")
    number = context.head_ids.get(key)
    if number is None:
        number = context.head_ids[key] = [fragments.id(
            tooltip_parts(rows, layer, context)[2])]
    return number[0]


def tooltip(rows: list[dict[str, Any]], layer: str, context: PopupContext) -> str:
    """One line: place, forces, and on the Change layer the change."""
    return "".join(tooltip_parts(rows, layer, context))


__all__ = ["DAY_STATUS", "PopupContext", "force_name", "place_name", "popup", "popup_ids",
           "popup_parts", "source_credit", "status_line", "tooltip", "tooltip_id", "tooltip_parts"]
