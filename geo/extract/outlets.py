"""Which outlet published an article (a dateline's agency, "MOSCOW (Reuters)", else the
site its ``URL:`` header names, else an unnamed site in the article's language, with the
agencies it cites), and its headline when no ``Title:`` header gives one."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from .datelines import DATELINE_ONLY, OUTLET, dateline_end
from .language import language_names
from .lexicon import lexicon
from .text import Sentence


def outlet_of(sentences: Sequence[Sentence], text: str, header: dict[str, str],
              language: str) -> str:
    """The outlet of an article: its first sentences, whole text, header and language."""
    for sentence in sentences[:5]:
        match = OUTLET.match(sentence.text)
        if match:
            return (match.group(1) or match.group(2)).strip()
    cited = list(dict.fromkeys(lexicon().outlet_pattern.findall(text)))
    cites = f" (cites {', '.join(cited)})" if cited else ""
    host = urlsplit(header.get("url", "").strip()).hostname
    if host:  # the site the 'URL:' header names
        return host.removeprefix("www.") + cites
    name = language_names()[1].get(language, language)
    return f"unnamed {name} news site{cites}"


#: The longest headline taken from an article's first sentence (characters).
HEADLINE_CHARS = 160


def headline(sentences: Sequence[Sentence], fallback: str) -> str:
    """The article's first sentence without its dateline, cut after a whole word with an
    ellipsis when longer than :data:`HEADLINE_CHARS`; ``fallback`` when it has none."""
    if not sentences:
        return fallback
    first = sentences[0]
    if len(sentences) > 1 and DATELINE_ONLY.match(first.quote):  # "ANKARA, June 3. /TASS/."
        first = sentences[1]
    text = first.quote[dateline_end(first.quote, 0):].strip() or first.quote
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS + 1].rsplit(None, 1)[0].rstrip(",;:–—- ")
    return cut + "…"


__all__ = ["HEADLINE_CHARS", "headline", "outlet_of"]
