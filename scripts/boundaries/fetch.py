"""Download the pinned registry packages and check their hashes (build time only)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

PINS = Path(__file__).with_name("pins.toml")


@dataclass(frozen=True)
class Package:
    """One pinned registry package and what we take from it."""

    key: str
    registry: str
    spec: str
    filename: str
    sha256: str
    files: tuple[str, ...]
    licence: str
    attribution: str
    used_for: str
    path: Path

    def read_all(self, members: list[str]) -> dict[str, bytes]:
        """Bytes of several files, in one pass over the archive (a .tgz is read serially)."""
        if self.filename.endswith(".whl"):
            return {m: self.read(m) for m in members}
        wanted, found = set(members), {}
        with tarfile.open(self.path) as archive:
            for info in archive:
                if info.name in wanted:
                    handle = archive.extractfile(info)
                    if handle is not None:
                        found[info.name] = handle.read()
        missing = wanted - set(found)
        if missing:
            raise FileNotFoundError(f"{sorted(missing)[0]} in {self.path}")
        return found

    def read(self, member: str) -> bytes:
        """Bytes of one file inside the package archive."""
        if self.filename.endswith(".whl"):
            with zipfile.ZipFile(self.path) as archive:
                return archive.read(member)
        with tarfile.open(self.path) as archive:
            handle = archive.extractfile(member)
            if handle is None:
                raise FileNotFoundError(f"{member} in {self.path}")
            return handle.read()


def load_pins() -> dict[str, dict]:
    """The pinned packages from ``pins.toml``."""
    with PINS.open("rb") as handle:
        return tomllib.load(handle)["packages"]


def _download(entry: dict, cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    if entry["registry"] == "npm":
        command = ["npm", "pack", entry["spec"], "--pack-destination", str(cache), "--silent"]
    else:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                   "--dest", str(cache), entry["spec"]]
    subprocess.run(command, check=True)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_all(cache: Path) -> dict[str, Package]:
    """Every pinned package, downloaded into ``cache`` if absent, its sha256 checked."""
    packages: dict[str, Package] = {}
    for key, entry in load_pins().items():
        path = cache / entry["filename"]
        if not path.exists():
            print(f"downloading {entry['spec']} ...", file=sys.stderr)
            _download(entry, cache)
        actual = sha256_of(path)
        if actual != entry["sha256"]:
            raise SystemExit(
                f"{path}: sha256 {actual} does not match the pin {entry['sha256']} in {PINS}"
            )
        packages[key] = Package(
            key=key,
            registry=entry["registry"],
            spec=entry["spec"],
            filename=entry["filename"],
            sha256=entry["sha256"],
            files=tuple(entry["files"]),
            licence=entry["licence"],
            attribution=entry["attribution"],
            used_for=entry["used_for"],
            path=path,
        )
    return packages
