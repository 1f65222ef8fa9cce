"""Extraction's steps 2 and 3: date each article (:mod:`geo.extract.published`), then each
of its pending records against it, give the record its force and confidence, and gather
everything into a :class:`~geo.extract.draft.Draft`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..dates import FuzzyDate
from ..gazetteer.lookup import Gazetteer
from .draft import Article, Draft, Record, Unused
from .hosts import goes_home, story_host
from .lexicon import lexicon
from .outlets import headline, outlet_of
from .owners import record_force, same_kind_country, slug
from .pending import Pending
from .published import Published, infer_published
from .reading import Reading
from .record_dates import record_dates
from .retaking import retaken
from .scoring import score
from .targets import target_of
from .text import sentences


def finish(gazetteer: Gazetteer, readings: Sequence[Reading], given: Sequence[Published | None],
           outlets: Sequence[str | None]) -> Draft:
    """Steps 2 and 3: date the articles, then the records."""
    published = infer_published([r.path.name for r in readings],
                                [r.evidence for r in readings], given)
    articles: list[Article] = []
    records: list[Record] = []
    unused: list[Unused] = []
    taken: set[str] = set()
    for reading, date, outlet in zip(readings, published, outlets, strict=True):
        article = _article(reading, date, outlet)
        articles.append(article)
        unused.extend(reading.unused)
        for pending in reading.pending:
            record = _record(gazetteer, reading, article, pending, taken)
            if record is None:
                unused.append(Unused(reading.source, pending.sentence.index,
                                     pending.sentence.quote,
                                     "a country's own forces at home"))
            else:
                records.append(record)
    # the story's main country: the one most articles are mainly about
    main = Counter(r.countries[0] for r in readings if r.countries).most_common(1)
    country = main[0][0] if main else gazetteer.country
    others = dict.fromkeys(c for r in readings for c in r.countries if c != country)
    return Draft(country, articles, records, unused, tuple(others))


def _article(reading: Reading, published: Published, outlet: str | None) -> Article:
    """The article as the draft lists it: title, outlet, date, address."""
    header = reading.header
    title = header.get("title") or headline(reading.sentences, reading.path.stem)
    return Article(reading.path, reading.source, reading.language[0], reading.language[1],
                   title, outlet or header.get("outlet") or outlet_of(
                       reading.sentences, reading.text, header, reading.language[0]),
                   published, header.get("url", ""))


def _returned_home(gazetteer: Gazetteer, reading: Reading, pending: Pending,
                   country: str) -> Pending | None:
    """A force said to go back to its own country ("have returned to Japan", "sont
    rentrés en France", "вернулись в Россию") leaves the story's country it was in: the
    first of the article's countries that is not its own; None for any other record at
    home."""
    if pending.target.kind != "country" or pending.event not in ("deployed", "withdrawn"):
        return None
    lex = lexicon()
    words = sentences(pending.trigger)[0]
    if pending.event == "deployed":  # "returned to": arrived there
        if lex.triggers.value_of(words, 0, len(words.tokens)) != "withdraw":
            return None
    elif not goes_home(pending.trigger):
        return None  # "left France for Mali": not a way home
    host = story_host(reading.countries, {country}, gazetteer)
    if host is None:
        return None
    planned = pending.modifiers & {"future", "purpose"}  # "will return to Australia"
    return replace(pending, target=target_of(gazetteer.get(host)),
                   event="withdrawal_agreed" if planned else "withdrawn")


def _record(gazetteer: Gazetteer, reading: Reading, article: Article, pending: Pending,
            taken: set[str]) -> Record | None:
    """The record of ``pending``, or None for a force in its own country."""
    country = (pending.country or same_kind_country(reading.nationalities, pending.force)
               or "XX")
    if country == pending.target.country and pending.target.kind != "border":
        taken_back = retaken(reading, pending, country)  # "regained control of Irpin"
        pending = taken_back or _returned_home(gazetteer, reading, pending, country)
        if pending is None:
            return None  # at home; a border is its neighbour's too
        country = pending.country if taken_back and pending.country else country
    force = record_force(pending.force.type, country, pending.target, gazetteer)
    ref = article.published.reference
    start, end, relative = record_dates(reading.dates, reading.agreements, article.published,
                                        pending)
    place = slug(pending.target.key)
    base = f"{reading.source}-s{pending.sentence.index + 1}-{force.id}-{place}"
    record_id, count = base, 2
    while record_id in taken:
        record_id, count = f"{base}-{count}", count + 1
    taken.add(record_id)
    record = Record(
        record_id, reading.source, reading.path.name, pending.sentence.index,
        pending.sentence.quote, force, pending.force.text, pending.target, pending.mention.text,
        pending.event, pending.trigger, start, end, pending.force.strength,
        FuzzyDate(ref, ref, "day") if ref else None)
    score(record, pending, explicit_country=pending.country is not None
          and not pending.force.anaphor,
          weak_date=relative and article.published.weak)
    return record




__all__ = ["finish"]
