"""``deploymap build`` as a user runs it: outputs, reruns, options, errors."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest


def build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geo", "build", *args], capture_output=True,
                          text=True, timeout=600, check=False)


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_full_build_writes_every_format_identically_twice(tmp_path: Path) -> None:
    """Once in three worker processes, once in one: the same bytes."""
    out = tmp_path / "maps"
    first = build("--out", str(out), "--lang", "en,vi", "--jobs", "3")
    assert first.returncode == 0, first.stderr
    names = set(digests(out))
    for lang in ("en", "vi"):
        assert {f"armenia-2024.{lang}.html", f"armenia-2024.side-by-side.{lang}.png",
                f"armenia-2024.side-by-side.{lang}.svg", f"armenia-2024.side-by-side.{lang}.pdf",
                f"armenia-2024.side-by-side.{lang}.txt"} <= names
    assert {"armenia-2024.before.geojson", "armenia-2024.after.geojson",
            "armenia-2024.change.geojson", "armenia-2024.gpkg"} <= names
    assert not [n for n in names if ".part" in n or n.startswith(".")]
    assert "[1/" in first.stderr and "files in" in first.stderr  # progress is reported
    before = digests(out)
    second = build("--out", str(out), "--lang", "en,vi", "--jobs", "1")
    assert second.returncode == 0 and digests(out) == before


def test_format_subset_and_layout(tmp_path: Path) -> None:
    result = build("--out", str(tmp_path), "--format", "geojson,png", "--layout", "change",
                   "--lang", "vi")
    assert result.returncode == 0, result.stderr
    assert set(digests(tmp_path)) == {
        "armenia-2024.before.geojson", "armenia-2024.after.geojson",
        "armenia-2024.change.geojson", "armenia-2024.change.vi.png", "armenia-2024.change.vi.txt"}
    alt = (tmp_path / "armenia-2024.change.vi.txt").read_text(encoding="utf-8")
    assert "Syunik" in alt and "Đã rút" in alt and "biên giới Armenia–Thổ Nhĩ Kỳ" in alt


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "kml"], "'kml': not one of html, geojson"),
    (["--lang", "fr"], "'fr': not one of en, vi"),
    (["--before", "2024-09-01", "--after", "2024-01-01"], "is not later than --before"),
    (["--before", "2024-02-30"], "--before: '2024-02-30' is not a real date"),
    (["no-such-story.yaml"], "no-such-story.yaml: no such file"),
    (["--threshold", "2", "--from-articles", "."], "--threshold 2.0: give a number from 0 to 1"),
    (["--format", "png", "--embed"], "--embed puts the HTML map in an article: add html"),
    (["--format", "html", "--embed-url", "javascript:alert(1)"],
     "--embed-url 'javascript:alert(1)': not an http(s) address"),
    (["--format", "html", "--embed-url", "maps/"], "--embed-url 'maps/': not an http(s)"),
    (["--format", "html", "--embed-url", "https://x.org/maps/?a=1&b=2"], "it has a query"),
    (["--format", "html", "--embed-url", "https://x.org/maps/#top"], "it has a fragment"),
    (["--format", "html", "--embed-url", "https://me:pw@x.org/maps/"], "names a user or pass"),
    (["--format", "html", "--embed-url", "https://x.org/maps/map.html"], "names a page, not"),
    (["--format", "html", "--video-size", "wide"], "--video-size applies to gif and mp4"),
])
def test_bad_options_exit_2_and_write_nothing(tmp_path: Path, args: list[str],
                                               message: str) -> None:
    out = tmp_path / "maps"
    result = build("--out", str(out), *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_embed_writes_an_iframe_and_a_page_naming_no_local_file(tmp_path: Path) -> None:
    from geo.scenario import load_scenario

    files = [s.file.name for s in load_scenario().sources.values() if s.file is not None]
    assert files  # the seed articles have no URL: their files are what must stay private
    out = tmp_path / "maps"
    result = build("--out", str(out), "--format", "html", "--embed-url",
                   "https://news.example/graphics/2024/")
    assert result.returncode == 0, result.stderr
    snippet = (out / "armenia-2024.en.iframe.txt").read_text(encoding="utf-8")
    assert 'src="https://news.example/graphics/2024/armenia-2024.en.html"' in snippet
    assert 'allow="fullscreen"' in snippet and 'loading="lazy"' in snippet
    assert "Russian forces in Armenia" in snippet  # the iframe's title, for screen readers
    page = (out / "armenia-2024.en.embed.html").read_text(encoding="utf-8")
    assert 'src="armenia-2024.en.html"' in page  # the page previews the map beside it
    assert "https://news.example/graphics/2024/armenia-2024.en.html" in page  # code to copy
    published = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for name in (*files, str(tmp_path), "seed file", "tệp bài gốc"):
        assert name not in published, name

    shown = build("--out", str(tmp_path / "private"), "--format", "html", "--show-files")
    assert shown.returncode == 0, shown.stderr
    text = (tmp_path / "private" / "armenia-2024.en.html").read_text(encoding="utf-8")
    assert all(name in text for name in files)
