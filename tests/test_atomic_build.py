"""A build that is killed (SIGKILL: no clean-up runs) or runs out of disk leaves the previous
set of maps whole: all of the previous build's files, or all of the new build's, never a mix.

The folder first holds the maps of one build (A). Another build (B: a different day, so
different files) into the same folder is killed at 20 random moments, and run on a full disk
(a small tmpfs) filled at each of its outputs. After each, every visible file is A's or every
one is B's, byte for byte; the only things left are deploymap's own hidden staging or commit
folders of the dead process, which the next build finishes or removes (a commit folder means
B is the set: it is moved into place). The last build then runs to its end and gives exactly B.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FORMATS = "html,geojson,gpkg"
OLD = ["--after", "2024-08-01"]
NEW = ["--after", "2024-06-01"]
#: (the progress line to wait for, or None for the start; seconds to wait after it)
#: 20 kills: (the progress line to wait for, or None for the start; seconds to wait after it)
KILLS = [(None, 1.0), ("[1/3]", 0.0), ("[2/3]", 0.05), ("[2/3]", 0.15)] + [
    (random.Random(seed).choice([None, "[1/3]", "[2/3]", "[3/3]"]),
     round(random.Random(seed + 100).uniform(0.0, 2.5), 3)) for seed in range(16)]
TEMPORARY = re.compile(r"^\.deploymap-(?P<kind>tmp|staging|commit)\.(?P<pid>\d+)\.[0-9a-f]{8}"
                       r"(\..+)?$")


def command(out: Path, day: list[str]) -> list[str]:
    return [sys.executable, "-m", "geo", "build", "--out", str(out), "--format", FORMATS, *day]


def digests(folder: Path) -> dict[str, str]:
    """The visible files of ``folder`` (hidden temporaries are checked apart)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def build(out: Path, day: list[str]) -> dict[str, str]:
    result = subprocess.run(command(out, day), capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    return digests(out)


def kill_during(out: Path, day: list[str], after: str | None, delay: float) -> tuple[int, str]:
    """Start a build, SIGKILL it ``delay`` s after the progress line ``after``."""
    process = subprocess.Popen(command(out, day), stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    seen = ""
    if after is not None:
        for line in process.stderr:
            seen += line
            if after in line:
                break
        else:
            pytest.fail(f"the build ended before {after!r}: {seen}")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stderr.close()
    return process.pid, seen


def test_a_killed_build_leaves_one_whole_set(tmp_path: Path) -> None:
    from geo.output import recover

    out = tmp_path / "maps"
    old = build(out, OLD)
    assert len(old) == 5  # html, 3 geojson, gpkg
    states = []
    for after, delay in KILLS:
        pid, seen = kill_during(out, NEW, after, delay)
        hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
        committed = any(TEMPORARY.match(n) and TEMPORARY.match(n)["kind"] == "commit"
                        for n in hidden)
        if committed:  # killed while moving a committed set into place: B is the set
            recover(out)
        states.append((after, delay, pid, seen, digests(out), hidden, committed))
        if committed or digests(out) != old:
            build(out, OLD)  # start each kill from A again
    new = build(out, NEW)
    assert set(new) == set(old) and new != old
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], \
        "the finished build left temporaries behind"
    outcomes = {"old": 0, "new": 0}
    killed = {state[2] for state in states}
    for after, delay, _pid, seen, files, hidden, _committed in states:
        where = f"killed {delay} s after {after or 'the start'} ({seen.count('[')} jobs done)"
        assert files in (old, new), f"a mix of two sets, {where}"
        outcomes["old" if files == old else "new"] += 1
        for name in hidden:  # a kill before the next build's start-up left them be
            match = TEMPORARY.match(name)
            assert match and int(match["pid"]) in killed, f"{name} left, {where}"
    assert outcomes["old"], "no kill came before the commit: the test proves nothing"


def _mount_tmpfs(folder: Path, size: int) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                             str(folder)], capture_output=True, check=False)
    return result.returncode == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_at_each_output_leaves_the_previous_set(tmp_path: Path) -> None:
    every, previous = tmp_path / "every", tmp_path / "previous"
    sizes = {p.name: p.stat().st_size for p in (every / n for n in build(every, NEW))}
    build(previous, OLD)
    written = sorted(sizes.values())  # the staging folder fills in some order of these
    disk = tmp_path / "disk"
    for index in range(len(written)):
        # room for A's files and part of B's: the build runs out of disk at its index-th file
        size = sum(sizes.values()) + sum(written[:index]) + written[index] // 2
        size = (size // 4096 + 1) * 4096
        assert _mount_tmpfs(disk, size), "cannot mount a tmpfs"
        try:
            out = disk / "maps"
            shutil.copytree(previous, out)  # A's maps, without the room A's build needed
            old = digests(out)
            result = subprocess.run(command(out, NEW), capture_output=True, text=True,
                                    timeout=300, check=False)
            if result.returncode == 0:  # it fitted after all: then it is all of B
                assert set(digests(out)) == set(old)
                continue
            assert result.returncode == 2, result.stderr
            assert result.stderr.count("error:") == 1 and "Traceback" not in result.stderr
            assert "the previous maps are unchanged" in result.stderr
            assert digests(out) == old, f"full disk at output {index}: the set changed"
            assert not [p for p in out.iterdir() if p.name.startswith(".")]
        finally:
            subprocess.run(["umount", str(disk)], check=False)


def test_only_deploymaps_own_leftovers_of_dead_processes_are_removed(tmp_path: Path) -> None:
    from geo.output import MANIFEST, recover

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    stale = tmp_path / f".deploymap-tmp.{pid}.0a1b2c3d.story.gpkg"
    staging = tmp_path / f".deploymap-staging.{pid}.0a1b2c3d"
    mine = tmp_path / f".deploymap-tmp.{os.getpid()}.abcdef12.story.en.html"
    look_alike = tmp_path / f".photos.{pid}.backup.part.zip"  # the user's, not ours
    other = tmp_path / ".notes.part"
    for path in (stale, mine, look_alike, other):
        path.write_bytes(b"partial")
    staging.mkdir()
    (staging / "story.en.html").write_bytes(b"half")
    commit = tmp_path / f".deploymap-commit.{pid}.1a2b3c4d"
    commit.mkdir()
    (commit / "story.gpkg").write_bytes(b"new set")
    (commit / MANIFEST).write_text("story.gpkg\nstory.en.html\n", encoding="utf-8")
    (tmp_path / "story.en.html").write_bytes(b"new set, already moved")
    assert sorted(recover(tmp_path)) == sorted([stale, staging, commit])
    assert not stale.exists() and not staging.exists() and not commit.exists()
    assert mine.exists() and look_alike.exists() and other.exists()
    assert (tmp_path / "story.gpkg").read_bytes() == b"new set"
