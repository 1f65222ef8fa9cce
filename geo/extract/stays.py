"""A force said to stay at a place on or after the day it was said to end there: "France
handed the Port-Bouët base over on 20 February ... only about a hundred French soldiers
will stay on site". The end is no end of the presence: part of the force is still there.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..dates import FuzzyDate
from .draft import Record


def staying_after(records: Sequence[Record], end: FuzzyDate | None) -> Record | None:
    """The first record of ``records`` (one force at one place) saying the force stays,
    reported on or after ``end``; None when there is none."""
    if end is None:
        return None
    return next((r for r in records if r.event == "remains" and r.reported is not None
                 and r.reported.latest >= end.latest), None)


__all__ = ["staying_after"]
