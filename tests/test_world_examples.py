"""The two example stories outside the Caucasus (data/scenarios/) load with no --places file:
every place resolves inside the story's countries, to the kind the scenario names."""

from __future__ import annotations

import pytest

from geo.data_files import data_path
from geo.scenario.load import load_scenario

#: Reference positions: airportsdata (ICAO) and Wikipedia coordinates of the sites.
EXPECTED = {
    "maldives-2024.yaml": ("MV", {"airport:VRMG", "airport:VRMK", "airport:VRMH"}),
    "iraq-coalition-2024.yaml": ("IQ", {"base:ain-al-asad", "airport:ORBI", "airport:ORER"}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_story_resolves_in_its_countries(name: str) -> None:
    country, some_places = EXPECTED[name]
    scenario = load_scenario(data_path("scenarios", name))
    assert scenario.country == country and len(scenario.countries) >= 2
    places = {p.place.id: p.place for p in scenario.presences}
    assert some_places <= set(places), sorted(places)
    assert all(p.country == country for p in places.values())
    assert not any(p.warning for p in places.values())


@pytest.mark.parametrize("name, shown", [
    ("iraq-coalition-2024.yaml", "Iraq"), ("maldives-2024.yaml", "Maldives")])
def test_alt_text_names_the_countries_that_hold_the_story(name, shown) -> None:
    """A country listed only so that its places resolve (the force's home) is not the map's
    subject: the alt text names the countries the presences lie in."""
    from geo.render.alt_text import alt_text
    from geo.timeline import Timeline

    scenario = load_scenario(data_path("scenarios", name))
    days = {"before": scenario.views["before"].date, "after": scenario.views["after"].date}
    text = alt_text(Timeline(scenario), **days)
    opening = text.split(". ")[0]
    assert opening.startswith(f"Two maps of {shown} side by side"), opening


def test_a_story_over_two_countries_is_said_to_cover_both() -> None:
    from types import SimpleNamespace

    from geo.render.presentation import countries_shown

    def presence(country: str) -> SimpleNamespace:
        return SimpleNamespace(place=SimpleNamespace(country=country))

    scenario = SimpleNamespace(country="ML", countries=("ML", "NE", "FR"),
                               presences=(presence("NE"), presence("ML"), presence("NE")))
    assert countries_shown(scenario) == ["ML", "NE"]
    alone = SimpleNamespace(country="ML", countries=("ML", "FR"), presences=(presence("XX"),))
    assert countries_shown(alone) == ["ML"]


def test_the_locator_inset_outlines_every_story_country() -> None:
    import shapely

    from geo.render.static.projection import inset, project_point, projection

    niamey, bamako = (2.1098, 13.51366), (-7.97522, 12.60915)  # GeoNames 2440485, 2460596
    crs = projection([shapely.Point(*niamey), shapely.Point(*bamako)])
    at_niamey = shapely.Point(*project_point(*niamey, crs))
    both = inset(crs, (-3.0, 15.0), ("ML", "NE")).focus
    mali = inset(crs, (-3.0, 15.0), ("ML",)).focus
    assert both.contains(at_niamey) and not mali.contains(at_niamey)
    assert both.contains(shapely.Point(*project_point(*bamako, crs)))
