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
