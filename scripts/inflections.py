"""Write ``data/extract/inflections.yaml``: every inflected form of the trigger verbs.

Usage (from the repository root, with ``simplemma`` of ``scripts/boundaries/requirements.txt``
installed)::

    python -m scripts.inflections

``data/extract/events.yaml`` lists the verbs by their dictionary form under
``trigger_lemmas``; simplemma's dictionaries (MIT) map a word form to its lemma, and this
script turns them round: each form whose lemma is listed becomes a trigger of that action.
The output is sorted, so the same pins give the same bytes (CI checks it).
"""

from __future__ import annotations

from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import yaml
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "data" / "extract" / "events.yaml"
OUTPUT = ROOT / "data" / "extract" / "inflections.yaml"
#: Forms this short are too often other words ("ввел" is fine; "ушл" is not a word).
MIN_LENGTH = 3


def forms_by_lemma(language: str, lemmas: set[str]) -> dict[str, list[str]]:
    """The forms of each lemma in ``lemmas`` that simplemma's ``language`` dictionary knows."""
    dictionary = DefaultDictionaryFactory().get_dictionary(language)
    found: dict[str, set[str]] = defaultdict(set)
    for form, lemma in dictionary.items():
        if lemma in lemmas and len(form) >= MIN_LENGTH and form.isalpha() and form.islower():
            found[lemma].add(form)
    known = {lemma: found[lemma] | {lemma} for lemma in lemmas}
    return {lemma: sorted(known[lemma] | set(agreements(language, lemma, sorted(known[lemma]))))
            for lemma in sorted(lemmas)}


#: French infinitive endings and the past participle ending each gives ("quitter" ->
#: "quitté", "partir" -> "parti", "rendre" -> "rendu").
_FR_PARTICIPLES = (("er", "é"), ("ir", "i"), ("re", "u"))


def agreements(language: str, lemma: str, forms: list[str]) -> list[str]:
    """French past participles agree with their noun ("les positions abandonnées"), and
    simplemma lists only some of those forms: each lemma's masculine participle, when the
    dictionary knows it or the verb is a regular one in -er ("expulser" -> "expulsé", which
    the dictionary takes for an adjective), with its feminine and plural endings."""
    if language != "fr":
        return []
    for ending, participle in _FR_PARTICIPLES:
        if lemma.endswith(ending):
            masculine = lemma[: -len(ending)] + participle
            if masculine in forms or (ending == "er" and lemma != "aller"):
                return [masculine + tail for tail in ("", "e", "s", "es")]
    return []


#: Russian participles end like a verb's present (-им, -ем): their suffixes.
_RU_PARTICIPLE_MARKS = ("вш", "нн", "ущ", "ющ", "ащ", "ящ")


def future_forms(language: str, forms: dict[str, list[str]], spec: dict[str, list[str]]
                 ) -> list[str]:
    """The forms of ``forms`` (lemma -> forms) that say "will" (``future_tense`` of
    events.yaml): French infinitive + future or conditional ending, Russian perfective
    verbs in a present-tense form."""
    found: set[str] = set()
    if language == "fr":
        for lemma, lemma_forms in forms.items():
            stem = lemma[:-1] if lemma.endswith("re") else lemma
            found.update(f for f in lemma_forms
                         if f.startswith(stem) and f[len(stem):] in spec["fr_endings"])
    elif language == "ru":
        endings = tuple(spec["ru_endings"])
        for lemma in spec["ru_perfective"]:
            found.update(f for f in forms.get(lemma, ()) if f.endswith(endings)
                         and not any(mark in f for mark in _RU_PARTICIPLE_MARKS)
                         and f not in spec["ru_not_future"])
    return sorted(found)


def ongoing_forms(forms: dict[str, list[str]], spec: dict[str, list[str]],
                  endings: list[str]) -> list[str]:
    """The Russian forms of ``forms`` that say a withdrawal is under way: imperfective verbs
    (``ongoing_tense`` of events.yaml) in a present-tense form (``endings``)."""
    return sorted({f for lemma in spec["ru_imperfective"] for f in forms.get(lemma, ())
                   if f.endswith(tuple(endings))
                   and not any(mark in f for mark in _RU_PARTICIPLE_MARKS)})


def main() -> None:
    """Write the file."""
    events = yaml.safe_load(EVENTS.read_text(encoding="utf-8"))
    wanted: dict[str, dict[str, list[str]]] = events["trigger_lemmas"]
    languages = sorted({lang for langs in wanted.values() for lang in langs})
    forms = {lang: forms_by_lemma(lang, {lemma for langs in wanted.values()
                                         for lemma in langs.get(lang, [])})
             for lang in languages}
    triggers = {action: {lang: sorted({f for lemma in lemmas for f in forms[lang][lemma]})
                         for lang, lemmas in sorted(langs.items())}
                for action, langs in wanted.items()}
    future = {lang: future_forms(lang, forms[lang], events["future_tense"])
              for lang in ("fr", "ru")}
    ongoing = {"ru": ongoing_forms(forms["ru"], events["ongoing_tense"],
                                   events["future_tense"]["ru_endings"])}
    home = events["going_home"]["lemmas"]
    going_home = {lang: sorted({f for lemma_forms in forms_by_lemma(lang, set(lemmas)).values()
                                for f in lemma_forms})
                  for lang, lemmas in sorted(home.items())}
    header = ("# Generated by `python -m scripts.inflections` from simplemma "
              f"{version('simplemma')} (MIT)\n"
              "# and the trigger_lemmas, future_tense, ongoing_tense and going_home of "
              "events.yaml: "
              "do not edit by hand.\n")
    body = yaml.safe_dump({"triggers": triggers, "future": future, "ongoing": ongoing,
                           "going_home": going_home}, allow_unicode=True,
                          sort_keys=False, default_flow_style=None, width=96)
    OUTPUT.write_text(header + body, encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: "
          f"{sum(len(v) for langs in triggers.values() for v in langs.values())} forms, "
          f"{sum(len(v) for v in future.values())} of them future, "
          f"{len(ongoing['ru'])} under way")


if __name__ == "__main__":
    main()
