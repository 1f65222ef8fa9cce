"""Which verb of a sentence speaks for which place, and what a sentence says happens to a
force: each verb right before its own place ("left X ... based in Y").

The sentences are written for these tests, about places the annotated set does not use.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_articles


def _records(tmp_path, text: str):
    article = tmp_path / "article.txt"
    article.write_text("Date: 2025-03-10\n\n" + text, encoding="utf-8")
    return extract_articles([article]).records


def _events(records) -> dict[str, str]:
    return {r.target.kind + ":" + r.mention: r.event for r in records}


@pytest.mark.parametrize(("text", "left", "stays"), [
    ("Japanese troops withdrew from Juba and were redeployed to Djibouti.", "Juba",
     "Djibouti"),
    ("The Chadian unit that left Abeche in May is part of a force of 1,200 Chadian troops "
     "stationed in Gao.", None, "Gao"),
    ("Les soldats tchadiens ont quitté Kidal et sont stationnés à Gao.", "Kidal", "Gao"),
    ("Чадские военные покинули Кидаль и размещены в Гао.", "Кидаль", "Гао"),
    ("Binh sĩ Chad đã rời Kidal và đóng quân tại Gao.", "Kidal", "Gao"),
])
def test_each_verb_speaks_for_the_place_right_after_it(tmp_path, text, left, stays):
    records = _records(tmp_path, text)
    by_mention = {r.mention: r.event for r in records}
    assert by_mention.get(stays) in ("deployed", "remains"), by_mention
    if left is not None:
        assert by_mention.get(left) == "withdrawn", by_mention


def test_one_verb_before_a_place_does_not_split_the_clause(tmp_path):
    # "deployed in Haiti" names the force; "will leave" is what happens to it
    records = _records(tmp_path, "Kenyan troops deployed in Haiti will leave by June.")
    assert [r.event for r in records if r.target.key == "HT"] == ["withdrawal_agreed"]


@pytest.mark.parametrize(("text", "strength"), [
    ("Les 2 500 à 3 500 soldats tchadiens ont quitté Gao.", (3500, True)),
    ("The 1,500-2,000 Chadian troops have left Gao.", (2000, True)),
    ("Около 12 500 чадских военных покинули Гао.", (12500, True)),
    ("Khoảng 1.500 đến 2.000 lính Chad đã rời Gao.", (2000, True)),
    ("Quelque 12 500 soldats tchadiens ont quitté Gao.", (12500, True)),
    ("In 2021 Chadian troops left Gao.", None),
])
def test_a_headcount_with_spaces_or_a_range(tmp_path, text, strength):
    records = [r for r in _records(tmp_path, text) if r.target.kind == "city"]
    assert [r.strength for r in records] == [strength], [(r.mention, r.strength)
                                                         for r in records]


@pytest.mark.parametrize(("text", "countries"), [
    ("French and Italian troops left Niamey, Niger.", {"FR", "IT"}),
    ("US, British and Canadian troops left Niamey, Niger.", {"US", "GB", "CA"}),
    ("Les soldats français et italiens ont quitté Niamey.", {"FR", "IT"}),
    ("Французские и итальянские военные покинули Ниамей.", {"FR", "IT"}),
    ("US and NATO troops left the Ain al-Asad base in Iraq.", {"US", "NATO"}),
])
def test_coordinated_nationalities_are_one_force_each(tmp_path, text, countries):
    records = _records(tmp_path, text)
    assert {r.force.country for r in records} == countries, [
        (r.force.country, r.target.key) for r in records]


def test_troops_named_before_move_to_a_base_named_with_its_kind_word(tmp_path):
    # the second clause's only force word is the base's own ("air base"): the troops of
    # the first clause are the ones that moved; "what is known as" stands between
    records = _records(tmp_path, "About 1,000 Italian troops remain in Chad, but most of "
                                 "them have moved to what is known as the Adji Kossei air "
                                 "base.")
    assert ("IT", "base:adji-kossei", "deployed") in {
        (r.force.country, r.target.key, r.event) for r in records}


@pytest.mark.parametrize(("text", "left", "arrived"), [
    ("The Italian troops from the Adji Kossei base were relocating to Niger.",
     "base:adji-kossei", "NE"),
    ("Итальянские военные из Абеше были переброшены в Нигер.", "geonames:245785", "NE"),
    ("Lính Ý từ căn cứ Adji Kossei đã được điều chuyển sang Niger.", "base:adji-kossei",
     "NE"),
])
def test_moved_from_a_site_to_a_country_leaves_the_site(tmp_path, text, left, arrived):
    events = {r.target.key: r.event for r in _records(tmp_path, text)}
    assert events.get(left) == "withdrawn" and events.get(arrived) == "deployed", events


@pytest.mark.parametrize("text", [
    # "de X vers Y": "de" alone is "of" ("la base de Gao"); before a place the force goes
    # to, after a verb of moving, it is "from"
    "Les soldats italiens ont été transférés de Mopti vers Niamey.",
    # a verb of moving after an auxiliary ("được chuyển") is still one
    "Binh sĩ Ý được chuyển từ Mopti đến Niamey.",
])
def test_moved_from_one_town_to_another_leaves_the_first(tmp_path, text):
    # both readings were "deployed" at Mopti before
    events = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert events == {("IT", "geonames:2453348", "withdrawn"), ("IT", "NE-8", "deployed")}


def test_de_stays_of_without_a_place_the_force_goes_to(tmp_path):
    events = {(r.target.key, r.event) for r in _records(
        tmp_path, "Les soldats italiens ont été transférés à la base de Mopti.")}
    assert all(event == "deployed" for _, event in events) and events, events


@pytest.mark.parametrize("text", [
    "The US army handed over the Manbij base to Russian troops on Monday.",
    "Les soldats américains ont remis la base de Manbij aux militaires russes lundi.",
    "Quân đội Mỹ đã bàn giao căn cứ Manbij cho binh sĩ Nga hôm thứ Hai.",
])
def test_the_force_a_site_is_handed_over_to_takes_it_over(tmp_path, text):
    found = {(r.force.country, r.event) for r in _records(tmp_path, text)}
    assert ("US", "handed_over") in found and ("RU", "deployed") in found, found
    assert ("RU", "handed_over") not in found, found


def test_the_english_article_a_is_not_the_french_a(tmp_path):
    # "handed over a base": "a" is no recipient's "à"; the base is what is handed over
    found = {(r.force.country, r.event) for r in _records(
        tmp_path, "The French army handed over a base in Gao to Chadian troops on Monday.")}
    assert ("FR", "handed_over") in found and ("FR", "deployed") not in found, found
    assert ("TD", "deployed") in found, found


@pytest.mark.parametrize("text", [
    "SADC leaders resolved to terminate the mandate of SAMIM in Mozambique.",
    "The Security Council voted to end the mandate of UNAMID in Sudan.",
    "Le Conseil de sécurité a décidé de mettre fin au mandat de la MINUSCA en Centrafrique.",
    "Совбез ООН решил прекратить миссию МИНУСКА в ЦАР.",
    "Hội đồng Bảo an bỏ phiếu chấm dứt phái bộ UNAMID tại Sudan.",
])
def test_ending_a_missions_mandate_is_a_withdrawal_agreed(tmp_path, text):
    records = _records(tmp_path, text)
    assert records and {r.event for r in records} == {"withdrawal_agreed"}, [
        (r.force.country, r.event, r.mention) for r in records]


def _ends(records) -> dict[str, str]:
    return {r.mention: (r.event, r.end.earliest.isoformat() if r.end else None)
            for r in records}


@pytest.mark.parametrize("text", [
    "Chadian troops left Tessalit on 3 March, the ministry announced on Thursday.",
    "Les soldats tchadiens ont quitté Tessalit le 3 mars, a annoncé jeudi le ministère.",
    "Чадские военные покинули Гао 3 марта, заявил в четверг министр.",
])
def test_a_reporting_verb_after_the_withdrawal_does_not_make_it_planned(tmp_path, text):
    records = _records(tmp_path, text)
    assert [(r.event, str(r.end.earliest)) for r in records] == [
        ("withdrawn", "2025-03-03")], _ends(records)


@pytest.mark.parametrize(("text", "event"), [
    ("The army announced on Monday that it has completed the withdrawal of Chadian troops "
     "from Tessalit.", "withdrawn"),
    ("Le Tchad a annoncé avoir achevé le retrait de ses troupes de Tessalit.", "withdrawn"),
    ("Chad announced that its troops will leave Tessalit.", "withdrawal_agreed"),
    ("Le Tchad a annoncé le retrait de ses troupes de Tessalit.", "withdrawal_agreed"),
    ("Chad has agreed to withdraw its troops from Tessalit.", "withdrawal_agreed"),
])
def test_an_announced_withdrawal_is_planned_unless_it_is_done(tmp_path, text, event):
    records = _records(tmp_path, text)
    assert [r.event for r in records] == [event], _ends(records)


@pytest.mark.parametrize(("text", "day"), [
    ("BAMAKO, Mali, March 5 (Xinhua) -- Chadian troops have begun the phased withdrawal "
     "of their contingent from the Tessalit camp in the far north of the country as of "
     "March 1, according to a statement released on Wednesday.", "2025-03-01"),
    # the dateline is when the report was filed: the army spoke the day before
    ("BAMAKO, Mali, March 5 (Xinhua) -- Chadian troops have left Tessalit, the army said "
     "on Tuesday.", "2025-03-04"),
    ("The army said on Wednesday that Chadian troops began leaving Tessalit on March 1.",
     "2025-03-01"),
])
def test_the_date_of_the_event_not_of_the_dateline_or_the_statement(tmp_path, text, day):
    records = _records(tmp_path, text)
    assert records and {str(r.end.earliest) for r in records} == {day}, _ends(records)


@pytest.mark.parametrize(("text", "expected"), [
    ("Rwandan soldiers liberated the town of Macomia.", ("RW", "deployed", "Macomia")),
    ("Des soldats rwandais ont libéré la ville de Macomia.", ("RW", "deployed", "Macomia")),
    ("Binh sĩ Rwanda đã giải phóng thị trấn Macomia hồi cuối tháng 4.",
     ("RW", "deployed", "Macomia")),
    ("Environ 800 soldats rwandais serviront à Macomia.", ("RW", "deployed", "Macomia")),
    ("Rwandan troops are defending positions in the towns of Macomia and Mueda.",
     ("RW", "deployed", "Mueda")),
    ("Les Casques bleus indiens défendent des positions à Goma.",
     ("IN", "deployed", "Goma")),
    ("После Бамако французские войска также отошли и от Гао.", ("FR", "withdrawn", "Гао")),
])
def test_more_ways_to_say_a_force_is_at_or_left_a_place(tmp_path, text, expected):
    records = _records(tmp_path, text)
    assert expected in {(r.force.country, r.event, r.mention) for r in records}, [
        (r.force.country, r.event, r.mention) for r in records]


@pytest.mark.parametrize(("text", "left", "stays"), [
    ("Turkey, which withdrew its troops from Somalia, keeps a base in Djibouti.", "Somalia",
     "Djibouti"),
    ("La Turquie, qui a retiré ses troupes de Somalie, garde une base à Djibouti.", "Somalie",
     "Djibouti"),
    ("The French troops, who were based in Gao, left Mali.", "Mali", "Gao"),
])
def test_a_relative_clause_speaks_for_its_own_place(tmp_path, text, left, stays):
    by_mention = {r.mention: r.event for r in _records(tmp_path, text)}
    assert by_mention.get(left) in ("withdrawn", "withdrawal_agreed"), by_mention
    assert by_mention.get(stays) in ("deployed", "remains"), by_mention


def test_a_mission_named_with_its_host_country_is_the_organisations(tmp_path):
    records = _records(tmp_path, "La Mission des Nations unies en République centrafricaine "
                                 "(MINUSCA) a remis la base de Bria aux forces armées.")
    assert records and {r.force.country for r in records} == {"UN"}, [
        (r.force.country, r.mention) for r in records]


@pytest.mark.parametrize(("text", "expected"), [
    ("The French army handed the Faya base back to Chad on Friday.",
     ("FR", "handed_over", "base")),
    ("The UN mission handed the Bunia base over to the Congolese police.",
     ("UN", "handed_over", "city")),
    ("Kenya will pull all its soldiers out of Somalia by June.",
     ("KE", "withdrawal_agreed", "country")),
    ("US forces pulled back from the border town of Kobani.", ("US", "withdrawn", "city")),
])
def test_a_verb_whose_particle_follows_its_object(tmp_path, text, expected):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.event, r.target.kind) for r in records] == [expected], [
        (r.force.country, r.event, r.mention) for r in records]


@pytest.mark.parametrize("text", [
    "The French army handed over the Faya base to Chad on Friday.",
    "The French army handed the Faya base back to Chad on Friday.",
])
def test_the_country_a_site_is_handed_to_is_no_place(tmp_path, text):
    records = _records(tmp_path, text)
    assert "TD" not in {r.target.key for r in records}, [
        (r.force.country, r.event, r.mention) for r in records]
    assert [r.target.kind for r in records] == ["base"]


def test_a_particle_verb_without_its_particle_is_no_trigger(tmp_path):
    assert _records(tmp_path, "Troops handed food to villagers in Gao.") == []


def test_a_split_verb_without_its_particle_is_no_cue(tmp_path):
    # "turned Gao into" has no particle of "turn ... over": Gao is not a place left
    records = _records(tmp_path, "Rebels turned Gao into a stronghold while French troops "
                                 "stayed in Kidal.")
    assert [r.mention for r in records] == ["Kidal"], [(r.event, r.mention) for r in records]


@pytest.mark.parametrize("text", [
    "Турция продолжает масштабный вывод своих войск из Ливии.",
    "Турецкие войска продолжают вывод из Ливии.",
    "La Turquie poursuit le retrait de ses troupes de Libye.",
    "Thổ Nhĩ Kỳ tiếp tục rút quân khỏi Libya.",
    "Turkey continues the withdrawal of its troops from Libya.",
])
def test_going_on_with_a_withdrawal_is_no_stay(tmp_path, text):
    records = _records(tmp_path, text)
    assert {(r.force.country, r.target.key, r.event) for r in records} == {
        ("TR", "LY", "withdrawn")}, [(r.force.id, r.event, r.trigger) for r in records]


def test_going_on_with_a_stay_is_a_stay(tmp_path):
    records = _records(tmp_path, "Турецкие войска продолжают оставаться в Ливии.")
    assert {(r.target.key, r.event) for r in records} == {("LY", "remains")}


@pytest.mark.parametrize("text", [
    "Kenyan troops left the base in Kismayo on 3 March, and other units stayed in Beledweyne.",
    "Kenyan troops left the air base at Kismayo and other units stayed in Beledweyne.",
    "Кенийские военные покинули базу в Кисмайо, а другие подразделения остались в Беледуэйне.",
])
def test_a_verb_before_a_site_word_speaks_for_the_sites_place(tmp_path, text):
    events = {(r.target.key, r.event) for r in _records(tmp_path, text)}
    assert ("geonames:55671", "withdrawn") in events, events
    assert ("geonames:55671", "remains") not in events, events


@pytest.mark.parametrize(("text", "expected"), [
    ("Колонна турецких войск двигалась из Триполи.", ("geonames:2210247", "withdrawn")),
    ("Колонна турецких войск двигалась в Мисурату.", ("geonames:2214846", "deployed")),
])
def test_russian_verbs_of_moving_go_from_and_to(tmp_path, text, expected):
    events = {(r.target.key, r.event) for r in _records(tmp_path, text)}
    assert events == {expected}, events


@pytest.mark.parametrize("text", [
    "Turkish troops will leave northern Somalia, but will keep three positions.",
    "Les troupes turques quitteront le nord de la Somalie, mais maintiendront trois "
    "positions.",
    "Турецкие войска покинут север Сомали, но сохранят присутствие в трех точках.",
])
def test_positions_kept_without_a_name_are_where_the_force_leaves(tmp_path, text):
    events = {(r.target.key, r.event) for r in _records(tmp_path, text)}
    assert any(key == "part:SO-north" and event == "remains" for key, event in events), \
        events
    assert any(key == "part:SO-north" and event != "remains" for key, event in events), \
        events


def test_no_position_word_no_stay(tmp_path):
    records = _records(tmp_path, "Turkish troops will leave northern Somalia, but will "
                                 "keep their embassy open.")
    assert "remains" not in {r.event for r in records}


@pytest.mark.parametrize("text", [
    "At least 75 Turkish military personnel are believed to be in Somalia.",
    "About 300 Turkish soldiers are thought to be in Somalia.",
])
def test_a_hedged_being_somewhere_is_a_presence(tmp_path, text):
    records = _records(tmp_path, text)
    assert {(r.force.country, r.target.key, r.event) for r in records} == {
        ("TR", "SO", "deployed")}


@pytest.mark.parametrize(("text", "event"), [
    ("Les forces belges ont rendu jeudi les dernières emprises militaires présentes au "
     "Bénin.", "handed_over"),
    ("The German army dismantled its field hospital in Niamey last week.", "withdrawn"),
    ("Quân đội Đức đã tháo dỡ bệnh viện dã chiến tại Niamey.", "withdrawn"),
    ("Германские военные демонтировали полевой госпиталь в Ниамее.", "withdrawn"),
])
def test_handing_back_and_dismantling(tmp_path, text, event):
    records = _records(tmp_path, text)
    assert [r.event for r in records] == [event], [(r.event, r.mention) for r in records]


@pytest.mark.parametrize(("text", "country"), [
    ("The US Army deployed its missile launchers to Okinawa in April.", "US"),
    ("Năm ngoái, Mỹ đã đưa hệ thống tên lửa chống hạm đến Indonesia.", "US"),
    ("La Russie a déployé des systèmes de missiles au Bélarus.", "RU"),
    ("Россия разместила зенитные ракетные комплексы в Беларуси.", "RU"),
])
def test_a_weapons_system_is_the_force_deployed(tmp_path, text, country):
    records = _records(tmp_path, text)
    assert [(r.force.country, r.event) for r in records] == [(country, "deployed")], \
        [(r.force.id, r.event, r.mention) for r in records]


@pytest.mark.parametrize("text", [
    "Egyptian Troops to Withdraw From Kassala",  # "From": Frome, England, in GeoNames
    "C’est le retrait des soldats égyptiens du Soudan.",  # "C": an elided word
])
def test_function_words_and_single_letters_are_no_places(tmp_path, text):
    records = _records(tmp_path, text)
    assert records and all(r.target.country == "SD" for r in records), \
        [(r.target.key, r.mention) for r in records]


@pytest.mark.parametrize("text", [
    "The Patriot system, sent by the German army to Poland last year, has been dismantled.",
    "Hệ thống phòng không Patriot, được quân đội Đức triển khai tới Ba Lan, đã được tháo dỡ.",
])
def test_a_place_in_an_apposition_before_the_main_verb_takes_the_main_verb(tmp_path, text):
    # "to Poland" belongs to the apposition's "sent", not to the main verb: the system is
    # no longer there, it did not arrive
    records = _records(tmp_path, text)
    assert [(r.target.key, r.event) for r in records] == [("PL", "withdrawn")], \
        [(r.target.key, r.event, r.trigger) for r in records]


@pytest.mark.parametrize("text, left, arrived", [
    ("Jordanian units left the captured city and were moved to Sinjar.", None, "Sinjar"),
    ("Иорданские подразделения покинули захваченный повстанцами Мосул и были переброшены "
     "в Синджар.", None, "Синджар"),
    ("Les unités jordaniennes ont quitté Mossoul et ont été redéployées à Sinjar.",
     "Mossoul", "Sinjar"),
])
def test_a_second_verb_joined_by_and_speaks_for_its_place(tmp_path, text, left, arrived):
    records = _records(tmp_path, text)
    events = {(r.mention, r.event) for r in records}
    assert (arrived, "deployed") in events, events
    assert (arrived, "withdrawn") not in events
    if left:
        assert (left, "withdrawn") in events, events


@pytest.mark.parametrize("text", [
    "В Гродно прибыли российские военнослужащие, передает ИА REGNUM.",
    "Как передает ТАСС, в Гродно прибыли российские военнослужащие.",
])
def test_russian_reports_is_no_hand_over(tmp_path, text):
    # "передает" is also "reports": the troops arrive, nothing is handed over
    records = _records(tmp_path, text)
    assert [(r.force.country, r.event) for r in records] == [("RU", "deployed")], [
        (r.mention, r.event, r.trigger) for r in records]


def test_headed_towards_is_a_move(tmp_path):
    records = _records(tmp_path, "Jordanian troops headed towards Sinjar on Monday.")
    assert [(r.force.country, r.mention, r.event) for r in records] == [
        ("JO", "Sinjar", "deployed")]


@pytest.mark.parametrize(("text", "expected"), [
    # serving somewhere is being there: no verb of motion needed
    ("About 300 British soldiers are serving in Cyprus.", ("GB", "CY")),
    ("Dans la base, 350 soldats britanniques sont en service à Chypre.", ("GB", "CY")),
    ("Около 500 российских военных проходят службу в Тирасполе.", ("RU", "MD")),
    ("Hơn 200 binh sĩ Việt Nam đang làm nhiệm vụ tại Abyei.", ("VN", "SD")),
])
def test_serving_at_a_place_is_a_presence(tmp_path, text, expected):
    found = {(r.force.country, r.target.country, r.event) for r in _records(tmp_path, text)}
    assert (*expected, "deployed") in found, found


@pytest.mark.parametrize("text", [
    "Russia is building a naval base in Port Sudan.",
    "Россия открыла военную базу в Порт-Судане.",
    "La Russie a ouvert une base militaire à Port-Soudan en 2024.",
    "Nga đã mở căn cứ quân sự tại Port Sudan năm 2024.",
])
def test_a_base_opened_or_built_is_a_force_there(tmp_path, text):
    # no verb was known: "no verb saying what happens to the force"
    found = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert found == {("RU", "geonames:377039", "deployed")}, found


@pytest.mark.parametrize("text", [
    "Russian troops opened fire near Port Sudan.",
    "Des soldats russes ont ouvert le feu près de Port-Soudan.",
])
def test_opening_fire_opens_no_base(tmp_path, text):
    assert not [r for r in _records(tmp_path, text) if r.trigger.lower().startswith(
        ("opened", "ont ouvert"))]


@pytest.mark.parametrize(("text", "place", "event"), [
    ("The British training unit remains at Nanyuki.", "geonames:184433", "remains"),
    ("British soldiers will continue to train at Nanyuki.", "geonames:184433", "deployed"),
    ("Un détachement britannique est arrivé à Nanyuki lundi.", "geonames:184433",
     "deployed"),
    ("Британское подразделение прибыло в Момбасу.", "geonames:186301", "deployed"),
    ("Một đơn vị Anh đã đến Nanyuki hôm thứ Hai.", "geonames:184433", "deployed"),
])
def test_units_and_detachments_are_forces(tmp_path, text, place, event):
    found = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert found == {("GB", place, event)}, found


@pytest.mark.parametrize("text", [
    "The Dutch army pulled 1,200 troops out of Lithuania in June.",
    "The Dutch army will pull about 1,200 Dutch soldiers out of Lithuania.",
    "The Dutch army pulled its last troops out of Lithuania in June.",
])
def test_a_number_between_a_verb_and_its_particle_is_one_word(tmp_path, text):
    # "1,200" broke "pulled ... out" at its comma: no verb was found
    found = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert {(c, k) for c, k, _ in found} == {("NL", "LT")}, found
    assert found & {("NL", "LT", "withdrawn"), ("NL", "LT", "withdrawal_agreed")}, found


@pytest.mark.parametrize(("text", "expected"), [
    ("The Belgian army's last soldiers left Kindu in August.", ("BE", "army", "withdrawn")),
    ("The British Army’s training unit remains at Nanyuki.", ("GB", "army", "remains")),
    ("The Indian navy's warships docked at Trincomalee.", ("IN", "navy", "deployed")),
])
def test_a_force_owned_by_a_force_in_the_possessive_is_its_country_s(tmp_path, text,
                                                                      expected):
    # "army's" was no force word: the force after it had no nationality
    found = {(r.force.country, r.force.type, r.event) for r in _records(tmp_path, text)}
    assert found == {expected}, found


@pytest.mark.parametrize("text", [
    # "lại" after the verb ("hand back") stood between the verb and the base
    "Quân đội Pháp đã bàn giao lại căn cứ không quân Ouallam cho Lực lượng Vũ trang Niger.",
    "The French army handed the keys of the Ouallam base to the Nigerien armed forces.",
])
def test_handing_back_and_handing_the_keys_are_handovers(tmp_path, text):
    found = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert found == {("FR", "geonames:2440371", "handed_over")}, found


def test_falling_back_on_a_place_is_going_there(tmp_path):
    # "se replier" is a verb of leaving: Kindu was read as left
    found = {(r.force.country, r.target.key, r.event) for r in _records(
        tmp_path, "Les soldats belges ont quitté Kalemie et se sont repliés sur Kindu.")}
    assert ("BE", "geonames:212902", "deployed") in found, found
    assert not any(key == "geonames:212902" and event == "withdrawn"
                   for _, key, event in found), found


@pytest.mark.parametrize("text", [
    "South Korean engineers arrived in South Sudan in 2013. The last South Korean "
    "engineers returned to South Korea in May.",
    "Binh sĩ Hàn Quốc đến Nam Sudan năm 2013. Toàn bộ binh sĩ Hàn Quốc đã trở về Hàn Quốc.",
])
def test_going_back_home_leaves_the_story_s_country(tmp_path, text):
    # "returned to South Korea" was an arrival at home, refused: no end in South Sudan
    found = {(r.force.country, r.target.key, r.event) for r in _records(tmp_path, text)}
    assert ("KR", "SS", "withdrawn") in found, found
    assert not any(key == "KR" for _, key, _ in found), found


def test_arriving_at_home_for_a_ceremony_is_no_withdrawal(tmp_path):
    assert not _records(tmp_path, "South Korean engineers arrived in South Korea for a "
                                  "ceremony.")


@pytest.mark.parametrize(("text", "arrived", "left"), [
    ("The last Chadian troops crossed into Cameroon on Monday after leaving Bangui.",
     "Cameroon", "Bangui"),
    ("Những binh sĩ Chad cuối cùng đã vượt biên sang Cameroon sau khi rời Bangui.",
     "Cameroon", "Bangui"),
])
def test_crossing_into_a_country_is_arriving_there(tmp_path, text, arrived, left):
    by_mention = {r.mention: r.event for r in _records(tmp_path, text)}
    assert by_mention == {arrived: "deployed", left: "withdrawn"}, by_mention


def test_moving_away_is_leaving(tmp_path):
    by_mention = {r.mention: r.event for r in _records(
        tmp_path, "Các đơn vị quân Chad từng đóng quân ở Kidal đã chuyển đi.")}
    assert by_mention == {"Kidal": "withdrawn"}, by_mention


@pytest.mark.parametrize(("text", "place"), [
    ("The Belgian military presence in Kindu ended on 31 January.", "Kindu"),
    ("La présence militaire belge à Kindu a pris fin le 31 janvier.", "Kindu"),
    ("Бельгийское военное присутствие в Киндю завершилось 31 января.", "Киндю"),
])
def test_a_presence_said_to_end_is_a_withdrawal(tmp_path, text, place):
    by_mention = {r.mention: r.event for r in _records(tmp_path, text)}
    assert by_mention == {place: "withdrawn"}, by_mention


def test_an_exercise_that_ended_ends_no_presence(tmp_path):
    by_mention = {r.mention: r.event for r in _records(
        tmp_path, "The exercise with Belgian troops deployed in Kindu ended on Friday.")}
    assert by_mention == {"Kindu": "deployed"}, by_mention


@pytest.mark.parametrize(("text", "place"), [
    ("The first Fijian soldiers touched down in Honiara on Thursday.", "Honiara"),
    ("Les soldats belges, logés à Kindu, patrouillent chaque jour.", "Kindu"),
    ("Binh sĩ Fiji đã chuyển đến Honiara.", "Honiara"),
])
def test_touching_down_lodging_and_moving_to_are_presences(tmp_path, text, place):
    by_mention = {r.mention: r.event for r in _records(tmp_path, text)}
    assert by_mention == {place: "deployed"}, by_mention
