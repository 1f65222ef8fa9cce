"""Wire datelines ("BRUSSELS, Oct 6 (KUNA) --", "MOSCOW (Reuters) -", "ЕРЕВАН, 17 фев -
Sputnik."): where and by whom an article was filed. The place there is not where a force
is, nor the country acting."""

from __future__ import annotations

import re

#: How many sentences from an article's top a dateline may open.
DATELINE_DEPTH = 3

_CAPITAL = "A-ZÀ-ÞĐА-ЯЁ"
#: "BRUSSELS, Oct 6 (KUNA) --", "ERBIL, Kurdistan Region -", "ЕРЕВАН, 17 фев -": a place in
#: capitals, perhaps a date or region and an agency, then a dash.
_CAPITALS_HEAD = re.compile(
    rf"^[{_CAPITAL}]{{2}}[{_CAPITAL}'’. -]{{1,40}}(?:,[^()\n–—]{{1,50}}?\s*"
    r"(?:\([^()\n]{2,30}\)|/[^/\n]{2,20}/)?|\s*\([^()\n]{2,30}\)|\s*/[^/\n]{2,20}/)"
    r"\s*(?:--|[-–—])\s")
#: "Abeche, Chad (AFP) -", "BENGHAZI, Libya, March 4, 2025 (Reuters) -": a short head and
#: an agency in brackets, then a dash.
_AGENCY_HEAD = re.compile(rf"^[{_CAPITAL}][^\W\d_]*(?:[ '-][{_CAPITAL}][^\W\d_]*)*"
                          r"(?:,\s*[^()\n,]{2,25}){0,3}\s*\([^()\n]{2,30}\)\s*(?:--|[-–—])\s")
#: "MOSCOW (Reuters) -" and "BENGHAZI, Libya, March 4, 2025 (Reuters) -": the outlet.
OUTLET = re.compile(r"^[A-Z][A-Z .'-]+\s*\(([^)]+)\)|^[A-Z][^()\n]{0,70}?\(([^)]{2,30})\)"
                    r"\s*[-–—]")


def dateline_end(text: str, index: int) -> int:
    """Where the dateline opening sentence ``index`` (``text``) ends, in characters; 0 when
    it opens none."""
    if index >= DATELINE_DEPTH:
        return 0
    match = _CAPITALS_HEAD.match(text) or _AGENCY_HEAD.match(text)
    return match.end() if match else 0


__all__ = ["DATELINE_DEPTH", "OUTLET", "dateline_end"]
