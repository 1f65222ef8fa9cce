"""What a verb's own words and its sentence say of its event besides the event: that it is
still to come, or only asked about.

Most languages say "will" with a word before the verb (the ``future`` modifiers of
``data/extract/events.yaml``: "will", "sẽ", "va", "будут"). French and Russian also say it
with the verb's form ("quitteront", "выведут": ``future`` of ``inflections.yaml``), and an
English headline with an infinitive after the force ("Japan troops to withdraw"). A
withdrawal still going on ("выводит войска", "are pulling out") is not done yet. A
question ("Когда российские войска покинут Беларусь?") states nothing.
"""

from __future__ import annotations

from .lexicon import lexicon
from .text import Sentence, phrase_form, word_in


def says_will(sentence: Sentence, start: int, stop: int) -> bool:
    """Whether the verb at tokens ``start:stop`` of ``sentence`` is in a future form or is a
    headline's infinitive after a force or a country."""
    lex = lexicon()
    tokens = sentence.tokens
    if any(word_in(tokens[i], lex.future_forms) for i in range(start, stop)):
        return True
    at = start - 1
    if at < 1 or tokens[at].form not in lex.headline_infinitive:
        return False
    # the force or country opens the sentence ("1,000 US troops to leave"), else the
    # infinitive hangs on a verb before it ("ordered the U.S. to withdraw")
    starts = {end: begin for begin, end, value in
              (*lex.forces.find(sentence), *lex.nationalities.find(sentence)) if value}
    if at not in starts:
        return False
    position = at
    while position > 0:
        if position in starts:
            position = starts[position]
        elif tokens[position - 1].form in lex.headline_lead or \
                tokens[position - 1].text[:1].isdigit():
            position -= 1
        else:
            return False
    return True


def says_under_way(sentence: Sentence, start: int, stop: int) -> bool:
    """Whether the verb at tokens ``start:stop`` says its event is going on: a Russian
    imperfective present ("выводит"), an English process verb's -ing form after "is", "are",
    "were" ("are withdrawing", "is drawing down"; not "are leaving")."""
    lex = lexicon()
    tokens = sentence.tokens
    if any(word_in(tokens[i], lex.ongoing_forms) for i in range(start, stop)):
        return True
    if phrase_form(sentence.span(start, stop)) not in lex.ongoing_process:
        return False  # "are leaving": the day's departure
    return any(tokens[i].form in lex.ongoing_auxiliaries
               for i in range(max(0, start - lex.ongoing_between), start))


def noun_to_come(sentence: Sentence, start: int, stop: int, end: int) -> bool:
    """Whether the act at tokens ``start:stop`` is a noun ("the Italian withdrawal",
    "việc rút quân") whose verb after it, before word ``end``, says it is to come ("will be
    completed", "sẽ hoàn tất", "sera achevé", "завершится")."""
    lex = lexicon()
    tokens = sentence.tokens
    noun = (start > 0 and tokens[start - 1].form in lex.nominalisers) or any(
        a <= start and stop <= b for a, b, _ in lex.act_nouns.find(sentence))
    if not noun:
        return False
    last = min(end, stop + lex.future_after_reach)
    return any(stop <= a < last for a, _, _ in lex.future_after_noun.find(sentence)) or any(
        word_in(tokens[i], lex.future_after_forms) for i in range(stop, last))


def mood(sentence: Sentence, start: int, stop: int, end: int | None = None) -> set[str]:
    """The modifiers the verb at tokens ``start:stop`` (in a clause ending at word ``end``)
    takes from its own form and its sentence: "future" (:func:`says_will`,
    :func:`noun_to_come`), "ongoing" (:func:`says_under_way`), "question" (the sentence
    asks)."""
    found = {"future"} if says_will(sentence, start, stop) or noun_to_come(
        sentence, start, stop, len(sentence.tokens) if end is None else end) else set()
    if says_under_way(sentence, start, stop):
        found.add("ongoing")
    if sentence.text.rstrip().endswith("?"):
        found.add("question")
    return found


__all__ = ["mood", "says_will"]
