"""A text pasted without full stops is read in pieces of bounded length, cut at commas
where it can be: the work on one sentence grows faster than its length, and a 900 KB
paste with no full stop took minutes."""

from __future__ import annotations

from geo.extract import extract_articles
from geo.extract.text import MAX_SENTENCE_CHARS, sentences

CLAUSE = "Kenyan troops left Kismayo on 3 March 2025, and other units stayed in Beledweyne, "


def test_a_run_on_text_is_cut_at_commas_into_bounded_pieces():
    text = "Date: 2025-03-10\n\n" + CLAUSE * 400  # ~36,000 characters, no full stop
    cut = sentences(text, offset=18)
    assert len(cut) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in cut)
    # each piece is a slice of the text, and each but the last ends at a comma
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in cut)
    assert all(s.text.endswith(",") for s in cut[:-1])
    assert "".join(s.text for s in cut).replace(" ", "") == text[18:].replace(" ", "")


def test_a_long_word_run_is_cut_at_the_limit():
    text = "x" * (3 * MAX_SENTENCE_CHARS)
    assert [len(s.text) for s in sentences(text)] == [MAX_SENTENCE_CHARS] * 3


def test_ordinary_sentences_are_not_cut():
    text = "Kenyan troops left Kismayo. " * 3 + "A" + ", word" * 150 + "."
    assert [len(s.text) for s in sentences(text)] == [27, 27, 27, 1 + 6 * 150 + 1]


def test_a_run_on_article_still_gives_its_records(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + CLAUSE * 400, encoding="utf-8")
    records = extract_articles([article]).records
    assert {(r.force.country, r.target.key, r.event) for r in records} >= {
        ("KE", "geonames:55671", "withdrawn"), ("KE", "geonames:64460", "remains")}
