"""Wire datelines ("BRUSSELS, Oct 6 (KUNA) --", "MOSCOW (Reuters) -", "ЕРЕВАН, 17 фев -
Sputnik."): where and by whom an article was filed. The place there is not where a force
is, nor the country acting; a date line near the top gives the article's date
(:func:`geo.extract.articles.date_line`).
"""

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
#: An agency in brackets ("(Reuters)", "(ТАСС)"), and a line's lead up to one.
_AGENCIES = (r"\((?:AFP|AP|Reuters|Xinhua|TASS|ТАСС|РИА Новости|Interfax|Интерфакс|dpa|ANSA|"
             r"EFE|Sputnik|UNI|PTI|IANS|Anadolu)\)")
AGENCY_LEAD = re.compile(r"^[^()]{0,60}" + _AGENCIES, re.IGNORECASE)
#: A date line's head before its dash: "BENGHAZI, Libya, March 4, 2025 (Reuters) -".
DATE_LINE_HEAD = re.compile(r"^([^()\n]{4,70}?)\s*(?:" + _AGENCIES + r")?\s*[-–—]\s",
                            re.IGNORECASE)
#: The places a date line may start with ("Kinshasa, ngày 26/6/2024", "Abeche, Chad,").
PLACE_LEAD = re.compile(r"^(?:[A-ZÀ-ÝА-ЯĐ][^\W\d_]*(?:[ '-][A-ZÀ-ÝА-ЯĐ][^\W\d_]*)*,\s*){1,2}")
#: A first "sentence" that is only a dateline: "ANKARA, June 3. /TASS/.", "БАЗА БЕРЕНГО /ЦАР/,
#: 26 декабря. /ТАСС/.".
DATELINE_ONLY = re.compile(r"^[A-ZÀ-ÞĐА-ЯЁ]{3}[A-ZÀ-ÞĐА-ЯЁ '’-]*(?:/[^/\n]{2,20}/)?,?\s*"
                           r"(?:\d{1,2}\s+\w+|\w+\s+\d{1,2})?\.?\s*"
                           r"(?:/[^/\n]{2,20}/|\([^()\n]{2,20}\))\.?$")
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


__all__ = ["AGENCY_LEAD", "DATELINE_DEPTH", "DATELINE_ONLY", "DATE_LINE_HEAD", "OUTLET",
           "PLACE_LEAD", "dateline_end"]
