"""When a record's event happened: the date of its clause, then its start or end against
the article's date (step 3 of :mod:`geo.extract.records`)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from ..dates import FuzzyDate
from .article_dates import DateMention
from .datelines import dateline_end
from .grounds import agreement_grounds
from .lexicon import lexicon
from .pending import Pending
from .published import Published
from .text import Sentence, form

#: Words a date may stand after, between it and the verb of speaking (forms).
_DATE_CUES = frozenset({"on", "in", "le", "en", "в", "во", "hôm", form("ngày"), form("vào"), "this",
                        "last"})


def clause_date(sentence: Sentence, clause: tuple[int, int], trigger_start: int,
                dates: list[DateMention], *, start_only: bool) -> DateMention | None:
    """The date of the clause's event: nearest to the trigger, not in another actor's
    relative clause ("which Azerbaijan returned ... in September last year") nor in a
    place's ("Kosovo, where an attack took place on 24 September"), nor, for a verb in a
    place's relative clause, before it."""
    lex = lexicon()
    tokens = sentence.tokens
    low = tokens[clause[0]].start
    high = tokens[clause[1] - 1].end
    # a verb in a place's relative clause has no date from before it ("On 19 February, the
    # army ended operations at the camp, where the contingent was stationed")
    for index in range(min(trigger_start, clause[1]) - 1, clause[0], -1):
        if tokens[index].form in lex.place_relative_markers:
            low = tokens[index].start
            break
    cut = high
    for index in range(max(trigger_start, clause[0]), clause[1] - 1):
        if tokens[index].form in lex.place_relative_markers or (
                tokens[index].form in lex.relative_markers and any(
                    t.upper for t in tokens[index + 1:index + 3])):
            cut = tokens[index].start
            break
    anchor = tokens[trigger_start].start
    filed = dateline_end(sentence.text, sentence.index)  # "GOMA, May 1 (Xinhua) --"
    # "under the 2005 agreement": not the act's date
    grounds = [(tokens[first].start, tokens[end - 1].end)
               for first, _, end in agreement_grounds(sentence)]
    options = [d for d in dates if low <= d.start and d.end <= cut and d.start >= filed
               and not (start_only and d.cue in ("until", "before"))
               and not any(a <= d.start < b for a, b in grounds)]
    # "as of April 29, according to a statement released on Thursday": the day something
    # was said is the event's only when the clause has no other
    unsaid = [d for d in options if not _said_on(sentence, d)]
    options = unsaid or options
    return min(options, key=lambda d: abs(d.start - anchor)) if options else None


def _said_on(sentence: Sentence, date: DateMention) -> bool:
    """True when ``date`` is the day someone spoke: "said on Thursday", "a annoncé jeudi",
    "заявил в четверг", "cho biết hôm thứ Năm"."""
    tokens = sentence.tokens
    starts = sentence.cache.get("token starts")
    if starts is None:  # looked up by bisection: a sentence may have thousands of words
        starts = sentence.cache["token starts"] = [t.start for t in tokens]
    index = bisect_left(starts, date.start)
    for _ in range(2):  # the date's own cue: "on", "hôm", "в"
        if index > 0 and tokens[index - 1].form in _DATE_CUES:
            index -= 1
    return index > 0 and lexicon().speech.ending_at(sentence, index) is not None


def record_dates(found: list[DateMention], agreements: list[DateMention], published: Published,
                 pending: Pending) -> tuple[FuzzyDate | None, FuzzyDate | None, bool]:
    """A record's (start, end, whether a date was read against a weakly inferred article
    date): a deployment's start, a withdrawal's end; a withdrawal with no date of its own
    ended before the article (after its earliest ``found`` date); an agreed one ends on the
    day the article says the agreement was reached (``agreements``)."""
    ref = published.reference
    # a deadline of a withdrawal asked for or agreed is ahead ("be withdrawn by May")
    forward = "future" in pending.modifiers or (
        pending.event in ("withdrawal_requested", "withdrawal_agreed")
        and pending.date is not None and pending.date.cue in ("until", "before"))
    date = pending.date.resolve(ref, forward=forward) if pending.date else None
    relative = bool(pending.date and not pending.date.explicit)
    event = pending.event
    if event in ("deployed", "remains"):
        if event == "remains" and pending.date and pending.date.cue != "from":
            date = None
        return date, None, relative
    if date is not None:
        return None, date, relative
    if ref is None or published.date is None:
        return None, None, False
    if event == "withdrawn":
        earliest = min((d.earliest for m in found if m.explicit
                        and (d := m.resolve(None)) is not None and d.earliest < ref),
                       default=dt.date(ref.year - 1, 1, 1))
        return None, FuzzyDate(earliest, published.date.latest, "approximate",
                               f"before the article ({ref.isoformat()})"), True
    if event == "withdrawal_agreed":
        agreed = [d for m in agreements if (d := m.resolve(ref)) is not None
                  and d.precision == "day" and ref - dt.timedelta(days=60) <= d.earliest
                  <= published.date.latest]
        if agreed:
            first = min(agreed, key=lambda d: d.earliest)
            return None, FuzzyDate(first.earliest, first.latest, "day",
                                   f"agreement: {first.text}"), True
    return None, FuzzyDate(ref, ref, "day", "the article's date"), True


__all__ = ["clause_date", "record_dates"]
