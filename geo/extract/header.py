"""An article's header: ``Key: value`` lines at the top (``Date``, ``URL``, ``Outlet``,
``Title``, ``Language``), or right under the headline."""

from __future__ import annotations

import re

#: A header line of an article (``Date: 2024-05-09``): field name, value.
HEADER_LINE = re.compile(
    r"^\s*(date|published|outlet|source|title|url|language|lang)\s*:\s*(.+?)\s*$", re.IGNORECASE)
#: The first lines of a body a header under the headline may take.
HEADER_DEPTH = 8


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The header fields (lower-case keys) and the offset where the body starts. A header
    under the headline ("Headline", then "Date: ...", "URL: ...") counts too; the body then
    starts at the headline, and :func:`geo.extract.text.sentences` skips the header's lines."""
    fields: dict[str, str] = {}
    offset = 0
    lines = text.splitlines(keepends=True)
    for line in lines:
        match = HEADER_LINE.match(line)
        if not match:
            if not line.strip() and fields:
                offset += len(line)
            break
        _add_field(fields, match)
        offset += len(line)
    if not fields and len(lines) > 1 and lines[0].strip() and HEADER_LINE.match(lines[1]):
        for line in lines[1:]:
            if not (match := HEADER_LINE.match(line)):
                break
            _add_field(fields, match)
    return fields, offset


def _add_field(fields: dict[str, str], match: re.Match[str]) -> None:
    key = match.group(1).lower()
    key = {"published": "date", "source": "outlet", "lang": "language"}.get(key, key)
    fields[key] = match.group(2)


__all__ = ["HEADER_DEPTH", "HEADER_LINE", "split_header"]
