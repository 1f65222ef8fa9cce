"""Draft deployment records from news articles (Vietnamese and English; rule-based).

>>> from geo.extract import extract_articles, draft_to_scenario_document
>>> draft = extract_articles(sorted(Path("seeds").glob("*.txt")))   # doctest: +SKIP
>>> document = draft_to_scenario_document(draft, threshold=0.5)      # doctest: +SKIP

Modules, one job each: :mod:`~geo.extract.articles` (files in, the entry point),
:mod:`~geo.extract.text` (header, sentences, words), :mod:`~geo.extract.language`,
:mod:`~geo.extract.lexicon` (the word lists, compiled), :mod:`~geo.extract.mentions`
(places via the gazetteer; people and outlets are not places), :mod:`~geo.extract.borders`
(border phrases), :mod:`~geo.extract.targets` (what a mention points at),
:mod:`~geo.extract.events` (forces and what happens to them),
:mod:`~geo.extract.article_dates` (dates in a sentence), :mod:`~geo.extract.published`
(each article's own date), :mod:`~geo.extract.records` (the pipeline),
:mod:`~geo.extract.scoring` (confidence), :mod:`~geo.extract.draft` (the draft format),
:mod:`~geo.extract.merge` (draft to scenario), :mod:`~geo.extract.evaluate` (precision and
recall against a hand-written scenario). Word lists are data: ``data/extract/*.yaml``.
Nothing is downloaded: the rules and lists ship with the package.
"""

from .articles import extract_articles
from .draft import Article, Draft, Force, Record, Unused
from .language import detect_language
from .merge import (
    ExtractionReport,
    draft_to_scenario_document,
    dump_yaml,
    scenario_from_articles,
    timeline_from_draft,
)

__all__ = [
    "Article",
    "Draft",
    "ExtractionReport",
    "Force",
    "Record",
    "Unused",
    "detect_language",
    "draft_to_scenario_document",
    "dump_yaml",
    "extract_articles",
    "scenario_from_articles",
    "timeline_from_draft",
]
