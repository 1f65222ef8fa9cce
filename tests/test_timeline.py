"""The seed scenario as a timeline: the before/after change, snapshots, date precision."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from geo.dates import DateError, FuzzyDate, parse_date, parse_day
from geo.timeline import Timeline

FIVE_PROVINCES = {"AM-TV", "AM-SU", "AM-VD", "AM-GR", "AM-AR"}



def places(frame, change: str) -> set[str]:
    return set(frame.loc[frame["change"] == change, "place_id"])


def test_seed_change_matches_the_story(timeline: Timeline) -> None:
    change = timeline.change(timeline.view("before"), timeline.view("after"))
    withdrawn = places(change, "withdrawn")
    assert FIVE_PROVINCES | {"airport:UDYZ", "region:nagorno-karabakh"} <= withdrawn
    # The October 2020 posts on the south-east (Syunik) and south-west (Nakhchivan) borders
    # lie in the five regions the agreement covers: withdrawn too, and nothing else is.
    assert withdrawn - FIVE_PROVINCES - {"airport:UDYZ", "region:nagorno-karabakh"} == {
        "border:AM-AZ@AM-SU", "border:AM-NX"}
    assert places(change, "remained") == {"border:AM-TR", "border:AM-IR", "base:102-gyumri"}
    assert places(change, "new") == set()
    # Troops and border guards both leave each of the five provinces.
    provinces = change[change["place_id"].isin(FIVE_PROVINCES)]
    assert sorted(provinces.groupby("place_id")["force_type"].apply(sorted).iloc[0]) == [
        "army", "border_guards"]


def test_every_row_carries_its_sources_and_quotes(timeline: Timeline) -> None:
    change = timeline.change(timeline.view("before"), timeline.view("after"))
    assert change.crs.to_epsg() == 4326
    assert (change["source_ids"].str.len() > 0).all()
    assert change["quotes"].str.contains(r"\[seed-00\d\] ", regex=True).all()
    gyumri = change.set_index("place_id").loc["base:102-gyumri"]
    assert gyumri["strength"] == 5000 and bool(gyumri["strength_approximate"])
    assert "5.000 quân đóng tại căn cứ quân sự số 102 ở Gyumri" in gyumri["quotes"]


def test_uncertain_dates_are_flagged_not_dropped(timeline: Timeline) -> None:
    change = timeline.change(timeline.view("before"), timeline.view("after")).set_index(
        "presence_id")
    # Peacekeepers left some time between Sept 2023 and 9 May 2024: possible on 1 Jan 2024.
    karabakh = change.loc["ru-peacekeepers-karabakh"]
    assert karabakh["change"] == "withdrawn" and not karabakh["certain_before"]
    assert change.loc["ru-border-guards-tavush", "certain_before"]


@pytest.mark.parametrize("year", range(1992, 2031))
def test_snapshots_from_1992_to_2030(timeline: Timeline, year: int) -> None:
    for day in (dt.date(year, 1, 1), dt.date(year, 6, 30), dt.date(year, 12, 31)):
        snapshot = timeline.snapshot(day)
        assert snapshot.crs.to_epsg() == 4326
        ids = set(snapshot["place_id"])
        if day >= dt.date(1993, 1, 1):
            assert {"border:AM-TR", "border:AM-IR"} <= ids  # since the 1992 agreement
        if day >= dt.date(1996, 1, 1):
            assert "base:102-gyumri" in ids
        if dt.date(2021, 1, 1) <= day < dt.date(2023, 9, 1):
            assert ids >= FIVE_PROVINCES and "region:nagorno-karabakh" in ids
        if day >= dt.date(2024, 8, 1):
            assert ids == {"border:AM-TR", "border:AM-IR", "base:102-gyumri"}


def test_a_kept_frame_is_a_copy_each_caller_may_change(timeline: Timeline) -> None:
    """Frames asked for again come from the timeline's last ones: equal, never shared."""
    before, after = timeline.view("before"), timeline.view("after")
    first = timeline.change(before, after)
    expected = first.copy()
    first["change"] = "changed by the caller"
    first.loc[first.index[0], "force"] = "changed in place"
    again = timeline.change(before, after)
    assert again is not first
    assert again.equals(expected) and again.crs == expected.crs
    for day in (before, after, before):
        assert timeline.snapshot(day).equals(Timeline(timeline.scenario).snapshot(day))
    assert timeline.presences().equals(Timeline(timeline.scenario).presences())


def test_month_and_year_precision_compare_as_spans(timeline: Timeline) -> None:
    # Start "1992" (year precision): possible from 1 Jan 1992, certain only from 31 Dec 1992.
    early = timeline.snapshot(dt.date(1992, 3, 1)).set_index("presence_id")
    assert not early.loc["ru-border-guards-turkey-border", "certain"]
    late = timeline.snapshot(dt.date(1992, 12, 31)).set_index("presence_id")
    assert late.loc["ru-border-guards-turkey-border", "certain"]
    assert "ru-border-guards-turkey-border" not in timeline.snapshot(dt.date(1991, 12, 31))[
        "presence_id"].tolist()


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "precision"),
    [("2024-05-09", "2024-05-09", "2024-05-09", "day"),
     ("2024-02", "2024-02-01", "2024-02-29", "month"),
     ("2023-02", "2023-02-01", "2023-02-28", "month"),
     ("2020", "2020-01-01", "2020-12-31", "year"),
     (2020, "2020-01-01", "2020-12-31", "year"),
     ({"earliest": "2020-09", "latest": "2020-11", "text": "autumn"}, "2020-09-01",
      "2020-11-30", "approximate")],
)
def test_parse_date(value, earliest: str, latest: str, precision: str) -> None:
    parsed = parse_date(value)
    assert parsed == FuzzyDate(dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest),
                               precision, parsed.text)


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-13", "24-05-09", "May 2024", "",
                                 {"earliest": "2021"}, {"earliest": "2021", "latest": "2020"}])
def test_bad_dates(bad) -> None:
    with pytest.raises(DateError):
        parse_date(bad)


def test_parse_day_needs_a_day() -> None:
    assert parse_day("2024-08-01") == dt.date(2024, 8, 1)
    with pytest.raises(DateError, match="not a single day"):
        parse_day("2024-08")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True,
                          check=False)


def test_cli_diff_defaults_to_the_seed_story() -> None:
    result = run("diff")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2024-01-01 -> 2024-08-01: 14 withdrawn, 3 remained, 0 new")
    geojson = run("diff", "--format", "geojson")
    collection = json.loads(geojson.stdout)
    assert "crs" not in collection and collection["before"] == "2024-01-01"
    changes = {f["properties"]["place_id"]: f["properties"]["change"]
               for f in collection["features"]}
    assert changes["airport:UDYZ"] == "withdrawn" and changes["border:AM-IR"] == "remained"


def test_cli_snapshot_and_bad_dates() -> None:
    result = run("snapshot", "--date", "2030-01-01")
    assert result.returncode == 0 and result.stdout.startswith("3 presences in force on 2030")
    bad = run("snapshot", "--date", "2024-02-30")
    assert bad.returncode == 2 and "--date: '2024-02-30' is not a real date" in bad.stderr
    missing = run("diff", "no-such-story.yaml")
    assert missing.returncode == 2 and "no-such-story.yaml: no such file" in missing.stderr
