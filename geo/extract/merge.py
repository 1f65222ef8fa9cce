"""From a draft to a scenario: one presence per force and place, from every article.

Records below the confidence threshold are dropped, and so are ends that cannot be dated
(an undated article's "will withdraw by September"). The rest are grouped by force and place;
each group becomes one presence citing every sentence it came from:

- *start*: the earliest start any record gives (none: not reported);
- *end*: from the strongest ending event (withdrawn or handed over > agreed > requested);
  "withdrawn before the article" spans are intersected; none when a record reported that
  day or later says the force stays (:mod:`.stays`); *strength*: the latest reported.

A withdrawal from an area also ends the same force's open presences *inside* it (the
border line along Syunik ends when the border guards leave Syunik), unless an article of the
same day or later says the force stays there; such an end cites both sentences and says so
in ``notes``. The confidence keys are dropped: the result is a scenario document that
:func:`geo.scenario.load_scenario` accepts once written to YAML."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
import yaml

from ..dates import FuzzyDate
from ..errors import UserInputError
from ..gazetteer.lookup import Gazetteer
from .article_dates import scenario_date
from .articles import extract_articles, extractor
from .draft import LOCATION_PRECISION, Article, Draft, Record, Unused, default_views
from .language import UNREAD_ADVICE, unread_language
from .stays import staying_after
from .title import draft_title, drafting_note

_END_RANK = {"withdrawn": 3, "handed_over": 3, "withdrawal_agreed": 2, "withdrawal_requested": 1}
_AREA_KINDS = ("province", "region", "country")


@dataclass
class ExtractionReport:
    """Which records a scenario used, which it dropped, and what the merge inferred."""

    threshold: float
    articles: list[Article]
    used: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    presences: dict[str, list[str]] = field(default_factory=dict)
    inferred_ends: dict[str, str] = field(default_factory=dict)
    unused: list[Unused] = field(default_factory=list)

    def lines(self) -> list[str]:
        """A plain-text summary, one fact per line."""
        out = [f"{len(self.articles)} articles; {len(self.used)} records used (confidence >= "
               f"{self.threshold}), {len(self.dropped)} dropped; {len(self.presences)} presences"]
        for article in self.articles:
            date = article.published
            out.append(f"  {article.path.name}: {article.language}, published "
                       f"{date.date or 'unknown'} ({date.how}"
                       f"{': ' + date.note if date.note else ''})")
        for presence, records in self.presences.items():
            out.append(f"  {presence}: from {', '.join(records)}")
            if presence in self.inferred_ends:
                out.append(f"    end inferred: {self.inferred_ends[presence]}")
        for record, reason in self.dropped:
            out.append(f"  dropped {record}: {reason}")
        return out


def place_geometry(gazetteer: Gazetteer, key: str) -> Any:
    """The geometry of a record's place id (a clipped border ``A@B``: the line inside B)."""
    if "@" in key:
        line, clip = key.split("@", 1)
        return gazetteer.get(line).geometry.intersection(
            gazetteer.get(clip).geometry.buffer(0.01))
    return gazetteer.get(key).geometry


def _end(records: list[Record]) -> tuple[FuzzyDate | None, Record | None]:
    ending = [r for r in records if r.ends and r.end is not None]
    if not ending:
        return None, None
    rank = max(_END_RANK[r.event] for r in ending)
    best = [r for r in ending if _END_RANK[r.event] == rank]
    chosen = max(best, key=lambda r: (r.confidence, r.end.precision == "day"))
    if rank == 3 and len(best) > 1:
        earliest = max(r.end.earliest for r in best)
        latest = min(r.end.latest for r in best)
        if earliest <= latest:
            precision = "day" if earliest == latest else "approximate"
            return FuzzyDate(earliest, latest, precision, chosen.end.text), chosen
        # departures on different days are a withdrawal in stages ("the second base on 11
        # January, the last on 30 January"): the force is gone after the last of them
        chosen = max(best, key=lambda r: (r.end.latest, r.confidence))
    return chosen.end, chosen


@dataclass
class _Group:
    key: tuple[str, str]
    records: list[Record]
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    ender: Record | None = None
    extra: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _merge(draft: Draft, threshold: float, relative_to: Path | None,
           gazetteer: Gazetteer, *, review: bool = False
           ) -> tuple[dict[str, Any], ExtractionReport]:
    report = ExtractionReport(threshold, list(draft.articles), unused=list(draft.unused))
    kept: list[Record] = []
    for record in draft.records:
        if record.confidence < threshold:
            report.dropped.append((record.id, f"confidence {record.confidence} < {threshold}"))
        elif record.ends and record.end is None:
            # An end the text cannot date would read as "still there": leave it to review.
            report.dropped.append((record.id, f"{record.event} with no date the article "
                                              "allows (give the article's date)"))
        else:
            kept.append(record)
    report.used = [r.id for r in kept]
    published = {a.source: a.published.reference or dt.date.min for a in draft.articles}
    groups: dict[tuple[str, str], _Group] = {}
    for record in kept:
        key = (record.force.id, record.target.key)
        groups.setdefault(key, _Group(key, [])).records.append(record)
    for group in groups.values():
        starts = [r.start for r in group.records if r.start is not None]
        group.start = min(starts, key=lambda d: (d.earliest, d.latest)) if starts else None
        group.end, group.ender = _end(group.records)
        if (stays := staying_after(group.records, group.end)) is not None:  # part stays
            group.notes.append(f"end {group.end} dropped: {stays.id} says it stays after it")
            group.end = group.ender = None
        if group.start and group.end and group.end.latest <= group.start.earliest:
            group.notes.append(f"start {group.start} dropped: after the end {group.end}")
            group.start = None
    _inside_withdrawals(groups, kept, published, gazetteer, report)
    presences = [_presence(group, report, review=review) for group in groups.values()]
    files = {a.source: _relative(a.path, relative_to) for a in draft.articles}
    cited = {c["source"] for p in presences for c in p["citations"]}
    views = default_views([g.end for g in groups.values() if g.end],
                          [r.reported.latest for r in kept if r.reported],
                          [g.start for g in groups.values() if g.start])
    country, others = _host(draft, kept)
    document = {
        "title": draft_title(list({r.force.id: r.force for r in kept}.values()), country,
                             [d for g in groups.values() for d in (g.start, g.end)]
                             + [r.reported for r in kept], gazetteer),
        "description": drafting_note(len(draft.articles), threshold),
        "country": country,
        **({"countries": [country, *others]} if others else {}),
        "views": views,
        "forces": [f.entry() for f in {r.force.id: r.force for r in kept}.values()],
        "sources": [a.source_entry(files[a.source]) for a in draft.articles
                    if a.source in cited] or [a.source_entry(files[a.source])
                                              for a in draft.articles],
        "presences": presences,
    }
    if review:
        document.update(_review(draft, report, files))
    return document, report


def _host(draft: Draft, kept: list[Record]) -> tuple[str, list[str]]:
    """The story's country, and its others: of the story's countries, the one most of the
    kept records place a foreign force in ("France handed over its base in Côte d'Ivoire":
    Côte d'Ivoire, though France is named more often)."""
    story = [draft.country, *draft.countries]
    counts = Counter(r.target.country for r in kept
                     if r.target.country != r.force.country and r.target.country in story)
    host = max(story, key=lambda c: counts[c]) if counts else draft.country
    return host, [c for c in story if c != host]


def _review(draft: Draft, report: ExtractionReport, files: Mapping[str, str]) -> dict[str, Any]:
    """The sections a reviewer reads beside the presences: how each article was read, and
    every sentence that gave no presence (with the records left out, and why)."""
    quotes = {r.id: (r.source, r.quote) for r in draft.records}
    left_out = [{"source": quotes[record][0], "quote": quotes[record][1],
                 "reason": f"record {record} left out: {reason}"}
                for record, reason in report.dropped]
    return {
        "articles": [{
            "source": a.source, "file": files[a.source], "language": a.language,
            "language_confidence": a.language_confidence,
            "published": scenario_date(a.published.date) if a.published.date else None,
            "published_how": a.published.how, "published_note": a.published.note,
            "published_weak": a.published.weak,
        } for a in draft.articles],
        "unused": [{"source": u.source, "quote": u.quote, "reason": u.reason}
                   for u in draft.unused] + left_out,
    }


def _inside_withdrawals(groups: dict[tuple[str, str], _Group], kept: list[Record],
                        published: Mapping[str, dt.date], gazetteer: Gazetteer,
                        report: ExtractionReport) -> None:
    """End open presences that lie inside an area their force withdrew from."""
    areas: dict[tuple[str, str, int], list[Record]] = {}
    for record in kept:
        if record.ends and record.end is not None and record.target.kind in _AREA_KINDS:
            areas.setdefault((record.force.id, record.source, record.sentence), []).append(record)
    if not areas:
        return
    unions = {key: shapely.union_all([place_geometry(gazetteer, r.target.key) for r in records])
              .buffer(0.02) for key, records in areas.items()}
    for group in groups.values():
        if group.end is not None:
            continue
        force, place = group.key
        shape = place_geometry(gazetteer, place)
        still = [published[r.source] for r in group.records if not r.ends]
        for key, records in areas.items():
            if key[0] != force or place in {r.target.key for r in records}:
                continue
            when = published[key[1]]
            if still and max(still) >= when:
                continue
            ender = max(records, key=lambda r: r.confidence)
            if group.start and ender.end.latest <= group.start.earliest:
                continue
            if not shape.within(unions[key]):
                continue
            group.end, group.ender = ender.end, ender
            group.extra.append(ender)
            names = ", ".join(r.mention for r in records)
            note = (f"ended by {ender.id}: the force {ender.event.replace('_', ' ')} from "
                    f"{names}, which contain this place")
            group.notes.append(note)
            report.inferred_ends[_presence_id(group)] = note
            break


def _presence_id(group: _Group) -> str:
    force, place = group.key
    return f"{force}-{place.replace(':', '-').replace('@', '-at-').replace('+', '-')}".lower()


def _presence(group: _Group, report: ExtractionReport, *, review: bool = False
              ) -> dict[str, Any]:
    records, first = group.records, group.records[0]
    citations: list[dict[str, str]] = []
    for record in [*records, *group.extra]:
        citation = {"source": record.source, "quote": record.quote}
        if citation not in citations:
            citations.append(citation)
    presence: dict[str, Any] = {
        "id": _presence_id(group), "force": first.force.id, "place": first.target.spec,
        "location_precision": LOCATION_PRECISION.get(first.target.kind, "region"),
        "start": scenario_date(group.start) if group.start else None,
        "end": scenario_date(group.end) if group.end else None,
    }
    if group.end is not None and group.ender is not None:
        presence["end_event"] = group.ender.event
    strengths = [r for r in records if r.strength and r.reported]
    if strengths:
        latest = max(strengths, key=lambda r: r.reported.earliest)
        presence["strength"] = {"value": latest.strength[0], "approximate": latest.strength[1],
                                "reported": scenario_date(latest.reported),
                                "source": latest.source}
    presence["citations"] = citations
    confidence = 1.0
    for record in records:
        confidence *= 1 - record.confidence
    events = ", ".join(dict.fromkeys(f"{r.event} ({r.source})" for r in records))
    notes = [f"drafted from {len(records)} record(s), confidence {1 - confidence:.2f}: {events}",
             *dict.fromkeys(r.target.note for r in records if r.target.note), *group.notes]
    presence["notes"] = "; ".join(notes)
    if review:  # allowed by the schema, ignored by the maps
        presence["confidence"] = round(1 - confidence, 2)
        presence["article"] = ", ".join(dict.fromkeys(r.article for r in records))
        presence["event"] = ", ".join(dict.fromkeys(r.event for r in records))
        presence["mention"] = ", ".join(dict.fromkeys(r.mention for r in records))
        presence["why"] = list(dict.fromkeys(w for r in records for w in r.why))
    report.presences[presence["id"]] = [r.id for r in records]
    return presence


def _relative(path: Path, relative_to: Path | None) -> str:
    if relative_to is None:
        return str(path)
    return os.path.relpath(path.resolve(), relative_to.resolve())


def draft_to_scenario_document(draft: Draft, *, threshold: float = 0.5,
                               relative_to: Path | None = None,
                               gazetteer: Gazetteer | None = None,
                               review: bool = False) -> dict[str, Any]:
    """A scenario document from ``draft``: records with confidence >= ``threshold``, merged.

    Parameters
    ----------
    draft
        From :func:`extract_articles`.
    threshold
        Records below it are left out.
    relative_to
        The folder the scenario file will be written to (source ``file`` paths are made
        relative to it); None keeps the paths as given.
    gazetteer
        For the geometry of places (areas that contain other places); a shared one if None.
    review
        Also write what a reviewer needs (per presence ``confidence``, ``article``,
        ``event``, ``mention``, ``why``; ``articles`` and ``unused`` sections, the records
        left out among them): the scenario format allows these and the maps ignore them.
    """
    gazetteer = gazetteer or extractor(draft.country, tuple(sorted(draft.countries))).gazetteer
    return _merge(draft, threshold, relative_to, gazetteer, review=review)[0]


def dump_yaml(document: Mapping[str, Any]) -> str:
    """A document as YAML (UTF-8 text, keys in order)."""
    return yaml.safe_dump(dict(document), allow_unicode=True, sort_keys=False, width=100)


def timeline_from_draft(draft: Draft, *, threshold: float = 0.5,
                        gazetteer: Gazetteer | None = None) -> tuple[Any, ExtractionReport]:
    """The timeline of a draft's scenario (written to a temporary file, loaded and checked
    by :func:`geo.scenario.load_scenario`), and what was used.

    Raises
    ------
    UserInputError
        No record reaches ``threshold``.
    """
    from ..scenario.load import load_scenario
    from ..timeline import Timeline

    gazetteer = gazetteer or extractor(draft.country, tuple(sorted(draft.countries))).gazetteer
    with tempfile.TemporaryDirectory(prefix="deploymap-") as folder:
        document, report = _merge(draft, threshold, Path(folder), gazetteer)
        if not document["presences"]:
            raise UserInputError(_nothing_found(draft, threshold))
        path = Path(folder) / "from-articles.yaml"
        path.write_text(dump_yaml(document), encoding="utf-8")
        scenario = load_scenario(path, gazetteer=gazetteer, shown_as="the scenario merged "
                                 "from the articles (--save-scenario FILE keeps it)")
    return Timeline(scenario), report


def _nothing_found(draft: Draft, threshold: float) -> str:
    """Why no presence came out, and the one advice that would help."""
    where = f"{len(draft.articles)} article(s)"
    unread = [f"{a.path.name} is in {language}" for a in draft.articles
              if (language := unread_language(a.language))]
    if not draft.records and unread:
        return f"no deployment found in {where}: {'; '.join(unread)}; {UNREAD_ADVICE}"
    if not draft.records:
        return (f"no deployment found in {where}; `deploymap extract FILE` lists each "
                "sentence that named a force and why it gave no record")
    if threshold > 0 and all(r.confidence < threshold for r in draft.records):
        best = max(r.confidence for r in draft.records)
        return (f"no record reaches confidence {threshold} in {where} (the best is {best}); "
                f"give --threshold {best} or lower to map them, or review them with "
                "`deploymap extract`")
    return (f"no record of {where} can be dated (withdrawals with no date the articles "
            "allow); add a 'Date:' line to each article or pass its publication date")


def scenario_from_articles(directory: Path | str, *, threshold: float = 0.5,
                           published: Mapping[str, object] | None = None,
                           country: str | None = None, save_to: Path | str | None = None
                           ) -> tuple[Any, ExtractionReport]:
    """The timeline of the articles (``*.txt``) in ``directory``, and what was used.

    The merged scenario is written to a temporary YAML file and loaded with
    :func:`geo.scenario.load_scenario`, so it is checked like any scenario file; with
    ``save_to``, it is also kept there (written atomically) for review and later builds.

    Returns
    -------
    timeline, report
        A :class:`geo.timeline.Timeline` and an :class:`ExtractionReport`.
    """
    directory = Path(directory)
    files = sorted(directory.glob("*.txt"))
    if not files:
        raise UserInputError(f"{directory}: no article files (*.txt) found; give the folder "
                             "that holds the articles")
    draft = extract_articles(files, published=published, country=country)
    timeline, report = timeline_from_draft(draft, threshold=threshold)
    if save_to is not None:  # the same scenario, its articles' paths relative to the file
        from ..output import write_atomic

        save_to = Path(save_to)
        write_atomic(save_to, dump_yaml(draft_to_scenario_document(
            draft, threshold=threshold, relative_to=save_to.resolve().parent)))
    return timeline, report


__all__ = ["ExtractionReport", "draft_to_scenario_document", "dump_yaml",
           "place_geometry", "scenario_from_articles", "timeline_from_draft"]
