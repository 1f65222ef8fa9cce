"""Whose a force is, from the words around its own: the country leading it ("US-led
coalition", "liên quân do Mỹ dẫn đầu") and the country it comes from ("soldiers from
Jamaica", "военные из России")."""

from __future__ import annotations

from .lexicon import lexicon
from .text import Sentence, phrase_form

#: Words joining two countries a force comes from (keys).
_AND = frozenset({"and", "et", "и", "va"})
#: Articles between the link and a country's name (keys).
_ARTICLES = frozenset({"the", "la", "le", "les", "l"})


def leader(sentence: Sentence, start: int, stop: int) -> str | None:
    """The country leading a coalition or mission ("US-led coalition", "liên quân do Mỹ
    dẫn đầu", "coalition dirigée par les États-Unis")."""
    lex = lexicon()
    tokens = sentence.tokens
    # "US-led coalition", "US-led Global Coalition forces": up to two words between
    for led in range(start - 1, max(0, start - 3), -1):
        if tokens[led].form in lex.leader_before:
            begin = lex.nationalities.ending_at(sentence, led)
            if begin is not None and (found := lex.nationalities.at(sentence, begin)):
                return found[1]
            break
    link = lex.leader_after.at(sentence, stop)
    if link is not None and (found := lex.nationalities.at(sentence, link[0])):
        return found[1]
    return None


def origins(sentence: Sentence, stop: int) -> tuple[list[str], int]:
    """The countries a force comes from ("soldiers from Jamaica", "военные из России",
    "soldats du Guatemala et du Salvador", "from South Africa, Malawi and Tanzania") and
    the end of their names, when the words after the force say them; ``([], stop)`` when
    they do not."""
    lex = lexicon()
    tokens = sentence.tokens
    link = lex.origin_links.at(sentence, stop) if stop < len(tokens) else None
    if link is None:
        return [], stop
    at = link[0]
    if at < len(tokens) - 1 and tokens[at].key in _ARTICLES:
        at += 1  # "from the United Arab Emirates", "venus de la Côte d'Ivoire"
    return country_list(sentence, at, stop)


def country_list(sentence: Sentence, at: int, stop: int) -> tuple[list[str], int]:
    """The countries or nationalities listed from word ``at`` ("Pháp, Anh, Hà Lan và Na
    Uy", "South Africa, Malawi and Tanzania") and the end of their names (``stop`` when
    none is)."""
    lex = lexicon()
    tokens = sentence.tokens
    countries: list[str] = []
    end = stop
    while (found := lex.nationalities.at(sentence, at)) is not None:
        if found[0] - at == 1 and tokens[at].key in lex.capitals_only and \
                not tokens[at].text.isupper():
            break  # ", au Mali": "au" is no African Union unless written "AU"
        countries.append(found[1])
        end = found[0]
        if end >= len(tokens):
            break
        if tokens[end].key in _AND:  # "and Tanzania", ", and Tanzania"
            following = end + 1
        elif sentence.gap(end - 1, end).strip() == ",":  # ", Malawi"
            following = end
        else:
            break
        if following >= len(tokens):
            break
        again = lex.origin_links.at(sentence, following)
        at = again[0] if again is not None else following
    return countries, end


def arrived(sentence: Sentence, verbs: list[tuple[int, int, str]], start: int) -> bool:
    """True when every verb before word ``start`` says a force came ("В Мали прибыли
    военные из России": soldiers of Russia), none that it moved or left ("withdrew troops
    from Niger", "moved troops from Iraq": where they were)."""
    movement = lexicon().movement_verbs
    before = [(a, b, action) for a, b, action in verbs if a < start]
    return bool(before) and all(
        action == "deploy" and phrase_form(sentence.span(a, b)) not in movement
        for a, b, action in before)


__all__ = ["arrived", "country_list", "leader", "origins"]
