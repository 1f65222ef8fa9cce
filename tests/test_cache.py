"""A cache that cannot hurt: entries are data with a checksum, a damaged or foreign entry is
rebuilt with one warning, and every command still answers right."""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo import Gazetteer
from geo.cache import cache_root, read_entry, write_entry
from geo.cache.blocks import DamagedEntry, EntryWriter, SectionFile
from geo.gazetteer import index as name_index


@pytest.fixture(scope="module")
def session_index_entry() -> Path:
    """The session cache's index entry, built once (building the world's index takes about
    30 s; each test below that needs a whole entry to damage starts from a copy of it)."""
    name_index.load_index()
    kind, _version, key = name_index.index_entry()
    found = cache_root() / kind / f"{key}.bin"  # other tests may leave entries of other keys
    assert found.is_file(), found
    return found


@pytest.fixture
def cache(tmp_path, monkeypatch, session_index_entry) -> Path:
    folder = tmp_path / "cache"
    (folder / KIND).mkdir(parents=True)
    for made in (folder, folder / KIND):
        made.chmod(0o700)
    shutil.copy2(session_index_entry, folder / KIND / session_index_entry.name)
    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(folder))
    return folder


KIND, VERSION, KEY = name_index.index_entry()


def entry_path(cache: Path) -> Path:
    (found,) = (cache / KIND).glob("*.bin")
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


def test_300_random_corruptions_never_pass_the_checksum(tmp_path):
    rng = random.Random(20261202)
    payload = rng.randbytes(300_000)
    path = tmp_path / "entry.bin"
    write_entry(path, KIND, VERSION, payload)
    whole = path.read_bytes()
    passed = 0
    for _ in range(300):
        damaged = corrupt(whole, rng)
        path.write_bytes(damaged)
        found = read_entry(path, KIND, VERSION)
        if damaged == whole:
            assert found == payload
        else:
            assert found is None
            passed += 1
    assert passed >= 295  # a corruption can leave the bytes as they were


def _sectioned_sample(rng: random.Random) -> tuple[bytes, dict[str, bytes]]:
    writer = EntryWriter()
    sections = {f"s{n}": rng.randbytes(rng.randint(0, 40_000)) for n in range(8)}
    for name, data in sections.items():
        writer.add(name, data)
    return writer.finish("sample", 1, {"n": len(sections)}), sections


def test_300_random_corruptions_of_a_sectioned_entry_are_never_read(tmp_path):
    """Every byte read from a sectioned entry is checked: a damaged one either fails the
    header and meta (the entry reads as missing) or its block's CRC when read."""
    rng = random.Random(20261203)
    whole, sections = _sectioned_sample(rng)
    path = tmp_path / "entry.bin"
    caught = 0
    for _ in range(300):
        damaged = corrupt(whole, rng)
        path.write_bytes(damaged)
        entry = SectionFile.open(path, "sample", 1, "sample")
        if entry is None:
            caught += 1
            continue
        try:
            read = {name: entry.whole(name) for name in sections}
        except DamagedEntry:
            caught += 1
            continue
        assert read == sections  # what was read is what was written, damage or not
        assert damaged == whole or damaged[:len(whole)] == whole  # only bytes past the end
    assert caught >= 200  # the rest: bytes appended past the payload, or none changed


def test_a_damaged_block_is_rebuilt_once_and_reading_goes_on(tmp_path, capsys):
    rng = random.Random(7)
    whole, sections = _sectioned_sample(rng)
    path = tmp_path / "entry.bin"
    path.write_bytes(whole)
    entry = SectionFile.open(path, "sample", 1, "sample", rebuild=lambda: whole)
    assert entry is not None
    damaged = bytearray(whole)
    damaged[-5] ^= 0xFF  # in the last block of the payload
    path.write_bytes(bytes(damaged))
    assert {name: entry.whole(name) for name in sections} == sections
    assert capsys.readouterr().err.count("warning: the cached sample") == 1
    assert path.read_bytes() == whole  # rebuilt whole


def test_a_foreign_entry_with_a_valid_checksum_runs_no_code(cache, tmp_path):
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    name_index.load_index()
    path = entry_path(cache)
    write_entry(path, KIND, VERSION, pickle.dumps(Evil()))
    name_index._LOADED.clear()  # as a new process would: read the entry from disk
    place = Gazetteer(country="AM").resolve("Syunik")
    assert place.id == "AM-SU" and not marker.exists()


@pytest.mark.parametrize("seed", range(4))  # each one rebuilds the index (~30 s)
def test_commands_answer_right_after_a_corruption(cache, capsys, seed):
    name_index.load_index()
    path = entry_path(cache)
    path.write_bytes(corrupt(path.read_bytes(), random.Random(seed)))
    name_index._LOADED.clear()  # as a new process would: read the entry from disk
    assert Gazetteer(country="AM").resolve("Gyumri").name == "Gyumri"
    assert Gazetteer(country="AM").resolve("Syunik").id == "AM-SU"
    err = capsys.readouterr().err
    assert err.count("warning: the cached name index") <= 1
    if err:  # rebuilt whole (a damage no look-up reads is never trusted nor repaired)
        assert SectionFile.open(entry_path(cache), KIND, VERSION, "index") is not None


def test_a_damage_in_every_block_is_rebuilt_once_and_answers_stay(cache, capsys):
    name_index.load_index()
    path = entry_path(cache)
    data = bytearray(path.read_bytes())
    start = data.index(b"\n") + 1 + int(data[:data.index(b"\n")].split(b" ")[3])
    for at in range(start + 100, len(data), 16384):
        data[at] ^= 0x01
    path.write_bytes(bytes(data))
    name_index._LOADED.clear()
    gazetteer = Gazetteer(country="AM")
    assert gazetteer.resolve("Gyumri").name == "Gyumri"
    assert gazetteer.resolve("Syunik").id == "AM-SU"
    assert capsys.readouterr().err.count("warning: the cached name index") == 1
    entry = SectionFile.open(path, KIND, VERSION, "index")
    assert entry is not None and all(entry.whole(name) is not None for name in entry.sections)


def test_a_home_that_does_not_exist_is_a_folder_name(monkeypatch):
    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", "~nosuchuser-deploymap/x")
    assert cache_root() == Path("~nosuchuser-deploymap/x")


# --- every cache the build reads: damage each entry, and the next build is still right ---

def _build(cache: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geo", "build", "--out", str(out), "--format", "html,pdf,svg,png",
         "--jobs", "1", *extra], capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "DEPLOYMAP_CACHE_DIR": str(cache)})


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _damage(path: Path, how: int) -> None:
    data = path.read_bytes()
    if data.startswith(b"deploymap-sections"):  # read in place: damage what every read checks
        head = data.index(b"\n") + 1
        if how % 3 == 0:  # a flipped bit in the meta
            path.write_bytes(data[:head + 5] + bytes([data[head + 5] ^ 0x10]) + data[head + 6:])
        elif how % 3 == 1:
            path.write_bytes(data[:head + 10])
        else:
            path.write_bytes(b"deploymap-sections junk 1 5 0\n[1,2]")
        return
    if how % 3 == 0:  # one flipped bit in the payload
        at = len(data) - 1 - (how * 7919) % max(1, len(data) // 2)
        path.write_bytes(data[:at] + bytes([data[at] ^ 0x10]) + data[at + 1:])
    elif how % 3 == 1:  # cut short
        path.write_bytes(data[:len(data) // 3])
    else:  # a well-formed entry of the right kind and version whose payload is not ours
        kind, version = data.split(b" ")[1].decode(), int(data.split(b" ")[2])
        write_entry(path, kind, version, b"\x00\x00\x00\x00\x00\x00\x00\x05[1,2]junk")


CACHE_KINDS = ("boundaries", "index", "html-basemap", "static-basemap", "font-subset",
               "text-tiles", "text-measures")


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A cache filled by one build, and that build's files (the reference)."""
    root = tmp_path_factory.mktemp("warm")
    result = _build(root / "cache", root / "maps")
    assert result.returncode == 0, result.stderr
    kinds = {p.name for p in (root / "cache").iterdir()}
    assert set(CACHE_KINDS) <= kinds, kinds
    return root / "cache", _digests(root / "maps")


@pytest.mark.parametrize("kind", CACHE_KINDS)
def test_each_damaged_cache_entry_is_rebuilt_and_the_maps_are_the_same(
        warm_cache, tmp_path, kind):
    source, reference = warm_cache
    cache = tmp_path / "cache"
    shutil.copytree(source, cache)
    entries = sorted((cache / kind).glob("*.bin"))
    assert entries
    for how, entry in enumerate(entries):
        _damage(entry, how)
    result = _build(cache, tmp_path / "maps")
    assert result.returncode == 0, result.stderr
    assert _digests(tmp_path / "maps") == reference
    warnings = [line for line in result.stderr.splitlines() if "warning: the cached" in line]
    # one line for each damaged entry the build read (the index, once cached, spares some
    # boundary layers from being read at all)
    named = [entry for entry in entries if any(str(entry) in line for line in warnings)]
    assert named and len(warnings) == len(named), result.stderr
    for entry in named:  # rebuilt whole: read back as it was written
        data = entry.read_bytes()
        kind_name, version = data.split(b" ")[1].decode(), int(data.split(b" ")[2])
        if data.startswith(b"deploymap-sections"):
            assert SectionFile.open(entry, kind_name, version, kind_name) is not None
        else:
            assert read_entry(entry, kind_name, version) is not None
    again = _build(cache, tmp_path / "maps2")  # and the rebuilt entries are used, silently
    assert again.returncode == 0 and "warning" not in again.stderr
    assert _digests(tmp_path / "maps2") == reference


def test_a_damaged_fuzzy_index_is_rebuilt_and_suggestions_stay(tmp_path):
    env = {**os.environ, "DEPLOYMAP_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "geo", "resolve", "Syunk"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 2 and "did you mean: Syunik" in first.stderr
    (entry,) = (tmp_path / "cache" / "fuzzy-index").glob("*.bin")
    for how in range(3):
        _damage(entry, how)
        again = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert again.returncode == 2
        assert again.stderr.count("warning: the cached fuzzy name index") == 1
        assert again.stderr.splitlines()[-1] == first.stderr.splitlines()[-1]


def test_a_read_only_or_full_cache_only_costs_time(tmp_path):
    """Writes to the cache that fail (here: the cache path is a file) never fail a build."""
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    result = _build(blocker, tmp_path / "maps", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "maps" / "armenia-2024.en.html").exists()


def test_a_file_digest_is_remembered_until_the_file_is_written(tmp_path, monkeypatch):
    from geo import cache as cache_module
    from geo.cache import file_digest, stamps

    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "layer.geojson"
    data.write_bytes(b"first version")
    assert file_digest(data) == hashlib.sha256(b"first version").hexdigest()

    def forget() -> None:  # as a new process starts
        monkeypatch.setattr(cache_module, "_DIGESTS", {})
        monkeypatch.setattr(stamps, "_READ", {})

    forget()
    monkeypatch.setattr(stamps, "_hash", lambda path: pytest.fail("hashed again"))
    assert file_digest(data) == hashlib.sha256(b"first version").hexdigest()
    monkeypatch.undo()
    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "cache"))
    # the same size, the modification time set back: the change time still tells
    before = data.stat()
    data.write_bytes(b"other version")
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert data.stat().st_mtime_ns == before.st_mtime_ns
    forget()
    assert file_digest(data) == hashlib.sha256(b"other version").hexdigest()


@pytest.mark.parametrize("how", range(3))
def test_a_damaged_digest_entry_is_made_again_and_the_maps_are_the_same(
        warm_cache, tmp_path, how):
    from geo.cache import stamps

    source, reference = warm_cache
    cache = tmp_path / "cache"
    shutil.copytree(source, cache)
    entry = cache / stamps.KIND / "stamps.bin"
    assert read_entry(entry, stamps.KIND, stamps.VERSION) is not None
    _damage(entry, how)
    result = _build(cache, tmp_path / "maps")
    assert result.returncode == 0, result.stderr
    assert _digests(tmp_path / "maps") == reference
    assert read_entry(entry, stamps.KIND, stamps.VERSION) is not None, "made whole again"


def test_a_shipped_entry_is_copied_in_unless_the_cache_has_one(tmp_path, monkeypatch):
    """The text stores read an entry shipped with the package when the cache folder has
    none (copied in first, as memoized entries are); a damaged one of the cache folder is
    read as it is (and rebuilt by its reader), never replaced by the shipped one."""
    from geo.cache import prebuilt, with_shipped

    monkeypatch.setenv("DEPLOYMAP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(prebuilt, "PREBUILT", tmp_path / "shipped")
    path = tmp_path / "cache" / "text-measures" / "abc.bin"
    assert with_shipped(path, "text-measures") == path and not path.exists()
    write_entry(tmp_path / "shipped" / "text-measures" / "abc.bin", "text-measures", 1,
                b"measured")
    assert with_shipped(path, "text-measures") == path
    assert read_entry(path, "text-measures", 1) == b"measured"
    path.write_bytes(b"damaged")
    assert with_shipped(path, "text-measures") == path
    assert path.read_bytes() == b"damaged"


def test_old_entries_of_a_kind_go_past_its_byte_budget(tmp_path, monkeypatch):
    import os

    import geo.cache as cache_module

    monkeypatch.setattr(cache_module, "BYTES_PER_KIND", 250)
    folder = tmp_path / "index"
    folder.mkdir()
    for number in range(5):  # five entries of 100 bytes, the newest last
        entry = folder / f"{number:02d}.bin"
        entry.write_bytes(b"x" * 100)
        os.utime(entry, ns=(number * 10**9, number * 10**9))
    cache_module._prune(folder, keep=folder / "00.bin")  # the one written now: the oldest
    # the one just written stays whatever its time; then the newest while under 250 bytes
    assert sorted(p.name for p in folder.glob("*.bin")) == ["00.bin", "04.bin"]
