"""Extraction outside the seed story: French and Russian words, forces of any kind, the
story's countries read from the text, country-level facts, and the annotated set's bars.

The sentences here are written for these tests (none is from the annotated set in
tests/data/extraction/, whose passages are scored by bench/extraction.py and the floor
test at the end).
"""

from __future__ import annotations

import pytest

from bench import extraction as evaluation
from geo.extract import extract_articles


def _records(tmp_path, text: str, **options):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    draft = extract_articles([article], **options)
    return draft, {(r.force.country, r.force.type, r.target.key, r.event) for r in draft.records}


def _assert_read(tmp_path, text: str, expected: tuple[str, str, str]) -> None:
    """``text`` gives a record of (force country, force type, event)."""
    draft, found = _records(tmp_path, text)
    assert expected in {(c, t, e) for c, t, _, e in found}, (draft.country, found)


def test_the_story_countries_come_from_the_text(tmp_path):
    """No --country: a Mozambican story is read in Mozambique, not in Armenia."""
    draft, found = _records(tmp_path, "Rwandan troops arrived in Mocímboa da Praia in "
                                      "Cabo Delgado, Mozambique, on Friday.")
    assert draft.country == "MZ"
    keys = {k for _, _, k, _ in found}
    assert any(k.startswith("geonames:") for k in keys), found


@pytest.mark.parametrize("text, country", [
    # "Колонна" (a column) sounds like Colón, Honduras; "Gulf" is a province of Papua New
    # Guinea, "Arab" a town in Alabama: one stray word each, against places named twice
    ("Колонна российской техники двинулась из Алеппо в направлении Латакии. Российские "
     "военные покинули Алеппо.", "SY"),
    ("The Gulf states watched as Emirati troops left Mukalla and Aden for the Arab "
     "coalition base in Socotra.", "YE"),
])
def test_one_stray_word_adds_no_country_to_the_story(tmp_path, text, country):
    draft, _ = _records(tmp_path, text)
    assert (draft.country, draft.countries) == (country, ())


def test_a_base_named_after_a_cue_makes_its_country_the_storys(tmp_path):
    # the US and Russia are named five times, Turkey never: its Incirlik base still counts
    _, found = _records(tmp_path, "Căng thẳng giữa Mỹ và Nga leo thang. Nga cảnh báo Mỹ và "
                                  "đồng minh của Mỹ. Mỹ yêu cầu binh sĩ rời khỏi căn cứ không "
                                  "quân Incirlik.")
    assert {(c, k) for c, _, k, _ in found} == {("US", "base:incirlik")}, found


def test_a_ministrys_abbreviation_is_no_town(tmp_path):
    # "МИД" (the Foreign Ministry) read as Mead, Washington
    _, found = _records(tmp_path, "Источники в МИД РФ сообщили, что российские военные "
                                  "покинули Каракас.")
    assert {(c, k) for c, _, k, _ in found} == {("RU", "geonames:3646738")}, found


def test_a_country_named_once_is_still_the_storys(tmp_path):
    draft, _ = _records(tmp_path, "Emirati troops left Mukalla and Aden for Berbera in "
                                  "Somaliland, Somalia.")
    assert "SO" in (draft.country, *draft.countries)


def test_a_country_level_fact_is_a_country_record(tmp_path):
    _, found = _records(tmp_path, "Italian troops left Niger in December.")
    assert ("IT", "army", "NE", "withdrawn") in found


def test_a_site_wins_over_its_country(tmp_path):
    _, found = _records(tmp_path, "Italian troops left the town of Agadez, Niger, on Monday.")
    assert not any(k == "NE" for _, _, k, _ in found), found
    assert any(c == "IT" for c, _, _, _ in found), found


def test_parts_of_a_country_are_not_the_country(tmp_path):
    _, found = _records(tmp_path, "Moscow agreed to withdraw Russian forces from various parts "
                                  "of Moldova.")
    assert not any(k == "MD" for _, _, k, _ in found), found


def test_an_unknown_nationality_stays_unknown(tmp_path):
    """A force of another sentence never lends its nationality to a generic word."""
    _, found = _records(tmp_path, "French troops arrived in Timbuktu on Monday.\n"
                                  "Soldiers left Gao on Tuesday.")
    gao = {(c, t) for c, t, k, e in found if e == "withdrawn"}
    assert gao and all(c == "XX" for c, _ in gao), found


def test_days_and_months_are_not_places(tmp_path):
    _, found = _records(tmp_path, "Jamaican soldiers arrived in Haiti on Thursday, and more "
                                  "came in June.")
    assert all("8310780" not in k and "2971377" not in k for _, _, k, _ in found), found


def test_a_region_word_after_a_name_gives_the_province(tmp_path):
    _, found = _records(tmp_path, "North Korean troops were deployed in the Belgorod region.")
    assert ("KP", "army", "RU-BEL", "deployed") in found


def test_the_annotated_set_meets_the_issue_minimums():
    items = evaluation.passages()
    languages = {lang: [p for p in items if p.language == lang] for lang in evaluation.LANGUAGES}
    assert len(items) >= 120
    assert sum(len(p.facts) for p in items) >= 250
    assert all(len(group) >= 20 for group in languages.values())
    assert len({p.story for p in items}) >= 8
    assert len({p.continent for p in items}) >= 4
    assert all(p.url.startswith(("http://", "https://")) for p in items)
    assert len({p.id for p in items}) == len(items)
    assert {p.split for p in items} == {"tune", "holdout"}


@pytest.fixture(scope="module")
def scored():
    outcomes, _ = evaluation.run(evaluation.passages())
    return evaluation.scores(outcomes)


@pytest.mark.parametrize("split", ["tune", "holdout"])
def test_extraction_scores_stay_above_their_floor(scored, split):
    """Floors under the figures of the last measurement (the issue's goal, F1 0.85, is not
    met yet: see the closing note); a change that makes extraction worse fails here.
    Measured last (273 passages, 516 facts): tuning 0.610, held-out 0.493; precision 0.651
    overall."""
    assert scored[split, "all"].f1 >= {"tune": 0.60, "holdout": 0.49}[split]
    assert scored[split, "all"].prf(scored[split, "all"].matched, scored[split, "all"].found,
                                    scored[split, "all"].expected)[0] >= 0.5


@pytest.mark.parametrize(("top", "day"), [
    ("May 10, 2024", "2024-05-10"),
    ("2024-05-10", "2024-05-10"),
    ("10.5.2024", "2024-05-10"),
    ("ngày 10/5/2024", "2024-05-10"),
    ("10 mai 2024", "2024-05-10"),
    ("10 мая 2024 г.", "2024-05-10"),
    ("Abeche, Chad (AFP) Jan 11, 2025", "2025-01-11"),
    # a town before the date; a wire dateline that runs into the story after its dash
    ("Kinshasa, ngày 26/6/2024", "2024-06-26"),
    ("NIAMEY, Niger, March 4, 2025 (Reuters) - Italian troops left Abeche.", "2025-03-04"),
    ("АГАДЕС, 3 марта 2025 (ТАСС) — Итальянские военные покинули Абеше.", "2025-03-03"),
])
def test_a_date_line_under_the_title_is_the_article_date(tmp_path, top, day):
    article = tmp_path / "article.txt"
    article.write_text(f"Troops leave the base\n{top}\n\nItalian troops left Abeche.\n",
                       encoding="utf-8")
    published = extract_articles([article]).articles[0].published
    assert (published.how, published.date.earliest.isoformat()) == ("date line", day)


@pytest.mark.parametrize(("text", "code"), [
    ("Le truppe italiane hanno lasciato la base di Agadez nel Niger, secondo il ministero.",
     "it"),
    ("Las tropas españolas se retiraron de la base en Irak, según el ministerio.", "es"),
    ("Українські військові залишили місто і відійшли на нові позиції.", "uk"),
])
def test_an_article_in_another_language_is_named_never_silent(tmp_path, text, code):
    draft, found = _records(tmp_path, text)
    assert draft.articles[0].language == code
    assert not found
    assert any(f"({code})" in u.reason for u in draft.unused)


def test_an_article_in_another_language_is_said_on_the_terminal(tmp_path):
    """`extract` says it on stderr, and `build --from-articles` says why it found nothing."""
    import subprocess
    import sys

    (tmp_path / "it.txt").write_text(
        "Date: 2025-01-11\n\nLe truppe italiane hanno lasciato la base di Agadez nel Niger, "
        "secondo il ministero della Difesa.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "geo", "extract", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "it.txt: in Italian (it), not read" in done.stderr
    done = subprocess.run([sys.executable, "-m", "geo", "build", "--from-articles",
                           str(tmp_path), "--out", str(tmp_path / "maps")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "it.txt is in Italian (it)" in done.stderr and "translate it" in done.stderr
    assert "Traceback" not in done.stderr


def test_where_someone_spoke_is_not_a_site(tmp_path):
    _, found = _records(tmp_path, "The defence minister, speaking in Abuja, said Nigerian "
                                  "troops had left Niamey.")
    keys = {k for _, _, k, _ in found}
    assert keys and all(not k.endswith("2352778") for k in keys), found  # Abuja


def test_a_province_after_its_town_says_where_the_town_is(tmp_path):
    _, found = _records(tmp_path, "Kenyan troops left Goma, in North Kivu, on Sunday.")
    assert [k for _, _, k, _ in found if k.startswith("CD-")] == [], found
    assert any(c == "KE" for c, _, _, _ in found), found


def test_a_verb_holding_a_force_word_is_a_verb(tmp_path):
    """'đóng quân' (to station troops) holds 'quân' (troops)."""
    _, found = _records(tmp_path, "Binh sĩ Ba Lan vẫn đóng quân tại Tapa, Estonia.")
    assert any(c == "PL" and e == "remains" for c, _, _, e in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan withdrew its troops from South Sudan.", ("JP", "SS")),
    ("Niger asked the United States to withdraw its soldiers from Agadez.", ("US", None)),
    ("L'Allemagne a retiré ses soldats du Mali.", ("DE", "ML")),
    ("Германия вывела своих военных из Мали.", ("DE", "ML")),
    ("Đức rút quân khỏi Mali.", ("DE", "ML")),
    # a capital's Vietnamese name (CLDR's) is its state
    ("Bình Nhưỡng đã điều khoảng 3.000 binh sĩ tới miền đông Ukraine.", ("KP", None)),
])
def test_a_country_named_as_the_actor_owns_the_force(tmp_path, text, expected):
    """"Japan withdrew its troops": Japanese troops; with a request, the country asked."""
    _, found = _records(tmp_path, text)
    owner, place = expected
    assert any(c == owner and (place is None or k == place) for c, _, k, _ in found), found


def test_the_outlet_is_the_site_the_url_header_names(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("URL: https://www.example-news.org/2025/03/10/story\n\n"
                       "Italian troops left Abeche.\n", encoding="utf-8")
    assert extract_articles([article]).articles[0].outlet == "example-news.org"



@pytest.mark.parametrize(("text", "place"), [
    # nominatives the Snowball stemmer cuts shorter than their other cases
    ("Российские миротворцы остаются в Нагорном Карабахе.", "region:nagorno-karabakh"),
    ("Турецкие военные находятся в Идлибе.", None),
    # a hyphenated name declines its last part: Алма-Ата is the city of Almaty (ISO KZ-75),
    # Мазари-Шариф GeoNames 1133616; half of it ("Алма") is no town of its own
    ("Российские миротворцы прибыли в Алма-Ату.", "KZ-75"),
    ("Американские военные ушли из Мазари-Шарифа.", "geonames:1133616"),
    # the airport of a declined town: Almaty's airport, ICAO UAAA
    ("Российские миротворцы прибыли в аэропорт Алма-Аты.", "airport:UAAA"),
    # a plural name's genitive has no ending ("из Сум" of Сумы, GeoNames 692194; Бровары
    # 711390), though Burkina Faso's Soum province is "Сум" in Russian: the story is Ukraine's
    ("Российские войска ушли из Сум и Чернигова на Украине.", "geonames:692194"),
    ("После Киева и Чернигова российские войска на Украине отошли и от Сум.",
     "geonames:692194"),
    ("Российские войска отступили от Бровар на Украине.", "geonames:711390"),
    ("Французские войска покинули Сум в Буркина-Фасо.", "BF-SOM"),
])
def test_russian_names_match_in_every_case(tmp_path, text, place):
    _, found = _records(tmp_path, text)
    keys = {k for _, _, k, _ in found}
    assert (place in keys) if place else keys, found


@pytest.mark.parametrize(("text", "left", "arrived"), [
    ("Italian troops withdrew from Niger to Benin.", "NE", "BJ"),
    ("Les soldats belges se sont retirés du Mali vers le Niger.", "ML", "NE"),
])
def test_a_withdrawal_names_where_the_force_goes(tmp_path, text, left, arrived):
    _, found = _records(tmp_path, text)
    events = {k: e for _, _, k, e in found}
    assert events.get(left) == "withdrawn" and events.get(arrived) == "deployed", found


def test_a_possessive_country_and_a_direction_stand_between_cue_and_place(tmp_path):
    _, found = _records(tmp_path, "Belarusian troops were deployed in Russia's western "
                                  "Bryansk region.")
    assert ("BY", "army", "RU-BRY", "deployed") in found


@pytest.mark.parametrize(("text", "day"), [
    # 10 March 2025 (the article's date) is a Monday: the weekday named is the one before
    ("Les soldats italiens ont quitté Abéché vendredi.", "2025-03-07"),
    ("Les soldats italiens ont quitté Abéché mercredi 5 mars.", "2025-03-05"),
    ("В пятницу итальянские военные покинули Абеше.", "2025-03-07"),
    ("Italian troops left Abéché on Friday.", "2025-03-07"),
    # relative words: the day, or the span of the month, before the article's date
    ("Les soldats italiens ont quitté Abéché hier.", "2025-03-09"),
    ("Les soldats italiens ont quitté Abéché le mois dernier.", "2025-02-01"),
    ("Итальянские военные покинули Абеше в прошлом месяце.", "2025-02-01"),
    ("Итальянские военные покинули Абеше вчера.", "2025-03-09"),
])
def test_a_weekday_is_read_against_the_article_date(tmp_path, text, day):
    draft, _ = _records(tmp_path, text)
    ends = {r.end.earliest.isoformat() for r in draft.records if r.end is not None}
    assert ends == {day}, [(r.target.key, r.end) for r in draft.records]


def test_a_place_a_force_comes_from_is_not_where_it_is(tmp_path):
    _, found = _records(tmp_path, "Soldiers from Senegal arrived in Banjul on Friday.")
    assert not any(key == "SN" for _, _, key, _ in found), found


def test_withdrawing_troops_from_a_country_names_the_place(tmp_path):
    """After the verb, "troops from Niger" is where they were, not whose they are."""
    _, found = _records(tmp_path, "Italy withdrew its troops from Niger in December.")
    assert ("IT", "army", "NE", "withdrawn") in found, found


@pytest.mark.parametrize(("text", "expected"), [
    # the short names news use beside the official ones (data/curated/names.yaml)
    ("Austrian troops left Bosnia in 2007.", ("AT", "army", "BA")),
    ("Военные РФ покинули Белоруссию.", ("RU", "army", "BY")),
    ("Российские миротворцы остаются в Молдавии.", ("RU", "peacekeepers", "MD")),
    # a capital standing for its government is the actor
    ("Rome decided to withdraw its soldiers from Niger by the end of the year.",
     ("IT", "army", "NE")),
    # words naming what a country is stand between the cue and its name
    ("Italian troops left the West African nation of Niger in December.",
     ("IT", "army", "NE")),
    ("Quân đội Ý đã hoàn tất việc rút quân khỏi quốc gia Tây Phi Niger trước thời hạn.",
     ("IT", "army", "NE")),
    ("Les soldats italiens ont quitté le pays sahélien du Niger en décembre.",
     ("IT", "army", "NE")),
])
def test_capitals_and_country_descriptions(tmp_path, text, expected):
    _, found = _records(tmp_path, text)
    assert expected in {(c, t, k) for c, t, k, _ in found}, found


def test_a_withdrawal_of_soldiers_du_pays_names_the_place(tmp_path):
    """After the verb, "du Niger" is where the soldiers were."""
    _, found = _records(tmp_path, "L'Italie a annoncé le retrait de ses soldats du Niger.")
    assert any(k == "NE" and e != "deployed" for _, _, k, e in found), found


def test_a_town_name_after_its_province_means_the_province(tmp_path):
    """One sense per article: "Belgorod region" ... "in Belgorod" is the region again."""
    _, found = _records(tmp_path, "Chechen units arrived in the Belgorod region on Monday. "
                                  "Chechen units have been deployed in Belgorod since then.")
    keys = {k for _, _, k, _ in found}
    assert "RU-BEL" in keys and not any(k.startswith("geonames:") for k in keys), found


def test_a_listed_place_after_the_keeps_its_cue(tmp_path):
    _, found = _records(tmp_path, "French troops left the Gao base and the Niamey airport.")
    assert any(k.startswith("airport:") for _, _, k, _ in found), found


def test_moving_toward_a_place_is_arriving(tmp_path):
    _, found = _records(tmp_path, "Belarusian troops were moving toward the Bryansk region.")
    assert ("BY", "army", "RU-BRY", "deployed") in found, found


def test_a_kind_of_force_named_once_with_its_nationality_keeps_it(tmp_path):
    """A sentence with no verb still says whose the peacekeepers are."""
    _, found = _records(tmp_path, "The closing ceremony of the Indian peacekeepers' base "
                                  "began at noon. The peacekeepers were deployed in "
                                  "Juba in 2022.")
    assert ("IN", "peacekeepers", "deployed") in {(c, t, e) for c, t, _, e in found}, found


@pytest.mark.parametrize("text", [
    "Soldiers of the 7th Russian military base left Gudauta.",
    "Военнослужащие 7-й российской военной базы покинули Гудауту.",
])
def test_a_force_of_a_countrys_base_is_that_countrys(tmp_path, text):
    _, found = _records(tmp_path, text)
    assert {(c, e) for c, _, _, e in found} == {("RU", "withdrawn")}, found


def test_one_force_per_country_in_a_clause_unless_named_together(tmp_path):
    _, found = _records(tmp_path, "The Kenyan police officers of the Kenyan force arrived in "
                                  "Port-au-Prince on Monday.")
    assert {t for c, t, _, _ in found if c == "KE"} == {"police"}, found
    _, found = _records(tmp_path, "Turkish border guards and troops left Afrin on Monday.")
    assert {t for c, t, _, _ in found if c == "TR"} == {"border_guards", "army"}, found


def test_an_unknown_force_is_left_to_review(tmp_path):
    """An XX force is drafted below the default threshold: the reviewer decides whose."""
    from geo.extract import draft_to_scenario_document

    draft, found = _records(tmp_path, "Soldiers left Gao on Tuesday.")
    assert {c for c, _, _, _ in found} == {"XX"}
    record = draft.records[0]
    assert record.confidence < 0.5 and "whose force it is, not said (XX)" in record.why
    document = draft_to_scenario_document(draft, review=True)
    assert not document["presences"]
    assert any("Gao" in entry["quote"] for entry in document["unused"]), document["unused"]


def test_remaining_before_a_force_is_no_stay(tmp_path):
    _, found = _records(tmp_path, "Italy plans to withdraw its remaining troops from Niger "
                                  "over the next few months.")
    assert ("IT", "army", "NE", "withdrawal_agreed") in found, found
    assert not any(e == "remains" for _, _, _, e in found), found


def test_the_hosts_word_for_its_base_owns_nothing(tmp_path):
    """"Niger's Air Base 101": the base is in Niger; the forces leaving it are American."""
    _, found = _records(tmp_path, "The U.S. military withdrew its personnel from Niger's Air "
                                  "Base 101 on Sunday.")
    assert ("US", "base", "base:niamey-101", "withdrawn") in found, found


def test_forces_moving_to_a_place_arrive_there(tmp_path):
    _, found = _records(tmp_path, "The Italian troops will move to Erbil next month.")
    assert any(c == "IT" and e == "deployed" for c, _, _, e in found), found


#: Sentences written for these tests, each with a (force country, type, event) it gives.
READ_AS = [
    # "sỹ" and "sĩ" are two spellings of one syllable
    ("Khoảng 300 binh sỹ Pháp đã rút khỏi thành phố Abéché.", ("FR", "army", "withdrawn")),
    # the country a force comes from, before any verb, says whose it is
    ("Soldiers from Senegal arrived in Banjul on Friday.", ("SN", "army", "deployed")),
    ("Военные из Турции прибыли в Триполи.", ("TR", "army", "deployed")),
    # a short name of a country ("США", "DPRK")
    ("Военнослужащие США покинули Ниамей.", ("US", "army", "withdrawn")),
    # "units of the peacekeeping contingent" are peacekeepers
    ("Подразделения казахстанского миротворческого контингента прибыли в Бишкек.",
     ("KZ", "peacekeepers", "deployed")),
    # Russian verbs of sending, in any form
    ("Турция отправила военных инструкторов в Триполи.", ("TR", "advisers", "deployed")),
    # French: landing, the country after "du", "spécialistes militaires"
    ("Un avion transportant 200 policiers rwandais a atterri à Bangui mardi.",
     ("RW", "police", "deployed")),
    ("Plus de 60 soldats du Sénégal sont arrivés samedi à Banjul.", ("SN", "army", "deployed")),
    ("Des spécialistes militaires turcs sont arrivés à Tripoli.",
     ("TR", "advisers", "deployed")),
    # Russian participles and verbs of being at work somewhere
    ("Отправленные в Ливию турецкие военные установили контроль над аэродромом.",
     ("TR", "army", "deployed")),
    ("В Ливии уже работают турецкие инструкторы.", ("TR", "advisers", "deployed")),
    ("Военные из Северной Кореи прибыли в Белгородскую область.", ("KP", "army", "deployed")),
    # who leads a coalition owns it
    ("US-led coalition forces withdrew from Kirkuk on Monday.", ("US", "mission", "withdrawn")),
    ("Liên quân do Anh dẫn đầu đã rút khỏi Kirkuk.", ("GB", "mission", "withdrawn")),
    # an army known by its own name
    ("Подразделение Корейской народной армии направлено в Белгородскую область.",
     ("KP", "army", "deployed")),
    # ", officials said" after a place does not make it a government
    ("Turkish advisers were deployed in Misrata, officials said.",
     ("TR", "advisers", "deployed")),
    # "ở lại" (to stay) takes its place without a cue; "Tuy nhiên" is no town
    ("Tuy nhiên, binh sĩ Thổ Nhĩ Kỳ sẽ ở lại Idlib.", ("TR", "army", "remains")),
    # being somewhere, said with "to be" or "to hold"
    ("Turkish troops are still in Idlib.", ("TR", "army", "deployed")),
    ("Les soldats français sont toujours au Tchad.", ("FR", "army", "deployed")),
    ("Турецкие миротворцы взяли под контроль Идлиб.", ("TR", "peacekeepers", "deployed")),
    ("Binh sĩ Thổ Nhĩ Kỳ hiện ở Idlib.", ("TR", "army", "deployed")),
    # taking part somewhere is being there; a post or base closed is left
    ("Саперы из Турции участвуют в разминировании в Идлибе.", ("TR", "army", "deployed")),
    ("Turkish engineers take part in demining in Idlib.", ("TR", "army", "deployed")),
    ("В Идлибе был закрыт наблюдательный пункт турецких миротворцев.",
     ("TR", "peacekeepers", "withdrawn")),
    # reducing a presence, or ending it, is a withdrawal
    ("Italy will reduce its military presence in Iraq to 200 troops.",
     ("IT", "army", "withdrawal_agreed")),
    ("Les soldats italiens ont mis fin à leur présence au Niger.", ("IT", "army", "withdrawn")),
    ("Италия сократила военный контингент в Ираке.", ("IT", "army", "withdrawn")),
    # a mission known by its own name is its organisation's ("troops" adds no second force)
    ("SAMIM troops withdrew from Pemba in July.", ("SADC", "mission", "withdrawn")),
    ("Les troupes de l'AUSSOM sont arrivées à Kismayo.", ("AFU", "mission", "deployed")),
    # Russian: nationality adjectives, names and verbs in any case ending
    ("Российские военные покинули Приднестровье и Тирасполь в марте.",
     ("RU", "army", "withdrawn")),
    ("Турецкие военные советники прибыли в Триполи.", ("TR", "advisers", "deployed")),
    # French: demonyms after the noun, elided articles, reflexive verbs
    ("Les soldats rwandais se sont retirés de Palma, dans le nord du Mozambique.",
     ("RW", "army", "withdrawn")),
    ("Les militaires italiens ont quitté Abéché le 3 mars 2025.", ("IT", "army", "withdrawn")),
    # English forces of other kinds
    ("Chinese warships arrived in Djibouti on Monday.", ("CN", "navy", "deployed")),
    ("Wagner mercenaries left Bangui last week.", ("RU", "pmc", "withdrawn")),
    ("MONUSCO peacekeepers handed over their base in Bunia to the Congolese army.",
     ("UN", "mission", "handed_over")),
    # Vietnamese
    ("Khoảng 200 binh sĩ Italy đã rời thành phố Abéché.", ("IT", "army", "withdrawn")),
    # forms the trigger lists do not spell out, from the verbs' lemmas (inflections.yaml)
    ("Турецкая армия вывела свои подразделения из Ливии.", ("TR", "army", "withdrawn")),
    ("Les soldats tchadiens quittèrent Gao au printemps.", ("TD", "army", "withdrawn")),
    ("Des instructeurs russes arriveront à Ouagadougou la semaine prochaine.",
     ("RU", "advisers", "deployed")),
    # a leaving verb takes the place as its object
    ("Kenyan troops are exiting Somalia.", ("KE", "army", "withdrawn")),
    # what a force does somewhere says it is there
    ("Binh sĩ Pháp vẫn hoạt động tại Djibouti.", ("FR", "army", "deployed")),
    ("The US-led international coalition forces left Kirkuk.", ("US", "mission", "withdrawn")),
    ("The relocation of Turkish troops from Bashiqa began in May.",
     ("TR", "base", "withdrawn")),
    # a country's name after a capitalised "Republic" word; "от" says whose force it is
    ("Контингент от Беларуси прибыл на территорию Республики Казахстан.",
     ("BY", "army", "deployed")),
    # only the UN's peacekeepers wear blue helmets
    ("Les casques bleus ont quitté la ville de Goma.", ("UN", "peacekeepers", "withdrawn")),
    # a town's word before its name ("в городе", "tỉnh", "la ville de")
    ("В городе Гао размещены российские военные.", ("RU", "army", "deployed")),
    ("Binh sĩ Nga đã rời tỉnh Idlib.", ("RU", "army", "withdrawn")),
    # taking a place back says the force is there
    ("Ethiopian troops retook Baidoa on Sunday.", ("ET", "army", "deployed")),
]


@pytest.mark.parametrize(("text", "expected"), READ_AS)
def test_a_sentence_names_its_force_and_event(tmp_path, text, expected):
    """Forces of any country and kind, in four languages, with the event they go through."""
    _assert_read(tmp_path, text, expected)


# Words that mean a country without naming it: the country named before them (in the
# sentence, else earlier in the article), never the force's own
@pytest.mark.parametrize(("text", "expected"), [
    ("Chad's government ordered the French army to leave the country by January.",
     ("FR", "army", "TD")),
    ("Jordan hosts the base. About 300 Italian soldiers remain in the desert kingdom, "
     "officials said. Italian soldiers are now stationed in the country.", ("IT", "army", "JO")),
    ("Chính phủ Chad yêu cầu quân đội Pháp rút khỏi nước này.", ("FR", "army", "TD")),
    ("Le Tchad a demandé le départ des soldats français. Les soldats français ont quitté "
     "le pays en janvier.", ("FR", "army", "TD")),
    ("Турецкие военные прибыли в Ливию. Турецкие военные покинули страну в мае.",
     ("TR", "army", "LY")),
    # "the Sahel country" means Niger here, not the Sahel ("began in Niger's capital" is
    # Niamey now, which a clause prefers to a country: geo.extract.capitals)
    ("Italian troops began to leave the Sahel country on Monday, Niger said.",
     ("IT", "army", "NE")),
])
def test_a_country_reference_is_the_country_named_before(tmp_path, text, expected):
    _, found = _records(tmp_path, text)
    assert expected in {(c, t, p) for c, t, p, _ in found}, found


def test_returning_to_the_country_is_not_an_arrival(tmp_path):
    _, found = _records(tmp_path, "Chad ordered the French troops out, and French troops "
                                  "withdrew from Abéché to the country's capital.")
    assert not [f for f in found if f[2] == "TD" and f[3] == "deployed"], found
    _, found = _records(tmp_path, "After Chad's request, the French soldiers withdrew from "
                                  "Abéché and returned to the country.")
    assert ("FR", "army", "TD", "deployed") not in found, found


# A direction before a country's name is that part of the country
@pytest.mark.parametrize(("text", "expected"), [
    ("Italian troops withdrew from northern Chad in May.", ("IT", "army", "part:TD-north")),
    ("Les soldats belges sont arrivés dans l'est de la République démocratique du Congo.",
     ("BE", "army", "part:CD-east")),
    ("Турецкие военные остаются на севере Ирака.", ("TR", "army", "part:IQ-north")),
    ("Binh sĩ Italy đã rút khỏi miền Nam Libya.", ("IT", "army", "part:LY-south")),
])
def test_a_direction_before_a_country_is_its_part(tmp_path, text, expected):
    _, found = _records(tmp_path, text)
    assert expected in {(c, t, p) for c, t, p, _ in found}, found


def test_the_base_is_the_base_named_before(tmp_path):
    _, found = _records(tmp_path, "Camp Lemonnier is being expanded with help from Washington. "
                                  "About 400 Italian soldiers have spent a year at the base.")
    assert any(c == "IT" and p.startswith("base:") for c, _, p, _ in found), found
    _, found = _records(tmp_path, "Italian soldiers arrived at the base in Djibouti City.")
    assert not any(p.startswith("base:") for _, _, p, _ in found), found  # named after


# A port's word between the cue and the name is a description ("ở cảng Ream")
@pytest.mark.parametrize("text", ["Tàu chiến Nhật Bản đã cập cảng ở cảng Djibouti.",
                                  "Японские корабли находятся в порту Джибути."])
def test_a_port_word_does_not_hide_the_place(tmp_path, text):
    _, found = _records(tmp_path, text)
    assert any(c == "JP" and e == "deployed" for c, _, _, e in found), found


def test_a_roman_numeral_is_no_town(tmp_path):
    # "II" of "Thế chiến II" is not Ii, Finland; the country named stays the place
    _, found = _records(tmp_path, "Quân đội Ý triển khai 300 binh sĩ tại Latvia, lần đầu tiên "
                                  "kể từ Thế chiến II.")
    assert ("IT", "army", "LV", "deployed") in found, found


def test_a_force_names_its_country_as_the_maps_do(tmp_path):
    """"Quân đội Syria", as the maps write Syria, not ISO's "Cộng hoà A-rập Xi-ri-a"; and
    every country's name in a force label is the one both maps write."""
    from geo.extract.lexicon import lexicon
    from geo.render.html.text import country_name as html_name
    from geo.render.static.names import country_name as static_name

    draft, _ = _records(tmp_path, "Syrian troops arrived in Tripoli, Lebanon, in March 2025.")
    assert {r.force.names["vi"] for r in draft.records} == {"Quân đội Syria"}
    organisations = {"AFU", "UN", "EU", "NATO"}
    for code, words in lexicon().nationality_labels.items():
        if code in organisations or html_name(code, "vi") is None:
            continue
        assert words["vi_name"] == html_name(code, "vi") == static_name(code, "vi"), code


@pytest.mark.parametrize(("code", "short"), [
    ("SY", "Syria"), ("KP", "Triều Tiên"), ("KR", "Hàn Quốc"), ("TW", "Đài Loan"),
    ("KE", "Kenya"), ("LY", "Libya"), ("TD", "Chad"),
    # as Vietnamese newsrooms write it (VnExpress, Tuổi Trẻ), from data/curated/names.yaml
    ("CD", "CHDC Congo"),
])
def test_a_country_is_named_by_its_short_name(code, short):
    from geo.gazetteer.country_names import short_country_name

    assert short_country_name(code, "vi") == short



def test_a_date_inside_the_first_sentence_is_no_date_line(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Troops leave\nItalian troops left Abeche on May 10, 2024 - officials "
                       "said.\n", encoding="utf-8")
    assert extract_articles([article]).articles[0].published.how != "date line"


def test_the_outlet_of_a_wire_dateline(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("NIAMEY, Niger, March 4, 2025 (Reuters) - Italian troops left Abeche.\n",
                       encoding="utf-8")
    assert extract_articles([article]).articles[0].outlet == "Reuters"


# "Bukavu, chef-lieu de la province du Sud-Kivu": the province says where the town is
@pytest.mark.parametrize("text", [
    "Les soldats belges ont quitté Uvira, chef-lieu du territoire, et Bukavu, chef-lieu de la "
    "province du Sud-Kivu.",
    "Belgian troops left Bukavu, the capital of South Kivu province.",
])
def test_a_province_that_says_where_a_town_is_is_no_second_place(tmp_path, text):
    _, found = _records(tmp_path, text)
    assert not any(p.startswith("CD-") for _, _, p, _ in found), found
    assert any(c == "BE" and p.startswith("geonames:") for c, _, p, _ in found), found


# A force moved from one place to another leaves the first
@pytest.mark.parametrize("text", [
    "Italian troops were moved from Abeche to Niamey in May.",
    "Итальянские военные переброшены из Абеше в Ниамей.",
    "Binh sĩ Italy được chuyển từ Abeche sang Niamey.",
])
def test_a_force_moved_between_places_leaves_the_first(tmp_path, text):
    _, found = _records(tmp_path, text)
    events = {e for c, _, p, e in found if c == "IT"}
    assert events == {"withdrawn", "deployed"}, found


# A country's force inside an organisation's is that country's, not a second force
@pytest.mark.parametrize(("text", "expected"), [
    ("Nepali soldiers, deployed to Lebanon as part of the UN peacekeeping force, guard the "
     "border.", ("NP", "peacekeepers")),
    ("Les soldats tchadiens, au sein de la force de l'ONU, sont arrivés à Kidal.",
     ("TD", "army")),
    ("Непальские военные прибыли в Ливан в составе миротворцев ООН.",
     ("NP", "peacekeepers")),
    ("Binh sĩ Nepal thuộc lực lượng gìn giữ hòa bình Liên hợp quốc tới Liban.",
     ("NP", "peacekeepers")),
])
def test_an_organisation_that_frames_a_force_is_no_second_force(tmp_path, text, expected):
    _, found = _records(tmp_path, text)
    assert {(c, t) for c, t, _, _ in found} == {expected}, found



@pytest.mark.parametrize(("text", "code"), [
    ("Бангладешские миротворцы покинули Бангассу.", "BD"),
    ("Танзанийские военные прибыли в Гому.", "TZ"),
    ("Бурундийские военные покинули Увиру.", "BI"),
])
def test_a_russian_adjective_of_any_country(tmp_path, text, code):
    """Russian adjectives formed from the country's Russian name ("Танзания" ->
    "танзанийские"), not only the curated ones."""
    _, found = _records(tmp_path, text)
    assert code in {c for c, _, _, _ in found}, found


def test_the_inflections_file_holds_every_listed_lemma():
    """data/extract/inflections.yaml is made from events.yaml's trigger_lemmas by
    ``python -m scripts.inflections``: a lemma added without running it is caught here."""
    from geo.extract.wordlists import load

    lemmas = load("events")["trigger_lemmas"]
    forms = load("inflections")["triggers"]
    assert set(forms) == set(lemmas)
    for action, languages in lemmas.items():
        assert set(forms[action]) == set(languages), action
        for language, words in languages.items():
            missing = set(words) - set(forms[action][language])
            assert not missing, (action, language, missing)


def test_a_possessive_holder_says_where_the_place_is(tmp_path):
    """"Syria's Idlib province" is Idlib province, not a second record for all of Syria."""
    _, found = _records(tmp_path, "Turkish troops arrived in Syria's Idlib province.")
    assert {k for _, _, k, _ in found} == {"SY-ID"}, found


def test_the_host_country_is_never_the_actor(tmp_path):
    """The deal's host is not whose troops leave: the record is kept, not dropped as "a
    country's own forces at home"."""
    _, found = _records(tmp_path, "Under the deal between Iraq and the coalition, the troops "
                                  "will withdraw from Baghdad.")
    assert found and all(c != "IQ" for c, _, _, _ in found), found


def test_russian_direction_adjectives_name_a_part(tmp_path):
    """The direction words are keyed as names are ("южный" -> "южныи")."""
    _, found = _records(tmp_path, "Израильские войска покинули Южный Ливан.")
    assert ("IL", "army", "part:LB-south", "withdrawn") in found, found


def test_a_nationality_word_is_never_a_town_abroad(tmp_path):
    """"French" is not Havre de Grace's other name, nor "Chadian" a town in China."""
    _, found = _records(tmp_path, "Around 350 French soldiers are now leaving Dakar, "
                                  "while Chadian troops stay in Abéché.")
    assert all(k.startswith(("SN", "TD")) or k.startswith("geonames:") for _, _, k, _ in found)
    assert not [k for c, _, k, _ in found if c == "XX"], found
    assert ("FR", "army", "withdrawn") in {(c, t, e) for c, t, _, e in found}, found


def test_a_passive_hand_over_names_the_site_and_its_agent(tmp_path):
    """The site is the subject; the country after "by"/"par" is whose it was."""
    _, found = _records(tmp_path, "Belgian troops are leaving Mali. The Gao airport "
                                  "was handed over by Belgium on Friday.",
                        country="ML")
    assert any(c == "BE" and k.startswith("airport:") and e == "handed_over"
               for c, _, k, e in found), found


def test_a_verb_in_a_relative_clause_does_not_speak_for_the_sentence(tmp_path):
    """", которая оставалась ..." says what the base was, not that the troops stay."""
    _, found = _records(tmp_path, "Британские военные покинули базу в Кандагаре, которая "
                                  "оставалась последней в Афганистане.")
    assert {e for c, _, _, e in found if c == "GB"} == {"withdrawn"}, found


def test_extract_reads_a_folder(tmp_path):
    """`deploymap extract DIR` reads the folder's *.txt files, as build --from-articles."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Date: 2025-01-11\n\nTurkish troops left Tripoli.",
                                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "geo", "extract", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Tripoli" in done.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    done = subprocess.run([sys.executable, "-m", "geo", "extract", str(empty)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "no article files" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("text", "expected"), [
    ("Les soldats belges avaient quitté le territoire malien en 2023.",
     ("BE", "army", "ML", "withdrawn")),
    ("Russian troops remain on Moldovan soil.", ("RU", "army", "MD", "remains")),
    ("Американские военные покинули иракскую территорию.", ("US", "army", "IQ", "withdrawn")),
])
def test_a_territory_named_by_its_adjective_is_the_country(tmp_path, text, expected):
    _, found = _records(tmp_path, text)
    assert expected in found, found


def test_a_russian_verb_of_moving_leaves_the_place_it_moves_from(tmp_path):
    """Verbs of moving are compared as the sentence's words are written (Russian stems)."""
    _, found = _records(tmp_path, "Переброска российских военных из Хмеймима началась в мае.")
    assert ("RU", "base", "base:hmeimim", "withdrawn") in found, found


LEBANON = ("Italian troops arrived in Naqoura in southern Lebanon on Monday. The Italian "
           "contingent in Lebanon is based at Shama, near Tyre, and at Marjayoun, south of "
           "Nabatieh. ")


def test_a_list_of_countries_means_each_even_outside_the_story(tmp_path):
    # Lebanon is the story; the countries listed after "in" are meant too
    _, found = _records(tmp_path, LEBANON + "Italian troops are also deployed in Iraq, "
                                            "Kuwait and Jordan.")
    assert {k for c, _, k, _ in found if c == "IT"} >= {"IQ", "KW", "JO"}, found


def test_one_country_named_aside_stays_outside_the_story(tmp_path):
    _, found = _records(tmp_path, LEBANON + "Their commander had served in Iraq.")
    assert "IQ" not in {k for _, _, k, _ in found}, found


@pytest.mark.parametrize(("text", "event"), [
    # "dans le pays" is the country named before, after its cue "dans" (it was read as a
    # phrase with no cue before it: no record)
    ("Un convoi a été vu à Bamako, la capitale du Mali. Des soldats turcs viennent "
     "d'arriver dans le pays.", "deployed"),
    ("Le Mali a demandé leur départ. Les soldats turcs se sont retirés du pays.", "withdrawn"),
])
def test_a_french_word_for_the_country_is_the_country_named_before(tmp_path, text, event):
    _, found = _records(tmp_path, text)
    assert ("TR", "army", "ML", event) in found, found


def test_being_part_of_a_group_is_no_departure(tmp_path):
    """"font déjà partie du groupement": are already part of it, not left."""
    _, found = _records(tmp_path, "Environ 800 soldats turcs font déjà partie du groupement "
                                  "tactique en Lettonie.")
    assert not any(e == "withdrawn" for _, _, _, e in found), found


@pytest.mark.parametrize("text", [
    # "la Côte" (a French village) is no name of its own before "d'Ivoire": the country is
    # the one receiving the base, and France, no host, hands it over (data/curated/bases.yaml)
    "La France a rétrocédé le camp de Port-Bouët à la Côte d'Ivoire jeudi.",
    "La France a rétrocédé la base de Port-Bouët à la Côte d’Ivoire jeudi.",
])
def test_a_name_that_starts_after_an_article_wins_over_a_shorter_one(tmp_path, text):
    _, found = _records(tmp_path, text)
    assert {(c, k, e) for c, _, k, e in found} == {
        ("FR", "base:port-bouet-43e-bima", "handed_over")}, found


def test_a_name_that_starts_with_its_article_is_still_found(tmp_path):
    _, found = _records(tmp_path, "Des soldats français sont arrivés à La Paz.")
    assert ("FR", "army", "geonames:3911925", "deployed") in found, found  # La Paz, Bolivia
