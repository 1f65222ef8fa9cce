"""Animated maps (``--format gif,mp4``): the seed story's frames, durations, sizes, pixels.

The frames a GIF or MP4 must have are worked out here from the scenario YAML itself (every
day a presence's start or end span opens or closes, and the first source's day of a
presence with no start), not from deploymap's own schedule.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from geo.errors import BadArgument
from geo.render import to_animation
from geo.render.formats import DEFAULT_FORMATS, VIDEO_PIXELS
from geo.render.outputs import OutputOptions, drawn_digest, output_jobs
from geo.render.video import render_animation
from geo.render.video.schedule import FIRST_HOLD, HOLD, LAST_HOLD, format_precise, schedule

MAX_BYTES = 8 * 1024 * 1024  # what social networks take without complaint
FPS = 25


def _span(value: object) -> tuple[dt.date, dt.date] | None:
    """The first and last day a scenario date may mean."""
    if value is None:
        return None
    if isinstance(value, dict):
        return _span(value["earliest"])[0], _span(value["latest"])[1]  # type: ignore[index]
    if isinstance(value, dt.date):
        return value, value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts), dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def change_days_from_yaml(path: Path) -> list[dt.date]:
    """Every day on which a presence of the scenario at ``path`` may start or stop being in
    force or certain."""
    story = yaml.safe_load(path.read_text(encoding="utf-8"))
    published = {s["id"]: _span(s["published"]) for s in story["sources"]}
    days: set[dt.date] = set()
    for presence in story["presences"]:
        for key in ("start", "end"):
            span = _span(presence.get(key))
            if span:
                days.update(span)
        if presence.get("start") is None:
            days.add(min(published[c["source"]][0] for c in presence["citations"]))
    return sorted(days)


@pytest.fixture(scope="module")
def expected(timeline) -> dict[str, object]:
    days = change_days_from_yaml(timeline.scenario.path)
    return {"days": days, "frames": len(days),
            "seconds": FIRST_HOLD + LAST_HOLD + HOLD * (len(days) - 2)}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """``deploymap build --format gif,mp4`` of the seed story: (size, format) -> file."""
    out = tmp_path_factory.mktemp("animations")
    result = subprocess.run([sys.executable, "-m", "geo", "build", "--format", "gif,mp4",
                             "--out", str(out)], capture_output=True, text=True, timeout=900,
                            check=False)
    assert result.returncode == 0, result.stderr
    files = {}
    for size, (width, height) in VIDEO_PIXELS.items():
        for fmt in ("gif", "mp4"):
            files[size, fmt] = out / f"armenia-2024.en.{width}x{height}.{fmt}"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in files.values())
    return files


def test_one_frame_per_change_day_of_the_yaml(timeline, expected) -> None:
    frames = schedule(timeline)
    assert [f.day for f in frames] == expected["days"]
    assert len(frames) == 14  # 1992 ... 1 August 2024: the seed story as written
    assert [f.since for f in frames[1:]] == [f.day for f in frames[:-1]]
    assert sum(f.seconds for f in frames) == expected["seconds"]


def test_captions_say_a_day_only_as_precisely_as_the_sources(timeline) -> None:
    captions = [f.caption("en") for f in schedule(timeline)]
    assert captions == [
        "1992", "End of 1992", "1995", "End of 1995", "September 2020", "27 September 2020",
        "October 2020", "End of October 2020", "End of November 2020",
        "End of December 2020", "September 2023", "8 May 2024", "9 May 2024",
        "1 August 2024"]
    assert [f.caption("vi") for f in schedule(timeline)][:8:3] == [
        "Năm 1992", "Cuối năm 1995", "Tháng 10/2020"]
    assert format_precise(dt.date(2024, 8, 1), "month", "en") == "August 2024"
    assert format_precise(dt.date(2024, 8, 31), "end_month", "vi") == "Cuối tháng 8/2024"


@pytest.mark.parametrize("size", list(VIDEO_PIXELS))
def test_gif_plays_every_state_for_its_hold(built, expected, size: str) -> None:
    from PIL import Image

    path = built[size, "gif"]
    assert path.stat().st_size <= MAX_BYTES
    with Image.open(path) as gif:
        assert gif.size == VIDEO_PIXELS[size]
        assert gif.n_frames == expected["frames"]
        assert gif.info["loop"] == 0
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
    assert sum(durations) == round(expected["seconds"] * 1000)
    assert durations[0] == FIRST_HOLD * 1000 and durations[-1] == LAST_HOLD * 1000


@pytest.mark.parametrize("size", list(VIDEO_PIXELS))
def test_mp4_is_h264_for_browsers_and_lasts_the_timeline(built, expected, size: str) -> None:
    import imageio_ffmpeg

    path = built[size, "mp4"]
    data = path.read_bytes()
    assert len(data) <= MAX_BYTES
    assert data[4:8] == b"ftyp" and data.index(b"moov") < data.index(b"mdat")  # faststart
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert seconds == pytest.approx(expected["seconds"], abs=0.05)
    assert frames == round(expected["seconds"] * FPS)
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    reader.close()
    assert meta["codec"] == "h264" and meta["pix_fmt"].startswith("yuv420p")
    assert tuple(meta["size"]) == VIDEO_PIXELS[size] and meta["fps"] == FPS


def _gif_frame(path: Path, index: int) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as gif:
        gif.seek(index)
        return np.asarray(gif.convert("RGB"))


def test_frames_change_where_the_timeline_does(timeline, built) -> None:
    """Pixel positions come from the frame's own figure: the Gyumri base (from 1995) is
    missing on the first frame and there on the last; the five provinces (troops and border
    guards until 8 May 2024) are tinted at the end of 2020 and plain on the last frame."""
    import matplotlib
    from matplotlib.path import Path as MplPath

    from geo.render.static.style import RC
    from geo.render.video.canvas import Animator

    frames = schedule(timeline)
    with matplotlib.rc_context(RC):
        animator = Animator(timeline, frames, lang="en", size="square")
    height = VIDEO_PIXELS["square"][1]
    to_px = animator.ax.transData
    at = {f.day: i for i, f in enumerate(frames)}
    full, last = at[dt.date(2020, 11, 30)], len(frames) - 1

    def place(index: int, name: str):
        return next(f for f in animator.drawn[index] if f.rows[0]["place"] == name)

    # the base, drawn on the last frame
    base = next(f for f in animator.drawn[last] if f.place_id == "base:102-gyumri")
    x, y = to_px.transform((base.geometry.x, base.geometry.y))
    row, column = round(height - y), round(x)
    gif = built["square", "gif"]
    first_px, full_px, last_px = (_gif_frame(gif, i)[row, column].astype(int)
                                  for i in (0, full, last))
    assert np.abs(first_px - last_px).max() > 60  # no base in 1992, a blue square in 2024
    assert (full_px == last_px).all()  # the base is there in both, drawn alike

    syunik = place(full, "Syunik").geometry
    largest = max(getattr(syunik, "geoms", [syunik]), key=lambda part: part.area)
    outline = MplPath(to_px.transform(np.asarray(largest.exterior.coords)))
    box = outline.get_extents()
    xs, ys = np.meshgrid(np.arange(int(box.x0), int(box.x1)) + 0.5,
                         np.arange(int(box.y0), int(box.y1)) + 0.5)
    inside = outline.contains_points(np.column_stack([xs.ravel(), ys.ravel()]))
    rows = (height - ys.ravel()[inside]).astype(int)
    columns = xs.ravel()[inside].astype(int)
    assert len(rows) > 500
    tinted = _gif_frame(gif, full)[rows, columns].astype(float).mean(axis=0)
    plain = _gif_frame(gif, last)[rows, columns].astype(float).mean(axis=0)
    assert np.abs(tinted - plain).max() > 15, (tinted, plain)

    import imageio_ffmpeg  # the MP4 shows the same: its first and last frames at the base

    reader = imageio_ffmpeg.read_frames(str(built["square", "mp4"]))
    meta = next(reader)
    width = meta["size"][0]
    decoded = [np.frombuffer(f, dtype=np.uint8).reshape(height, width, 3) for f in reader]
    assert len(decoded) == round(sum(f.seconds for f in frames) * FPS)
    first_mp4, last_mp4 = decoded[0][row, column].astype(int), decoded[-1][row, column]
    assert np.abs(first_mp4 - last_mp4.astype(int)).max() > 60
    assert np.abs(last_mp4.astype(int) - last_px).max() < 40  # the same blue, give or take


def test_same_input_same_bytes(timeline, built) -> None:
    """In this process as in the build's worker: the same GIF and MP4, byte for byte."""
    files = render_animation(timeline, formats=("gif", "mp4"), size="square")
    assert files["gif"] == built["square", "gif"].read_bytes()
    assert files["mp4"] == built["square", "mp4"].read_bytes()


def test_build_makes_animations_only_when_asked(timeline, tmp_path: Path) -> None:
    days = {"before": timeline.view("before"), "after": timeline.view("after")}
    assert "gif" not in DEFAULT_FORMATS and "mp4" not in DEFAULT_FORMATS
    default = output_jobs(timeline, **days, out=tmp_path, stem="s", options=OutputOptions())
    assert not [j for j in default if j.draws == "video"]
    asked = output_jobs(timeline, **days, out=tmp_path, stem="s", options=OutputOptions(
        formats=("gif", "mp4"), langs=("en", "vi"), video_sizes=("wide",)))
    assert [(j.label, j.draws) for j in asked] == [("gif/mp4 (wide, en)", "video"),
                                                  ("gif/mp4 (wide, vi)", "video")]
    assert drawn_digest(timeline, "video", "x") == drawn_digest(timeline, "video", "x")


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "gif", "--video-size", "huge"], "'huge': not one of square, wide"),
    (["--format", "gif,webm"], "'webm': not one of html, geojson"),
])
def test_bad_animation_options_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "geo", "build", "--out", str(tmp_path),
                             *args], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and not list(tmp_path.iterdir())


def test_bad_animation_arguments_in_python(timeline) -> None:
    with pytest.raises(BadArgument, match="unknown video size 'huge'; use one of: square"):
        render_animation(timeline, size="huge")
    with pytest.raises(BadArgument, match="unknown animation format 'webm'"):
        to_animation(timeline, "story.webm")
    with pytest.raises(BadArgument, match="unknown language 'fr'"):
        render_animation(timeline, lang="fr")


def test_mp4_without_imageio_ffmpeg_is_one_message(tmp_path: Path) -> None:
    """A broken install (imageio-ffmpeg missing): exit 2 before any map is drawn."""
    shim = tmp_path / "shim" / "imageio_ffmpeg"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("raise ImportError('no imageio_ffmpeg here')\n")
    out = tmp_path / "maps"
    result = subprocess.run([sys.executable, "-m", "geo", "build", "--format", "png,mp4",
                             "--out", str(out)], capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "PYTHONPATH": str(shim.parent)})
    assert result.returncode == 2, result.stderr
    assert "--format mp4 needs the imageio-ffmpeg package" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


# --- the Chad fixture: places left, the opening frame, labels clear of each other
CHAD = Path(__file__).parent / "data" / "video" / "chad-2025.yaml"
STORIES = {"armenia": None, "chad": CHAD}


def _story(name: str, seed_timeline):
    from geo.timeline import Timeline

    return seed_timeline if STORIES[name] is None else Timeline.load(STORIES[name])


def _drawn_frames(timeline, size: str) -> tuple[list, list[list[tuple]]]:
    """Every frame of ``timeline`` drawn at ``size``: its text artists on the map as the
    figure drew them (words, display box, colour, the point a label's lines share),
    halos and empty leaders left out."""
    import matplotlib
    from matplotlib.colors import to_hex

    from geo.render.static.style import RC
    from geo.render.video.canvas import Animator

    frames = schedule(timeline)
    texts: list[list[tuple]] = []
    with matplotlib.rc_context(RC):
        animator = Animator(timeline, frames, lang="en", size=size)
        renderer = animator.figure.canvas.get_renderer()
        draw = animator.figure.canvas.draw

        def recording_draw() -> None:
            draw()
            texts.append([(" ".join(t.get_text().split()), t.get_window_extent(renderer),
                           to_hex(t.get_color()), tuple(getattr(t, "xy", (id(t),))))
                          for t in animator.ax.texts
                          if t.get_visible() and t.get_text().strip()
                          and not t.get_path_effects()])

        animator.figure.canvas.draw = recording_draw
        for index in range(len(frames)):
            animator.render(index)
    return frames, texts


def _left_on(path: Path, day: dt.date) -> dict[str, list[str]]:
    """The places (keyed by how the YAML writes them) that every presence there left on
    ``day`` (one ends that day, none is in force on it), each with its presences' ids."""
    story = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_place: dict[str, list[dict]] = {}
    for presence in story["presences"]:
        place = presence["place"]
        by_place.setdefault(str(place["name"] if isinstance(place, dict) else place),
                            []).append(presence)

    def in_force(presence: dict) -> bool:
        start, end = _span(presence["start"]), _span(presence["end"])
        return (start is None or start[0] <= day) and (end is None or day < end[1])

    return {key: [p["id"] for p in presences] for key, presences in by_place.items()
            if any((_span(p["end"]) or (None,))[0] == day for p in presences)
            and not any(in_force(p) for p in presences)}


def _names_of(timeline, presence_ids: list[str], day: dt.date) -> set[str]:
    """Every English name the place of these presences may be drawn with: the gazetteer's,
    the YAML's label, and the short one the maps write ("Border with Azerbaijan")."""
    from geo.render.static.names import place_name

    rows = timeline.snapshot(day - dt.timedelta(days=1))
    names = {place_name(row, "en", short=True)
             for row in rows[rows["presence_id"].isin(presence_ids)].to_dict("records")}
    for presence in timeline.scenario.presences:
        if presence.id in presence_ids:
            names.add(presence.place.name)
            names.update(presence.place.names.get("en", ()))
            if presence.label.get("en"):
                names.add(presence.label["en"])
    return names


def _drawn_name(drawn: str, names: set[str]) -> bool:
    """``drawn`` is one of ``names``, maybe without its bracketed part or with a ``?``."""
    import re

    bare = drawn.removesuffix(" ?")
    return any(bare in (n, re.sub(r"\s*\([^()]*\)", "", n).strip()) for n in names)


@pytest.mark.parametrize("size", list(VIDEO_PIXELS))
@pytest.mark.parametrize("story", list(STORIES))
def test_a_place_left_keeps_its_label_in_that_frame(timeline, story: str, size: str) -> None:
    """The place left is the news: in the frame a place is left (the YAML's end day of
    every presence there), its name is drawn, in grey, with who left."""
    from geo.render.static.style import GREY

    story_timeline = _story(story, timeline)
    path = story_timeline.scenario.path
    frames, texts = _drawn_frames(story_timeline, size)
    checked = 0
    for frame, drawn in zip(frames, texts, strict=True):
        for key, ids in _left_on(path, frame.day).items():
            names = _names_of(story_timeline, ids, frame.day)
            found = [(words, colour) for words, _, colour, _ in drawn
                     if _drawn_name(words, names)]
            assert found, (frame.day, key, sorted(names), [t[0] for t in drawn])
            assert all(colour == GREY for _, colour in found), (frame.day, key, found)
            checked += 1
    assert checked == {"armenia": 8, "chad": 3}[story]


@pytest.mark.parametrize("story", list(STORIES))
def test_first_frame_is_the_starting_state_without_new_marks(timeline, story: str) -> None:
    import matplotlib

    from geo.render.static.style import RC
    from geo.render.video.canvas import Animator

    story_timeline = _story(story, timeline)
    frames = schedule(story_timeline)
    with matplotlib.rc_context(RC):
        animator = Animator(story_timeline, frames[:2], lang="en", size="square")
    first = animator.drawn[0]
    assert first
    assert not [f.place_id for f in first if set(f.statuses) - {"remained"}]
    assert not [f.place_id for f in first for look in f.looks if look.treatment.halo]
    yaml_days = change_days_from_yaml(story_timeline.scenario.path)
    if story == "chad":  # no presence has a start: open on the day before the first change
        assert frames[0].day == yaml_days[0] - dt.timedelta(days=1)
        assert [f.day for f in frames[1:]] == yaml_days
        assert {f.place_id for f in first} == {
            p.place.id for p in story_timeline.scenario.presences}
        assert frames[0].caption("en") == "Before 28 November 2024"
        assert frames[0].caption("vi").startswith("Trước ")
    else:
        assert frames[0].day == yaml_days[0]


def _overlapping(drawn: list[tuple]) -> list[tuple[str, str]]:
    """Pairs of texts of different labels whose boxes overlap (by more than a pixel);
    the lines of one label share the point they name (a turned label's lines' boxes may
    overlap each other)."""
    out = []
    for i, (a_words, a, _, a_at) in enumerate(drawn):
        for b_words, b, _, b_at in drawn[i + 1:]:
            if a_at != b_at and (a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1
                                 and b.y0 < a.y1 - 1):
                out.append((a_words, b_words))
    return out


@pytest.mark.parametrize("size", list(VIDEO_PIXELS))
@pytest.mark.parametrize("story", list(STORIES))
def test_labels_never_overlap_and_the_map_has_room(timeline, story: str, size: str) -> None:
    """Every text on the map of every frame, measured as drawn: no two overlap. The
    square frame gives the map at least 45% of its height."""
    story_timeline = _story(story, timeline)
    frames, texts = _drawn_frames(story_timeline, size)
    clashes = {frame.caption("en"): found for frame, drawn in zip(frames, texts, strict=True)
               if (found := _overlapping(drawn))}
    assert not clashes
    if size == "square":
        import matplotlib

        from geo.render.static.style import RC
        from geo.render.video.canvas import Animator

        with matplotlib.rc_context(RC):
            animator = Animator(story_timeline, frames, lang="en", size=size)
        height = animator.ax.get_window_extent().height
        assert height >= 0.45 * VIDEO_PIXELS[size][1], height
