"""A cache that cannot hurt: entries are data with a checksum, a damaged or foreign entry is
rebuilt with one warning, and every command still answers right."""

from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

import pytest

from geo import Gazetteer
from geo.cache import cache_root, read_entry, write_entry
from geo.gazetteer import index as name_index


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entry_path(cache: Path) -> Path:
    (found,) = (cache / "index").glob("names-*")
    return found


def test_the_index_is_cached_and_read_back_whole(cache, monkeypatch):
    built = name_index.load_index()
    path = entry_path(cache)
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    assert b"pickle" not in path.read_bytes()[:100]

    def no_build():
        raise AssertionError("the cached index should have been used")

    monkeypatch.setattr(name_index, "build_index", no_build)
    again = name_index.load_index()
    assert again.exact == built.exact and again.loose == built.loose
    assert again.places.keys() == built.places.keys()
    for place_id in ("AM-SU", "border:AM-TR", "airport:UDYZ"):
        assert again.places[place_id].geometry.equals(built.places[place_id].geometry)
        assert again.places[place_id].names == built.places[place_id].names


def corrupt(data: bytes, rng: random.Random) -> bytes:
    how = rng.choice(["flip", "truncate", "append", "zero", "header", "swap"])
    if how == "flip":
        at = rng.randrange(len(data))
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]
    if how == "truncate":
        return data[:rng.randrange(len(data))]
    if how == "append":
        return data + rng.randbytes(rng.randint(1, 64))
    if how == "zero":
        at = rng.randrange(len(data))
        return data[:at] + bytes(min(512, len(data) - at)) + data[at + 512:]
    if how == "header":
        return rng.randbytes(rng.randint(0, 120)) + data[data.index(b"\n") + 1:]
    at, size = rng.randrange(len(data)), rng.randint(1, 16)
    return data[:at] + data[at + size:at + 2 * size] + data[at:at + size] + data[at + 2 * size:]


def test_300_random_corruptions_never_pass_the_checksum(cache):
    rng = random.Random(20261202)
    payload = name_index.encode_index(name_index.load_index())
    path = cache / "entry.bin"
    write_entry(path, "name-index", 2, payload)
    whole = path.read_bytes()
    passed = 0
    for _ in range(300):
        damaged = corrupt(whole, rng)
        path.write_bytes(damaged)
        found = read_entry(path, "name-index", 2)
        if damaged == whole:
            assert found == payload
        else:
            assert found is None
            passed += 1
    assert passed >= 295  # a corruption can leave the bytes as they were


def test_a_foreign_entry_with_a_valid_checksum_runs_no_code(cache, tmp_path):
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    name_index.load_index()
    path = entry_path(cache)
    write_entry(path, "name-index", 2, pickle.dumps(Evil()))
    place = Gazetteer(country="AM").resolve("Syunik")
    assert place.id == "AM-SU" and not marker.exists()


@pytest.mark.parametrize("seed", range(10))
def test_commands_answer_right_after_a_corruption(cache, capsys, seed):
    name_index.load_index()
    path = entry_path(cache)
    path.write_bytes(corrupt(path.read_bytes(), random.Random(seed)))
    assert Gazetteer(country="AM").resolve("Gyumri").name == "Gyumri"
    assert Gazetteer(country="AM").resolve("Syunik").id == "AM-SU"
    err = capsys.readouterr().err
    assert err.count("warning: the cached name index") <= 1
    assert read_entry(entry_path(cache), "name-index", 2) is not None  # rebuilt whole


def test_a_home_that_does_not_exist_is_a_folder_name(monkeypatch):
    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", "~nosuchuser-deploymap/x")
    assert cache_root() == Path("~nosuchuser-deploymap/x")
